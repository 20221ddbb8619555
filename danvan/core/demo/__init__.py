"""The demo world: the four seed news items rebuilt on the real administrative units.

``build()`` is idempotent: every record is found by its natural key before it is
created, so running the demo twice never duplicates anything.
"""

from django.db import transaction

from danvan.core.demo import accounts, world
from danvan.core.services import analyze_database
from danvan.movement.demo import build_demo as build_movement
from danvan.oversight.demo import build_demo as build_oversight
from danvan.organizations.kinds import seed_kinds
from danvan.organizations.models import OrganizationKind
from danvan.units.services import load_official_units

DEMO_PASSWORD = "danvan-demo"


@transaction.atomic
def build():
    load_official_units()
    seed_kinds(OrganizationKind)
    places = world.build_places()
    world.build_organizations_and_people(places)
    build_movement(places)
    build_oversight(places)
    rows = accounts.build_accounts(places, DEMO_PASSWORD)
    analyze_database()
    return rows
