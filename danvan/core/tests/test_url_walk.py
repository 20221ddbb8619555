"""THE WALK: every URL the project defines, tried by an editor of another commune.

The walk collects every URL pattern (pages and the API router's routes) and, for
each, the model it lists or shows. One record per model is built in commune A
through ``RECORD_IN_UNIT``; an editor of commune B then tries every URL with
every one of those records' ids. A list must not show A's records, a URL with
A's id must answer 404, and a write must answer 404 and change nothing.

A new URL fails the walk until its model has a builder in
``danvan/core/tests/factories.py`` (or, for a page that shows no model, until it
is named in ``PAGES_WITHOUT_MODEL``): no page escapes the check by being new.
"""

import dataclasses
import types

import pytest
from auditlog.models import LogEntry
from django.contrib.auth.models import Group
from django.urls import URLResolver, get_resolver, path, reverse
from django.views import generic

from danvan.core.choices import Role
from danvan.core.tests.factories import RECORD_IN_UNIT
from danvan.people.tests.factories import PersonFactory
from danvan.organizations.tests.factories import OrganizationFactory

# Left out of the walk, each for its reason:
SKIPPED_PREFIXES = {
    "admin/": "Django's admin has its own permission checks and is for staff only; it is not scoped by unit.",
    "i18n/": "set_language only stores a language choice; it reads no record.",
    "static/": "static files (only routed when DEBUG) hold no records.",
    "news/": "the public portal: published articles only, no login: tested in news/tests/test_portal.py",
    "catalogues/": "national catalogues (criteria, phases …), the same for every unit: tested in core/tests/test_catalogue_pages.py",
}
SKIPPED_NAMES = {
    "accounts:login": "authentication endpoint: tested in test_security.py",
    "accounts:logout": "authentication endpoint: tested in test_security.py",
    "api:token": "authentication endpoint: tested in api/tests/test_api.py",
    "api:schema": "the OpenAPI description of the API, no records: tested in api/tests/test_api.py",
    "api:docs": "Swagger UI page for the schema, no records",
    "api:not-found": "the JSON 404 of every API path no route matches, no records: tested in api/tests/test_bad_input.py",
    "movement:showcase": "public by design (recognised initiatives, public fields): tested in movement/tests/test_pages.py",
    "movement:showcase-detail": "public by design: tested in movement/tests/test_pages.py",
    "movement:public-photo": "public by design (photos marked public): tested in movement/tests/test_pages.py",
    "engagement:public-petition": "public by design (anyone writes to a commune; nothing is shown): tested in engagement/tests/test_public.py",
    "engagement:public-submitted": "public by design (the visitor's own tracking code, once): tested in engagement/tests/test_public.py",
    "engagement:public-track": "public by design (status and public answer for the code's holder): tested in engagement/tests/test_public.py",
    "engagement:status-label-list": "a province's own labels, held by the province (no commune's record): tested in engagement/tests/test_status_labels.py",
    "engagement:status-label-create": "a province's own labels, written by its administrator: tested in engagement/tests/test_status_labels.py",
    "engagement:status-label-update": "a province's own labels, written by its administrator: tested in engagement/tests/test_status_labels.py",
}
# Pages that show no model of their own; the walk still opens them and checks that
# nothing of commune A shows up.
# The inbox gathers several models; test_inbox checks it shows nothing of another unit.
# "Tài khoản của tôi" edits only the signed-in user (test_own_account checks it).
PAGES_WITHOUT_MODEL = {"core:home", "core:search", "core:inbox", "accounts:me", "api:api-root"}
# Reporting's figures, completeness and catalogue are asked about a unit of the user's own scope (reporting/tests).
PAGES_WITHOUT_MODEL |= {"reporting:completeness", "reporting:rollup", "reporting:catalogue", "api:indicator-list", "api:indicator-values",
                        "api:completeness"}
# The members' counts are asked about a unit of the user's own scope; another unit's is refused (members/tests/test_api.py).
PAGES_WITHOUT_MODEL |= {"api:member-stats"}
KNOWN_KWARGS = {"pk", "format"}

# Shown in every record's visible text; a search folds it to "andanhdau", so a
# query echoed back into a search box never contains the marker itself.
MARKER = "Ẩnđánhdấu"
QUERY = "andanhdau"
FIRST_PK = 970001  # far above anything else the test creates, so ids never collide across models


@dataclasses.dataclass
class Route:
    route: str
    name: str
    view: type | None
    kwargs: frozenset
    model: type | None
    methods: frozenset  # write methods the view answers
    is_list: bool
    actions: dict = dataclasses.field(default_factory=dict)  # a viewset route's method → action


def _view_model(callback, view):
    model = getattr(callback, "view_initkwargs", {}).get("model") or getattr(view, "model", None)
    if model is None and getattr(view, "queryset", None) is not None:
        model = view.queryset.model
    form_class = getattr(view, "form_class", None)
    if model is None and form_class is not None and hasattr(form_class, "_meta"):
        model = form_class._meta.model
    return model


def collect_routes(resolver=None, prefix="", namespace=None, kwargs=frozenset()):
    """Every URL pattern under ``resolver``, recursively, with the model its view works on."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        own_kwargs = kwargs | set(entry.pattern.regex.groupindex)
        if isinstance(entry, URLResolver):
            inner = ":".join(part for part in (namespace, entry.namespace) if part) or None
            yield from collect_routes(entry, prefix + str(entry.pattern), inner, frozenset(own_kwargs))
            continue
        callback = entry.callback
        view = getattr(callback, "cls", None) or getattr(callback, "view_class", None)
        actions = getattr(callback, "actions", None)
        if actions is not None:
            methods = {m for m in actions if m not in ("get", "head", "options")}
            is_list = actions.get("get") == "list"
        else:
            methods = {m for m in ("post", "put", "patch", "delete") if view is not None and hasattr(view, m)}
            is_list = view is not None and issubclass(view, generic.list.MultipleObjectMixin)
        name = ":".join(part for part in (namespace, entry.name) if part) if entry.name else None
        yield Route(prefix + str(entry.pattern), name, view, frozenset(own_kwargs), _view_model(callback, view), frozenset(methods), is_list,
                    dict(actions or {}))


def skip_reason(route):
    for prefix, reason in SKIPPED_PREFIXES.items():
        if route.route.startswith(prefix):
            return reason
    return SKIPPED_NAMES.get(route.name)


def problems(routes):
    """What stops the walk from checking a route: it must name a registered model or be a known page."""
    found = []
    for route in routes:
        if skip_reason(route):
            continue
        if route.name is None:
            found.append(f"{route.route}: unnamed URL pattern, the walk cannot reverse it")
        elif route.kwargs - KNOWN_KWARGS:
            found.append(f"{route.route}: URL arguments {sorted(route.kwargs - KNOWN_KWARGS)} the walk does not know")
        elif route.model is None and route.name not in PAGES_WITHOUT_MODEL:
            found.append(f"{route.name} ({route.route}): no model found; give the view a model or add it to PAGES_WITHOUT_MODEL")
        elif route.model is not None and route.model not in RECORD_IN_UNIT:
            found.append(f"{route.name} ({route.route}): {route.model.__name__} has no builder in core/tests/factories.py RECORD_IN_UNIT")
    return found


def url_for(route, pk=None):
    kwargs = {}
    if "pk" in route.kwargs:
        kwargs["pk"] = pk
    if "format" in route.kwargs:
        kwargs["format"] = "json"
    return reverse(route.name, kwargs=kwargs)


def snapshot():
    state = {model: list(model.objects.order_by("pk").values()) for model in RECORD_IN_UNIT}
    state["log entries"] = LogEntry.objects.count()
    return state


@pytest.fixture
def walk(tree, make_user, login):
    """Commune A (phường Thạnh Lộc) holds one record of every registered model; B (xã Bình An) is next door."""
    commune_a, commune_b = tree.cc2, tree.cc1
    # B has records of its own, so that its lists are not trivially empty; made first, so that
    # their ids stay far below A's and no URL tried with A's ids can land on one of them.
    PersonFactory(unit=commune_b, full_name="Người của Bình An")
    OrganizationFactory(unit=commune_b, name="Hội của Bình An")
    # Administrators, the highest role of a unit, so that every page opens to them: what the walk checks is the unit.
    # Made before the records, so that their own accounts' ids stay below the ids the walk tries.
    outsider, insider = make_user(commune_b, role=Role.ADMINISTRATOR), make_user(commune_a, role=Role.ADMINISTRATOR)
    records = {}
    for offset, (model, build) in enumerate(RECORD_IN_UNIT.items()):
        records[model] = build(commune_a, f"{MARKER} {model.__name__}", FIRST_PK + offset)
    routes = [route for route in collect_routes() if not skip_reason(route)]
    return types.SimpleNamespace(
        routes=routes,
        records=records,
        commune_b=commune_b,
        outsider=login(outsider),
        insider=login(insider),
    )


def test_every_url_is_covered_by_the_walk():
    routes = list(collect_routes())
    assert not problems(routes), "\n".join(problems(routes))
    walked = {route.name for route in routes if not skip_reason(route)}
    # The walk really reaches the pages and the API router's routes.
    assert {"units:detail", "people:position-update", "organizations:link-create", "api:unit-detail", "api:organization-list"} <= walked


def test_a_url_whose_model_has_no_builder_fails_the_walk():
    urlconf = types.ModuleType("fake_urls")
    urlconf.urlpatterns = [path("groups/<int:pk>/", generic.DetailView.as_view(model=Group), name="group")]
    routes = list(collect_routes(get_resolver(urlconf)))
    assert routes[0].model is Group
    assert problems(routes) == ["group (groups/<int:pk>/): Group has no builder in core/tests/factories.py RECORD_IN_UNIT"]

    other = types.ModuleType("other_fake_urls")
    other.urlpatterns = [path("about/", generic.TemplateView.as_view(template_name="x.html"), name="about")]
    assert problems(collect_routes(get_resolver(other))) == [
        "about (about/): no model found; give the view a model or add it to PAGES_WITHOUT_MODEL"
    ]


def test_the_records_of_commune_a_are_reachable_from_commune_a(walk):
    """The control: A's own editor reaches every URL with one of A's ids, and finds A's records in lists."""
    pks = [record.pk for record in walk.records.values()]
    for route in walk.routes:
        if "pk" in route.kwargs:
            codes = {pk: walk.insider.get(url_for(route, pk)).status_code for pk in pks}
            # 2xx: a document's PDF still being made answers 202, which is reaching it.
            assert any(200 <= code < 300 for code in codes.values()), f"{route.name}: A's own editor reaches none of A's records: {codes}"
        elif route.is_list:
            response = walk.insider.get(url_for(route), {"q": QUERY, "search": QUERY})
            assert response.status_code == 200, route.name
            assert f"{MARKER} {route.model.__name__}" in response.content.decode(), f"{route.name} does not list A's record to A"


def test_an_editor_of_another_commune_reaches_nothing_of_commune_a(walk):
    assert walk.routes, "the walk found no URLs"
    before = snapshot()
    pks = [record.pk for record in walk.records.values()]
    payload = {
        "name": "Bị sửa", "full_name": "Bị sửa", "title": "Bị sửa", "type": "ap", "gender": "male",
        "unit": walk.commune_b.pk, "parent": walk.commune_b.pk, "valid_from": "01/07/2025",
    }
    checked = 0
    for route in walk.routes:
        if "pk" in route.kwargs:
            for pk in pks:
                url = url_for(route, pk)
                response = walk.outsider.get(url)
                assert response.status_code == 404, f"GET {url} ({route.name}) answered {response.status_code}, not 404"
                for method in sorted(route.methods):
                    if method == "post":
                        response = walk.outsider.post(url, payload)
                    else:
                        response = getattr(walk.outsider, method)(url, payload, content_type="application/json")
                    assert response.status_code == 404, f"{method.upper()} {url} ({route.name}) answered {response.status_code}, not 404"
                checked += 1
        else:
            for params in ({}, {"q": QUERY, "search": QUERY}):
                response = walk.outsider.get(url_for(route), params)
                assert response.status_code == 200, f"GET {url_for(route)} ({route.name}) answered {response.status_code}"
                assert MARKER not in response.content.decode(), f"{route.name} shows a record of commune A to B's editor"
                checked += 1
    assert checked > 30
    assert snapshot() == before, "a request of B's editor changed commune A's records"
