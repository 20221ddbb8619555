import factory

from danvan.organizations.models import Organization, OrganizationKind, OrganizationLink
from danvan.units.tests.factories import CommuneFactory


class OrganizationKindFactory(factory.django.DjangoModelFactory):
    """Kinds are seeded by a data migration: reuse a seeded kind by code."""

    class Meta:
        model = OrganizationKind
        django_get_or_create = ("code",)

    code = "hoi-nong-dan"
    name = "Hội Nông dân"
    category = "mass_organization"


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Hội Nông dân số {n}")
    kind = factory.SubFactory(OrganizationKindFactory)
    unit = factory.SubFactory(CommuneFactory)


class OrganizationLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganizationLink

    organization = factory.SubFactory(OrganizationFactory)
    parent = factory.SubFactory(
        OrganizationFactory,
        unit=factory.SelfAttribute("..organization.unit"),
        kind=factory.SubFactory(OrganizationKindFactory, code="ubmttq", name="Ủy ban MTTQ Việt Nam", category="front"),
    )
