"""THE WRITE WALK: every write the project offers, made by a user of commune B naming commune A's records.

For every API write (create, update, and each action that takes a body) and every page form, the walk
puts a record of commune A in each related field in turn, every other field left as a user of B would
send it, and expects the write refused on that field (400 naming it on the API, the error beside the
field on the page) with nothing changed in any table. The records and routes come from the same
registry as the read walk (``test_url_walk.py``): a new write route or form field whose model has no
builder there fails the walk, so no write escapes the check by being new.
"""

import types

import pytest
from django.forms import ModelChoiceField, ModelMultipleChoiceField
from django.views.generic.edit import FormMixin
from rest_framework import serializers
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from danvan.core.choices import Role
from danvan.core.tests.factories import RECORD_IN_UNIT
from danvan.core.tests.test_url_walk import KNOWN_KWARGS, collect_routes, skip_reason, snapshot, url_for

A_FIRST_PK = 960001
B_FIRST_PK = 950001

# Writes that name no related record of their own, each with its reason.
NO_RELATED_FIELDS = {}


def _relations_of_serializer(serializer, prefix=""):
    """(path, related model, many) for every field of ``serializer`` that names records, nested ones included."""
    for name, field in serializer.fields.items():
        if field.read_only:
            continue
        if isinstance(field, serializers.ListSerializer) and isinstance(field.child, serializers.Serializer):
            yield from _relations_of_serializer(field.child, f"{prefix}{name}[0].")
        elif isinstance(field, serializers.ManyRelatedField):
            yield f"{prefix}{name}", field.child_relation.queryset.model, True
        elif isinstance(field, serializers.RelatedField) and field.queryset is not None:
            yield f"{prefix}{name}", field.queryset.model, False


def _relations_of_form(form):
    for name, field in form.fields.items():
        if isinstance(field, (ModelChoiceField, ModelMultipleChoiceField)) and field.queryset is not None:
            yield name, field.queryset.model, isinstance(field, ModelMultipleChoiceField)


def _scoped(model):
    return hasattr(model._default_manager, "visible_to")


def _payload(path, value):
    """{"recipients": [{"person": 5}]} from "recipients[0].person"."""
    head, _, rest = path.partition(".")
    if head.endswith("[0]"):
        return {head[:-3]: [_payload(rest, value)]}
    return {head: value}


def _error_names(path, body):
    head, _, rest = path.partition(".")
    key = head[:-3] if head.endswith("[0]") else head
    if not isinstance(body, dict) or key not in body:
        return False
    if not rest:
        return True
    inner = body[key]
    if isinstance(inner, list) and inner:
        inner = inner[0]
    elif isinstance(inner, dict) and "0" in inner:
        inner = inner["0"]
    return _error_names(rest, inner) or isinstance(inner, (str, list))


@pytest.fixture
def write_walk(tree, make_user, login):
    commune_a, commune_b = tree.cc2, tree.cc1
    writer = make_user(commune_b, role=Role.ADMINISTRATOR)  # the highest role of a unit: every page opens
    theirs, mine = {}, {}
    for offset, (model, build) in enumerate(RECORD_IN_UNIT.items()):
        mine[model] = build(commune_b, f"B {model.__name__}", B_FIRST_PK + offset)
        theirs[model] = build(commune_a, f"A {model.__name__}", A_FIRST_PK + offset)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=writer).key}")
    routes = [route for route in collect_routes() if not skip_reason(route) and route.methods]
    return types.SimpleNamespace(theirs=theirs, mine=mine, api=api, page=login(writer), routes=routes)


def _api_writes(routes):
    """(route, method, request serializer class) for each API write; None where the walk cannot tell."""
    for route in routes:
        if not route.name.startswith("api:"):
            continue
        for method in sorted(route.methods - {"delete"}):
            action = route.actions.get(method)
            if action in ("create", "update", "partial_update"):
                yield route, method, route.view.serializer_class
            else:
                yield route, method, getattr(route.view, "action_serializers", {}).get(action)


def test_every_api_write_refuses_a_record_of_another_unit_in_each_related_field(write_walk):
    before = snapshot()
    unbuildable, checked = [], 0
    for route, method, serializer_class in _api_writes(write_walk.routes):
        if serializer_class is None:
            unbuildable.append(f"{route.name}: a write action without an entry in the viewset's action_serializers")
            continue
        relations = list(_relations_of_serializer(serializer_class()))
        if not relations and route.name not in NO_RELATED_FIELDS:
            continue
        target = write_walk.mine.get(route.model)
        if "pk" in route.kwargs and target is None:
            unbuildable.append(f"{route.name}: no builder for {route.model.__name__}")
            continue
        url = url_for(route, target.pk if "pk" in route.kwargs else None)
        for path, model, many in relations:
            if not _scoped(model):
                continue
            if model not in write_walk.theirs:
                unbuildable.append(f"{route.name} {path}: {model.__name__} has no builder in RECORD_IN_UNIT")
                continue
            foreign = write_walk.theirs[model].pk
            body = _payload(path, [foreign] if many else foreign)
            response = getattr(write_walk.api, method)(url, body, format="json")
            assert response.status_code in (400, 404), f"{method.upper()} {url} with {path}={foreign} answered {response.status_code}"
            if response.status_code == 400:
                assert _error_names(path, response.json()), f"{method.upper()} {url}: {path} of another unit not refused: {response.json()}"
            checked += 1
    assert not unbuildable, "\n".join(unbuildable)
    assert checked > 20
    assert snapshot() == before, "a write naming commune A's records changed something"


def _page_forms(routes):
    """(route, whether its view edits through a form) for each page that takes a POST."""
    for route in routes:
        if not route.name.startswith("api:") and "post" in route.methods:
            yield route, issubclass(route.view, FormMixin)


# Page writes that take no form of related records, each with its reason (checked by their own tests).
PAGES_WITHOUT_RELATED_FORM = {
}


def _reachable_url(write_walk, route):
    """The page's URL with one of B's own records (the pk may be of the form's parent, not its model)."""
    if "pk" not in route.kwargs:
        return url_for(route)
    for record in write_walk.mine.values():
        url = url_for(route, record.pk)
        if write_walk.page.get(url).status_code == 200:
            return url
    return None


def test_every_page_form_refuses_a_record_of_another_unit_in_each_related_field(write_walk):
    before = snapshot()
    unbuildable, checked = [], 0
    for route, has_form in _page_forms(write_walk.routes):
        if not has_form:
            if route.name not in PAGES_WITHOUT_RELATED_FORM:
                unbuildable.append(f"{route.name}: a POST without a form_class the walk can read")
            continue
        url = _reachable_url(write_walk, route)
        if url is None:
            unbuildable.append(f"{route.name}: none of B's records opens this page for B's approver")
            continue
        page = write_walk.page.get(url)
        assert page.status_code == 200 and "form" in page.context, f"GET {url} shows no form"
        for name, model, many in _relations_of_form(page.context["form"]):
            if not _scoped(model):
                continue
            if model not in write_walk.theirs:
                unbuildable.append(f"{route.name} {name}: {model.__name__} has no builder in RECORD_IN_UNIT")
                continue
            response = write_walk.page.post(url, {name: write_walk.theirs[model].pk})
            assert response.status_code == 200, f"POST {url} with {name} of another unit answered {response.status_code}"
            form = response.context["form"]
            if name not in form.fields:  # this page does not offer the field (an edit form drops it)
                continue
            assert name in form.errors, f"POST {url}: {name} of another unit not refused ({dict(form.errors)})"
            checked += 1
    assert not unbuildable, "\n".join(unbuildable)
    assert checked > 15
    assert snapshot() == before, "a page write naming commune A's records changed something"
