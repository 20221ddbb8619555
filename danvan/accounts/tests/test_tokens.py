"""API tokens expire when left unused, and end at logout and when the password changes."""

import datetime

import pytest
from django.contrib.auth.forms import SetPasswordForm
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token

from danvan.accounts.models import TokenActivity
from danvan.accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

UNITS = reverse("api:unit-list")


@pytest.fixture
def user(tree):
    return UserFactory(username="canbo.binhan", unit=tree.cc1)


def obtain(username="canbo.binhan", password=PASSWORD):
    response = Client().post(reverse("api:token"), {"username": username, "password": password})
    assert response.status_code == 200, response.content
    return response.json()["token"]


def get_units(key):
    return Client().get(UNITS, HTTP_AUTHORIZATION=f"Token {key}")


def leave_unused(key, hours):
    TokenActivity.objects.filter(token_id=key).update(last_used=timezone.now() - datetime.timedelta(hours=hours))


def test_a_token_in_use_keeps_working(user):
    key = obtain()
    leave_unused(key, 7.9)
    assert get_units(key).status_code == 200
    # The use was recorded: eight more hours from now.
    assert timezone.now() - TokenActivity.objects.get(token_id=key).last_used < datetime.timedelta(minutes=1)


def test_a_token_unused_for_eight_hours_is_refused_in_vietnamese_and_deleted(user):
    key = obtain()
    leave_unused(key, 8.1)
    response = get_units(key)
    assert response.status_code == 401
    assert "hết hạn" in response.json()["detail"]
    assert not Token.objects.filter(key=key).exists()
    assert get_units(key).status_code == 401


def test_logging_in_again_gives_a_new_token_once_the_old_one_expired(user):
    old = obtain()
    leave_unused(old, 9)
    new = obtain()
    assert new != old
    assert get_units(new).status_code == 200
    assert get_units(old).status_code == 401


def test_the_idle_limit_is_configurable(user, settings):
    settings.API_TOKEN_IDLE_HOURS = 1
    key = obtain()
    leave_unused(key, 1.5)
    assert get_units(key).status_code == 401


def test_use_is_recorded_at_most_once_a_minute(user):
    key = obtain()
    get_units(key)
    recorded = TokenActivity.objects.get(token_id=key).last_used
    get_units(key)
    assert TokenActivity.objects.get(token_id=key).last_used == recorded


def test_a_token_made_elsewhere_counts_from_its_creation(user):
    token = Token.objects.create(user=user)
    assert get_units(token.key).status_code == 200
    Token.objects.filter(pk=token.pk).update(created=timezone.now() - datetime.timedelta(hours=9))
    TokenActivity.objects.all().delete()
    assert get_units(token.key).status_code == 401


def test_logout_revokes_the_tokens(user):
    key = obtain()
    browser = Client()
    browser.force_login(user)
    browser.post(reverse("accounts:logout"))
    assert get_units(key).status_code == 401
    assert not Token.objects.filter(user=user).exists()


def test_a_password_change_revokes_the_tokens(user):
    key = obtain()
    form = SetPasswordForm(user, {"new_password1": "Mat-khau-moi-2026", "new_password2": "Mat-khau-moi-2026"})
    assert form.is_valid(), form.errors
    form.save()
    assert get_units(key).status_code == 401
    assert obtain(password="Mat-khau-moi-2026") != key


def test_saving_a_user_without_a_new_password_keeps_the_tokens(user):
    key = obtain()
    user.first_name = "Văn"
    user.save()
    assert get_units(key).status_code == 200
