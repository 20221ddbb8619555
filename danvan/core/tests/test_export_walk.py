"""THE EXPORT WALK: every list that offers an .xlsx export gives back, re-opened, the rows its page shows.

The walk finds the lists through the URL registry (``collect_routes``): every page whose view exports with
``XlsxExportMixin``. For each it builds a few records with the URL walk's builders (``RECORD_IN_UNIT``),
opens the page and the export as the province's administrator, re-opens the file with openpyxl and compares:
the same rows in the same order (each cell as the export's columns give it for the record the page shows),
numbered 1, 2, 3 … under the title lines. A list that gains an export fails here until its model has a builder;
an export that drops a row, or writes none, fails here too.
"""

import datetime
import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from danvan.core.choices import Role
from danvan.core.exports import XlsxExportMixin
from danvan.core.tests.factories import RECORD_IN_UNIT
from danvan.core.tests.test_url_walk import collect_routes, skip_reason

pytestmark = pytest.mark.django_db

RECORDS_PER_LIST = 3
FIRST_PK = 980001  # far above what the fixtures make, so the builders' ids never collide
EXPORT_LINK = "format=xlsx"


def export_routes():
    return [route for route in collect_routes() if route.view is not None and issubclass(route.view, XlsxExportMixin)
            and not skip_reason(route)]


def list_routes():
    return [route for route in collect_routes() if route.is_list and route.actions == {} and not route.kwargs and route.name
            and not skip_reason(route)]


def workbook_rows(response):
    """(title lines, STT column, data rows without STT) of an .xlsx answer."""
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    header_at = next(n for n, row in enumerate(rows) if row and row[0] == "STT")
    data = [row for row in rows[header_at + 1:] if any(value is not None for value in row)]
    return [row[0] for row in rows[:header_at] if row and row[0]], [row[0] for row in data], [list(row[1:]) for row in data]


def as_read_back(value):
    """A value as openpyxl reads back the cell the export wrote for it."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, datetime.date):
        return datetime.datetime.combine(value, datetime.time())
    if isinstance(value, (bool, int, float)):
        return value
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", str(value))


def shown_rows(route, response):
    """The rows the page shows, as the export's columns write them, in the page's order."""
    assert response.status_code == 200, route.name
    records = list(response.context["object_list"])
    html = response.content.decode()
    for record in records:
        if hasattr(record, "get_absolute_url"):
            assert record.get_absolute_url() in html, f"{route.name}: the page does not show {record!r}"
    view = route.view()
    view.setup(response.wsgi_request)
    return [[as_read_back(accessor(record)) for _, accessor in view.get_export_columns()] for record in records]


@pytest.fixture
def world(tree, make_user):
    routes = export_routes()
    missing = sorted({route.view.model.__name__ for route in routes if route.view.model not in RECORD_IN_UNIT})
    assert not missing, f"lists that export without a builder in RECORD_IN_UNIT: {missing}"
    pk = FIRST_PK
    for model in dict.fromkeys(route.view.model for route in routes):
        for index in range(RECORDS_PER_LIST):
            RECORD_IN_UNIT[model](tree.cc1, f"Bản ghi xuất Excel {model.__name__} {index + 1}", pk)
            pk += 1
    return routes, make_user(tree.cp, role=Role.ADMINISTRATOR)


def test_every_export_re_opens_with_the_rows_its_page_shows(world, login):
    routes, administrator = world
    assert {route.name for route in routes} >= {"movement:list", "oversight:mission-list", "oversight:follow-up-list"}, \
        "the walk no longer finds the exports: collect_routes or XlsxExportMixin changed"
    client = login(administrator)
    for route in routes:
        url = reverse(route.name)
        expected = shown_rows(route, client.get(url))
        titles, numbers, rows = workbook_rows(client.get(url, {"format": "xlsx"}))
        assert len(expected) >= RECORDS_PER_LIST, f"{route.name}: the page shows {len(expected)} of the records built"
        assert rows == expected, f"{route.name}: the export's rows differ from the page's"
        assert numbers == list(range(1, len(rows) + 1)), f"{route.name}: STT is not 1..{len(rows)}"
        assert titles and titles[-1].startswith("Ngày xuất:"), f"{route.name}: the title lines are missing"


def test_a_filtered_export_keeps_the_pages_filter(world, login, tree):
    routes, administrator = world
    client = login(administrator)
    for route in routes:
        if "unit" not in route.view.filterset_class.base_filters:
            continue
        url, query = reverse(route.name), {"unit": tree.cc2.pk}
        expected = shown_rows(route, client.get(url, query))
        _, _, rows = workbook_rows(client.get(url, {**query, "format": "xlsx"}))
        assert rows == expected == [], f"{route.name}: another commune's filter still exports the records of xã Bình An"


def test_every_list_that_offers_an_export_is_walked(world, login):
    """A list offering "format=xlsx" by any other mechanism would escape the walk: it must use XlsxExportMixin."""
    _, administrator = world
    client = login(administrator)
    escaping = []
    for route in list_routes():
        response = client.get(reverse(route.name))
        if response.status_code == 200 and EXPORT_LINK in response.content.decode() and not issubclass(route.view, XlsxExportMixin):
            escaping.append(route.name)
    assert escaping == []
