"""The registry the URL walk builds records from: one builder per model a URL lists or shows.

A builder takes ``(unit, marker, pk)`` and returns a saved record that belongs to
``unit``, carries ``marker`` in its visible text where the model has one, and has
primary key ``pk``. An app that adds a URL for a new model must register it here,
or the walk in ``test_url_walk.py`` fails.
"""

from danvan.organizations.models import Organization, OrganizationLink
from danvan.organizations.tests.factories import OrganizationFactory, OrganizationLinkFactory
from danvan.people.models import Person, Position
from danvan.people.tests.factories import PersonFactory, PositionFactory
from danvan.units.models import Unit
from danvan.units.tests.factories import HamletFactory


def _unit(unit, marker, pk):
    # A hamlet, so that the commune's own editors may edit it (official units need an administrator).
    return HamletFactory(id=pk, parent=unit, name=marker, code=marker[-6:])


def _organization(unit, marker, pk):
    return OrganizationFactory(id=pk, unit=unit, name=marker)


def _organization_link(unit, marker, pk):
    return OrganizationLinkFactory(
        id=pk, organization=OrganizationFactory(unit=unit, name=f"{marker} con"), parent=OrganizationFactory(unit=unit, name=f"{marker} cha")
    )


def _person(unit, marker, pk):
    return PersonFactory(id=pk, unit=unit, full_name=marker)


def _position(unit, marker, pk):
    person = PersonFactory(unit=unit, full_name=f"{marker} người")
    return PositionFactory(id=pk, person=person, organization=OrganizationFactory(unit=unit, name=f"{marker} hội"), title=marker)


RECORD_IN_UNIT = {
    Unit: _unit,
    Organization: _organization,
    OrganizationLink: _organization_link,
    Person: _person,
    Position: _position,
}


def _register_app_builders():
    """Apps keep their models' builders in ``<app>/tests/walk.py`` (a ``walk_builders()`` dict), so a new app never edits this file."""
    import importlib

    from django.apps import apps

    for config in apps.get_app_configs():
        if not config.name.startswith("danvan."):
            continue
        name = f"{config.name}.tests.walk"
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if not name.startswith(error.name or "-"):
                raise
            continue
        RECORD_IN_UNIT.update(module.walk_builders())


_register_app_builders()
