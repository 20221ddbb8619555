"""The demo world: the four seed news items rebuilt on the real administrative units.

``build()`` is idempotent: every record is found by its natural key before it is
created, so running the demo twice never duplicates anything. Everything is written
through the apps' services as the demo's system user (``story.py``).
"""

from django.apps import apps
from django.db import transaction

from danvan.core import aggregates
from danvan.core.documents.seeds import seed_document_defaults
from danvan.core.services import analyze_database
from danvan.demo import accounts, awards, documents_awards, documents_oversight, engagement, members, movement, news, oversight, world
from danvan.demo.story import Story, system_user, told
from danvan.organizations.kinds import seed_kinds
from danvan.organizations.models import OrganizationKind
from danvan.units.services import load_official_units

DEMO_PASSWORD = "danvan-demo"


@transaction.atomic
def build():
    load_official_units()
    seed_kinds(OrganizationKind)
    seed_document_defaults(lambda name: apps.get_model("core", name))
    # Thousands of records through the services: the statistics' counters are recounted once at the end.
    with aggregates.deferred(), told(Story(system_user())) as story:
        story.places = world.build_places(story)
        world.build_organizations_and_people(story)
        movement.build(story)
        awards.build(story)
        oversight.build(story)
        engagement.build(story)
        members.build(story)
        documents_oversight.build(story)
        documents_awards.build(story)
        news.build(story)
        story.on(None)  # the accounts are today's
        rows = accounts.build_accounts(story.places, DEMO_PASSWORD)
    analyze_database()
    return rows
