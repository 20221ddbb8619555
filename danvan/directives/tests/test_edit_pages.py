"""A recorded implementation or obligation is corrected through its page, with the same rules as when it was made."""

import pytest
from django.urls import reverse

from danvan.core.choices import Role
from danvan.directives.models import Implementation
from danvan.directives.tests.factories import DirectiveFactory, ImplementationFactory, ObligationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(tree, make_user, login):
    return login(make_user(tree.cc1, role=Role.EDITOR))


def test_an_implementation_gets_its_own_document_afterwards(tree, editor):
    programme = DirectiveFactory(unit=tree.cc1, symbol="20-CTr/HU")
    own = DirectiveFactory(unit=tree.cc1, symbol="13-CT/ĐU")
    implementation = ImplementationFactory(directive=programme, unit=tree.cc1)
    response = editor.post(
        reverse("directives:implementation-update", args=[implementation.pk]),
        {"document": own.pk, "implemented_on": "29/08/2013", "description": "Cụ thể hóa bằng chương trình hành động"},
    )
    assert response.status_code == 302
    implementation.refresh_from_db()
    assert implementation.document == own and implementation.implemented_on.isoformat() == "2013-08-29"


def test_an_implementation_cannot_become_its_own_document(tree, editor):
    programme = DirectiveFactory(unit=tree.cc1)
    implementation = ImplementationFactory(directive=programme, unit=tree.cc1, description="Đã triển khai")
    response = editor.post(reverse("directives:implementation-update", args=[implementation.pk]), {"document": programme.pk})
    assert response.status_code == 200 and response.context["form"].errors
    assert Implementation.objects.get(pk=implementation.pk).document is None


def test_an_obligation_is_edited_and_a_wrong_year_span_refused(tree, editor):
    obligation = ObligationFactory(directive=DirectiveFactory(unit=tree.cc1), first_year=2017)
    url = reverse("directives:obligation-update", args=[obligation.pk])
    data = {"title": obligation.title, "kind": obligation.kind, "level": 3, "period_years": 1, "times": 1, "first_year": 2018}
    assert editor.post(url, data).status_code == 302
    obligation.refresh_from_db()
    assert obligation.first_year == 2018
    response = editor.post(url, {**data, "first_year": 2020, "last_year": 2019})
    assert response.status_code == 200 and response.context["form"].errors
    obligation.refresh_from_db()
    assert (obligation.first_year, obligation.last_year) == (2018, None)


def test_another_communes_editor_cannot_reach_the_edit_pages(tree, make_user, login):
    implementation = ImplementationFactory(directive=DirectiveFactory(unit=tree.cc1), unit=tree.cc1)
    outsider = login(make_user(tree.cc3, role=Role.EDITOR))
    assert outsider.get(reverse("directives:implementation-update", args=[implementation.pk])).status_code == 404
