import pytest
from django.db import IntegrityError

from danvan.members.models import MembershipRule
from danvan.members.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_the_charters_minimum_ages_are_seeded():
    assert MembershipRule.objects.get(kind__code="doan-tncs").minimum_age == 16
    assert MembershipRule.objects.get(kind__code="hoi-lhpn").minimum_age == 18


def test_a_membership_counts_under_its_branchs_unit_and_its_organisations_kind():
    membership = MembershipFactory()
    assert membership.kind.code == "hoi-nong-dan"
    assert membership.scope_unit() == membership.branch.unit
    assert membership.placements.get().unit == membership.branch.unit


def test_the_database_refuses_a_second_open_membership_of_one_organisation():
    membership = MembershipFactory()
    with pytest.raises(IntegrityError):
        MembershipFactory(person=membership.person, branch=membership.branch)
