"""Counts as of a date and over a span: lượt beside người, new, left, net growth, legacy units under today's, rates."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from danvan.core.statistics import Reach
from danvan.members.choices import LeaveReason
from danvan.members.queries import MemberQuestion, member_stats, rate
from danvan.members.services import end_membership, transfer
from danvan.members.tests.factories import EligiblePopulationFactory, MembershipFactory, branch_of, farmers_branch
from danvan.organizations.tests.factories import OrganizationFactory, OrganizationKindFactory
from danvan.people.models import Gender
from danvan.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db
YEAR_START, YEAR_END = datetime.date(2018, 1, 1), datetime.date(2018, 12, 31)


def _stats(unit, start=YEAR_START, end=YEAR_END, kind=None):
    return member_stats(MemberQuestion(Reach.of(unit), start, end, kind))


def _women_branch(unit):
    return branch_of(OrganizationFactory(unit=unit, kind=OrganizationKindFactory(code="hoi-lhpn")), name="Chi hội Phụ nữ")


def test_lượt_and_người_differ_when_a_person_is_in_two_organisations(tree):
    farmers, women = farmers_branch(tree.lc2), _women_branch(tree.lc2)
    both = PersonFactory(unit=tree.lc2, gender=Gender.FEMALE, birth_year=1970)
    MembershipFactory(branch=farmers, person=both, joined=datetime.date(2010, 1, 1))
    MembershipFactory(branch=women, person=both, joined=datetime.date(2018, 3, 8))
    MembershipFactory(branch=farmers, joined=datetime.date(2018, 6, 1))
    stats = _stats(tree.ld2)
    assert (stats["memberships"], stats["persons"], stats["new"], stats["left"], stats["net_growth"]) == (3, 2, 2, 0, 2)
    by_kind = {row["name"]: row for row in stats["by_organization"]}
    assert (by_kind["Hội Nông dân"]["memberships"], by_kind["Hội Nông dân"]["new"]) == (2, 1)
    assert ("Nữ", 2, 1) in stats["breakdowns"]["sex"]


def test_a_legacy_communes_members_count_under_todays_commune_and_province(tree):
    MembershipFactory(branch=farmers_branch(tree.lc2), joined=datetime.date(2018, 5, 1))
    for unit in (tree.lc2, tree.ld2, tree.lp2, tree.cc1, tree.cp):
        assert _stats(unit)["memberships"] == 1, unit
    assert _stats(tree.cc3)["memberships"] == 0


def test_a_transfer_moves_the_member_between_units_and_is_neither_new_nor_left(tree, make_user):
    membership = MembershipFactory(branch=farmers_branch(tree.cc1), joined=datetime.date(2015, 1, 1))
    transfer(make_user(unit=tree.cp), membership, farmers_branch(tree.cc2), datetime.date(2018, 7, 1))
    assert _stats(tree.cc1, end=datetime.date(2018, 6, 30))["memberships"] == 1
    assert _stats(tree.cc1)["memberships"] == 0
    cc2 = _stats(tree.cc2)
    assert (cc2["memberships"], cc2["new"], cc2["left"]) == (1, 0, 0)
    assert (_stats(tree.cp)["new"], _stats(tree.cp)["left"]) == (0, 0)


def test_those_who_left_count_in_the_span_and_no_longer_as_of_its_end(tree, make_user):
    membership = MembershipFactory(branch=farmers_branch(tree.cc1), joined=datetime.date(2015, 1, 1))
    MembershipFactory(branch=membership.branch, joined=datetime.date(2015, 1, 1))
    end_membership(make_user(unit=tree.cc1), membership, datetime.date(2018, 9, 1), LeaveReason.MOVED_AWAY)
    stats = _stats(tree.cc1)
    assert (stats["memberships"], stats["left"], stats["net_growth"]) == (1, 1, -1)
    assert _stats(tree.cc1, end=datetime.date(2018, 9, 1))["memberships"] == 2


def test_rates_divide_the_persons_by_the_stored_denominator_of_the_outer_unit(tree):
    branch = farmers_branch(tree.lc2)
    for _ in range(3):
        MembershipFactory(branch=branch)
    kind = branch.parent.kind
    EligiblePopulationFactory(kind=kind, unit=tree.ld2, count=12)
    EligiblePopulationFactory(kind=kind, unit=tree.lc2, count=10)
    row = _stats(tree.ld2)["by_organization"][0]
    assert (row["eligible"], row["rate"]) == (12, "3/12 (25,0%)")
    assert _stats(tree.lc3)["by_organization"] == []
    assert rate(1873, None) == "1.873/—"


def test_the_breakdowns_name_bands_ethnic_minorities_and_religions(tree):
    from danvan.people.models import Ethnicity, Religion

    branch = farmers_branch(tree.cc1)
    khmer, buddhism = Ethnicity.objects.get(name="Khơ-me"), Religion.objects.get(code="phat-giao")
    MembershipFactory(branch=branch, person=PersonFactory(unit=tree.cc1, birth_year=1995, ethnicity=khmer, religion=buddhism))
    MembershipFactory(branch=branch, person=PersonFactory(unit=tree.cc1, birth_year=1950, birth_date=None))
    breakdowns = _stats(tree.cc1)["breakdowns"]
    assert [label for label, *_ in breakdowns["age"]] == ["Đến 30 tuổi", "Trên 60 tuổi"]
    assert breakdowns["ethnicity"][0] == ("Dân tộc thiểu số", 1, 1)
    assert ("Phật giáo", 1, 1) in breakdowns["religion"] and ("Không tôn giáo", 1, 1) in breakdowns["religion"]


def test_the_counts_ask_the_same_queries_for_three_times_the_members(tree):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            _stats(tree.cp)
        return len(captured)

    branch = farmers_branch(tree.cc1)
    women = _women_branch(tree.cc2)
    MembershipFactory(branch=branch)
    MembershipFactory(branch=women)
    few = queries()
    for _ in range(3):
        MembershipFactory(branch=branch)
        MembershipFactory(branch=women)
        MembershipFactory(branch=farmers_branch(tree.lc2))
    assert queries() == few <= 9
