import datetime

import factory

from danvan.members.models import EligiblePopulation, Membership, MembershipPlacement
from danvan.organizations.models import OrganizationLink
from danvan.organizations.tests.factories import OrganizationFactory, OrganizationKindFactory
from danvan.people.tests.factories import PersonFactory
from danvan.units.tests.factories import CommuneFactory

JOINED = datetime.date(2018, 3, 26)


def branch_of(organization, name=None, unit=None):
    """A branch (chi hội) of ``organization``, in ``unit`` (the organisation's own by default)."""
    branch = OrganizationFactory(name=name or f"Chi hội {organization.name}", unit=unit or organization.unit,
                                 kind=OrganizationKindFactory(code="chi-hoi", name="Chi hội", category="branch"))
    OrganizationLink.objects.create(organization=branch, parent=organization)
    return branch


def farmers_branch(unit=None, **kwargs):
    """A branch of a commune's Hội Nông dân."""
    return branch_of(OrganizationFactory(unit=unit or CommuneFactory(), **kwargs))


class MembershipFactory(factory.django.DjangoModelFactory):
    """A membership with its first placement, as the service records one (the factory skips its checks)."""

    class Meta:
        model = Membership
        skip_postgeneration_save = True

    branch = factory.LazyFunction(farmers_branch)
    person = factory.LazyAttribute(lambda m: PersonFactory(unit=m.branch.unit, birth_year=1980))
    kind = factory.LazyAttribute(lambda m: m.branch.parent.kind)
    joined = JOINED

    @factory.post_generation
    def placements(self, create, extracted, **kwargs):
        if create and extracted is not False:
            MembershipPlacement.objects.create(membership=self, branch=self.branch, unit=self.branch.unit, joined_here=True,
                                               left_here=self.left is not None, valid_from=self.joined, valid_to=self.left)


class EligiblePopulationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EligiblePopulation

    kind = factory.SubFactory(OrganizationKindFactory)
    unit = factory.SubFactory(CommuneFactory)
    year = 2018
    count = 1000
    definition = "Nông dân từ 18 tuổi trở lên cư trú trên địa bàn xã (số liệu thống kê của UBND xã)"
