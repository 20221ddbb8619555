"""Global search ignores diacritics and case, and finds only what the user may reach."""

import pytest
from django.urls import reverse

from danvan.core.text import fold
from danvan.organizations.tests.factories import OrganizationFactory
from danvan.people.tests.factories import PersonFactory
from danvan.units.tests.factories import ProvinceFactory

pytestmark = pytest.mark.django_db


def found(client, query):
    response = client.get(reverse("core:search"), {"q": query})
    assert response.status_code == 200
    return {str(item) for group in response.context["groups"] for item in group.results}


@pytest.fixture
def everyone(national_admin, login):
    return login(national_admin)


def test_fold():
    assert fold("  Đồng   THÁP ") == "dong thap"
    assert fold("Năm Căn") == "nam can"


@pytest.mark.parametrize(("query", "expected"), [("nam can", "huyện Năm Căn"), ("NĂM CĂN", "huyện Năm Căn"), ("dong thap", "tỉnh Đồng Tháp"), ("Đồng Tháp", "tỉnh Đồng Tháp")])
def test_search_ignores_diacritics_and_case(tree, everyone, query, expected):
    ProvinceFactory(name="Đồng Tháp", code="82")
    assert expected in found(everyone, query)
    assert expected in everyone.get(reverse("core:search"), {"q": query}).content.decode()


def test_every_word_must_match(tree, everyone):
    assert found(everyone, "can nam") == {"huyện Năm Căn"}
    assert found(everyone, "nam can tho") == set()


def test_search_finds_people_and_organisations(tree, everyone):
    PersonFactory(unit=tree.cc1, full_name="Nguyễn Thị Định")
    OrganizationFactory(unit=tree.cc1, name="Hội Phụ nữ xã Bình An")
    assert found(everyone, "nguyen thi dinh") == {"Nguyễn Thị Định"}
    assert "Hội Phụ nữ xã Bình An" in found(everyone, "hoi phu nu binh an")


def test_search_respects_scope(tree, make_user, login):
    PersonFactory(unit=tree.cc1, full_name="Trần Văn Trong")
    PersonFactory(unit=tree.cc2, full_name="Trần Văn Ngoài")
    client = login(make_user(tree.cc1))
    assert found(client, "tran van") == {"Trần Văn Trong"}
    # Năm Căn is the old district Mong Thọ sat in; Bình An reaches Mong Thọ but not its district.
    assert found(client, "mong tho") == {"xã Mong Thọ"}
    assert found(client, "nam can") == set()
    page = client.get(reverse("core:search"), {"q": "ngoai"}).content.decode()
    assert "Trần Văn Ngoài" not in page


def test_empty_query_finds_nothing(tree, everyone):
    assert everyone.get(reverse("core:search"), {"q": "   "}).context["groups"] == []


def lookup(client, url_name, typed):
    response = client.get(reverse(url_name), {"q": typed})
    assert response.status_code == 200
    return [getattr(item, "choice_label", str(item)) for item in response.context["results"]]


def test_words_match_where_words_begin(tree, everyone):
    from danvan.units.tests.factories import CommuneFactory

    CommuneFactory(name="Thạnh Yên", parent=tree.cp)
    assert lookup(everyone, "units:lookup", "thanh yen") == ["xã Thạnh Yên"]  # not "huyện Châu Thành" ("yen" in "huyen")
    assert found(everyone, "yen") == {"xã Thạnh Yên"}


def test_the_exact_name_comes_before_names_that_only_contain_the_words(tree, everyone):
    from danvan.units.tests.factories import CommuneFactory

    CommuneFactory(name="Thượng Minh U", parent=tree.cp)
    CommuneFactory(name="U Minh Thượng", parent=tree.cp2)
    CommuneFactory(name="U Minh Thượng Bắc", parent=tree.cp2)
    assert lookup(everyone, "units:lookup", "u minh thuong") == ["xã U Minh Thượng", "xã U Minh Thượng Bắc", "xã Thượng Minh U"]
    assert lookup(everyone, "units:lookup", "xã u minh thuong")[0] == "xã U Minh Thượng"


def test_abbreviated_type_words_are_understood(tree, everyone):
    from danvan.units.choices import UnitType
    from danvan.units.tests.factories import CommuneFactory

    CommuneFactory(name="Gia Nghĩa", parent=tree.cp, type=UnitType.TOWN, level=3)
    assert lookup(everyone, "units:lookup", "tx gia nghia")[0] == "thị xã Gia Nghĩa"
    assert lookup(everyone, "units:lookup", "TX. Gia Nghĩa")[0] == "thị xã Gia Nghĩa"


def test_a_legacy_unit_carries_its_era_and_comes_after_todays(tree, everyone):
    assert lookup(everyone, "units:lookup", "ca mau") == ["tỉnh Cà Mau", "tỉnh Cà Mau (trước 01/07/2025)"]
    api = everyone.get(reverse("api:unit-list"), {"search": "tinh ca mau"}).json()["results"]
    assert [row["id"] for row in api] == [tree.cp2.pk, tree.lp2.pk]


def test_a_short_word_does_not_match_inside_another(tree, everyone):
    OrganizationFactory(unit=tree.cc1, name="Hội Chữ thập đỏ xã Bình An")
    OrganizationFactory(unit=tree.h1, name="Ban công tác Mặt trận ấp Mới")
    assert lookup(everyone, "organizations:lookup", "ấp") == ["Ban công tác Mặt trận ấp Mới"]


def test_the_organisation_box_offers_only_what_sits_on_the_chosen_unit(tree, everyone):
    from danvan.oversight.forms import FollowUpForm

    OrganizationFactory(unit=tree.cc1, name="Hội Nông dân xã Bình An")
    OrganizationFactory(unit=tree.cc2, name="Hội Nông dân phường Thạnh Lộc")
    assert len(lookup(everyone, "organizations:lookup", "hoi nong dan")) == 2
    response = everyone.get(reverse("organizations:lookup"), {"owner_organization_search": "hoi nong dan", "owner_unit": tree.cc1.pk})
    assert [str(item) for item in response.context["results"]] == ["Hội Nông dân xã Bình An"]
    html = str(FollowUpForm(user=tree_user(tree))["owner_organization"])
    assert "hx-include=\"[name='owner_unit']\"" in html and 'hx-params="owner_organization_search,owner_unit"' in html


def tree_user(tree):
    from danvan.accounts.tests.factories import UserFactory

    return UserFactory(unit=tree.cp, role="editor")
