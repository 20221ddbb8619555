import factory

from danvan.organizations.tests.factories import OrganizationFactory
from danvan.people.models import Gender, Person, Position
from danvan.units.tests.factories import CommuneFactory


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    full_name = factory.Sequence(lambda n: f"Nguyễn Văn {n}")
    gender = Gender.MALE
    birth_year = 1980
    unit = factory.SubFactory(CommuneFactory)


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position

    person = factory.SubFactory(PersonFactory)
    organization = factory.SubFactory(OrganizationFactory, unit=factory.SelfAttribute("..person.unit"))
    title = "Chủ tịch"
