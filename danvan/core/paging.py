"""THE paging of every list page and API list: the ids of one page first, then only those rows.

Asking the database for ``LIMIT 50`` of a query that joins the related tables and sorts makes the
planner join and sort every matching row before it takes 50 (a province's open follow-ups: some
50,000 rows). The ids of the page alone come from the index that serves the filter and the sort,
and the second query joins only those rows, with the queryset's select_related, only() columns,
annotations and prefetches.
"""

from django.core.paginator import Paginator
from django.db import models
from django.utils.functional import cached_property
from rest_framework.pagination import PageNumberPagination


def page_of(object_list, bottom, top, rows_of=None):
    """Rows ``bottom:top`` of ``object_list`` in its order, found by their ids first.

    ``rows_of(ids)`` may read the rows another way than ``object_list`` filtered by the ids (an autocomplete reads
    them by their keys alone: its ranking's filters and CASE would be compiled and evaluated a second time)."""
    if not isinstance(object_list, models.QuerySet) or object_list.query.is_sliced or object_list._fields is not None:
        return object_list[bottom:top]  # a list, or values(): nothing to join
    ids = list(object_list.values_list("pk", flat=True)[bottom:top])
    if not ids:
        return []
    rows = {row.pk: row for row in (rows_of(ids) if rows_of else object_list.order_by().filter(pk__in=ids))}
    # The same id twice (a join that repeats rows) keeps its first place only, as the database would not.
    return [rows[pk] for pk in dict.fromkeys(ids) if pk in rows]


class IdsFirstPaginator(Paginator):
    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        return self._get_page(page_of(self.object_list, bottom, top), number, self)


class CappedCountPaginator(IdsFirstPaginator):
    """Counts at most ``cap`` + 1 rows: a work list of tens of thousands of open items needs its first pages, not an exact total."""

    cap = 2000

    @cached_property
    def count(self):
        # Unordered: which 2,001 rows are counted does not change the figure, and an ORDER BY kept in the
        # subquery made SQLite walk the sort's index over every row to find a few matching ones.
        return self.object_list.order_by()[: self.cap + 1].count()


class IdsFirstPagination(PageNumberPagination):
    """The API lists' pages, through the same ids-first paging as the pages."""

    django_paginator_class = IdsFirstPaginator
