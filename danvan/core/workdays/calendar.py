"""The working calendar: weekends (Saturday and Sunday for state and Party bodies), the statutory holidays of
the ``holidays`` library with its substituted days, and the administrator's announced days on top.

Arithmetic is on a sorted array of the working days' ordinals over the covered years, so adding N working
days or counting them between two dates is two binary searches, whatever N is (FixMyStreet's WorkingDays
walks day by day; a province's 200,000 deadlines a second need better)."""

import bisect
import datetime
import functools

import holidays
from django.core.exceptions import ValidationError
from django.db.models import Count, Max
from django.utils.translation import gettext as _

FIRST_YEAR = 2000
# The pinned ``holidays`` release carries the government's announced swaps through this year; later years
# wait for an administrator to enter their announcement (a CalendarYear).
LIBRARY_ANNOUNCEMENTS_THROUGH = 2026
WEEKEND = {5, 6}  # Saturday, Sunday


@functools.lru_cache(maxsize=None)
def _statutory(year):
    return holidays.country_holidays("VN", years=year, language="vi")


def statutory_day_off(date):
    """Why ``date`` is off without any announcement ("Tết Nguyên Đán", "Thứ bảy" …), or "" for a working day."""
    known = _statutory(date.year)
    if date in known:
        return known.get(date)
    if date.weekday() in WEEKEND and date not in known.weekend_workdays:
        return _("Saturday") if date.weekday() == 5 else _("Sunday")
    return ""


class CalendarNotPublished(ValidationError):
    """A date past ``last_year``, the last year whose days off are entered; ``year`` is the first year missing."""

    def __init__(self, message, year=None):
        super().__init__(message)
        self.year = year


def year_published(year):
    """The calendar service's announcement that ``year``'s days off are entered (an administrator saved its
    CalendarYear): ``signals.calendar_published`` tells the domain apps, in the same transaction, so the
    deadlines that waited for it are computed with it or not at all."""
    from danvan.core.signals import calendar_published
    from danvan.core.workdays.models import CalendarYear

    calendar_published.send(sender=CalendarYear, year=year)


class WorkingCalendar:
    """Working days from ``FIRST_YEAR`` through ``last_year``, the last year whose announcement is entered."""

    def __init__(self, last_year, days_off=(), working_days=()):
        self.last_year = last_year
        days_off, working_days = set(days_off), set(working_days)
        start, end = datetime.date(FIRST_YEAR, 1, 1).toordinal(), datetime.date(last_year, 12, 31).toordinal()
        self._ordinals = [
            ordinal for ordinal in range(start, end + 1)
            if self._works(datetime.date.fromordinal(ordinal), days_off, working_days)
        ]

    @staticmethod
    def _works(date, days_off, working_days):
        if date in working_days:
            return True
        return date not in days_off and not statutory_day_off(date)

    def is_working_day(self, date):
        index = bisect.bisect_left(self._ordinals, date.toordinal())
        return index < len(self._ordinals) and self._ordinals[index] == date.toordinal()

    def add(self, start, days):
        """The ``days``-th working day after ``start`` (a time limit counted from the day after receipt)."""
        if days < 1:
            raise ValueError("a time limit counts at least one working day")
        index = bisect.bisect_right(self._ordinals, start.toordinal()) + days - 1
        if index >= len(self._ordinals):
            raise CalendarNotPublished(_(
                "The deadline falls after %(year)s, whose days off are not yet in the calendar: an administrator "
                "enters the government's announcement for %(next)s first.") % {"year": self.last_year, "next": self.last_year + 1},
                year=self.last_year + 1)
        return datetime.date.fromordinal(self._ordinals[index])

    def count(self, start, end):
        """Working days after ``start`` up to and including ``end`` (0 when ``end`` is not after ``start``)."""
        if end <= start:
            return 0
        if end.year > self.last_year:
            raise CalendarNotPublished(_("The days off of %(year)s are not yet in the calendar.") % {"year": end.year}, year=self.last_year + 1)
        return bisect.bisect_right(self._ordinals, end.toordinal()) - bisect.bisect_right(self._ordinals, start.toordinal())


_cached = {}


def working_calendar():
    """Today's calendar; rebuilt only when an administrator changed the announced days (one small query)."""
    from danvan.core.workdays.models import CalendarDay, CalendarYear

    years = CalendarYear.objects.aggregate(last=Max("year"), n=Count("pk"), changed=Max("changed_at"))
    days = CalendarDay.objects.aggregate(n=Count("pk"), changed=Max("changed_at"))
    stamp = (years["last"], years["n"], years["changed"], days["n"], days["changed"])
    if _cached.get("stamp") != stamp:
        entered = list(CalendarDay.objects.values_list("date", "kind"))
        _cached["calendar"] = WorkingCalendar(
            max(years["last"] or 0, LIBRARY_ANNOUNCEMENTS_THROUGH),
            days_off=[date for date, kind in entered if kind == "day_off"],
            working_days=[date for date, kind in entered if kind == "working_day"],
        )
        _cached["stamp"] = stamp
    return _cached["calendar"]
