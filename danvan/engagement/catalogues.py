"""The common fields of petitions, and the four kinds with their time limits in working days and where they come from.

Data an administrator edits afterwards: a province's own rule for kiến nghị, phản ánh may set another limit.
Seeded by a migration, and again by the demo (a test that commits empties the tables the migration filled).
"""

FIELDS = ["Đất đai", "Môi trường", "Chính sách xã hội", "Hạ tầng", "An ninh trật tự", "Khác"]
KINDS = [
    # name, time limit (working days), legal basis, handled under its own law
    ("Kiến nghị", 10, "Điều 28 Luật Tiếp công dân 2013; quy chế tiếp nhận, xử lý phản ánh, kiến nghị của địa phương", False),
    ("Phản ánh", 10, "Điều 28 Luật Tiếp công dân 2013; quy chế tiếp nhận, xử lý phản ánh, kiến nghị của địa phương", False),
    ("Khiếu nại", 30, "Điều 28 Luật Khiếu nại 2011 (giải quyết khiếu nại lần đầu)", True),
    ("Tố cáo", 30, "Điều 30 Luật Tố cáo 2018", True),
]


def seed_catalogues(PetitionField, PetitionKind):  # noqa: N803 (historical models in the migration)
    for order, name in enumerate(FIELDS, start=1):
        PetitionField.objects.get_or_create(name=name, defaults={"order": order})
    for order, (name, days, basis, own_law) in enumerate(KINDS, start=1):
        PetitionKind.objects.get_or_create(name=name, defaults={"time_limit_days": days, "legal_basis": basis, "own_law": own_law, "order": order})
