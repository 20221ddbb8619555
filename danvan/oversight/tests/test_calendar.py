"""The calendar: one colour a kind, in the legend and on the entries; open follow-ups fall due on their day,
for whoever may read them and nobody else; a fixed number of queries whatever the month holds."""

import datetime
import re
from pathlib import Path

import lxml.html
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from danvan.core.choices import Role
from danvan.directives.tests.factories import DirectiveFactory, ObligationFactory
from danvan.oversight.choices import FollowUpStatus
from danvan.oversight.queries import CALENDAR_KINDS, FOLLOW_UPS_PER_DAY
from danvan.oversight.tests.factories import FollowUpFactory, MeetingFactory, MissionFactory

pytestmark = pytest.mark.django_db

CSS = Path(__file__).resolve().parents[2] / "core" / "static" / "core" / "app.css"
THIS_MONTH = datetime.date.today().replace(day=1)


def calendar_page(client, month=THIS_MONTH):
    response = client.get(reverse("oversight:calendar"), {"year": month.year, "month": month.month})
    assert response.status_code == 200
    return lxml.html.fromstring(response.content.decode())


def having(tag, css_class):
    """XPath of ``tag`` elements with ``css_class`` among their classes (lxml's cssselect is not installed)."""
    return f"{tag}[contains(concat(' ', normalize-space(@class), ' '), ' {css_class} ')]"


def entries_on(page, day):
    """(classes, text, link) of the entries in the cell of ``day`` (a day of the month shown)."""
    cells = [cell for cell in page.xpath(f"//{having('table', 'calendar')}//td[not(contains(@class, 'other'))]")
             if cell.xpath(f"{having('span', 'day')}")[0].text.strip() == str(day.day)]
    assert len(cells) == 1
    return [(set(a.get("class").split()), a.text_content().strip(), a.get("href")) for a in cells[0].xpath(having("a", "entry"))]


def test_the_legend_shows_each_kind_with_the_colour_its_entries_carry(tree, login, make_user):
    page = calendar_page(login(make_user(tree.cc1, role=Role.EDITOR)))
    legend = {item.text_content().strip(): set(item.xpath(having("span", "swatch"))[0].get("class").split())
              for item in page.xpath(f"//{having('ul', 'calendar-legend')}/li")}
    css = CSS.read_text()
    for kind, label in CALENDAR_KINDS:
        assert {"swatch", f"kind-{kind}"} <= legend[str(label)], label
        colour = re.search(rf"\.kind-{kind} \{{ --kind: (#[0-9a-f]{{6}}); \}}", css)
        assert colour, f"no colour for .kind-{kind} in app.css"
    assert {"Đoàn công tác", "Hội nghị", "Hạn kiến nghị, nhiệm vụ", "Nhiệm vụ định kỳ đến hạn", "Quá hạn"} <= set(legend)
    colours = re.findall(r"\.kind-[a-z-]+ \{ --kind: (#[0-9a-f]{6}); \}", css)
    assert len(set(colours)) == len(CALENDAR_KINDS), "each kind its own colour"


def test_a_follow_up_falls_due_on_its_day_for_its_owner_and_not_for_another_unit(tree, login, make_user):
    day = THIS_MONTH + datetime.timedelta(days=20)
    mission = MissionFactory(unit=tree.cp, subject="Giám sát chương trình nông thôn mới", planned_start=THIS_MONTH + datetime.timedelta(days=2))
    follow_up = FollowUpFactory(mission=mission, owner_unit=tree.cc1, deadline=day, text="Rà soát hộ nghèo ấp Mới")
    FollowUpFactory(mission=mission, owner_unit=tree.cc1, deadline=day, text="Việc đã xong", status=FollowUpStatus.DONE, completed_on=day)

    owner = calendar_page(login(make_user(tree.cc1, role=Role.EDITOR)))
    shown = entries_on(owner, day)
    assert len(shown) == 1, "a follow-up already done no longer falls due"
    classes, text, link = shown[0]
    assert "kind-follow-up" in classes and "Rà soát hộ nghèo ấp Mới" in text and link == follow_up.get_absolute_url()

    province = calendar_page(login(make_user(tree.cp, role=Role.APPROVER)))
    assert [text for _, text, _ in entries_on(province, day)] == [text]
    assert any("kind-mission" in classes for classes, _, _ in entries_on(province, mission.planned_start))

    for elsewhere in (tree.cc2, tree.cc3):
        other = calendar_page(login(make_user(elsewhere, role=Role.APPROVER)))
        assert entries_on(other, day) == []
        assert "Rà soát hộ nghèo" not in lxml.html.tostring(other, encoding="unicode")


def test_an_overdue_follow_up_is_marked_in_colour_and_in_words(tree, login, make_user):
    yesterday = datetime.date.today() - datetime.timedelta(days=1)
    FollowUpFactory(mission=MissionFactory(unit=tree.cc1), owner_unit=tree.cc1, deadline=yesterday, text="Báo cáo quá hạn")
    page = calendar_page(login(make_user(tree.cc1, role=Role.EDITOR)), yesterday.replace(day=1))
    [(classes, text, _)] = entries_on(page, yesterday)
    assert {"kind-follow-up", "overdue"} <= classes and text.startswith("Quá hạn:")


def test_meetings_and_obligations_falling_due_carry_their_kind(tree, login, make_user):
    december = datetime.date(THIS_MONTH.year, 12, 1)
    meeting = MeetingFactory(unit=tree.cc1, title="Hội nghị đối thoại", held_on=december + datetime.timedelta(days=9))
    ObligationFactory(directive=DirectiveFactory(unit=tree.cp), title="Đối thoại với nhân dân mỗi năm", level=tree.cc1.level,
                      first_year=december.year - 1)
    page = calendar_page(login(make_user(tree.cc1, role=Role.EDITOR)), december)
    [(classes, text, link)] = entries_on(page, meeting.held_on)
    assert "kind-meeting" in classes and link == meeting.get_absolute_url()
    [(classes, text, link)] = entries_on(page, datetime.date(december.year, 12, 31))
    assert "kind-obligation" in classes and text == "Đối thoại với nhân dân mỗi năm"
    assert link.startswith(reverse("directives:obligations")) and f"unit={tree.cc1.pk}" in link


def test_the_calendar_reads_a_fixed_number_of_queries(tree, login, make_user):
    client = login(make_user(tree.cp, role=Role.APPROVER))

    def queries_with(count):
        for n in range(count):
            mission = MissionFactory(unit=tree.cc1, planned_start=THIS_MONTH + datetime.timedelta(days=n % 28))
            MeetingFactory(unit=tree.cc2, held_on=THIS_MONTH + datetime.timedelta(days=n % 28))
            FollowUpFactory(mission=mission, owner_unit=tree.cc1, deadline=THIS_MONTH + datetime.timedelta(days=n % 28))
        with CaptureQueriesContext(connection) as captured:
            calendar_page(client)
        return len(captured)

    few = queries_with(1)
    assert queries_with(9) == few
    for _ in range(FOLLOW_UPS_PER_DAY + 1):  # a day past its few named ones costs nothing more either
        FollowUpFactory(mission=MissionFactory(unit=tree.cc1), owner_unit=tree.cc1, deadline=THIS_MONTH)
    assert queries_with(0) == few


def test_a_day_with_many_deadlines_names_a_few_and_links_the_others(tree, login, make_user):
    day = THIS_MONTH + datetime.timedelta(days=14)
    mission = MissionFactory(unit=tree.cp)
    made = [FollowUpFactory(mission=mission, owner_unit=tree.cc1, deadline=day, text=f"Nhiệm vụ số {n}") for n in range(FOLLOW_UPS_PER_DAY + 2)]
    FollowUpFactory(mission=mission, owner_unit=tree.cc1, deadline=day - datetime.timedelta(days=1), text="Hạn hôm trước")
    client = login(make_user(tree.cp, role=Role.APPROVER))
    shown = entries_on(calendar_page(client), day)
    assert [text for _, text, _ in shown[:-1]] == [f"{follow_up.owner_unit}: {follow_up.text}" for follow_up in made[:FOLLOW_UPS_PER_DAY]]
    classes, text, link = shown[-1]
    assert {"kind-follow-up", "more"} <= classes and text == "và 2 kiến nghị, nhiệm vụ khác"
    listed = client.get(link).context["object_list"]
    assert {follow_up.pk for follow_up in listed[:len(made)]} == {follow_up.pk for follow_up in made}, "the day's own lead the list"


def monthly_obligation(tree, **kwargs):
    from danvan.directives.choices import PeriodUnit

    return ObligationFactory(directive=DirectiveFactory(unit=tree.cp), title="Bí thư tiếp công dân mỗi tháng", level=tree.cc1.level,
                             period_unit=PeriodUnit.MONTH, first_year=2025, **kwargs)


def fulfil(obligation, unit, year, month):
    from danvan.directives.models import ObligationFulfilment

    return ObligationFulfilment.objects.create(obligation=obligation, unit=unit, year=year, month=month, description="Tiếp công dân")


def test_a_monthly_obligation_falls_due_at_each_month_s_end_with_its_state_for_the_user_s_unit(tree, login, make_user):
    obligation = monthly_obligation(tree)
    fulfil(obligation, tree.cc1, 2025, 3)
    commune = login(make_user(tree.cc1, role=Role.EDITOR))
    [(classes, text, link)] = entries_on(calendar_page(commune, datetime.date(2025, 3, 1)), datetime.date(2025, 3, 31))
    assert "kind-obligation" in classes and "overdue" not in classes
    assert text == "Đã thực hiện: Bí thư tiếp công dân mỗi tháng (03/2025)"
    assert link.startswith(reverse("directives:obligations")) and f"unit={tree.cc1.pk}" in link and "year=2025" in link
    [(classes, text, _)] = entries_on(calendar_page(commune, datetime.date(2025, 4, 1)), datetime.date(2025, 4, 30))
    assert "overdue" in classes and text == "Quá hạn: Bí thư tiếp công dân mỗi tháng (04/2025)"
    end = (THIS_MONTH + datetime.timedelta(days=31)).replace(day=1) - datetime.timedelta(days=1)
    [(classes, text, _)] = entries_on(calendar_page(commune), end)
    assert "overdue" not in classes and text.startswith("Chưa đến hạn: Bí thư tiếp công dân mỗi tháng")
    assert entries_on(calendar_page(commune, datetime.date(2025, 3, 1)), datetime.date(2025, 3, 30)) == []
    # Another commune's month is its own: cc1's reception does not meet cc2's March.
    other = login(make_user(tree.cc2, role=Role.EDITOR))
    [(classes, text, _)] = entries_on(calendar_page(other, datetime.date(2025, 3, 1)), datetime.date(2025, 3, 31))
    assert "overdue" in classes and f"unit={tree.cc2.pk}" in _
    # A monthly obligation that ended is no longer shown after its last year.
    obligation.last_year = 2025
    obligation.save()
    assert entries_on(calendar_page(commune, datetime.date(2026, 1, 1)), datetime.date(2026, 1, 31)) == []


def test_monthly_obligations_keep_the_calendar_s_queries_fixed(tree, login, make_user):
    obligation = monthly_obligation(tree)
    client = login(make_user(tree.cc1, role=Role.EDITOR))

    def count():
        with CaptureQueriesContext(connection) as captured:
            calendar_page(client, datetime.date(2025, 3, 1))
        return len(captured)

    few = count()
    for month in range(1, 13):
        fulfil(obligation, tree.cc1, 2025, month)
    monthly_obligation(tree)
    assert count() == few
