"""Builders for the URL walk (danvan/core/tests/test_url_walk.py): an official's account on a unit, with a marker."""

from danvan.accounts.models import User
from danvan.accounts.tests.factories import UserFactory
from danvan.core.choices import Role
from danvan.core.text import fold


def _user(unit, marker, pk):
    # The folded marker in the user name, so that the list's search (which does not fold) finds it.
    return UserFactory(id=pk, unit=unit, role=Role.VIEWER, username=f"{fold(marker).replace(' ', '-')}-{pk}",
                       first_name=marker, last_name="")


def walk_builders():
    return {User: _user}
