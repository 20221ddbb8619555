"""THE ONE TEST THAT LOADS THE OFFICIAL UNIT LISTS: seed 002's figures, rebuilt by the demo,
asked of legacy huyện U Minh Thượng and of today's tỉnh An Giang."""

import pytest

from danvan.awards.models import CommendationDecision
from danvan.core.choices import Level
from danvan.core.demo import world
from danvan.movement import demo
from danvan.movement.models import Initiative, Recognition
from danvan.movement.queries import Span, initiative_stats
from danvan.organizations.kinds import seed_kinds
from danvan.organizations.models import OrganizationKind
from danvan.units.models import Unit
from danvan.units.services import load_official_units

SEED_002 = {"registered": 635, "commune": 266, "district": 61}


def build_world():
    load_official_units()
    seed_kinds(OrganizationKind)
    places = world.build_places()
    world.build_organizations_and_people(places)
    demo.build_demo(places)
    return places


@pytest.mark.django_db
def test_the_demo_world_of_the_movement(db):
    """One test, so the official lists load once, inside the test's transaction (nothing leaks)."""
    places = build_world()
    check_seed_002_figures(places)
    check_typical_models(places)
    check_spread_and_decisions(places)
    check_second_run_creates_nothing(places)


def _check(stats):
    assert stats["registered"] == SEED_002["registered"]
    assert stats["recognized_by_level"]["commune"] == SEED_002["commune"]
    assert stats["recognized_by_level"]["district"] == SEED_002["district"]
    assert stats["commended_by_recipient"] == {"collective": 24, "individual": 6}
    assert sum(stats["by_field"].values()) == 635 and sum(stats["by_kind"].values()) == 635
    assert sum(stats["by_holder"].values()) == 635
    names = {recognition.initiative.name for recognition in stats["typical"]}
    assert {"Tổ dần đổi công", "Quỹ xoay vòng sửa chữa nhà đồng đội", "Tổ sửa chữa cầu lộ, GTNT",
            "Câu lạc bộ ngân hàng máu sống"} <= names


def check_seed_002_figures(demo_world):
    district = demo_world.districts["U Minh Thượng"]
    an_giang = Unit.objects.get(name="An Giang", level=Level.PROVINCE, valid_to__isnull=True)
    _check(initiative_stats(district, Span(2016, 2020)))
    _check(initiative_stats(an_giang, Span(2016, 2020)))
    recognitions_2019_2020 = initiative_stats(district, Span(2019, 2020))
    assert recognitions_2019_2020["recognized_by_level"]["commune"] == 266


def check_typical_models(demo_world):
    expected = {
        "Tổ dần đổi công": ("Chi hội Phụ nữ ấp Đặng Văn Do", "Đặng Văn Do", "Thạnh Yên"),
        "Quỹ xoay vòng sửa chữa nhà đồng đội": ("Chi hội Cựu chiến binh ấp Minh Dũng", "Minh Dũng", "Minh Thuận"),
        "Tổ sửa chữa cầu lộ, GTNT": ("Chi hội Nông dân ấp Xẻo Kè", "Xẻo Kè", "Thạnh Yên"),
        "Tuyến đường hoa": ("Ban công tác Mặt trận ấp Kinh Mới", "Kinh Mới", "Hiệp Tùng"),
    }
    for name, (owner, hamlet, commune) in expected.items():
        initiative = Initiative.objects.select_related("unit__parent", "owner_organization").get(name=name)
        assert (initiative.owner_organization.name, initiative.unit.name, initiative.unit.parent.name) == (owner, hamlet, commune)
    blood = Initiative.objects.get(name="Câu lạc bộ ngân hàng máu sống")
    assert (blood.owner_organization.name, blood.unit.name) == ("Hội Chữ thập đỏ xã Minh Thuận", "Minh Thuận")
    assert Initiative.objects.get(name="Tuyến đường xanh, sạch, đẹp", unit__name="Hiệp Tùng").owner_organization.name == "Ủy ban MTTQ Việt Nam xã Hiệp Tùng"
    assert Initiative.objects.get(name="Cửa hàng thực phẩm sạch").unit.parent.name == "Kim Sơn"


def check_spread_and_decisions(demo_world):
    district = demo_world.districts["U Minh Thượng"]
    communes = Unit.objects.descendants(district).filter(level=Level.COMMUNE)
    for commune in communes:
        assert Initiative.objects.filter(unit=commune).count() > 50, commune
    party = CommendationDecision.objects.get(issuing_body__name="Huyện ủy U Minh Thượng")
    assert (party.recipients.filter(kind="collective").count(), party.recipients.filter(kind="individual").count()) == (4, 6)
    government = CommendationDecision.objects.get(issuing_body__name="UBND huyện U Minh Thượng")
    assert government.recipients.filter(kind="collective").count() == 20 and party.form.name == "Giấy khen"


def check_second_run_creates_nothing(demo_world):
    counts = (Initiative.objects.count(), Recognition.objects.count(), CommendationDecision.objects.count())
    demo.build_demo(demo_world)
    assert (Initiative.objects.count(), Recognition.objects.count(), CommendationDecision.objects.count()) == counts
