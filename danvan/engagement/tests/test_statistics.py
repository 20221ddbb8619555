"""Statistics of petitions and dialogues: the figures equal a recount of random records, by unit (legacy or
current), period, channel, field and kind; bad parameters refused in Vietnamese; scoped; a fixed number of queries."""

import datetime
import random
import statistics as py_statistics

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from danvan.core.choices import Role
from danvan.core.statistics import Reach
from danvan.core.workdays.calendar import working_calendar
from danvan.engagement import queries
from danvan.engagement.choices import Channel, DialogueKind, PetitionStatus
from danvan.engagement.tests.factories import DialogueFactory, PetitionFactory, chair_of, petition_field, petition_kind

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()
START = datetime.date(2025, 1, 1)
STATUSES = list(PetitionStatus)
# Which units a question about each unit covers, written out by hand from conftest's tree (lc2 became part of cc1,
# lp1 of cp): the recount does not ask the scoping code.
REACHES = {"cc1": ["cc1", "h1", "lc2"], "cp": ["cp", "cc1", "h1", "cc2", "lp1", "ld1", "lc1", "lh1", "lc2"],
           "lc2": ["lc2"], "ld2": ["ld2", "lc2", "lc3"], "cc3": ["cc3", "lc3"]}
PLACES = ["cc1", "h1", "cc2", "lc1", "lh1", "lc2", "lc3", "cc3"]


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


def _day(rng, first, last):
    return first + datetime.timedelta(days=rng.randrange((last - first).days + 1))


def random_petitions(tree, n, seed=12):
    rng = random.Random(seed)
    kinds = [petition_kind(), petition_kind("Phản ánh", days=15), petition_kind("Khiếu nại", days=30)]
    fields = [petition_field(), petition_field("Đất đai"), petition_field("Môi trường")]
    petitions = []
    for _ in range(n):
        received = _day(rng, START, TODAY)
        status = rng.choice(STATUSES)
        answered = None
        if status in (PetitionStatus.ANSWERED, PetitionStatus.CLOSED) and rng.random() < 0.9:
            answered = min(TODAY, received + datetime.timedelta(days=rng.randrange(0, 60)))
        petitions.append(PetitionFactory(
            unit=getattr(tree, rng.choice(PLACES)), channel=rng.choice(Channel.values), kind=rng.choice(kinds), field=rng.choice(fields),
            received_on=received, deadline=None if rng.random() < 0.05 else received + datetime.timedelta(days=rng.randrange(5, 45)),
            status=status, answered_on=answered, answer="Đã trả lời" if answered else "", is_escalated=rng.random() < 0.2))
    return petitions


def walked_working_days(received, answered):
    """Working days after receipt up to the answer, walking day by day: the slow, obvious count."""
    calendar, day, days = working_calendar(), received, 0
    while day < answered:
        day += datetime.timedelta(days=1)
        days += calendar.is_working_day(day)
    return days


def recount(petitions, units, date_from, date_to, **only):
    chosen = [p for p in petitions if p.unit in units and date_from <= p.received_on <= date_to
              and all(getattr(p, name) == value for name, value in only.items())]
    unanswered = [p for p in chosen if p.status in PetitionStatus.unanswered()]
    delays = [walked_working_days(p.received_on, p.answered_on) for p in chosen if p.answered_on]
    return {
        "received": len(chosen),
        # answered with no deadline (still waiting for a year's calendar): on time, no deadline could be missed
        "answered_on_time": sum(1 for p in chosen if p.answered_on and (p.deadline is None or p.answered_on <= p.deadline)),
        "answered_late": sum(1 for p in chosen if p.answered_on and p.deadline is not None and p.answered_on > p.deadline),
        "open": len(unanswered),
        "overdue": sum(1 for p in unanswered if p.deadline and p.deadline < TODAY),
        "escalated": sum(1 for p in chosen if p.is_escalated),
        "median_working_days": py_statistics.median(delays) if delays else None,
    }


def figures(stats):
    return {name: stats[name] for name in (*queries.FIGURES, "median_working_days")}


def question(tree, unit, date_from=START, date_to=TODAY, **only):
    return queries.StatsQuestion(Reach.of(getattr(tree, unit)), date_from, date_to, **only)


@pytest.mark.parametrize("unit", list(REACHES))
def test_the_figures_equal_a_recount_for_each_unit_legacy_or_current(tree, unit):
    petitions = random_petitions(tree, 150)
    units = [getattr(tree, name) for name in REACHES[unit]]
    assert figures(queries.petition_stats(question(tree, unit))) == recount(petitions, units, START, TODAY)


def test_a_period_channel_field_and_kind_narrow_the_figures_as_a_recount_does(tree):
    petitions = random_petitions(tree, 200, seed=7)
    units = [getattr(tree, name) for name in REACHES["cp"]]
    spring = (datetime.date(2025, 3, 1), datetime.date(2025, 6, 30))
    assert figures(queries.petition_stats(question(tree, "cp", *spring))) == recount(petitions, units, *spring)
    field, kind = petition_field("Đất đai"), petition_kind("Khiếu nại", days=30)
    for only, filters in (({"channel": Channel.LETTER}, {"channel": Channel.LETTER}), ({"field": field.pk}, {"field": field}),
                          ({"kind": kind.pk}, {"kind": kind})):
        assert figures(queries.petition_stats(question(tree, "cp", **only))) == recount(petitions, units, START, TODAY, **filters), only


def test_each_breakdown_equals_a_recount_of_its_own_rows(tree):
    petitions = random_petitions(tree, 200, seed=3)
    units = [getattr(tree, name) for name in REACHES["cp"]]
    stats = queries.petition_stats(question(tree, "cp"))
    for breakdown, attribute in (("by_field", "field_id"), ("by_kind", "kind_id"), ("by_channel", "channel")):
        rows = stats[breakdown]
        assert sum(row["received"] for row in rows) == stats["received"]
        for row in rows:
            expected = recount(petitions, units, START, TODAY, **{attribute: row["id"]})
            assert {name: row[name] for name in queries.FIGURES} == {name: expected[name] for name in queries.FIGURES}, (breakdown, row)
        assert {row["id"] for row in rows} == {getattr(p, attribute) for p in petitions if p.unit in units}
    assert {row["name"] for row in stats["by_field"]} <= {"Hạ tầng", "Đất đai", "Môi trường"}
    assert {row["name"] for row in stats["by_channel"]} <= {str(label) for label in Channel.labels}


def test_the_median_counts_working_days_and_averages_the_middle_two(tree):
    monday = datetime.date(2025, 9, 15)
    kwargs = {"unit": tree.cc1, "received_on": monday, "status": PetitionStatus.ANSWERED}
    PetitionFactory(answered_on=datetime.date(2025, 9, 18), **kwargs)  # 3 working days
    PetitionFactory(answered_on=datetime.date(2025, 9, 22), **kwargs)  # 5: a weekend skipped
    assert queries.petition_stats(question(tree, "cc1", monday, monday))["median_working_days"] == 4
    PetitionFactory(answered_on=datetime.date(2025, 9, 29), **kwargs)  # 10
    stats = queries.petition_stats(question(tree, "cc1", monday, monday))
    assert stats["median_working_days"] == 5
    assert (stats["answered_on_time"], stats["answered_late"]) == (3, 0)  # the factory's deadline is 29/09


def test_dialogues_by_level_and_kind_equal_a_recount(tree):
    rng = random.Random(4)
    places = [tree.cc1, tree.h1, tree.cc2, tree.lc1, tree.lc2, tree.cc3, tree.cp]
    chairs = {unit.pk: chair_of(unit, since=datetime.date(2000, 1, 1)) for unit in places}
    dialogues = [DialogueFactory(unit=unit, chair=chairs[unit.pk], kind=rng.choice(DialogueKind.values), date=_day(rng, START, TODAY),
                                 participants=rng.randrange(0, 300), opinions_raised=(raised := rng.randrange(0, 40)),
                                 opinions_answered=rng.randrange(0, raised + 1)) for unit in rng.choices(places, k=60)]
    units = [getattr(tree, name) for name in REACHES["cp"]]
    stats = queries.dialogue_stats(question(tree, "cp"))
    mine = [d for d in dialogues if d.unit in units]
    assert stats["held"] == len(mine) and stats["participants"] == sum(d.participants for d in mine)
    assert stats["opinions_answered"] == sum(d.opinions_answered for d in mine)
    for row in stats["by_level_and_kind"]:
        same = [d for d in mine if d.unit.level == row["level"] and d.kind == row["kind"]]
        assert (row["held"], row["participants"], row["opinions_raised"], row["opinions_answered"]) == (
            len(same), sum(d.participants for d in same), sum(d.opinions_raised for d in same), sum(d.opinions_answered for d in same))
    assert sum(row["held"] for row in stats["by_level_and_kind"]) == len(mine)


def test_the_number_of_queries_does_not_depend_on_the_data(tree):
    def count():
        working_calendar()  # built once per change of the calendar, not per question
        with CaptureQueriesContext(connection) as captured:
            queries.statistics(question(tree, "cp"))
        return len(captured)

    random_petitions(tree, 5, seed=1)
    few = count()
    random_petitions(tree, 80, seed=2)
    assert count() == few <= 8


# --- API and page ---------------------------------------------------------------------------------

def api(client, **params):
    return client.get("/api/v1/petitions/stats/", params)


def test_the_api_answers_the_figures_of_the_issue(tree, make_user, login):
    petitions = random_petitions(tree, 60, seed=9)
    client = login(make_user(tree.cp, role=Role.VIEWER))
    response = api(client, unit=tree.cc1.pk, **{"from": "2025-01-01", "to": TODAY.isoformat()})
    assert response.status_code == 200, response.content
    body = response.json()
    units = [getattr(tree, name) for name in REACHES["cc1"]]
    expected = recount(petitions, units, START, TODAY)
    assert {name: body[name] for name in expected} == expected
    assert {"by_field", "by_kind", "by_channel", "dialogues"} <= set(body)


@pytest.mark.parametrize("params, name", [
    ({"from": "2025-13-01"}, "from"), ({"to": "hôm qua"}, "to"), ({"from": "1999-12-31"}, "from"),
    ({"from": "2025-06-01", "to": "2025-05-01"}, "to"), ({"to": "9999-12-31"}, "to"),
    ({"unit": "abc"}, "unit"), ({"unit": str(10**30)}, "unit"), ({"unit": "-1"}, "unit"),
    ({"channel": "telepathy"}, "channel"), ({"field": "999999"}, "field"), ({"kind": "1.5"}, "kind"),
])
def test_bad_parameters_answer_400_in_vietnamese(tree, make_user, login, params, name):
    response = api(login(make_user(tree.cc1)), **params)
    assert response.status_code == 400, response.content
    messages = response.json()[name]
    assert messages and not any(message.isascii() for message in messages), messages


def test_anonymous_gets_nothing(tree, client):
    random_petitions(tree, 5)
    assert api(client).status_code in (401, 403)
    page = client.get("/engagement/petitions/stats/")
    assert page.status_code == 302 and "next=" in page["Location"]


def test_another_units_figures_are_out_of_reach(tree, make_user, login):
    random_petitions(tree, 80, seed=5)
    client = login(make_user(tree.cc3, role=Role.EDITOR))
    refused = api(client, unit=tree.cc1.pk)
    assert refused.status_code == 400 and "cc1" not in refused.content.decode()
    mine = api(client, **{"from": START.isoformat()}).json()
    assert figures(mine) == recount(list_of(tree), [tree.cc3, tree.lc3], START, TODAY)


def list_of(tree):
    from danvan.engagement.models import Petition

    return list(Petition.objects.select_related("kind"))


@pytest.mark.parametrize("role", [Role.VIEWER, Role.EDITOR, Role.APPROVER, Role.ADMINISTRATOR])
def test_every_role_reads_the_figures_of_its_scope(tree, make_user, login, role):
    random_petitions(tree, 40, seed=6)
    body = api(login(make_user(tree.cc1, role=role))).json()
    assert body["received"] == recount(list_of(tree), [tree.cc1, tree.h1, tree.lc2], datetime.date(TODAY.year, 1, 1), TODAY)["received"]


def test_the_page_shows_the_tables_and_exports_xlsx(tree, make_user, login):
    random_petitions(tree, 30, seed=8)
    client = login(make_user(tree.cp, role=Role.VIEWER))
    page = client.get("/engagement/petitions/stats/", {"unit": tree.cc1.pk, "from": "2025-01-01", "to": TODAY.isoformat()})
    assert page.status_code == 200
    text = page.content.decode()
    assert "Thống kê" in text and "Trung vị" in text
    export = client.get("/engagement/petitions/stats/", {"unit": tree.cc1.pk, "format": "xlsx"})
    assert export.status_code == 200 and export["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_page_ignores_a_bad_parameter_with_a_note(tree, make_user, login):
    client = login(make_user(tree.cc1))
    page = client.get("/engagement/petitions/stats/", {"from": "2025-06-01", "to": "2025-05-01", "unit": tree.cc3.pk})
    assert page.status_code == 200
    text = page.content.decode()
    assert "Ngày kết thúc kỳ thống kê không được trước ngày bắt đầu" in text
    assert "Không có bản ghi nào mang số hiệu này trong phạm vi" in text


def test_a_repeat_merged_into_another_petition_counts_once(tree):
    kept = PetitionFactory(unit=tree.cc1, received_on=datetime.date(2025, 9, 15), status=PetitionStatus.RECEIVED)
    PetitionFactory(unit=tree.cc1, received_on=datetime.date(2025, 9, 16), status=PetitionStatus.RECEIVED, repeat_of=kept)
    stats = queries.petition_stats(question(tree, "cc1", datetime.date(2025, 9, 1), datetime.date(2025, 9, 30)))
    assert (stats["received"], stats["open"]) == (1, 1)


def test_escalated_petitions_are_counted_on_the_page_export_and_api(tree, make_user, login):
    day = datetime.date(2025, 9, 15)
    for escalated in (True, True, False):
        PetitionFactory(unit=tree.cc1, received_on=day, status=PetitionStatus.RECEIVED, is_escalated=escalated)
    stats = queries.petition_stats(question(tree, "cc1", day, day))
    assert stats["escalated"] == 2 and [row["escalated"] for row in stats["by_channel"]] == [2]
    client = login(make_user(tree.cp, role=Role.VIEWER))
    assert api(client, unit=tree.cc1.pk, **{"from": day.isoformat(), "to": day.isoformat()}).json()["escalated"] == 2
    page = client.get("/engagement/petitions/stats/", {"unit": tree.cc1.pk, "from": day.isoformat(), "to": day.isoformat()})
    assert "Vượt cấp" in page.content.decode()
    from danvan.engagement.views import stats_tables

    assert stats_tables(queries.statistics(question(tree, "cc1", day, day)))[0].rows[0][-1] == 2


def test_a_petition_answered_while_its_deadline_waits_for_the_calendar_counts_on_time(tree):
    day = datetime.date(2025, 9, 15)
    PetitionFactory(unit=tree.cc1, received_on=day, status=PetitionStatus.ANSWERED, answered_on=datetime.date(2025, 12, 30),
                    answer="Đã trả lời", deadline=None, deadline_pending_year=2026)
    PetitionFactory(unit=tree.cc1, received_on=day, status=PetitionStatus.RECEIVED, deadline=None, deadline_pending_year=2026)
    stats = queries.petition_stats(question(tree, "cc1", day, day), today=datetime.date(2027, 1, 1))
    assert (stats["answered_on_time"], stats["answered_late"], stats["open"], stats["overdue"]) == (1, 0, 1, 0)
