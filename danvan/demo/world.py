"""Units, hamlets, organisations and people named in the seeds (with their titles).

Each record is looked up by its natural key first and otherwise saved through
``core.services.save_record`` (units, organisations and people have no service of their
own), so that a second run creates nothing and every record has its audit entry.
"""

import dataclasses
import datetime

from danvan.core.choices import Level
from danvan.core.services import save_record
from danvan.organizations.models import Organization, OrganizationKind, OrganizationLink
from danvan.people.models import Person, Position
from danvan.units.choices import UnitType
from danvan.units.models import Unit
from danvan.units.services import find_official

LEGACY_END = datetime.date(2025, 6, 30)
REFORM = datetime.date(2025, 7, 1)
# The day the demo's officials first enter their organisations and people.
ENTERED = datetime.date(2016, 1, 4)

# Legacy district → (province, communes the seeds speak of, hamlets by commune).
DISTRICTS = {
    "Năm Căn": ("Cà Mau", {"Hiệp Tùng": ["Kinh Mới"]}),
    "Giồng Trôm": ("Bến Tre", {"Mỹ Thạnh": ["Nghĩa Huấn"]}),
    "U Minh Thượng": ("Kiên Giang", {"Thạnh Yên": ["Đặng Văn Do", "Xẻo Kè"], "Minh Thuận": ["Minh Dũng"]}),
    "Kim Sơn": ("Ninh Bình", {}),
}


@dataclasses.dataclass
class Places:
    provinces: dict  # legacy province name → Unit
    districts: dict  # district name → Unit
    communes: dict  # commune name → Unit
    hamlets: dict  # hamlet name → Unit
    current_ca_mau: Unit


def build_places(story):
    story.on(ENTERED)
    provinces, districts, communes, hamlets = {}, {}, {}, {}
    for district_name, (province_name, commune_hamlets) in DISTRICTS.items():
        province = find_official(Level.PROVINCE, province_name)
        district = find_official(Level.DISTRICT, district_name, parent=province)
        provinces[province_name], districts[district_name] = province, district
        for commune_name, hamlet_names in commune_hamlets.items():
            commune = find_official(Level.COMMUNE, commune_name, parent=district)
            communes[commune_name] = commune
            for hamlet_name in hamlet_names:
                hamlets[hamlet_name] = _hamlet(story, commune, hamlet_name)
    return Places(provinces, districts, communes, hamlets, find_official(Level.PROVINCE, "Cà Mau", legacy=False))


def _hamlet(story, commune, name):
    found = Unit.objects.filter(parent=commune, name=name, type=UnitType.AP).first()
    return found or save_record(story.user, Unit(parent=commune, name=name, type=UnitType.AP, valid_to=commune.valid_to))


def _kind(code):
    return OrganizationKind.objects.get(code=code)


def organization(story, name, kind_code, unit, valid_from=None, valid_to=None, parent=None):
    """The organisation ``name`` on ``unit``, registered if new (with its parent for the same period)."""
    org = Organization.objects.select_related("unit").filter(name=name, unit=unit).first()
    if org is None:
        org = save_record(story.user, Organization(
            name=name, unit=unit, kind=_kind(kind_code), valid_from=valid_from, valid_to=valid_to or unit.valid_to,
        ))
    if parent is not None and not OrganizationLink.objects.filter(organization=org, parent=parent).exists():
        save_record(story.user, OrganizationLink(organization=org, parent=parent, valid_from=valid_from))
    return org


def person(story, full_name, unit, gender=""):
    found = Person.objects.filter(full_name=full_name, unit=unit).first()
    return found or save_record(story.user, Person(full_name=full_name, unit=unit, gender=gender))


def hold(story, person_record, org, title, valid_from=None, valid_to=None):
    if not Position.objects.filter(person=person_record, organization=org, title=title).exists():
        save_record(story.user, Position(person=person_record, organization=org, title=title, valid_from=valid_from, valid_to=valid_to))


def _district_bodies(story, district):
    """The district's Party committee, its mobilization commission, government and Front."""
    name = district.name
    party = organization(story, f"Huyện ủy {name}", "huyen-uy", district)
    return {
        "party": party,
        "commission": organization(story, f"Ban Dân vận Huyện ủy {name}", "ban-dan-van", district, parent=party),
        "government": organization(story, f"UBND huyện {name}", "ubnd", district),
        "front": organization(story, f"Ủy ban MTTQ Việt Nam huyện {name}", "ubmttq", district),
        "steering": organization(
            story, f"Ban Chỉ đạo Quy chế dân chủ ở cơ sở và phong trào \"Dân vận khéo\" huyện {name}",
            "ban-chi-dao-qcdc-dvk", district, parent=party,
        ),
    }


def _commune_bodies(story, commune):
    name, word = commune.name, commune.type_word
    bodies = {
        "party": organization(story, f"Đảng ủy {word} {name}", "dang-uy-xa", commune),
        "front": organization(story, f"Ủy ban MTTQ Việt Nam {word} {name}", "ubmttq", commune),
        "government": organization(story, f"UBND {word} {name}", "ubnd", commune),
    }
    for key, kind_code, label in [
        ("farmers", "hoi-nong-dan", "Hội Nông dân"),
        ("women", "hoi-lhpn", "Hội Liên hiệp Phụ nữ"),
        ("youth", "doan-tncs", "Đoàn TNCS Hồ Chí Minh"),
        ("veterans", "hoi-ccb", "Hội Cựu chiến binh"),
        ("red_cross", "hoi-chu-thap-do", "Hội Chữ thập đỏ"),
    ]:
        bodies[key] = organization(story, f"{label} {word} {name}", kind_code, commune)
    return bodies


def build_organizations_and_people(story):
    story.on(ENTERED)
    _nam_can(story, story.places)
    _giong_trom(story, story.places)
    _u_minh_thuong(story, story.places)
    _kim_son(story, story.places)
    _ca_mau_after_reform(story, story.places)


def _nam_can(story, places):
    district = places.districts["Năm Căn"]
    bodies = _district_bodies(story, district)
    _commune_bodies(story, places.communes["Hiệp Tùng"])
    organization(story, "Ban công tác Mặt trận ấp Kinh Mới", "ban-cong-tac-mat-tran", places.hamlets["Kinh Mới"])
    giang = person(story, "Tôn Nữ Hương Giang", district, "female")
    hold(story, giang, bodies["party"], "Ủy viên Ban Thường vụ Huyện ủy")
    hold(story, giang, bodies["commission"], "Trưởng Ban Dân vận Huyện ủy")
    hold(story, giang, bodies["front"], "Chủ tịch Ủy ban MTTQ Việt Nam huyện")
    office = organization(story, "Văn phòng Huyện ủy Năm Căn", "van-phong-cap-uy", district, parent=bodies["party"])
    hold(story, person(story, "Minh Sửa", district), office, "Phóng viên")


def _giong_trom(story, places):
    district = places.districts["Giồng Trôm"]
    bodies = _district_bodies(story, district)
    commune = _commune_bodies(story, places.communes["Mỹ Thạnh"])
    hien = person(story, "Nguyễn Văn Hiền", district, "male")
    hold(story, hien, bodies["party"], "Ủy viên Ban Thường vụ Huyện ủy")
    hold(story, hien, bodies["commission"], "Trưởng Ban Dân vận Huyện ủy")
    thai = person(story, "Nguyễn Hoàng Thái", places.communes["Mỹ Thạnh"], "male")
    hold(story, thai, bodies["party"], "Huyện ủy viên")
    hold(story, thai, commune["party"], "Bí thư Đảng ủy xã")


def _u_minh_thuong(story, places):
    district = places.districts["U Minh Thượng"]
    province = places.provinces["Kiên Giang"]
    bodies = _district_bodies(story, district)
    thanh_yen = _commune_bodies(story, places.communes["Thạnh Yên"])
    minh_thuan = _commune_bodies(story, places.communes["Minh Thuận"])
    provincial_party = organization(story, "Tỉnh ủy Kiên Giang", "tinh-uy", province)
    provincial_commission = organization(story, "Ban Dân vận Tỉnh ủy Kiên Giang", "ban-dan-van", province, parent=provincial_party)
    organization(story, "Chi hội Phụ nữ ấp Đặng Văn Do", "chi-hoi", places.hamlets["Đặng Văn Do"], parent=thanh_yen["women"])
    organization(story, "Chi hội Nông dân ấp Xẻo Kè", "chi-hoi", places.hamlets["Xẻo Kè"], parent=thanh_yen["farmers"])
    organization(story, "Chi hội Cựu chiến binh ấp Minh Dũng", "chi-hoi", places.hamlets["Minh Dũng"], parent=minh_thuan["veterans"])

    thang = person(story, "Đặng Xuân Thắng", district, "male")
    hold(story, thang, bodies["party"], "Phó Bí thư Thường trực Huyện ủy")
    hold(story, thang, bodies["steering"], "Trưởng ban Chỉ đạo phong trào thi đua \"Dân vận khéo\" huyện")
    ut = person(story, "Phạm Văn Út", district, "male")
    hold(story, ut, bodies["party"], "Huyện ủy viên")
    hold(story, ut, bodies["commission"], "Trưởng Ban Dân vận Huyện ủy")
    hold(story, ut, bodies["steering"], "Phó Ban Chỉ đạo phong trào thi đua \"Dân vận khéo\" huyện")
    dung = person(story, "Lê Tiến Dũng", district, "male")
    hold(story, dung, bodies["party"], "Huyện ủy viên")
    hold(story, dung, bodies["government"], "Phó Chủ tịch UBND huyện")
    duc = person(story, "Phan Thành Đức", province, "male")
    hold(story, duc, provincial_commission, "Phó Trưởng ban Dân vận Tỉnh ủy")


def _kim_son(story, places):
    district = places.districts["Kim Sơn"]
    province = places.provinces["Ninh Bình"]
    bodies = _district_bodies(story, district)
    provincial_commission = organization(
        story, "Ban Dân vận Tỉnh ủy Ninh Bình", "ban-dan-van", province,
        parent=organization(story, "Tỉnh ủy Ninh Bình", "tinh-uy", province),
    )
    hold(story, person(story, "Hoàng Văn Thắng", district, "male"), bodies["party"], "Phó Bí thư Huyện ủy")
    tuyen = person(story, "Ngô Văn Tuyến", district, "male")
    hold(story, tuyen, bodies["party"], "Ủy viên Ban Thường vụ Huyện ủy")
    hold(story, tuyen, bodies["commission"], "Trưởng Ban Dân vận Huyện ủy")
    phuong = person(story, "Hoàng Văn Phương", district, "male")
    hold(story, phuong, bodies["party"], "Huyện ủy viên")
    hold(story, phuong, bodies["government"], "Phó Chủ tịch UBND huyện")
    hold(story, person(story, "Dương Thị Hà", province, "female"), provincial_commission, "Chánh Văn phòng Ban Dân vận Tỉnh ủy")
    office = organization(story, "Văn phòng Huyện ủy Kim Sơn", "van-phong-cap-uy", district, parent=bodies["party"])
    hold(story, person(story, "Ngô Quyền", district), office, "Phóng viên")


def _ca_mau_after_reform(story, places):
    """Cà Mau before and after 7/2025: the commission renamed, mass organisations moved under the Front."""
    legacy, current = places.provinces["Cà Mau"], places.current_ca_mau
    old_party = organization(story, "Tỉnh ủy Cà Mau", "tinh-uy", legacy)
    old_commission = organization(story, "Ban Dân vận Tỉnh ủy Cà Mau", "ban-dan-van", legacy, parent=old_party)
    story.on(REFORM)
    new_party = organization(story, "Tỉnh ủy Cà Mau", "tinh-uy", current, valid_from=REFORM)
    new_commission = organization(
        story, "Ban Tuyên giáo và Dân vận Tỉnh ủy Cà Mau", "ban-tuyen-giao-dan-van", current, valid_from=REFORM, parent=new_party
    )
    if old_commission.successor_id is None:
        old_commission.successor = new_commission
        save_record(story.user, old_commission)
    front = organization(story, "Ủy ban MTTQ Việt Nam tỉnh Cà Mau", "ubmttq", current, valid_from=REFORM)
    for label, kind_code in [("Hội Nông dân", "hoi-nong-dan"), ("Hội Liên hiệp Phụ nữ", "hoi-lhpn"),
                             ("Đoàn TNCS Hồ Chí Minh", "doan-tncs"), ("Hội Cựu chiến binh", "hoi-ccb"),
                             ("Công đoàn", "cong-doan")]:
        organization(story, f"{label} tỉnh Cà Mau", kind_code, current, valid_from=REFORM, parent=front)
