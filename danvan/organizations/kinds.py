"""The real organisation kinds every install starts with; administrators add more.

Each entry: code, Vietnamese name, category, valid_from, valid_to.
"""

import datetime

from danvan.organizations.choices import KindCategory

REFORM = datetime.date(2025, 7, 1)
BEFORE_REFORM = datetime.date(2025, 6, 30)

SEED_KINDS = [
    ("tinh-uy", "Tỉnh ủy", KindCategory.PARTY_COMMITTEE, None, None),
    ("huyen-uy", "Huyện ủy", KindCategory.PARTY_COMMITTEE, None, BEFORE_REFORM),
    ("dang-uy-xa", "Đảng ủy xã/phường/thị trấn/đặc khu", KindCategory.PARTY_COMMITTEE, None, None),
    ("chi-bo", "Chi bộ", KindCategory.PARTY_COMMITTEE, None, None),
    ("van-phong-cap-uy", "Văn phòng cấp ủy", KindCategory.PARTY_BODY, None, None),
    ("ban-dan-van", "Ban Dân vận", KindCategory.PARTY_BODY, None, BEFORE_REFORM),
    ("ban-tuyen-giao-dan-van", "Ban Tuyên giáo và Dân vận", KindCategory.PARTY_BODY, REFORM, None),
    ("ban-xay-dung-dang", "Ban Xây dựng Đảng", KindCategory.PARTY_BODY, REFORM, None),
    ("ban-chi-dao-qcdc-dvk", "Ban Chỉ đạo Quy chế dân chủ ở cơ sở và phong trào \"Dân vận khéo\"", KindCategory.STEERING_COMMITTEE, None, None),
    ("ubnd", "Ủy ban nhân dân", KindCategory.GOVERNMENT, None, None),
    ("ubmttq", "Ủy ban MTTQ Việt Nam", KindCategory.FRONT, None, None),
    ("ban-cong-tac-mat-tran", "Ban công tác Mặt trận", KindCategory.FRONT, None, None),
    ("hoi-nong-dan", "Hội Nông dân", KindCategory.MASS_ORGANIZATION, None, None),
    ("hoi-lhpn", "Hội Liên hiệp Phụ nữ", KindCategory.MASS_ORGANIZATION, None, None),
    ("doan-tncs", "Đoàn TNCS Hồ Chí Minh", KindCategory.MASS_ORGANIZATION, None, None),
    ("hoi-ccb", "Hội Cựu chiến binh", KindCategory.MASS_ORGANIZATION, None, None),
    ("cong-doan", "Công đoàn", KindCategory.MASS_ORGANIZATION, None, None),
    ("hoi-chu-thap-do", "Hội Chữ thập đỏ", KindCategory.MASS_ORGANIZATION, None, None),
    ("hoi-nguoi-cao-tuoi", "Hội Người cao tuổi", KindCategory.MASS_ORGANIZATION, None, None),
    ("chi-hoi", "Chi hội", KindCategory.BRANCH, None, None),
    ("chi-doan", "Chi đoàn", KindCategory.BRANCH, None, None),
]


# The kinds whose guide heads their documents with their own title, in the Party's layout (Hướng dẫn
# 29-HD/TWĐTN-VP of the Đoàn; the Hội Nông dân's guide); the others write under the Front's (the national title).
DOCUMENT_TITLES = {"doan-tncs": "Đoàn TNCS Hồ Chí Minh", "chi-doan": "Đoàn TNCS Hồ Chí Minh", "hoi-nong-dan": "Hội Nông dân Việt Nam"}


def seed_kinds(kind_model):
    """Create the seeded kinds that are missing; ``kind_model`` may be a migration's historical model (one from
    before the document title, whose migration gives the titles)."""
    titled = any(field.name == "document_title" for field in kind_model._meta.get_fields())
    for code, name, category, valid_from, valid_to in SEED_KINDS:
        title = {"document_title": DOCUMENT_TITLES[code]} if titled and code in DOCUMENT_TITLES else {}
        kind_model.objects.get_or_create(
            code=code, defaults={"name": name, "category": category, "valid_from": valid_from, "valid_to": valid_to, **title}
        )
