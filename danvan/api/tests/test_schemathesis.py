"""Property-based test of the whole API against its own schema (schemathesis over Django's WSGI app).

Every operation of ``/api/v1/schema/`` is called with generated input, as an editor of a commune
that has records of every kind, and every answer must be no server error and exactly what the
schema says: a documented status code, the documented content type and a body that matches the
documented schema. Path ids are those of real records half of the time (mostly the commune's), so details,
updates and actions run on real data, not only on 404s.

Bounded so CI stays stable and quick: schemathesis' coverage phase (boundary and out-of-bounds values
of every parameter) plus EXAMPLES generated cases per operation, Hypothesis derandomised (the same
cases on every run), no deadline, no example database. Measured on the 2-core development machine,
SQLite, 72 operations: 4 min 16 s for the module (3 min 35 s of CPU) while other suites ran beside it.
"""

import datetime
import json

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.urls import Resolver404, resolve
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from danvan.awards.models import ProposedRecipient
from danvan.awards.tests.factories import DecisionFactory, ProposalFactory, RecipientFactory
from danvan.core.choices import Role
from danvan.directives.tests.factories import DirectiveFactory, ImplementationFactory, ObligationFactory
from danvan.movement.choices import AppraisalOutcome, RecognitionLevel, Status
from danvan.movement.models import Appraisal
from danvan.news.tests.factories import ArticleFactory
from danvan.movement.tests.factories import InitiativeFactory, RecognitionFactory, ReplicationFactory, ResultUpdateFactory
from danvan.organizations.tests.factories import OrganizationFactory
from danvan.oversight.models import Finding
from danvan.oversight.tests.factories import FollowUpFactory, MeetingFactory, MissionFactory

EXAMPLES = 10
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture
def editor_world(tree, make_user):
    """An editor of xã Bình An (cc1), with records of every kind the API serves in the commune."""
    commune = tree.cc1
    user = make_user(unit=commune, role=Role.EDITOR, username="bienvien.binhan")
    body, above = OrganizationFactory(unit=commune), OrganizationFactory(unit=tree.cp)
    initiatives = [InitiativeFactory(unit=commune, owner_organization=body, status=status)
                   for status in (Status.DRAFT, Status.REGISTERED, Status.UNDER_APPRAISAL, Status.RECOGNISED)]
    RecognitionFactory(initiative=initiatives[3], level=RecognitionLevel.COMMUNE)
    Appraisal.objects.create(initiative=initiatives[2], level=RecognitionLevel.COMMUNE, year=2019, outcome=AppraisalOutcome.MET)
    ReplicationFactory(origin=initiatives[3], unit=tree.h1)
    ResultUpdateFactory(initiative=initiatives[3])
    directive = DirectiveFactory(unit=commune)
    ImplementationFactory(directive=directive)
    ObligationFactory(directive=directive)
    mission = MissionFactory(unit=commune, leading_organization=body)
    mission.directives.add(directive)
    Finding.objects.create(mission=mission, part="strength", text="Nhân dân đồng tình")
    FollowUpFactory(mission=mission)
    MeetingFactory(unit=commune, organization=body)
    RecipientFactory(decision=DecisionFactory(issuing_body=body, date=datetime.date(2020, 8, 4)), organization=body)
    proposal = ProposalFactory(proposing_body=body, addressed_to=above)
    ProposedRecipient.objects.create(proposal=proposal, kind="collective", organization=body)
    ArticleFactory(unit=commune)
    return user


def _model_of(path):
    """The model of the router collection a path belongs to (None for paths outside the router)."""
    try:
        view = resolve(path.split("{", 1)[0]).func
    except Resolver404:
        return None
    viewset = getattr(view, "cls", None)
    queryset = getattr(viewset, "queryset", None)
    return None if queryset is None else queryset.model


def _served_schema():
    """The document ``/api/v1/schema/`` serves (``test_the_schema_tested_is_the_one_served`` checks that).

    It is built here, at collection, because schemathesis' pytest integration makes one test per
    operation from a schema known at import time (its fixture-based loader fails on pytest 9.2).
    """
    document = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(document))


# The coverage phase (boundary and out-of-bounds values of every parameter, run as explicit examples)
# finds most of what matters; sending unexpected methods to every path only re-proves 405s.
CONFIG = schemathesis.Config.from_dict({
    "phases": {"coverage": {"unexpected-methods": []}},
    "generation": {"deterministic": True, "unique-inputs": True},
})
schema = schemathesis.openapi.from_dict(_served_schema(), config=CONFIG)
schema.app = get_wsgi_application()


@schema.hook
def flatmap_path_parameters(context, path_parameters):
    """Half of the ids are those of real records (details, updates and actions on data, not only 404s)."""
    model = _model_of(context.operation.path) if "id" in (path_parameters or {}) else None
    ids = list(model.objects.order_by("pk").values_list("pk", flat=True)[:20]) if model is not None else []
    if not ids:
        return st.just(path_parameters)
    return st.one_of(st.just(path_parameters), st.sampled_from(ids).map(lambda pk: {**path_parameters, "id": pk}))


@pytest.fixture(autouse=True)
def _one_transaction():
    """Django's WSGI app over the test's own transaction: like Django's test client, it must not
    close the connection at each request's start and end (that would end the test's transaction)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def editor_auth(editor_world):
    return {"Authorization": f"Token {Token.objects.create(user=editor_world).key}"}


def test_the_schema_tested_is_the_one_served(editor_auth, client):
    served = client.get("/api/v1/schema/", {"format": "json"}, headers=editor_auth)

    assert served.status_code == 200
    assert json.loads(served.content)["paths"] == schema.raw_schema["paths"]


@schema.parametrize()
@settings(
    max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
    phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck),
)
def test_every_operation_answers_as_its_schema_says(case, editor_auth):
    case.call_and_validate(headers=editor_auth, checks=CHECKS)
