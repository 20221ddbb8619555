"""List filters open on "Tất cả", read in Vietnamese, and the unit picker loads only the chosen unit."""

import re
from html import unescape

import pytest
from django import forms
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from danvan.core.widgets import AutocompleteSelect
from danvan.movement.tests.factories import InitiativeFactory
from danvan.units.models import Unit

pytestmark = pytest.mark.django_db

SELECT = re.compile(r'<select name="(?P<name>[^"]+)"[^>]*>(?P<options>.*?)</select>', re.S)
OPTION = re.compile(r'<option value="(?P<value>[^"]*)"(?P<selected> selected)?>(?P<label>[^<]*)</option>')


def selects(html):
    """Every select of a page: name → [(value, label, selected)]."""
    return {
        match["name"]: [(o["value"], unescape(o["label"]), bool(o["selected"])) for o in OPTION.finditer(match["options"])]
        for match in SELECT.finditer(html)
    }


def submitted(html, **typed):
    """What the browser sends for the filter form as it is shown, plus what the user typed."""
    sent = {name: next((value for value, _, chosen in options if chosen), options[0][0] if options else "")
            for name, options in selects(html).items()}
    return {**sent, **typed}


@pytest.mark.parametrize("url_name", ["movement:list", "units:list", "organizations:list", "oversight:mission-list",
                                      "oversight:follow-up-list", "directives:list"])
def test_every_choice_filter_opens_on_all(tree, national_admin, login, url_name):
    html = login(national_admin).get(reverse(url_name)).content.decode()
    shown = {name: options for name, options in selects(html).items() if name not in ("unit", "o", "sort")}
    assert shown, "the list has choice filters"
    for name, options in shown.items():
        assert options[0][:2] == ("", "Tất cả"), name
        assert not any(chosen for value, _, chosen in options if value), name
    assert "---------" not in html


def test_a_search_on_the_movement_list_as_shown_finds_the_model(tree, make_user, login):
    InitiativeFactory(unit=tree.cc1, name="Dân vận khéo trong xây dựng nông thôn mới")
    client = login(make_user(tree.cc1))
    form = client.get(reverse("movement:list")).content.decode()
    response = client.get(reverse("movement:list"), submitted(form, q="nong thon moi"))
    assert [item.name for item in response.context["object_list"]] == ["Dân vận khéo trong xây dựng nông thôn mới"]


def test_the_unit_list_as_shown_lists_every_level(tree, national_admin, login):
    client = login(national_admin)
    form = client.get(reverse("units:list")).content.decode()
    response = client.get(reverse("units:list"), submitted(form))
    assert response.context["paginator"].count == Unit.objects.count()


def test_sort_choices_read_in_vietnamese(tree, national_admin, login):
    sorts = dict((value, label) for value, label, _ in selects(login(national_admin).get(reverse("movement:list")).content.decode())["sort"])
    assert sorts["-last_result"] == "Kết quả gần nhất (giảm dần)"
    assert "descending" not in " ".join(sorts.values()) and "Last result" not in sorts.values()


def test_the_unit_api_takes_a_level_by_name_or_number(tree, national_admin, login):
    client = login(national_admin)
    by_name = client.get(reverse("api:unit-list"), {"level": "commune", "page_size": 100}).json()
    by_number = client.get(reverse("api:unit-list"), {"level": 3, "page_size": 100}).json()
    assert by_name["count"] == by_number["count"] == Unit.objects.filter(level=3).count() > 0
    assert client.get(reverse("api:unit-list"), {"level": "galaxy"}).status_code == 400


class UnitForm(forms.Form):
    unit = forms.ModelChoiceField(queryset=Unit.objects.order_by("pk"), widget=AutocompleteSelect("units:lookup"))


def picked(html):
    value = re.search(r'type="hidden" name="unit" value="([^"]*)"', html)[1]
    label = re.search(r'type="search"[^>]* value="([^"]*)"', html)[1]
    return value, unescape(label)


def test_the_unit_picker_reads_only_the_chosen_unit(tree):
    with CaptureQueriesContext(connection) as context:
        html = str(UnitForm(initial={"unit": tree.cc1.pk})["unit"])
    assert picked(html) == (str(tree.cc1.pk), str(tree.cc1))
    sql = [query["sql"] for query in context.captured_queries]
    assert len(sql) == 1 and " IN (" in sql[0], sql


def test_the_unit_picker_with_nothing_chosen_reads_nothing(tree):
    with CaptureQueriesContext(connection) as context:
        html = str(UnitForm()["unit"])
    assert picked(html) == ("", "") and context.captured_queries == []


def test_an_export_is_ready_to_print(tree, make_user, login):
    import datetime
    import io

    from openpyxl import load_workbook

    from danvan.movement.choices import Status

    InitiativeFactory(unit=tree.cc1, name="Dân vận khéo trong xây dựng nông thôn mới", status=Status.REGISTERED, registration_year=2019)
    InitiativeFactory(unit=tree.cc1, name="Mô hình khác", status=Status.DRAFT, registration_year=2019)
    client = login(make_user(tree.cc1))
    export = client.get(reverse("movement:list"), {"format": "xlsx", "status": "registered", "year": 2019})
    sheet = load_workbook(io.BytesIO(export.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Mô hình, điển hình"
    assert rows[1][0] == "Đơn vị: xã Bình An"
    assert "Trạng thái: Đã duyệt" in rows[2][0] and "Năm: 2019" in rows[2][0]
    assert rows[3][0] == f"Ngày xuất: {datetime.date.today():%d/%m/%Y}"
    header = next(n for n, row in enumerate(rows) if row[0] == "STT") + 1
    assert rows[header][:2] == (1, "Dân vận khéo trong xây dựng nông thôn mới") and len(rows) == header + 1
    assert sheet.freeze_panes == f"A{header + 1}"
    assert sheet.auto_filter.ref.startswith(f"A{header}:") and sheet.auto_filter.ref.endswith(str(header + 1))
    assert sheet.page_setup.orientation == "landscape" and str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
    assert sheet.print_title_rows == f"${header}:${header}"
    assert sheet.column_dimensions["B"].width > sheet.column_dimensions["A"].width
