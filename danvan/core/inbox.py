""""Việc của tôi": what waits for this user, gathered from every app.

Apps register a builder in their ``AppConfig.ready`` (as for search and the overview); a builder
takes the user and returns an ``InboxSection``, or None when that kind of work is not theirs
(an editor approves nothing). The sections count together in one statement (``counts``) and each lists
its first few items with one query.
"""

import dataclasses

from django.db import connections
from django.utils.functional import SimpleLazyObject

from danvan.core.paging import page_of

_BUILDERS = []
ITEMS_PER_SECTION = 10


@dataclasses.dataclass(frozen=True)
class InboxSection:
    title: str
    url: str  # the list that holds all of them
    queryset: object  # what waits, in the order it should be done
    detail: object = None  # item → a few words beside it (a deadline, the unit)

    @property
    def count(self):
        return self.queryset.count()

    @property
    def items(self):
        return self.first(ITEMS_PER_SECTION)

    def first(self, number):
        """The first ``number`` items, each with the few words shown beside it."""
        # Ids first: the ten rows a province's 50,000 due follow-ups sort to, not all of them joined and sorted.
        return [(item, self.detail(item) if self.detail else "") for item in page_of(self.queryset, 0, number)]


def register(order, build):
    _BUILDERS.append((order, build))
    _BUILDERS.sort(key=lambda pair: pair[0])


def sections_for(user):
    return [section for _, build in _BUILDERS if (section := build(user)) is not None]


MENU_COUNT_CAP = 999


def waiting_count(user):
    """The number beside "Việc của tôi" in the menu, counted only when a page shows it, and only up to
    ``MENU_COUNT_CAP`` ("999+"): every page shows it, and a province's 50,000 open follow-ups need no
    exact figure there (the inbox counts them all)."""

    def count():
        total = capped_total([section.queryset for section in sections_for(user)], MENU_COUNT_CAP + 1)
        return total if total <= MENU_COUNT_CAP else f"{MENU_COUNT_CAP}+"

    return SimpleLazyObject(count)


def _counted(querysets, cap, joined_by):
    database = querysets[0].db
    parts, params = [], []
    for queryset in querysets:
        queryset = queryset.order_by().values("pk")
        sql, part_params = (queryset[:cap] if cap else queryset).query.get_compiler(using=database).as_sql()
        parts.append(f"(SELECT COUNT(*) FROM ({sql}) AS waiting)")
        params.extend(part_params)
    with connections[database].cursor() as cursor:
        cursor.execute(f"SELECT {joined_by.join(parts)}", params)
        return list(cursor.fetchone())


def counts(querysets):
    """How many rows each of ``querysets`` holds, counted by the database in one statement."""
    return _counted(querysets, None, ", ") if querysets else []


def capped_total(querysets, cap):
    """The rows of ``querysets``, each counted up to ``cap``, summed by the database in one statement:
    the menu on every page asked once per section before."""
    return _counted(querysets, cap, " + ")[0] if querysets else 0
