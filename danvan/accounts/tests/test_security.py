"""Logging in, lockout, session expiry, CSRF and other units' records."""

import datetime

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from danvan.accounts.tests.factories import PASSWORD, UserFactory
from danvan.people.models import Person
from danvan.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")


@pytest.fixture
def user(tree):
    return UserFactory(username="canbo.binhan", unit=tree.cc1)


def attempt(client, password, username="canbo.binhan"):
    return client.post(LOGIN, {"username": username, "password": password})


def logged_in(client):
    return "_auth_user_id" in client.session


def test_right_password_logs_in(user):
    client = Client()
    response = attempt(client, PASSWORD)
    assert response.status_code == 302
    assert logged_in(client)
    assert client.get(reverse("people:list")).status_code == 200


def test_wrong_password_is_refused_and_changes_nothing(user):
    client = Client()
    before = (user.password, user.last_login)
    response = attempt(client, "sai-mat-khau")
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not logged_in(client)
    user.refresh_from_db()
    assert (user.password, user.last_login) == before
    assert client.get(reverse("people:list")).status_code == 302


def test_five_wrong_passwords_lock_the_account(user):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, "sai-mat-khau").status_code == 200
    locked = attempt(client, "sai-mat-khau")
    assert locked.status_code in (403, 429)
    assert "accounts/locked_out.html" in [t.name for t in locked.templates]
    # Even the right password is now refused.
    response = attempt(client, PASSWORD)
    assert response.status_code in (403, 429)
    assert not logged_in(client)
    assert attempt(Client(), PASSWORD).status_code in (403, 429)


def test_four_wrong_passwords_do_not_lock(user):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "sai-mat-khau")
    assert attempt(client, PASSWORD).status_code == 302
    assert logged_in(client)


def test_expired_session_is_sent_back_to_login(user, login):
    client = login(user)
    assert client.get(reverse("people:list")).status_code == 200
    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    response = client.get(reverse("people:list"))
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next={reverse('people:list')}"


def test_session_ends_after_the_working_day():
    assert settings.SESSION_COOKIE_AGE <= 8 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


@pytest.mark.parametrize("url_name", ["core:home", "core:search", "units:browser", "people:list", "organizations:list"])
def test_anonymous_is_sent_to_login(db, url_name):
    response = Client().get(reverse(url_name))
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_forged_csrf_token_is_refused_and_changes_nothing(tree, user, login):
    person = PersonFactory(unit=tree.cc1, full_name="Võ Thị Sáu")
    client = login(user, enforce_csrf_checks=True)
    client.get(reverse("people:update", args=[person.pk]))  # sets the real CSRF cookie
    assert settings.CSRF_COOKIE_NAME in client.cookies
    response = client.post(
        reverse("people:update", args=[person.pk]),
        {"full_name": "Kẻ Giả Mạo", "unit": tree.cc1.pk, "csrfmiddlewaretoken": "x" * 64},
    )
    assert response.status_code == 403
    assert "core/csrf_failure.html" in [t.name for t in response.templates]
    person.refresh_from_db()
    assert person.full_name == "Võ Thị Sáu"


def test_missing_csrf_token_is_refused(tree, user, login):
    client = login(user, enforce_csrf_checks=True)
    response = client.post(reverse("people:create"), {"full_name": "Kẻ Giả Mạo", "unit": tree.cc1.pk})
    assert response.status_code == 403
    assert not Person.objects.exists()


def test_real_csrf_token_is_accepted(tree, user, login):
    client = login(user, enforce_csrf_checks=True)
    token = client.get(reverse("people:create")).context["csrf_token"]
    response = client.post(reverse("people:create"), {"full_name": "Người Thật", "unit": tree.cc1.pk, "csrfmiddlewaretoken": str(token)})
    assert response.status_code == 302
    assert Person.objects.filter(full_name="Người Thật").exists()


def test_another_units_record_answers_404(tree, user, login):
    person = PersonFactory(unit=tree.cc3)
    client = login(user)
    assert client.get(reverse("people:detail", args=[person.pk])).status_code == 404
    assert client.post(reverse("people:update", args=[person.pk]), {"full_name": "X", "unit": tree.cc1.pk}).status_code == 404
