"""KL 215-KL/TW: the days the head of the Party committee receives citizens meet the monthly reception obligation by
themselves, counted one a day, month by month; dialogues and the government's reception days do not count."""

import datetime

import pytest

from danvan.core.choices import Level, Role
from danvan.directives import services as directive_services
from danvan.directives.choices import ObligationKind, ObligationState, PeriodUnit
from danvan.directives.queries import obligation_status, obligations_of_unit
from danvan.directives.tests.factories import DirectiveFactory, ObligationFactory
from danvan.engagement.choices import DialogueKind
from danvan.engagement.queries import receptions_held
from danvan.engagement.tests.factories import DialogueFactory

pytestmark = pytest.mark.django_db

D = datetime.date
MET, DUE, OVERDUE = ObligationState.MET, ObligationState.DUE, ObligationState.OVERDUE


@pytest.fixture
def reception(tree):
    """Every commune's Party head receives citizens at least 2 days a month from 2026."""
    return ObligationFactory(directive=DirectiveFactory(unit=tree.cp), level=Level.COMMUNE, kind=ObligationKind.RECEPTION,
                             period_unit=PeriodUnit.MONTH, times=2, first_year=2026)


def received(unit, *days, kind=DialogueKind.PARTY_RECEPTION):
    return [DialogueFactory(unit=unit, kind=kind, date=day) for day in days]


def test_reception_days_meet_the_months_without_any_link(tree, make_user, reception):
    user = make_user(tree.cp, role=Role.VIEWER)
    received(tree.cc1, D(2026, 1, 8), D(2026, 1, 22), D(2026, 2, 12), D(2026, 3, 5), D(2026, 3, 5), D(2026, 4, 2), D(2026, 4, 16))
    received(tree.cc1, D(2026, 2, 19), D(2026, 2, 26), kind=DialogueKind.GOVERNMENT_RECEPTION)  # the government's, not the Party's
    received(tree.cc1, D(2026, 3, 19), kind=DialogueKind.PERIODIC)  # a dialogue is no reception day
    received(tree.cc1, D(2025, 12, 10), D(2025, 12, 24))  # before the obligation
    cells = {cell.unit: cell for cell in obligation_status(reception, user, 2026, today=D(2026, 4, 20))}
    months = cells[tree.cc1].months
    assert [m.state for m in months[:5]] == [MET, OVERDUE, OVERDUE, MET, DUE]
    assert [m.count for m in months[:4]] == [2, 1, 1, 2]  # two records of 5 March: one day
    assert [f.fulfilled_on for f in months[0].fulfilments] == [D(2026, 1, 8), D(2026, 1, 22)]
    assert months[3].state == MET  # its two days are held before its end
    assert cells[tree.cc2].months[0].state == OVERDUE
    [cell] = obligations_of_unit(tree.cc1, user, 2026, today=D(2026, 5, 1))
    assert [m.state for m in cell.months[:5]] == [MET, OVERDUE, OVERDUE, MET, DUE]


def test_a_reception_recorded_by_hand_too_counts_once(tree, make_user, reception):
    user = make_user(tree.cc1, role=Role.EDITOR)
    [day] = received(tree.cc1, D(2026, 1, 8))
    directive_services.record_fulfilment(user, reception, tree.cc1, 2026, record=day, fulfilled_on=day.date)
    [january] = obligation_status(reception, user, 2026, today=D(2026, 3, 1), month=1)
    assert january.count == 1 and january.state == OVERDUE


def test_receptions_held_is_one_query_one_evidence_a_day(tree, django_assert_num_queries):
    received(tree.cc1, D(2026, 1, 8), D(2026, 1, 8), D(2026, 1, 22))
    received(tree.cc2, D(2026, 1, 8))
    with django_assert_num_queries(1):
        found = receptions_held([tree.cc1.pk, tree.cc2.pk], 2026, 2026)
    assert sorted((e.unit_id, e.fulfilled_on, e.month) for e in found) == [
        (tree.cc1.pk, D(2026, 1, 8), 1), (tree.cc1.pk, D(2026, 1, 22), 1), (tree.cc2.pk, D(2026, 1, 8), 1)]
