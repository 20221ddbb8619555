import factory

from danvan.organizations.tests.factories import OrganizationFactory
from danvan.people.models import DuplicateCandidate, DuplicateRule, Gender, Person, Position
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


def allowed_personal_data(user):
    """``user`` again (Django caches permissions on the instance), now holding ``people.view_personal_data``."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="view_personal_data", content_type__app_label="people"))
    return get_user_model().objects.get(pk=user.pk)


class DuplicateCandidateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DuplicateCandidate

    first = factory.SubFactory(PersonFactory)
    second = factory.SubFactory(PersonFactory, unit=factory.SelfAttribute("..first.unit"))
    rule = factory.LazyFunction(lambda: DuplicateRule.objects.get_or_create(name="Cùng số định danh cá nhân", defaults={"threshold": 10})[0])
    score = 10
