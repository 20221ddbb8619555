"""How an organisation heads the documents it issues (Hướng dẫn 36-HD/VPTW for the Party's bodies)."""

import datetime

import pytest

from danvan.organizations.documents import describe
from danvan.organizations.tests.factories import OrganizationFactory, OrganizationKindFactory, OrganizationLinkFactory

pytestmark = pytest.mark.django_db
DAY = datetime.date(2020, 8, 4)


def committee(code, name, unit):
    kind = OrganizationKindFactory(code=code, name=code, category="party_committee")
    return OrganizationFactory(name=name, kind=kind, unit=unit)


def test_a_district_committee_stands_under_the_party_organisation_of_its_province(tree):
    province = committee("tinh-uy", "Tỉnh ủy Kiên Giang", tree.lp1)
    district = committee("huyen-uy", "Huyện ủy Châu Thành", tree.ld1)
    OrganizationLinkFactory(organization=district, parent=province)  # the committee above is not the header's line
    issuer = describe(district, DAY)
    assert (issuer.superior, issuer.issuing_line) == ("Đảng bộ tỉnh Kiên Giang", "Huyện ủy Châu Thành")


def test_a_commune_committee_stands_under_its_district_and_a_province_committee_alone(tree):
    assert describe(committee("dang-uy-xa", "Đảng ủy xã Minh Hòa", tree.lc1), DAY).superior == "Đảng bộ huyện Châu Thành"
    assert describe(committee("tinh-uy", "Tỉnh ủy Kiên Giang", tree.lp1), DAY).superior == ""


def test_an_organ_of_the_district_committee_gives_its_own_name_under_the_committee(tree):
    district = committee("huyen-uy", "Huyện ủy Châu Thành", tree.ld1)
    organ = OrganizationFactory(name="Ban Dân vận Huyện ủy Châu Thành", unit=tree.ld1,
                                kind=OrganizationKindFactory(code="ban-dan-van", name="Ban Dân vận", category="party_body"))
    OrganizationLinkFactory(organization=organ, parent=district)
    issuer = describe(organ, DAY)
    assert (issuer.superior, issuer.issuing_line) == ("Huyện ủy Châu Thành", "Ban Dân vận")
