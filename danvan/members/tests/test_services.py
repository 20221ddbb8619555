"""Recording, moving and ending memberships, and the denominators: the rules of the issue, in Vietnamese, nothing saved."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from danvan.core.choices import Role
from danvan.members import services
from danvan.members.choices import LeaveReason
from danvan.members.models import EligiblePopulation, Membership, MembershipPlacement
from danvan.members.tests.factories import EligiblePopulationFactory, MembershipFactory, branch_of, farmers_branch
from danvan.organizations.tests.factories import OrganizationFactory, OrganizationKindFactory
from danvan.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db
DAY = datetime.date(2018, 5, 2)


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


def _message(error, field):
    return " ".join(error.value.message_dict[field])


def _new(branch, person, joined=DAY, **fields):
    return Membership(branch=branch, person=person, joined=joined, **fields)


def test_a_new_member_is_recorded_with_the_organisation_of_the_branch_and_a_first_placement(tree, make_user):
    branch = farmers_branch(tree.cc1)
    membership = services.record_membership(make_user(unit=tree.cc1), _new(branch, PersonFactory(unit=tree.cc1)))
    assert membership.kind.code == "hoi-nong-dan"
    placement = membership.placements.get()
    assert (placement.branch, placement.unit, placement.valid_from, placement.joined_here) == (branch, tree.cc1, DAY, True)


def test_joining_before_birth_is_refused_naming_the_day(tree, make_user):
    person = PersonFactory(unit=tree.cc1, birth_date=datetime.date(2019, 1, 1))
    with pytest.raises(ValidationError) as error:
        services.record_membership(make_user(unit=tree.cc1), _new(farmers_branch(tree.cc1), person))
    assert "trước khi" in _message(error, "joined")
    assert not Membership.objects.exists() and not MembershipPlacement.objects.exists()


def test_a_member_under_the_charters_age_is_refused(tree, make_user):
    youth = branch_of(OrganizationFactory(unit=tree.cc1, kind=OrganizationKindFactory(code="doan-tncs")), name="Chi đoàn ấp Mới")
    person = PersonFactory(unit=tree.cc1, birth_date=datetime.date(2003, 6, 1))
    with pytest.raises(ValidationError) as error:
        services.record_membership(make_user(unit=tree.cc1), _new(youth, person))
    assert "16" in _message(error, "joined") and "14" in _message(error, "joined")
    assert not Membership.objects.exists()
    services.record_membership(make_user(unit=tree.cc1), _new(youth, person, joined=datetime.date(2019, 6, 1)))


def test_two_open_memberships_of_one_organisation_are_refused(tree, make_user):
    first = MembershipFactory(branch=farmers_branch(tree.cc1))
    other_branch = branch_of(first.branch.parent, name="Chi hội Nông dân ấp Mới")
    with pytest.raises(ValidationError) as error:
        services.record_membership(make_user(unit=tree.cc1), _new(other_branch, first.person, joined=datetime.date(2020, 1, 1)))
    assert first.person.full_name in _message(error, "person")
    assert Membership.objects.count() == 1


def test_one_may_join_again_after_leaving_but_not_into_the_past_period(tree, make_user):
    user = make_user(unit=tree.cc1)
    first = MembershipFactory(branch=farmers_branch(tree.cc1))
    services.end_membership(user, first, datetime.date(2019, 12, 31), LeaveReason.MOVED_AWAY)
    with pytest.raises(ValidationError):
        services.record_membership(user, _new(first.branch, first.person, joined=datetime.date(2019, 1, 1)))
    services.record_membership(user, _new(first.branch, first.person, joined=datetime.date(2021, 1, 1)))
    assert Membership.objects.filter(person=first.person).count() == 2


def test_a_transfer_keeps_one_membership_with_its_history(tree, make_user):
    user = make_user(unit=tree.cp)
    membership = MembershipFactory(branch=farmers_branch(tree.cc1))
    there = farmers_branch(tree.cc2)
    services.transfer(user, membership, there, datetime.date(2020, 3, 1))
    membership.refresh_from_db()
    assert membership.branch == there
    assert list(membership.placements.values_list("unit", "valid_from", "valid_to")) == [
        (tree.cc1.pk, membership.joined, datetime.date(2020, 2, 29)), (tree.cc2.pk, datetime.date(2020, 3, 1), None)]


def test_a_transfer_to_another_organisations_branch_or_before_arrival_is_refused(tree, make_user):
    user = make_user(unit=tree.cp)
    membership = MembershipFactory(branch=farmers_branch(tree.cc1))
    women = branch_of(OrganizationFactory(unit=tree.cc2, kind=OrganizationKindFactory(code="hoi-lhpn")))
    with pytest.raises(ValidationError) as error:
        services.transfer(user, membership, women, datetime.date(2020, 3, 1))
    assert "branch" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.transfer(user, membership, farmers_branch(tree.cc2), membership.joined)
    assert "on" in error.value.message_dict
    assert membership.placements.count() == 1


def test_a_transfer_outside_the_users_units_is_refused(tree, make_user):
    membership = MembershipFactory(branch=farmers_branch(tree.cc1))
    with pytest.raises(ValidationError) as error:
        services.transfer(make_user(unit=tree.cc1), membership, farmers_branch(tree.cc3), datetime.date(2020, 3, 1))
    assert "branch" in error.value.message_dict
    assert membership.placements.count() == 1


def test_ending_a_membership_needs_a_reason_and_a_day_after_arrival(tree, make_user):
    user = make_user(unit=tree.cc1)
    membership = MembershipFactory(branch=farmers_branch(tree.cc1))
    with pytest.raises(ValidationError) as error:
        services.end_membership(user, membership, datetime.date(2020, 1, 1), "")
    assert "leave_reason" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.end_membership(user, membership, datetime.date(2017, 1, 1), LeaveReason.OVER_AGE)
    assert "left" in error.value.message_dict
    services.end_membership(user, membership, datetime.date(2020, 1, 1), LeaveReason.DECEASED)
    placement = membership.placements.get()
    assert (placement.valid_to, placement.left_here) == (datetime.date(2020, 1, 1), True)


def test_a_reader_cannot_record_and_nobody_names_another_units_person(tree, make_user):
    branch = farmers_branch(tree.cc1)
    with pytest.raises(PermissionDenied):
        services.record_membership(make_user(unit=tree.cc1, role=Role.VIEWER), _new(branch, PersonFactory(unit=tree.cc1)))
    stranger = PersonFactory(unit=tree.cc3, full_name="Người ở nơi khác")
    with pytest.raises(ValidationError) as error:
        services.record_membership(make_user(unit=tree.cc1), _new(branch, stranger))
    assert "Người ở nơi khác" not in str(error.value)
    assert not Membership.objects.exists()


def test_a_denominator_smaller_than_its_members_is_refused(tree, make_user):
    branch = farmers_branch(tree.cc1)
    for _ in range(3):
        MembershipFactory(branch=branch)
    user = make_user(unit=tree.cc1)
    population = EligiblePopulation(kind=branch.parent.kind, unit=tree.cc1, year=2018, count=2, definition="Nông dân từ 18 tuổi")
    with pytest.raises(ValidationError) as error:
        services.set_eligible_population(user, population)
    assert "3" in _message(error, "count")
    assert not EligiblePopulation.objects.exists()
    population.count = 3
    services.set_eligible_population(user, population)


def test_a_denominator_is_entered_once_per_organisation_unit_and_year(tree, make_user):
    existing = EligiblePopulationFactory(unit=tree.cc1)
    again = EligiblePopulation(kind=existing.kind, unit=tree.cc1, year=existing.year, count=5, definition="lặp lại")
    with pytest.raises(ValidationError):
        services.set_eligible_population(make_user(unit=tree.cc1), again)
    assert EligiblePopulation.objects.count() == 1
