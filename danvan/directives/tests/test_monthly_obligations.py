"""Obligations counted per month (KL 215-KL/TW: reception days every month): periods, deadlines, the month a
fulfilment counts for, the state of each month and the page's twelve cells; yearly obligations as before."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from danvan.core.choices import Level, Role
from danvan.directives import queries, services
from danvan.directives.choices import ObligationKind, ObligationState, PeriodUnit
from danvan.directives.models import ObligationFulfilment
from danvan.directives.tests.factories import DirectiveFactory, ObligationFactory

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def monthly(tree):
    """An Giang asks every commune for at least two reception days a month from 2026."""
    return ObligationFactory(directive=DirectiveFactory(unit=tree.cp), level=Level.COMMUNE, kind=ObligationKind.RECEPTION,
                             period_unit=PeriodUnit.MONTH, times=2, first_year=2026)


@pytest.fixture
def editor(tree, make_user):
    return make_user(tree.cp, role=Role.EDITOR)


def test_a_monthly_obligations_periods_end_with_their_month(monthly):
    assert monthly.period_of(2026, 2) == (2026, 2026, 2)
    assert monthly.deadline_of(monthly.period_of(2026, 2)) == D(2026, 2, 28)
    assert monthly.deadline_of(monthly.period_of(2028, 2)) == D(2028, 2, 29)
    assert monthly.deadline_of(monthly.period_of(2026, 12)) == D(2026, 12, 31)
    assert monthly.deadline_of(monthly.period_of(2026)) == D(2026, 12, 31)  # the whole year, as the calendar asks
    assert len(monthly.periods(2027)) == 24 and monthly.periods(2027)[12] == (2027, 2027, 1)


def test_a_yearly_obligation_keeps_its_periods(tree):
    obligation = ObligationFactory(directive__unit=tree.ld2, first_year=2013, period_years=5)
    assert obligation.period_unit == PeriodUnit.YEAR
    assert obligation.period_of(2018) == obligation.period_of(2018, 4) == (2018, 2022)
    assert obligation.deadline_of((2018, 2022)) == D(2022, 12, 31)
    assert obligation.periods(2018) == [(2013, 2017), (2018, 2022)]


def test_a_monthly_fulfilment_needs_its_month(tree, editor, monthly):
    with translation.override("vi"), pytest.raises(ValidationError) as error:
        services.record_fulfilment(editor, monthly, tree.cc1, 2026, description="Tiếp công dân")
    assert list(error.value.message_dict) == ["month"] and "tháng" in error.value.message_dict["month"][0]
    for wrong in (0, 13, "x"):
        with translation.override("vi"), pytest.raises(ValidationError) as error:
            services.record_fulfilment(editor, monthly, tree.cc1, 2026, month=wrong, description="Tiếp công dân")
        assert "1 đến 12" in error.value.message_dict["month"][0]
    with pytest.raises(ValidationError) as error:
        services.record_fulfilment(editor, monthly, tree.cc1, 2026, month=3, description="x", fulfilled_on=D(2026, 4, 2))
    assert "fulfilled_on" in error.value.message_dict
    assert not ObligationFulfilment.objects.exists()
    # The month is taken from the day when not given (a meeting's page records it that way).
    fulfilment = services.record_fulfilment(editor, monthly, tree.cc1, 2026, description="Tiếp công dân", fulfilled_on=D(2026, 3, 5))
    assert fulfilment.month == 3


def test_a_yearly_fulfilment_refuses_a_month(tree, editor):
    obligation = ObligationFactory(directive=DirectiveFactory(unit=tree.cp), level=Level.COMMUNE, first_year=2025)
    with pytest.raises(ValidationError) as error:
        services.record_fulfilment(editor, obligation, tree.cc1, 2025, month=4, description="Đối thoại")
    assert "month" in error.value.message_dict
    assert services.record_fulfilment(editor, obligation, tree.cc1, 2025, description="Đối thoại").month is None


def test_each_month_is_met_due_or_overdue(tree, editor, monthly):
    for day in (D(2026, 1, 8), D(2026, 1, 22), D(2026, 2, 10), D(2026, 3, 3), D(2026, 3, 17)):
        services.record_fulfilment(editor, monthly, tree.cc1, 2026, month=day.month, description="Tiếp công dân", fulfilled_on=day)
    today = D(2026, 3, 20)
    cells = {cell.unit: cell for cell in queries.obligation_status(monthly, editor, 2026, today)}
    months = [month.state for month in cells[tree.cc1].months]
    assert months[:4] == [ObligationState.MET, ObligationState.OVERDUE, ObligationState.MET, ObligationState.DUE]
    assert set(months[3:]) == {ObligationState.DUE}
    assert [month.count for month in cells[tree.cc1].months[:3]] == [2, 1, 2]
    assert cells[tree.cc1].state == ObligationState.OVERDUE and cells[tree.cc1].months_met == 2
    assert [month.state for month in cells[tree.cc2].months[:3]] == [ObligationState.OVERDUE] * 2 + [ObligationState.DUE]
    # One month asked for alone.
    [march] = [cell for cell in queries.obligation_status(monthly, editor, 2026, today, month=3) if cell.unit == tree.cc1]
    assert march.state == ObligationState.MET and march.count == 2 and not march.months
    # The unit's page: the same months.
    [cell] = queries.obligations_of_unit(tree.cc1, editor, 2026, today)
    assert [month.count for month in cell.months[:3]] == [2, 1, 2]


def test_the_page_shows_twelve_months_per_unit(tree, editor, make_user, login, monthly):
    services.record_fulfilment(editor, monthly, tree.cc1, 2026, month=1, description="Tiếp công dân", fulfilled_on=D(2026, 1, 8))
    services.record_fulfilment(editor, monthly, tree.cc1, 2026, month=1, description="Tiếp công dân", fulfilled_on=D(2026, 1, 22))
    client = login(make_user(tree.cp, role=Role.VIEWER), HTTP_ACCEPT_LANGUAGE="vi")
    page = client.get(reverse("directives:obligations"), {"year": 2026}).content.decode()
    assert all(f">T{month}</abbr>" in page for month in range(1, 13)) and 'title="Tháng 12"' in page
    assert 'aria-label="Tháng 1: Đã thực hiện, 2/2"' in page and 'aria-label="Tháng 2: Quá hạn, 0/2"' in page
    assert page.count('class="table compact obligation-months"') == 1
    assert page.count("state-met") >= 2  # January of Bình An, and the legend
    unit_page = client.get(reverse("directives:obligations"), {"year": 2026, "unit": tree.cc1.pk}).content.decode()
    assert ">T12</abbr>" in unit_page and "1/12" in unit_page


def test_the_obligation_form_keeps_yearly_unless_told(tree, make_user, login):
    client = login(make_user(tree.cc1, role=Role.EDITOR))
    directive = DirectiveFactory(unit=tree.cc1)
    data = {"title": "Tiếp công dân định kỳ", "kind": "reception", "level": 3, "period_years": 1, "times": 2, "first_year": 2026}
    assert client.post(reverse("directives:obligation-create", args=[directive.pk]), {**data, "period_unit": "month"}).status_code == 302
    assert directive.obligations.get().is_monthly
    response = client.post(reverse("directives:obligation-create", args=[directive.pk]), {**data, "period_unit": "month", "period_years": 2})
    assert response.status_code == 200 and "period_years" in response.context["form"].errors
