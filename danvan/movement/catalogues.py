"""The configurable catalogues every install starts with; administrators add more in the admin."""

FIELDS = [
    ("kinh-te", "Kinh tế"),
    ("van-hoa-xa-hoi", "Văn hóa – xã hội"),
    ("quoc-phong-an-ninh", "Quốc phòng – an ninh"),
    ("xay-dung-he-thong-chinh-tri", "Xây dựng Đảng, chính quyền, hệ thống chính trị"),
]

PHASES = [(2016, 2020), (2021, 2025), (2026, 2030)]

# Five standards for collectives and five for individuals (Hướng dẫn of the Ban Dân vận Trung ương).
CRITERIA = {
    "collective": [
        "Có kế hoạch, nội dung, cách làm cụ thể, phù hợp thực tiễn",
        "Huy động được sự tham gia của đông đảo nhân dân",
        "Mang lại hiệu quả thiết thực về kinh tế – xã hội",
        "Được nhân dân đồng tình, ủng hộ; duy trì thường xuyên",
        "Có khả năng nhân rộng ở nơi khác",
    ],
    "individual": [
        "Gương mẫu, trọng dân, gần dân, hiểu dân, học dân, có trách nhiệm với dân",
        "Có cách làm sáng tạo, hiệu quả trong vận động nhân dân",
        "Kết quả vận động được thể hiện bằng số liệu cụ thể",
        "Được nhân dân tín nhiệm, đồng tình",
        "Có sức lan tỏa, được học tập, làm theo",
    ],
}


def seed_catalogues(field_model, phase_model, criterion_model):
    """Create what is missing; the models may be a migration's historical models."""
    for order, (code, name) in enumerate(FIELDS):
        field_model.objects.get_or_create(code=code, defaults={"name": name, "order": order})
    for start, end in PHASES:
        phase_model.objects.get_or_create(start_year=start, end_year=end, defaults={"name": f"{start}–{end}"})
    for holder, names in CRITERIA.items():
        for order, name in enumerate(names, 1):
            criterion_model.objects.get_or_create(holder=holder, name=name, defaults={"order": order})
