"""The OpenAPI schema is complete and valid: every endpoint (commendation proposals included), no
generator warning, and the error answers of every operation documented (``danvan.core.schema``)."""

import json

import pytest
from django.core.management import call_command


@pytest.fixture(scope="module")
def schema(tmp_path_factory, django_db_setup, django_db_blocker):
    """``danvan spectacular --validate --fail-on-warn``: fails on any generator warning or an invalid document."""
    target = tmp_path_factory.mktemp("schema") / "schema.json"
    with django_db_blocker.unblock():
        call_command("spectacular", "--validate", "--fail-on-warn", "--format", "openapi-json", "--file", str(target))
    return json.loads(target.read_text(encoding="utf-8"))


def operations(schema):
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            yield path, method, operation


def test_every_endpoint_is_in_the_schema(schema):
    paths = set(schema["paths"])

    assert {"/api/v1/commendation-proposals/", "/api/v1/commendation-proposals/{id}/accept/",
            "/api/v1/commendation-proposals/{id}/decline/", "/api/v1/initiatives/stats/"} <= paths


def test_every_operation_documents_its_error_answers(schema):
    missing = [
        (method.upper(), path, code)
        for path, method, operation in operations(schema)
        for code in ("400", "401", "403", "404", *(("412",) if method in ("put", "patch") else ()))
        if code not in operation["responses"]
    ]

    assert missing == []


def test_creating_answers_201(schema):
    assert "201" in schema["paths"]["/api/v1/initiatives/"]["post"]["responses"]
    assert "201" in schema["paths"]["/api/v1/commendation-proposals/"]["post"]["responses"]


def test_a_year_filter_states_its_bounds(schema):
    year = next(p for p in schema["paths"]["/api/v1/initiatives/"]["get"]["parameters"] if p["name"] == "year")

    assert year["schema"] == {"type": "integer", "minimum": 1900, "maximum": 2100}
