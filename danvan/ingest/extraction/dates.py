"""Dates: the publication stamp, activity dates, and documents' issue dates."""

import datetime
import re

# "04/8/2020", "06-02-2020", "12.5.2020", "03/10" (year inferred), and the
# spelt-out "11 tháng 6 năm 2018".
_NUMERIC = r"(?P<day>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<month>\d{1,2})(?:\s*(?P=sep)\s*(?P<year>\d{4}))?(?![\d/])"
_SPELT = r"(?P<sday>\d{1,2})\s+tháng\s+(?P<smonth>\d{1,2})(?:\s*(?:năm|,)\s*(?P<syear>\d{4}))?"
_DATE = rf"(?:{_SPELT}|{_NUMERIC})"

DATE_AFTER_DOCUMENT = re.compile(rf"\s*,?\s*(?:(?i:ban hành|ký)\s+)?(?i:ngày)\s+{_DATE}")
# "ngày" or a time of day ("Chiều 09/6") marks a bare day/month as a date.
_ACTIVITY_DATE = re.compile(rf"(?P<lead>(?i:(?:(?:sáng|chiều|tối|trưa|đêm)\s+)?ngày|sáng|chiều|tối|trưa|đêm)\s+)?(?<![\d/.,-]){_DATE}")
_RANGE_END = re.compile(r"\s*(?:[-–]|đến(?:\s+ngày)?|tới(?:\s+ngày)?)\s*(?P<day>\d{1,2})\s*[/.-]\s*(?P<month>\d{1,2})(?:\s*[/.-]\s*(?P<year>\d{4}))?(?![\d/])")
_RANGE_START = re.compile(r"(?i:(?:từ\s+)?ngày)\s+(?P<day>\d{1,2})(?=\s*(?:[-–]|đến|tới))")
_ISSUE_CONTEXT = re.compile(r"(?i:(?:ban hành|ký|sinh|thành lập)\s*(?:vào\s*)?)$")

_STAMP_TIME_FIRST = re.compile(r"(?P<hour>\d{1,2})\s*[:hH]\s*(?P<minute>\d{2})\D{0,25}?(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})")
_STAMP_DATE_FIRST = re.compile(r"(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})\D{0,12}?(?P<hour>\d{1,2})\s*[:hH]\s*(?P<minute>\d{2})(?!\d)")
# A clock at the top of every portal page, or a crawler's note, is not the
# article's own stamp.
_NOT_A_STAMP = re.compile(r"(?i)hôm nay|bây giờ|truy cập|crawl|tải về|lấy về|lưu lúc")
_STAMP_LINE_MAX = 80
_YEAR = re.compile(r"(?<![\d/.-])((?:19|20)\d{2})(?![\d/])")
_FINAL_REVIEW_YEAR = re.compile(r"(?i)tổng kết[^.\n]{0,80}?năm\s+((?:19|20)\d{2})")
_EARLY_MONTHS = 3


def _valid_date(day, month, year):
    try:
        return datetime.date(int(year), int(month), int(day)).isoformat()
    except (TypeError, ValueError):
        return None


def _parts(match):
    """(day, month, year or None) of a match of the date patterns."""
    groups = match.groupdict()
    return (
        groups.get("sday") or groups.get("day"),
        groups.get("smonth") or groups.get("month"),
        groups.get("syear") or groups.get("year"),
    )


def iso_date(match):
    """ISO date of a match of the date patterns, or None when invalid or yearless."""
    return _valid_date(*_parts(match))


def find_published_at(lines):
    """ISO minute stamp from the first stamp-like line, with its line index."""
    for index, line in enumerate(lines):
        if len(line) > _STAMP_LINE_MAX or _NOT_A_STAMP.search(line):
            continue
        match = _STAMP_TIME_FIRST.search(line) or _STAMP_DATE_FIRST.search(line)
        if match:
            try:
                stamp = datetime.datetime(*(int(match.group(k)) for k in ("year", "month", "day", "hour", "minute")))
            except ValueError:
                continue
            return stamp.strftime("%Y-%m-%dT%H:%M"), index
    return None, None


def reporting_year(title, text, published_at):
    """The year a date written without one belongs to, or None when unfixed.

    The publication stamp fixes it; else the period the text reports on, where
    a final review of year Y is held early in Y+1.
    """
    if published_at:
        return int(published_at[:4]), int(published_at[5:7])
    review = _FINAL_REVIEW_YEAR.search(title or "") or _FINAL_REVIEW_YEAR.search(text)
    if review:
        return int(review.group(1)), None
    year = _YEAR.search(title or "") or _YEAR.search(text)
    return (int(year.group(1)), None) if year else (None, None)


def _infer_year(month, context_year, stamp_month, review):
    if context_year is None:
        return None
    if stamp_month is not None:
        return context_year - 1 if month > stamp_month else context_year
    if review and month <= _EARLY_MONTHS:
        return context_year + 1
    return context_year


def find_event_dates(text, excluded_spans, title=None, published_at=None):
    """[(iso, start, end)] for activity dates outside documents and page chrome."""
    context_year, stamp_month = reporting_year(title, text, published_at)
    review = not published_at and bool(_FINAL_REVIEW_YEAR.search(title or "") or _FINAL_REVIEW_YEAR.search(text))
    found = []

    def add(day, month, year, start, end):
        if year is None:
            year = _infer_year(int(month), context_year, stamp_month, review)
        iso = _valid_date(day, month, year)
        if iso:
            found.append((iso, start, end))

    for match in _ACTIVITY_DATE.finditer(text):
        start, end = match.span()
        if _inside(start, end, excluded_spans) or _ISSUE_CONTEXT.search(text[max(0, start - 20):start]):
            continue
        range_end = _RANGE_END.match(text, end)
        day, month, year = _parts(match)
        if not match.group("lead") and not (year or range_end):
            continue  # "3/5" alone may be a ratio; a day needs a lead word or a year
        if range_end and not year:
            year = range_end.group("year")  # "12/5 - 16/5/2023"
        add(day, month, year, start, end)
        if range_end:
            add(*_parts(range_end), range_end.start("day"), range_end.end())
    # "ngày 12 - 16/5", "từ ngày 12 đến ngày 16/5": the start takes the end's month.
    for match in _RANGE_START.finditer(text):
        range_end = _RANGE_END.match(text, match.end())
        if range_end and not _inside(match.start(), range_end.end(), excluded_spans):
            _, month, year = _parts(range_end)
            add(match.group("day"), month, year, match.start("day"), match.end())
            add(*_parts(range_end), range_end.start("day"), range_end.end())
    return found


def _inside(start, end, spans):
    return any(start < span_end and end > span_start for span_start, span_end in spans)
