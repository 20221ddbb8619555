"""The movement's pages: lists with filters and export, the showcase without login, the import, fixed query counts."""

import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import Workbook, load_workbook

from danvan.core.choices import Role
from danvan.core.tests.files import exported_rows
from danvan.movement.choices import Status
from danvan.movement.imports import COLUMNS
from danvan.movement.models import Initiative
from danvan.movement.tests.factories import InitiativeFactory, RecognitionFactory, ResultUpdateFactory
from danvan.organizations.tests.factories import OrganizationFactory


def test_the_list_filters_by_text_ignoring_diacritics_and_exports_the_filtered_rows(tree, make_user, login):
    InitiativeFactory(unit=tree.lc1, name="Tổ dần đổi công")
    InitiativeFactory(unit=tree.lc1, name="Tuyến đường hoa")
    client = login(make_user(unit=tree.lc1, role=Role.VIEWER))
    page = client.get("/movement/", {"q": "to dan doi"}).content.decode()
    assert "Tổ dần đổi công" in page and "Tuyến đường hoa" not in page
    export = client.get("/movement/", {"q": "duong hoa", "format": "xlsx"})
    rows = exported_rows(export)
    assert len(rows) == 2 and rows[1][0] == "Tuyến đường hoa"


def test_a_current_unit_filter_covers_its_legacy_predecessors(tree, make_user, login):
    InitiativeFactory(unit=tree.lc2, name="Mô hình của Mong Thọ")
    client = login(make_user(unit=tree.cp, role=Role.VIEWER))
    assert "Mô hình của Mong Thọ" in client.get("/movement/", {"unit": tree.cc1.pk}).content.decode()


def test_the_showcase_shows_recognised_initiatives_without_login_and_nothing_else(tree, client):
    recognised = RecognitionFactory(initiative__unit=tree.lc1, initiative__name="Câu lạc bộ máu sống").initiative
    recognised.highest_level = 3
    recognised.save()
    InitiativeFactory(unit=tree.lc1, name="Mô hình chưa công nhận")
    page = client.get("/movement/showcase/", {"q": "mau song"}).content.decode()
    assert "Câu lạc bộ máu sống" in page
    assert "chưa công nhận" not in client.get("/movement/showcase/").content.decode()
    assert client.get(f"/movement/showcase/{recognised.pk}/").status_code == 200
    assert client.get("/movement/").status_code == 302  # the working pages need a login


def test_a_model_recognised_today_has_no_formalism_warning(tree, make_user, login):
    initiative = InitiativeFactory(unit=tree.lc1, status=Status.RECOGNISED, highest_level=3, recognised_on=datetime.date.today())
    page = login(make_user(unit=tree.lc1, role=Role.VIEWER)).get(f"/movement/{initiative.pk}/").content.decode()
    assert "Cảnh báo hình thức" not in page


def test_the_detail_page_flags_formalism(tree, make_user, login):
    initiative = InitiativeFactory(unit=tree.lc1, status=Status.RECOGNISED, highest_level=3)
    client = login(make_user(unit=tree.lc1, role=Role.VIEWER))
    assert "hình thức" in client.get(f"/movement/{initiative.pk}/").content.decode().lower() or \
        "formalism" in client.get(f"/movement/{initiative.pk}/").content.decode().lower()


def _workbook(rows, headers=None):
    workbook = Workbook()
    workbook.active.append(headers or list(COLUMNS.values()))
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    buffer.name = "dang-ky.xlsx"
    return buffer


def test_an_import_with_a_bad_row_saves_nothing_and_names_each_bad_row(tree, make_user, login):
    OrganizationFactory(unit=tree.lc1, name="Hội Nông dân xã Minh Hòa")
    good = ["Tổ dần đổi công", "mô hình", "tập thể", "Kinh tế", "Hội Nông dân xã Minh Hòa", "xã Minh Hòa", "2016–2020", 2018, "01/03/2018", ""]
    bad_unit = [*good[:5], "xã Không Có", *good[6:]]
    bad_date = [*good[:8], "31/02/2018", ""]
    client = login(make_user(unit=tree.lc1, role=Role.EDITOR))
    page = client.post("/movement/import/", {"file": _workbook([good, bad_unit, bad_date])}).content.decode()
    assert not Initiative.objects.exists()
    assert "3" in page and "4" in page and "Không Có" in page and "31/02/2018" in page
    missing = client.post("/movement/import/", {"file": _workbook([good], headers=list(COLUMNS.values())[:3])}).content.decode()
    assert list(COLUMNS.values())[3] in missing
    response = client.post("/movement/import/", {"file": _workbook([good])})
    assert response.status_code == 302 and Initiative.objects.get().name == "Tổ dần đổi công"
    template = client.get("/movement/import/", {"template": 1})
    assert next(load_workbook(io.BytesIO(template.content)).active.iter_rows(values_only=True))[0] == COLUMNS["name"]


@pytest.mark.parametrize("url", ["/movement/", "/movement/stats/", "/movement/formalism/", "/awards/"])
def test_each_page_costs_a_fixed_number_of_queries_whatever_the_data(tree, make_user, login, url):
    client = login(make_user(unit=tree.cp, role=Role.VIEWER))
    counts = []
    for size in (3, 9):
        for _ in range(size):
            recognition = RecognitionFactory(initiative__unit=tree.lc2, year=2019, outstanding=True)
            ResultUpdateFactory(initiative=recognition.initiative)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url, {"unit": tree.cp.pk, "from_year": 2016, "to_year": 2020}).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_statistics_open_on_the_period_the_overview_shows(tree, make_user, login):
    from danvan.movement.tests.factories import PhaseFactory

    PhaseFactory(start_year=2016, end_year=2020)
    PhaseFactory(start_year=2026, end_year=2030)
    InitiativeFactory(unit=tree.lc1, registration_year=2019, status=Status.RECOGNISED, highest_level=3)
    client = login(make_user(unit=tree.ld1, role=Role.VIEWER))
    overview = client.get("/").content.decode()
    stats = client.get("/movement/stats/")
    assert "2016–2020" in overview
    assert (stats.context["span"].from_year, stats.context["span"].to_year) == (2016, 2020)
    assert stats.context["stats"]["registered"] == 1 and stats.context["stats"]["formalism"] == 1
    # The formalism count follows the period asked for, like every other figure.
    later = client.get("/movement/stats/", {"from_year": 2026, "to_year": 2030}).context["stats"]
    assert later["registered"] == 0 and later["formalism"] == 0
