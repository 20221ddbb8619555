import factory

from danvan.accounts.models import User
from danvan.core.choices import Role

PASSWORD = "Mat-khau-dung-2025"


class UserFactory(factory.django.DjangoModelFactory):
    """A user of a unit with a role; the password is ``PASSWORD``."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"canbo{n}")
    first_name = "Cán"
    last_name = factory.Sequence(lambda n: f"Bộ {n}")
    unit = None
    role = Role.EDITOR
    password = factory.django.Password(PASSWORD)
