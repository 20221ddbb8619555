"""Units, hamlets, organisations and people named in the seeds (with their titles)."""

import dataclasses
import datetime

from danvan.core.choices import Level
from danvan.organizations.models import Organization, OrganizationKind, OrganizationLink
from danvan.people.models import Person, Position
from danvan.units.choices import UnitType
from danvan.units.models import Unit
from danvan.units.services import find_official

LEGACY_END = datetime.date(2025, 6, 30)
REFORM = datetime.date(2025, 7, 1)

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


def build_places():
    provinces, districts, communes, hamlets = {}, {}, {}, {}
    for district_name, (province_name, commune_hamlets) in DISTRICTS.items():
        province = find_official(Level.PROVINCE, province_name)
        district = find_official(Level.DISTRICT, district_name, parent=province)
        provinces[province_name], districts[district_name] = province, district
        for commune_name, hamlet_names in commune_hamlets.items():
            commune = find_official(Level.COMMUNE, commune_name, parent=district)
            communes[commune_name] = commune
            for hamlet_name in hamlet_names:
                hamlets[hamlet_name] = _hamlet(commune, hamlet_name)
    return Places(provinces, districts, communes, hamlets, find_official(Level.PROVINCE, "Cà Mau", legacy=False))


def _hamlet(commune, name):
    hamlet, _ = Unit.objects.get_or_create(
        parent=commune, name=name, type=UnitType.AP, defaults={"valid_to": commune.valid_to}
    )
    return hamlet


def _kind(code):
    return OrganizationKind.objects.get(code=code)


def organization(name, kind_code, unit, valid_from=None, valid_to=None, parent=None):
    org, _ = Organization.objects.get_or_create(
        name=name, unit=unit,
        defaults={"kind": _kind(kind_code), "valid_from": valid_from, "valid_to": valid_to or unit.valid_to},
    )
    if parent is not None:
        OrganizationLink.objects.get_or_create(organization=org, parent=parent, defaults={"valid_from": valid_from})
    return org


def person(full_name, unit, gender=""):
    found, _ = Person.objects.get_or_create(full_name=full_name, unit=unit, defaults={"gender": gender})
    return found


def hold(person_record, org, title, valid_from=None, valid_to=None):
    Position.objects.get_or_create(
        person=person_record, organization=org, title=title,
        defaults={"valid_from": valid_from, "valid_to": valid_to},
    )


def _district_bodies(district):
    """The district's Party committee, its mobilization commission, government and Front."""
    name = district.name
    party = organization(f"Huyện ủy {name}", "huyen-uy", district)
    return {
        "party": party,
        "commission": organization(f"Ban Dân vận Huyện ủy {name}", "ban-dan-van", district, parent=party),
        "government": organization(f"UBND huyện {name}", "ubnd", district),
        "front": organization(f"Ủy ban MTTQ Việt Nam huyện {name}", "ubmttq", district),
        "steering": organization(
            f"Ban Chỉ đạo Quy chế dân chủ ở cơ sở và phong trào \"Dân vận khéo\" huyện {name}",
            "ban-chi-dao-qcdc-dvk", district, parent=party,
        ),
    }


def _commune_bodies(commune):
    name, word = commune.name, commune.type_word
    party = organization(f"Đảng ủy {word} {name}", "dang-uy-xa", commune)
    front = organization(f"Ủy ban MTTQ Việt Nam {word} {name}", "ubmttq", commune)
    bodies = {"party": party, "front": front, "government": organization(f"UBND {word} {name}", "ubnd", commune)}
    for key, kind_code, label in [
        ("farmers", "hoi-nong-dan", "Hội Nông dân"),
        ("women", "hoi-lhpn", "Hội Liên hiệp Phụ nữ"),
        ("youth", "doan-tncs", "Đoàn TNCS Hồ Chí Minh"),
        ("veterans", "hoi-ccb", "Hội Cựu chiến binh"),
        ("red_cross", "hoi-chu-thap-do", "Hội Chữ thập đỏ"),
    ]:
        bodies[key] = organization(f"{label} {word} {name}", kind_code, commune)
    return bodies


def build_organizations_and_people(places):
    _nam_can(places)
    _giong_trom(places)
    _u_minh_thuong(places)
    _kim_son(places)
    _ca_mau_after_reform(places)


def _nam_can(places):
    district = places.districts["Năm Căn"]
    bodies = _district_bodies(district)
    _commune_bodies(places.communes["Hiệp Tùng"])
    organization("Ban công tác Mặt trận ấp Kinh Mới", "ban-cong-tac-mat-tran", places.hamlets["Kinh Mới"])
    giang = person("Tôn Nữ Hương Giang", district, "female")
    hold(giang, bodies["party"], "Ủy viên Ban Thường vụ Huyện ủy")
    hold(giang, bodies["commission"], "Trưởng Ban Dân vận Huyện ủy")
    hold(giang, bodies["front"], "Chủ tịch Ủy ban MTTQ Việt Nam huyện")
    office = organization("Văn phòng Huyện ủy Năm Căn", "van-phong-cap-uy", district, parent=bodies["party"])
    hold(person("Minh Sửa", district), office, "Phóng viên")


def _giong_trom(places):
    district = places.districts["Giồng Trôm"]
    bodies = _district_bodies(district)
    commune = _commune_bodies(places.communes["Mỹ Thạnh"])
    hien = person("Nguyễn Văn Hiền", district, "male")
    hold(hien, bodies["party"], "Ủy viên Ban Thường vụ Huyện ủy")
    hold(hien, bodies["commission"], "Trưởng Ban Dân vận Huyện ủy")
    thai = person("Nguyễn Hoàng Thái", places.communes["Mỹ Thạnh"], "male")
    hold(thai, bodies["party"], "Huyện ủy viên")
    hold(thai, commune["party"], "Bí thư Đảng ủy xã")


def _u_minh_thuong(places):
    district = places.districts["U Minh Thượng"]
    province = places.provinces["Kiên Giang"]
    bodies = _district_bodies(district)
    thanh_yen = _commune_bodies(places.communes["Thạnh Yên"])
    minh_thuan = _commune_bodies(places.communes["Minh Thuận"])
    provincial_party = organization("Tỉnh ủy Kiên Giang", "tinh-uy", province)
    provincial_commission = organization("Ban Dân vận Tỉnh ủy Kiên Giang", "ban-dan-van", province, parent=provincial_party)
    organization("Chi hội Phụ nữ ấp Đặng Văn Do", "chi-hoi", places.hamlets["Đặng Văn Do"], parent=thanh_yen["women"])
    organization("Chi hội Nông dân ấp Xẻo Kè", "chi-hoi", places.hamlets["Xẻo Kè"], parent=thanh_yen["farmers"])
    organization("Chi hội Cựu chiến binh ấp Minh Dũng", "chi-hoi", places.hamlets["Minh Dũng"], parent=minh_thuan["veterans"])

    thang = person("Đặng Xuân Thắng", district, "male")
    hold(thang, bodies["party"], "Phó Bí thư Thường trực Huyện ủy")
    hold(thang, bodies["steering"], "Trưởng ban Chỉ đạo phong trào thi đua \"Dân vận khéo\" huyện")
    ut = person("Phạm Văn Út", district, "male")
    hold(ut, bodies["party"], "Huyện ủy viên")
    hold(ut, bodies["commission"], "Trưởng Ban Dân vận Huyện ủy")
    hold(ut, bodies["steering"], "Phó Ban Chỉ đạo phong trào thi đua \"Dân vận khéo\" huyện")
    dung = person("Lê Tiến Dũng", district, "male")
    hold(dung, bodies["party"], "Huyện ủy viên")
    hold(dung, bodies["government"], "Phó Chủ tịch UBND huyện")
    duc = person("Phan Thành Đức", province, "male")
    hold(duc, provincial_commission, "Phó Trưởng ban Dân vận Tỉnh ủy")


def _kim_son(places):
    district = places.districts["Kim Sơn"]
    province = places.provinces["Ninh Bình"]
    bodies = _district_bodies(district)
    provincial_commission = organization(
        "Ban Dân vận Tỉnh ủy Ninh Bình", "ban-dan-van", province,
        parent=organization("Tỉnh ủy Ninh Bình", "tinh-uy", province),
    )
    hold(person("Hoàng Văn Thắng", district, "male"), bodies["party"], "Phó Bí thư Huyện ủy")
    tuyen = person("Ngô Văn Tuyến", district, "male")
    hold(tuyen, bodies["party"], "Ủy viên Ban Thường vụ Huyện ủy")
    hold(tuyen, bodies["commission"], "Trưởng Ban Dân vận Huyện ủy")
    phuong = person("Hoàng Văn Phương", district, "male")
    hold(phuong, bodies["party"], "Huyện ủy viên")
    hold(phuong, bodies["government"], "Phó Chủ tịch UBND huyện")
    hold(person("Dương Thị Hà", province, "female"), provincial_commission, "Chánh Văn phòng Ban Dân vận Tỉnh ủy")
    office = organization("Văn phòng Huyện ủy Kim Sơn", "van-phong-cap-uy", district, parent=bodies["party"])
    hold(person("Ngô Quyền", district), office, "Phóng viên")


def _ca_mau_after_reform(places):
    """Cà Mau before and after 7/2025: the commission renamed, mass organisations moved under the Front."""
    legacy, current = places.provinces["Cà Mau"], places.current_ca_mau
    old_party = organization("Tỉnh ủy Cà Mau", "tinh-uy", legacy)
    new_party = organization("Tỉnh ủy Cà Mau", "tinh-uy", current, valid_from=REFORM)
    new_commission = organization(
        "Ban Tuyên giáo và Dân vận Tỉnh ủy Cà Mau", "ban-tuyen-giao-dan-van", current, valid_from=REFORM, parent=new_party
    )
    old_commission = organization("Ban Dân vận Tỉnh ủy Cà Mau", "ban-dan-van", legacy, parent=old_party)
    if old_commission.successor_id is None:
        old_commission.successor = new_commission
        old_commission.save()
    front = organization("Ủy ban MTTQ Việt Nam tỉnh Cà Mau", "ubmttq", current, valid_from=REFORM)
    for label, kind_code in [("Hội Nông dân", "hoi-nong-dan"), ("Hội Liên hiệp Phụ nữ", "hoi-lhpn"),
                             ("Đoàn TNCS Hồ Chí Minh", "doan-tncs"), ("Hội Cựu chiến binh", "hoi-ccb"),
                             ("Công đoàn", "cong-doan")]:
        organization(f"{label} tỉnh Cà Mau", kind_code, current, valid_from=REFORM, parent=front)
