"""Permission-aware test cases for every model's pages and API, as NetBox's ``ViewTestCases`` / ``APIViewTestCases``.

A model's test module subclasses ``PageCases`` and/or ``ApiCases`` (in a class named ``Test…``) and
supplies only its fixtures: the routes, ``create_data`` / ``update_data`` and, when the registry's
builder (``core/tests/factories.py``) does not fit, ``make`` (one record in a unit). The cases then
run each page and endpoint

* as an anonymous visitor: sent to the login page (API: 401/403), nothing written;
* as each role of the record's unit: a viewer reads and is refused every write (403); a role at or
  above ``write_role`` writes, and what the database holds afterwards (re-read) equals what was
  submitted, and the audit log holds the change with that user as the actor;
* as a user of another province with the write role: the record is a 404 to read and to write,
  is not listed, and nothing changes.

The record lives in commune Bình An (``tree.cc1``); the other unit is xã Đất Mũi of Cà Mau (``tree.cc3``).
"""

import datetime
import decimal

import pytest
from auditlog.models import LogEntry
from django.db import models
from django.urls import reverse

from danvan.core.choices import Role
from danvan.core.tests.factories import RECORD_IN_UNIT

ROLES = [Role.VIEWER, Role.EDITOR, Role.APPROVER]
MARKER = "Dấu h7 riêng"


def stored(instance):
    """The record's stored values (concrete fields and many-to-many ids), read again from the database."""
    fresh = type(instance)._base_manager.get(pk=instance.pk)
    values = {field.attname: getattr(fresh, field.attname) for field in fresh._meta.concrete_fields}
    for field in fresh._meta.many_to_many:
        values[field.name] = sorted(getattr(fresh, field.name).values_list("pk", flat=True))
    return values


def _as_stored(field, sent):
    """What the database should hold for a value sent by a form (dd/mm/yyyy, "on") or as JSON."""
    if field.many_to_many:
        return sorted(int(value) for value in sent)
    if field.is_relation:
        return None if sent in ("", None) else int(sent)
    if isinstance(field, models.DateField) and isinstance(sent, str) and "/" in sent:
        return datetime.datetime.strptime(sent, "%d/%m/%Y").date()
    if isinstance(field, models.BooleanField):
        return sent in (True, "on", "true", "True", "1")
    if sent == "" and field.null:
        return None
    value = field.to_python(sent)
    return decimal.Decimal(value) if isinstance(field, models.DecimalField) else value


def assert_saved_as_sent(instance, data, unchecked=()):
    """Every model field of ``data`` is stored exactly as it was sent."""
    values = stored(instance)
    wrong = {}
    for name, sent in data.items():
        if name in unchecked:
            continue
        field = instance._meta.get_field(name)
        key = field.name if field.many_to_many else field.attname
        if values[key] != _as_stored(field, sent):
            wrong[name] = (sent, values[key])
    assert wrong == {}, f"sent and stored differ: {wrong}"


def assert_audited(instance, action, actor):
    entries = LogEntry.objects.get_for_object(instance).filter(action=action, actor=actor)
    assert entries.exists(), f"no audit entry (action {action}) by {actor} for {instance!r}"


class Fixtures:
    """What a model supplies. ``write_role``: the least role that may create and edit."""

    model = None
    write_role = Role.EDITOR
    # The least role that may open the form, when it is lower than ``write_role`` (an editor prepares
    # a commendation decision that only an approver may issue): the save itself is still refused.
    page_role = None
    # Fields a write sends that are not stored as sent (a flag, a value the service derives).
    unchecked = ("read_version", "confirm_duplicate")

    def make(self, tree, unit):
        """One record in ``unit`` that the pages and API show."""
        return RECORD_IN_UNIT[self.model](unit, MARKER, None)

    def create_data(self, tree):
        raise NotImplementedError

    def update_data(self, tree, record):
        raise NotImplementedError

    def shown(self, record):
        """Text of the record that its list and page show."""
        return str(record)

    def allowed(self, role):
        return Role.rank(role) >= Role.rank(self.write_role)

    def opens(self, role):
        return Role.rank(role) >= Role.rank(self.page_role or self.write_role)

    @staticmethod
    def new_records(model, before):
        return list(model._base_manager.exclude(pk__in=before))


class PageCases(Fixtures):
    """Pages of one model. Routes are names; ``detail_route`` and ``update_route`` take the record's pk,
    ``create_route`` takes ``create_parent``'s pk when there is one (a position is added to a person)."""

    list_route = None
    detail_route = None
    create_route = None
    update_route = None

    def create_parent(self, tree):
        return None

    def create_url(self, tree):
        parent = self.create_parent(tree)
        return reverse(self.create_route, args=[parent.pk] if parent is not None else [])

    def reads(self, record):
        urls = [reverse(self.list_route)] if self.list_route else []
        return urls + ([reverse(self.detail_route, args=[record.pk])] if self.detail_route else [])

    def update_url(self, record):
        return reverse(self.update_route, args=[record.pk])

    # --- anonymous ---

    def test_anonymous_is_sent_to_login_and_writes_nothing(self, tree, client):
        record = self.make(tree, tree.cc1)
        create = self.create_url(tree) if self.create_route else None
        writes = {create: self.create_data(tree)} if create else {}
        if self.update_route:
            writes[self.update_url(record)] = self.update_data(tree, record)
        before, count = stored(record), self.model._base_manager.count()
        urls = self.reads(record) + list(writes)
        for url, data in writes.items():
            assert "/login" in client.post(url, data)["Location"], url
        for url in urls:
            response = client.get(url)
            assert response.status_code == 302 and "/login" in response["Location"], url
        assert self.model._base_manager.count() == count and stored(record) == before

    # --- each role of the unit ---

    @pytest.mark.parametrize("role", ROLES)
    def test_each_role_reads_the_list_and_the_record(self, tree, make_user, login, role):
        record = self.make(tree, tree.cc1)
        client = login(make_user(unit=tree.cc1, role=role))
        for url in self.reads(record):
            response = client.get(url)
            assert response.status_code == 200, url
            assert self.shown(record) in response.content.decode(), url

    @pytest.mark.parametrize("role", ROLES)
    def test_each_role_creates_or_is_refused(self, tree, make_user, login, role):
        if not self.create_route:
            pytest.skip("no create page")
        user = make_user(unit=tree.cc1, role=role)
        client, url, data = login(user), self.create_url(tree), self.create_data(tree)
        before = list(self.model._base_manager.values_list("pk", flat=True))
        if not self.allowed(role):
            assert client.get(url).status_code == (200 if self.opens(role) else 403)
            assert client.post(url, data).status_code == 403
            assert self.new_records(self.model, before) == []
            return
        assert client.get(url).status_code == 200
        response = client.post(url, data)
        assert response.status_code == 302, getattr(response, "context", None) and response.context.get("form").errors
        [created] = self.new_records(self.model, before)
        assert_saved_as_sent(created, data, self.unchecked)
        assert_audited(created, LogEntry.Action.CREATE, user)

    @pytest.mark.parametrize("role", ROLES)
    def test_each_role_edits_or_is_refused(self, tree, make_user, login, role):
        if not self.update_route:
            pytest.skip("no edit page")
        record = self.make(tree, tree.cc1)
        user = make_user(unit=tree.cc1, role=role)
        client, url, data = login(user), self.update_url(record), self.update_data(tree, record)
        before = stored(record)
        if not self.allowed(role):
            assert client.get(url).status_code == (200 if self.opens(role) else 403)
            assert client.post(url, data).status_code == 403
            assert stored(record) == before
            return
        assert client.get(url).status_code == 200
        response = client.post(url, data)
        assert response.status_code == 302, getattr(response, "context", None) and response.context.get("form").errors
        assert_saved_as_sent(record, data, self.unchecked)
        assert_audited(record, LogEntry.Action.UPDATE, user)

    # --- another unit ---

    def test_a_user_of_another_unit_gets_404_and_changes_nothing(self, tree, make_user, login):
        record = self.make(tree, tree.cc1)
        client = login(make_user(unit=tree.cc3, role=Role.APPROVER))
        before = stored(record)
        if self.list_route:
            listed = client.get(reverse(self.list_route))
            assert listed.status_code == 200 and self.shown(record) not in listed.content.decode()
        if self.detail_route:
            assert client.get(reverse(self.detail_route, args=[record.pk])).status_code == 404
        if self.update_route:
            assert client.get(self.update_url(record)).status_code == 404
            assert client.post(self.update_url(record), self.update_data(tree, record)).status_code == 404
        if self.create_route:
            # The data names records of Bình An: refused on the form (200) or, under a parent of Bình An, 404.
            url, data = self.create_url(tree), self.create_data(tree)
            existing = list(self.model._base_manager.values_list("pk", flat=True))
            assert client.post(url, data).status_code in (200, 404)
            assert self.new_records(self.model, existing) == []
        assert stored(record) == before


class ApiCases(Fixtures):
    """One API collection (``api_url`` such as ``/api/v1/initiatives/``): list, retrieve, create, partial update."""

    api_url = None
    can_create = True
    can_update = True

    def detail(self, record):
        return f"{self.api_url}{record.pk}/"

    def test_anonymous_is_refused_and_writes_nothing(self, tree, client):
        record = self.make(tree, tree.cc1)
        create = self.create_data(tree) if self.can_create else None
        update = self.update_data(tree, record) if self.can_update else None
        before, count = stored(record), self.model._base_manager.count()
        assert client.get(self.api_url).status_code in (401, 403)
        assert client.get(self.detail(record)).status_code in (401, 403)
        if create is not None:
            assert client.post(self.api_url, create, content_type="application/json").status_code in (401, 403)
        if update is not None:
            assert client.patch(self.detail(record), update, content_type="application/json").status_code in (401, 403)
        assert self.model._base_manager.count() == count and stored(record) == before

    @pytest.mark.parametrize("role", ROLES)
    def test_each_role_reads_the_list_and_the_record(self, tree, make_user, login, role):
        record = self.make(tree, tree.cc1)
        client = login(make_user(unit=tree.cc1, role=role))
        listed = client.get(self.api_url)
        assert listed.status_code == 200 and record.pk in [row["id"] for row in listed.json()["results"]]
        assert client.get(self.detail(record)).json()["id"] == record.pk

    @pytest.mark.parametrize("role", ROLES)
    def test_each_role_creates_or_is_refused(self, tree, make_user, login, role):
        if not self.can_create:
            pytest.skip("no create endpoint")
        user = make_user(unit=tree.cc1, role=role)
        client, data = login(user), self.create_data(tree)
        before = list(self.model._base_manager.values_list("pk", flat=True))
        response = client.post(self.api_url, data, content_type="application/json")
        if not self.allowed(role):
            assert response.status_code == 403
            assert self.new_records(self.model, before) == []
            return
        assert response.status_code == 201, response.content
        [created] = self.new_records(self.model, before)
        assert response.json()["id"] == created.pk
        assert_saved_as_sent(created, data, self.unchecked)
        assert_audited(created, LogEntry.Action.CREATE, user)

    @pytest.mark.parametrize("role", ROLES)
    def test_each_role_edits_or_is_refused(self, tree, make_user, login, role):
        if not self.can_update:
            pytest.skip("no update endpoint")
        record = self.make(tree, tree.cc1)
        user = make_user(unit=tree.cc1, role=role)
        client, data = login(user), self.update_data(tree, record)
        before = stored(record)
        response = client.patch(self.detail(record), data, content_type="application/json")
        if not self.allowed(role):
            assert response.status_code == 403
            assert stored(record) == before
            return
        assert response.status_code == 200, response.content
        assert_saved_as_sent(record, data, self.unchecked)
        assert_audited(record, LogEntry.Action.UPDATE, user)

    def test_a_user_of_another_unit_gets_404_and_changes_nothing(self, tree, make_user, login):
        record = self.make(tree, tree.cc1)
        client = login(make_user(unit=tree.cc3, role=Role.APPROVER))
        before = stored(record)
        assert record.pk not in [row["id"] for row in client.get(self.api_url).json()["results"]]
        assert client.get(self.detail(record)).status_code == 404
        if self.can_update:
            assert client.patch(self.detail(record), self.update_data(tree, record), content_type="application/json").status_code == 404
        if self.can_create:
            data = self.create_data(tree)
            existing = list(self.model._base_manager.values_list("pk", flat=True))
            assert client.post(self.api_url, data, content_type="application/json").status_code == 400
            assert self.new_records(self.model, existing) == []
        assert stored(record) == before
