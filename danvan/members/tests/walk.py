"""Builders for the URL walk (danvan/core/tests/test_url_walk.py): one record per model in a unit, with a marker."""

from danvan.members.tests.factories import EligiblePopulationFactory, MembershipFactory, farmers_branch
from danvan.people.tests.factories import PersonFactory


def _membership(unit, marker, pk, **fields):
    branch = farmers_branch(unit, name=f"{marker} Hội Nông dân")
    return MembershipFactory(id=pk, branch=branch, person=PersonFactory(unit=unit, full_name=marker), card_number=marker[:30], **fields)


def _placement(unit, marker, pk):
    from danvan.members.models import MembershipPlacement

    membership = _membership(unit, marker, None, placements=False)
    return MembershipPlacement.objects.create(id=pk, membership=membership, branch=membership.branch, unit=unit, joined_here=True,
                                              valid_from=membership.joined)


def _population(unit, marker, pk):
    return EligiblePopulationFactory(id=pk, unit=unit, definition=marker)


def walk_builders():
    from danvan.members.models import EligiblePopulation, Membership, MembershipPlacement

    return {Membership: _membership, MembershipPlacement: _placement, EligiblePopulation: _population}
