"""Reading a page does not write the session: on SQLite every write waits for the one write lock."""

import re

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

pytestmark = pytest.mark.django_db

PASSWORD = "mat-khau-kiem-thu-2025"
SESSION_WRITE = re.compile(r'^\s*(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?django_session"?', re.IGNORECASE)
PAGES = ["core:home", "movement:list", "oversight:follow-up-mine", "core:inbox", "api:initiative-stats"]


def logged_in_client(user):
    """Logged in through the login form, as a browser is (axes, session key rotation and all)."""
    user.set_password(PASSWORD)
    user.save()
    client = Client()
    response = client.post(reverse("accounts:login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, response.status_code
    client.get(reverse("core:home"))  # the page after the login, which may show and drop a message
    return client


def session_writes(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return [query["sql"] for query in context.captured_queries if SESSION_WRITE.match(query["sql"])]


@pytest.fixture
def client_of_province(tree, make_user):
    return logged_in_client(make_user(unit=tree.cp, username="doc-trang"))


@pytest.mark.parametrize("page", PAGES)
def test_a_plain_get_writes_nothing_to_the_session_table(client_of_province, page):
    url = reverse(page)
    session_writes(client_of_province, url)  # first visit of this page
    assert session_writes(client_of_province, url) == []


@override_settings(SESSION_SAVE_EVERY_REQUEST=True)
def test_the_check_sees_a_session_written_on_every_request(client_of_province):
    """The pattern above does catch the write it is meant to find, so the test can fail."""
    assert session_writes(client_of_province, reverse("core:home"))


def test_the_session_is_still_written_when_it_changes(client_of_province):
    with CaptureQueriesContext(connection) as context:
        client_of_province.post(reverse("accounts:logout"))
    assert any(SESSION_WRITE.match(query["sql"]) for query in context.captured_queries)
