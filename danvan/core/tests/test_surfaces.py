"""What an official reads on the pages: our messages rather than the browser's, no "---------", names not logins."""

import re

import pytest
from django.urls import reverse

from danvan.core.choices import Role
from danvan.movement import services as movement
from danvan.movement.choices import Status
from danvan.movement.tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(tree, make_user):
    return make_user(tree.cc1, role=Role.EDITOR, username="binhan", first_name="Khối dân vận xã Bình An", last_name="")


@pytest.mark.parametrize("url_name", ["movement:create", "movement:list", "oversight:mission-create", "organizations:create",
                                      "people:create", "directives:create", "oversight:follow-up-list"])
def test_forms_leave_checking_to_the_server_and_offer_no_dashes(editor, login, url_name):
    html = login(editor).get(reverse(url_name)).content.decode()
    forms = re.findall(r"<form\b[^>]*>", html)
    assert forms and all("novalidate" in form for form in forms), forms
    assert "---------" not in html


def test_a_required_field_left_empty_is_named_in_vietnamese(editor, login):
    response = login(editor).post(reverse("organizations:create"), {})
    assert response.status_code == 200
    assert "Trường này là bắt buộc." in response.content.decode()


def test_histories_name_the_official_not_the_login(tree, editor, login):
    initiative = InitiativeFactory(unit=tree.cc1, status=Status.DRAFT)
    movement.submit(editor, initiative)
    page = login(editor).get(reverse("movement:detail", args=[initiative.pk])).content.decode()
    history = page[page.index("Lịch sử trạng thái"):] if "Lịch sử trạng thái" in page else page
    assert "Khối dân vận xã Bình An" in history and "binhan:" not in history


def test_the_api_documentation_is_in_the_footer_not_the_menu(editor, login):
    page = login(editor).get(reverse("core:home")).content.decode()
    menu = page[page.index('<nav class="mainnav"'):page.index("</nav>")]
    footer = page[page.index("<footer"):]
    assert reverse("api:docs") not in menu and reverse("api:docs") in footer


def test_every_menu_entry_has_its_own_name(editor, login):
    """Two entries named alike ("Văn bản" for the directives and for the register) leave the official guessing."""
    page = login(editor).get(reverse("core:home")).content.decode()
    nav = re.search(r'<nav class="mainnav".*?</nav>', page, re.S).group(0)
    names = [re.sub(r"<.*?>|\s+\d+$", "", name).strip() for name in re.findall(r"<a [^>]*>(.*?)</a>", nav, re.S)]
    assert len(names) > 5 and len(names) == len(set(names)), names
