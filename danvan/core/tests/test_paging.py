"""The one paging of lists and API lists: a page's ids first, then those rows, in the list's order."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from danvan.core.paging import IdsFirstPaginator, page_of
from danvan.people.models import Person
from danvan.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

NAMES = ["Trần Văn Bình", "Lê Thị An", "Phạm Minh Cường", "Nguyễn Thị Hà", "Võ Văn Dũng", "Đỗ Thị Mai", "Bùi Văn Nam"]


@pytest.fixture
def people(tree):
    return [PersonFactory(unit=tree.cc1 if n % 2 else tree.cc2, full_name=name) for n, name in enumerate(NAMES)]


def test_every_page_holds_the_rows_the_database_orders_there(people):
    ordered = Person.objects.order_by("-full_name", "pk")
    paginator = IdsFirstPaginator(ordered.select_related("unit"), 3)
    pages = [[person.pk for person in paginator.page(number)] for number in paginator.page_range]
    assert pages == [list(ordered.values_list("pk", flat=True)[start:start + 3]) for start in (0, 3, 6)]
    assert paginator.count == len(NAMES)


def test_a_page_is_two_queries_with_its_related_rows_joined(people):
    with CaptureQueriesContext(connection) as context:
        rows = page_of(Person.objects.select_related("unit").order_by("full_name"), 1, 4)
        units = [person.unit.name for person in rows]
    assert len(context) == 2
    assert [person.full_name for person in rows] == sorted(NAMES)[1:4]
    assert len(units) == 3


def test_a_page_keeps_annotations_and_deferred_columns(people):
    from django.db.models import Value
    from django.db.models.functions import Length

    queryset = Person.objects.only("full_name").annotate(letters=Length("full_name"), tag=Value("x")).order_by("-letters", "pk")
    rows = page_of(queryset, 0, 2)
    assert [(row.full_name, row.letters) for row in rows] == [(row.full_name, row.letters) for row in queryset[:2]]
    assert all(row.tag == "x" for row in rows)


def test_a_filter_and_a_page_beyond_the_end_give_only_what_matches(people, tree):
    queryset = Person.objects.filter(unit=tree.cc1).order_by("full_name")
    assert [row.full_name for row in page_of(queryset, 0, 50)] == sorted(name for n, name in enumerate(NAMES) if n % 2)
    assert page_of(queryset, 50, 100) == []


def test_a_list_of_rows_is_sliced_as_it_is():
    assert page_of([1, 2, 3, 4], 1, 3) == [2, 3]
