"""The directives API: an obligation says whether it is counted per year or per month, a fulfilment the month it
counts for; the fulfilments read within the user's reach."""

import datetime

import pytest

from danvan.core.choices import Level, Role
from danvan.directives import services
from danvan.directives.choices import ObligationKind, PeriodUnit
from danvan.directives.tests.factories import DirectiveFactory, ObligationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def monthly(tree):
    return ObligationFactory(directive=DirectiveFactory(unit=tree.cp), level=Level.COMMUNE, kind=ObligationKind.RECEPTION,
                             period_unit=PeriodUnit.MONTH, times=2, first_year=2026)


def rows(body):
    return body["results"] if isinstance(body, dict) and "results" in body else body


def test_an_obligation_reads_its_period_unit(tree, make_user, login, monthly):
    yearly = ObligationFactory(directive=monthly.directive, level=Level.COMMUNE, first_year=2018)
    client = login(make_user(tree.cp, role=Role.VIEWER))
    assert client.get(f"/api/v1/obligations/{monthly.pk}/").json()["period_unit"] == "month"
    assert client.get(f"/api/v1/obligations/{yearly.pk}/").json()["period_unit"] == "year"


def test_a_fulfilment_reads_its_month_within_the_user_s_reach(tree, make_user, login, monthly):
    editor = make_user(tree.cp, role=Role.EDITOR)
    services.record_fulfilment(editor, monthly, tree.cc1, 2026, description="Tiếp công dân", month=3)
    services.record_fulfilment(editor, monthly, tree.cc2, 2026, description="Tiếp công dân", fulfilled_on=datetime.date(2026, 5, 8))
    body = rows(login(make_user(tree.cp, role=Role.VIEWER)).get(f"/api/v1/obligations/{monthly.pk}/fulfilments/").json())
    assert [(row["unit"], row["year"], row["month"]) for row in body] == [(tree.cc1.pk, 2026, 3), (tree.cc2.pk, 2026, 5)]
    mine = rows(login(make_user(tree.cc1, role=Role.VIEWER)).get(f"/api/v1/obligations/{monthly.pk}/fulfilments/").json())
    assert [(row["unit"], row["month"]) for row in mine] == [(tree.cc1.pk, 3)]


def test_anonymous_reads_no_fulfilment(client, monthly):
    assert client.get(f"/api/v1/obligations/{monthly.pk}/fulfilments/").status_code in (401, 403)


@pytest.mark.parametrize("pk", ["abc", str(10**30), "999999"])
def test_an_unknown_obligation_answers_404(tree, make_user, login, pk):
    assert login(make_user(tree.cp, role=Role.VIEWER)).get(f"/api/v1/obligations/{pk}/fulfilments/").status_code == 404
