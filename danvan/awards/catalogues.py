"""The forms of commendation every install starts with; administrators add more."""

FORMS = [
    ("giay-khen", "Giấy khen"),
    ("bang-khen", "Bằng khen"),
    ("co-thi-dua", "Cờ thi đua"),
    ("chien-si-thi-dua", "Danh hiệu Chiến sĩ thi đua"),
]


def seed_forms(form_model):
    for order, (code, name) in enumerate(FORMS):
        form_model.objects.get_or_create(code=code, defaults={"name": name, "order": order})
