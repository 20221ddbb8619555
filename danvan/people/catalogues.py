"""The national lists persons are described by: the 54 ethnic groups in the General Statistics Office's
order and codes (Quyết định 121-TCTK/PPCĐ), and the religions the State has recognised. Seeded by a
migration; an administrator edits them as catalogues."""

ETHNICITIES = [
    "Kinh", "Tày", "Thái", "Hoa", "Khơ-me", "Mường", "Nùng", "HMông", "Dao", "Gia-rai", "Ngái", "Ê-đê", "Ba-na",
    "Xơ-đăng", "Sán Chay", "Cơ-ho", "Chăm", "Sán Dìu", "Hrê", "Mnông", "Ra-glai", "Xtiêng", "Bru-Vân Kiều", "Thổ",
    "Giáy", "Cơ-tu", "Giẻ-Triêng", "Mạ", "Khơ-mú", "Co", "Tà-ôi", "Chơ-ro", "Kháng", "Xinh-mun", "Hà Nhì", "Chu-ru",
    "Lào", "La Chí", "La Ha", "Phù Lá", "La Hủ", "Lự", "Lô Lô", "Chứt", "Mảng", "Pà Thẻn", "Cờ Lao", "Cống", "Bố Y",
    "Si La", "Pu Péo", "Brâu", "Ơ-đu", "Rơ-măm",
]
MAJORITY = "01"  # Kinh: every other group counts as an ethnic minority

RELIGIONS = [
    ("phat-giao", "Phật giáo"), ("cong-giao", "Công giáo"), ("tin-lanh", "Tin lành"), ("cao-dai", "Cao Đài"),
    ("hoa-hao", "Phật giáo Hòa Hảo"), ("hoi-giao", "Hồi giáo"), ("bahai", "Tôn giáo Baha'i"),
    ("tinh-do-cu-si", "Tịnh độ Cư sĩ Phật hội Việt Nam"), ("co-doc-phuc-lam", "Cơ đốc Phục lâm"),
    ("tu-an-hieu-nghia", "Phật giáo Tứ Ân Hiếu Nghĩa"), ("minh-su-dao", "Minh Sư đạo"),
    ("minh-ly-dao", "Minh Lý đạo - Tam Tông Miếu"), ("ba-la-mon", "Bà-la-môn"), ("mac-mon", "Mặc môn"),
    ("hieu-nghia-ta-lon", "Phật giáo Hiếu Nghĩa Tà Lơn"), ("buu-son-ky-huong", "Bửu Sơn Kỳ Hương"),
]


def seed_catalogues(ethnicity_model, religion_model):
    """Create what is missing; the models may be a migration's historical models."""
    for order, name in enumerate(ETHNICITIES, 1):
        code = f"{order:02d}"
        ethnicity_model.objects.get_or_create(code=code, defaults={"name": name, "order": order, "minority": code != MAJORITY})
    for order, (code, name) in enumerate(RELIGIONS, 1):
        religion_model.objects.get_or_create(code=code, defaults={"name": name, "order": order})


# CiviCRM's weighted dedupe rules, the two of issue 13: each field's weight, the rule's threshold.
DUPLICATE_RULES = [
    ("Cùng họ tên, ngày sinh và xã", 30, [("folded_name", 10), ("birth_date", 10), ("unit", 10)]),
    ("Cùng số định danh cá nhân", 10, [("citizen_id", 10)]),
]


def seed_duplicate_rules(rule_model, field_model):
    for name, threshold, fields in DUPLICATE_RULES:
        rule, created = rule_model.objects.get_or_create(name=name, defaults={"threshold": threshold})
        if created:
            field_model.objects.bulk_create([field_model(rule=rule, field=field, weight=weight) for field, weight in fields])
