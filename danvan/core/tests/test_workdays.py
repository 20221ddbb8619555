"""Working days: weekends, the statutory holidays with Tết by the lunar calendar, the substituted days and the
announced days an administrator enters; a deadline never lands in a year whose days off are not entered."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from danvan.core.choices import Role
from danvan.core.workdays.calendar import (
    LIBRARY_ANNOUNCEMENTS_THROUGH, CalendarNotPublished, WorkingCalendar, statutory_day_off, working_calendar,
)
from danvan.core.workdays.models import CalendarDay, CalendarYear

D = datetime.date


@pytest.fixture(scope="module")
def calendar():
    return WorkingCalendar(2026)


def test_tet_by_the_lunar_calendar_and_the_weekends_are_off(calendar):
    # Tết Bính Ngọ: Monday 16/02/2026 (giao thừa) to Friday 20/02/2026, between two weekends.
    assert [calendar.is_working_day(D(2026, 2, day)) for day in range(13, 24)] == [
        True, False, False, False, False, False, False, False, False, False, True]
    assert "Tết" in statutory_day_off(D(2026, 2, 17))
    # Tết Ất Tỵ fell at the end of January 2025; Tết Giáp Thìn in February 2024.
    assert not calendar.is_working_day(D(2025, 1, 29)) and not calendar.is_working_day(D(2024, 2, 12))


def test_a_swapped_day_off_and_its_saturday_worked_come_from_the_library(calendar):
    # 2025: Friday 02/05 off in exchange for Saturday 26/04 worked.
    assert not calendar.is_working_day(D(2025, 5, 2))
    assert statutory_day_off(D(2025, 5, 2)).startswith("Ngày nghỉ")


def test_adding_working_days_skips_tet_and_counts_from_the_day_after(calendar):
    received = D(2026, 2, 13)  # the Friday before Tết
    assert calendar.add(received, 1) == D(2026, 2, 23)
    assert calendar.add(received, 5) == D(2026, 2, 27)
    assert calendar.add(D(2026, 3, 2), 10) == D(2026, 3, 16)  # two plain weeks
    assert calendar.count(received, D(2026, 2, 27)) == 5
    assert calendar.count(D(2026, 3, 16), D(2026, 3, 2)) == 0


def test_a_deadline_into_a_year_without_its_days_off_is_refused(calendar):
    with pytest.raises(CalendarNotPublished) as refused:
        calendar.add(D(2026, 12, 20), 30)
    assert "2027" in " ".join(refused.value.messages)
    with pytest.raises(CalendarNotPublished):
        calendar.count(D(2026, 12, 1), D(2027, 1, 10))
    assert WorkingCalendar(2027).add(D(2026, 12, 20), 30) > D(2027, 1, 1)


def test_an_announced_day_off_moves_the_deadline_and_a_made_up_saturday_counts(db):
    assert working_calendar().add(D(2026, 3, 2), 10) == D(2026, 3, 16)
    CalendarDay.objects.create(date=D(2026, 3, 9), kind=CalendarDay.Kind.DAY_OFF, name="Nghỉ bù theo thông báo")
    assert working_calendar().add(D(2026, 3, 2), 10) == D(2026, 3, 17)
    CalendarDay.objects.create(date=D(2026, 3, 7), kind=CalendarDay.Kind.WORKING_DAY, name="Làm bù thứ bảy")
    assert working_calendar().add(D(2026, 3, 2), 10) == D(2026, 3, 16)
    CalendarDay.objects.filter(date=D(2026, 3, 7)).update(kind=CalendarDay.Kind.DAY_OFF)
    CalendarDay.objects.filter(date=D(2026, 3, 7)).first().save()  # an edit refreshes the calendar
    assert working_calendar().add(D(2026, 3, 2), 10) == D(2026, 3, 17)


def test_entering_next_years_announcement_opens_it_for_deadlines(db):
    with pytest.raises(CalendarNotPublished):
        working_calendar().add(D(LIBRARY_ANNOUNCEMENTS_THROUGH, 12, 20), 30)
    CalendarYear.objects.create(year=LIBRARY_ANNOUNCEMENTS_THROUGH + 1, announcement="Thông báo nghỉ lễ, Tết")
    assert working_calendar().add(D(LIBRARY_ANNOUNCEMENTS_THROUGH, 12, 20), 30).year == LIBRARY_ANNOUNCEMENTS_THROUGH + 1


@pytest.mark.parametrize("date, kind, field", [
    (D(2026, 2, 17), CalendarDay.Kind.DAY_OFF, "date"),       # already Tết
    (D(2026, 3, 8), CalendarDay.Kind.DAY_OFF, "date"),        # already a Sunday
    (D(2026, 3, 10), CalendarDay.Kind.WORKING_DAY, "date"),   # already a working Tuesday
])
def test_an_announced_day_that_changes_nothing_is_refused(db, date, kind, field):
    with pytest.raises(ValidationError) as refused:
        CalendarDay(date=date, kind=kind, name="Thử").full_clean()
    assert field in refused.value.message_dict


@pytest.fixture
def national_page(national_admin, login):
    return login(national_admin)


def test_a_national_administrator_enters_a_day_off_from_the_page(national_page):
    response = national_page.post(reverse("catalogues:announced-days-create"), {
        "date": "09/03/2026", "kind": "day_off", "name": "Nghỉ bù", "basis": "Thông báo số 01/TB-BNV"})
    assert response.status_code == 302
    assert CalendarDay.objects.get().date == D(2026, 3, 9)
    listed = national_page.get(reverse("catalogues:announced-days")).content.decode()
    assert "09/03/2026" in listed and "Nghỉ bù" in listed


@pytest.mark.parametrize("payload, field", [
    ({"date": "17/02/2026"}, "date"), ({"date": "31/02/2026"}, "date"), ({"kind": "holiday"}, "kind"),
    ({"name": ""}, "name"), ({"name": "x" * 5000}, "name"),
])
def test_a_bad_announced_day_is_refused_beside_its_field_and_nothing_is_written(national_page, payload, field):
    response = national_page.post(reverse("catalogues:announced-days-create"),
                                  {"date": "09/03/2026", "kind": "day_off", "name": "Nghỉ bù", **payload})
    assert response.status_code == 200 and field in response.context["form"].errors
    assert not CalendarDay.objects.exists()


@pytest.mark.parametrize("year", ["1999", "2101", "40000", "abc"])
def test_a_calendar_year_out_of_range_is_refused(national_page, year):
    response = national_page.post(reverse("catalogues:calendar-years-create"), {"year": year, "announcement": "Thông báo"})
    assert response.status_code == 200 and "year" in response.context["form"].errors
    assert not CalendarYear.objects.exists()


@pytest.mark.parametrize("role", [Role.VIEWER, Role.EDITOR, Role.APPROVER])
def test_below_administrator_the_calendar_pages_are_refused(tree, make_user, login, role):
    page = login(make_user(tree.cp, role=role))
    for slug in ("announced-days", "calendar-years", "announced-days-create"):
        assert page.get(reverse(f"catalogues:{slug}")).status_code == 403


def test_entering_a_year_tells_the_domain_apps_once(db):
    from danvan.core.signals import calendar_published

    heard = []

    def listener(sender, year, **kwargs):
        heard.append(year)

    calendar_published.connect(listener)
    try:
        entry = CalendarYear.objects.create(year=LIBRARY_ANNOUNCEMENTS_THROUGH + 1, announcement="Thông báo nghỉ lễ, Tết")
        entry.announcement = "Thông báo số 1/TB"
        entry.save()  # an edit is not a new year
    finally:
        calendar_published.disconnect(listener)
    assert heard == [LIBRARY_ANNOUNCEMENTS_THROUGH + 1]
