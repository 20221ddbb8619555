"""Charts on the overview and the statistics page, the ranking of the units below, and the .xlsx with its charts."""

import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from danvan.core.choices import Role
from danvan.movement.choices import RecognitionLevel, Status
from danvan.movement.tests.factories import InitiativeFactory, RecognitionFactory
from danvan.organizations.tests.factories import OrganizationFactory
from danvan.oversight.tests.factories import FollowUpFactory, MissionFactory

SPAN = {"from_year": 2016, "to_year": 2020}


@pytest.fixture
def figures(tree):
    """Today's An Giang (cp): xã Bình An (cc1) with the legacy xã Mong Thọ (lc2) that became part of it, xã Thạnh Lộc
    (cc2), and the legacy tỉnh Kiên Giang (lp1, merged into cp) whose huyện Châu Thành (ld1) is ranked itself."""
    InitiativeFactory.create_batch(3, unit=tree.cc1, registration_year=2019)
    InitiativeFactory.create_batch(2, unit=tree.lc2, registration_year=2017)  # counted under Bình An
    RecognitionFactory(initiative__unit=tree.lc2, initiative__registration_year=2018, year=2019)
    RecognitionFactory(initiative__unit=tree.lc1, initiative__registration_year=2018, year=2019, level=RecognitionLevel.DISTRICT)
    RecognitionFactory(initiative__unit=tree.lc1, initiative__registration_year=2018, year=2020)
    InitiativeFactory(unit=tree.cc2, registration_year=2020)
    InitiativeFactory(unit=tree.cc3, registration_year=2019)  # another province: nowhere
    InitiativeFactory(unit=tree.cc2, registration_year=2020, status=Status.DRAFT)  # not registered
    mission = MissionFactory(unit=tree.cp)
    farmers = OrganizationFactory(unit=tree.cc1, name="Hội Nông dân xã Bình An")
    FollowUpFactory.create_batch(3, mission=mission, owner_unit=tree.cc1, owner_organization=farmers, deadline=datetime.date(2020, 1, 1))
    FollowUpFactory(mission=mission, owner_unit=tree.cc1, owner_organization=farmers, deadline=datetime.date.today() + datetime.timedelta(days=30))
    return tree


def test_the_ranking_counts_each_unit_below_with_the_legacy_units_that_became_part_of_it(figures, make_user, login):
    client = login(make_user(unit=figures.cp, role=Role.VIEWER))
    ranking = client.get("/movement/stats/", {"unit": figures.cp.pk, **SPAN}).context["ranking"]
    table = [(row.unit.name, row.registered, row.recognised) for row in ranking]
    assert table == [("Châu Thành", 2, 2), ("Bình An", 6, 1), ("Thạnh Lộc", 1, 0)]  # the most recognised first
    assert ranking[0].rate == 100 and ranking[1].rate == pytest.approx(100 / 6)


def test_the_statistics_page_draws_the_charts_and_the_ranking(figures, make_user, login):
    client = login(make_user(unit=figures.cp, role=Role.VIEWER))
    html = client.get("/movement/stats/", {"unit": figures.cp.pk, **SPAN}).content.decode()
    for key in ("by-year", "by-field", "by-level", "follow-ups"):
        assert f'id="chart-{key}"' in html
    by_year = html[html.index('id="chart-by-year"'):html.index('id="chart-by-field"')]
    assert by_year.count('<rect class="bar') == 4  # 2017 to 2020; 2016 has none
    assert "<th scope=\"row\">2019</th><td>3</td>" in by_year
    follow_ups = html[html.index('id="chart-follow-ups"'):]
    assert "Hội Nông dân xã Bình An" in follow_ups and "<td>3</td><td>1</td>" in follow_ups  # 3 overdue, 1 within the deadline
    assert 'id="ranking"' in html and "Châu Thành" in html[html.index('id="ranking"'):]


def test_the_overview_draws_the_charts_in_their_panels(figures, make_user, login):
    client = login(make_user(unit=figures.cp, role=Role.VIEWER))
    html = client.get("/").content.decode()
    for key in ("by-year", "by-field", "by-level", "follow-ups"):
        assert f'id="chart-{key}"' in html
    assert "<th scope=\"row\">Hội Nông dân xã Bình An</th><td>3</td><td>1</td>" in html


def test_a_unit_without_figures_reads_no_figures_yet(tree, make_user, login):
    client = login(make_user(unit=tree.cc3, role=Role.VIEWER))
    html = client.get("/movement/stats/", SPAN).content.decode()
    assert html.count("Chưa có số liệu") == 4 and "<svg" not in html


def test_charts_and_ranking_cost_the_same_queries_whatever_the_data(figures, make_user, login):
    client = login(make_user(unit=figures.cp, role=Role.VIEWER))
    counts = []
    for extra in (1, 8):
        for index in range(extra):
            RecognitionFactory(initiative__unit=figures.cc2, initiative__registration_year=2016 + index % 5, year=2020)
            FollowUpFactory(mission=MissionFactory(unit=figures.cp), owner_unit=figures.cc2,
                            owner_organization=OrganizationFactory(unit=figures.cc2))
        for address, query in (("/movement/stats/", {"unit": figures.cp.pk, **SPAN}), ("/", {})):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(address, query).status_code == 200
            counts.append(len(queries))
    assert counts[:2] == counts[2:], counts


def test_the_statistics_export_carries_the_same_charts_on_its_cells(figures, make_user, login):
    client = login(make_user(unit=figures.cp, role=Role.VIEWER))
    response = client.get("/movement/stats/", {"unit": figures.cp.pk, **SPAN, "format": "xlsx"})
    assert response.status_code == 200 and response["Content-Disposition"].endswith('thong-ke-dan-van-kheo-2016-2020.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    charts = sheet._charts
    titles = ["".join(run.t for paragraph in chart.title.tx.rich.p for run in paragraph.r) for chart in charts]
    assert titles == ["Mô hình đăng ký theo năm", "Mô hình theo lĩnh vực", "Mô hình được công nhận theo cấp",
                      "Kiến nghị, nhiệm vụ còn mở theo tổ chức (10 tổ chức nhiều nhất)"]
    by_year = charts[0]
    assert by_year.type == "col" and charts[3].grouping == "stacked" and len(charts[3].series) == 2
    values = by_year.series[0].val.numRef.f  # e.g. 'Thống kê'!$B$7:$B$11
    cells = sheet[values.split("!")[1].replace("$", "")]
    assert [row[0].value for row in cells] == [0, 2, 3, 3, 1]
    categories = sheet[by_year.series[0].cat.numRef.f.split("!")[1].replace("$", "")] if by_year.series[0].cat.numRef else \
        sheet[by_year.series[0].cat.strRef.f.split("!")[1].replace("$", "")]
    assert [row[0].value for row in categories] == ["2016", "2017", "2018", "2019", "2020"]
    texts = [cell.value for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert "Xếp hạng các đơn vị trực thuộc" in texts and "Bình An" in " ".join(map(str, texts))


def test_another_units_statistics_are_not_exported(tree, make_user, login):
    client = login(make_user(unit=tree.cc1, role=Role.VIEWER))
    assert client.get("/movement/stats/", {"unit": tree.cc3.pk, "format": "xlsx"}).status_code == 404


def listen_for_refusals(page):
    refused = []
    page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None)
    return refused


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", [1280, 360])
def test_the_charts_show_their_bars_under_the_policy_and_fit_a_phone(figures, live_server, browser, width):
    from playwright.sync_api import expect

    from danvan.accounts.tests.factories import PASSWORD, UserFactory
    from danvan.core.tests.browser import log_in, shot

    UserFactory(username="xemthongke", unit=figures.cp, role=Role.VIEWER)
    page = browser.new_page(viewport={"width": width, "height": 900})
    refused = listen_for_refusals(page)
    outside = []
    page.on("request", lambda request: outside.append(request.url) if not request.url.startswith((live_server.url, "data:")) else None)
    log_in(page, live_server.url, "xemthongke", PASSWORD)
    for name, address in (("overview", "/"), ("statistics", f"/movement/stats/?unit={figures.cp.pk}&from_year=2016&to_year=2020")):
        page.goto(f"{live_server.url}{address}")
        chart = page.locator("#chart-by-year svg")
        expect(chart).to_be_visible()
        assert chart.locator("rect.bar").count() == 4
        box = chart.bounding_box()
        assert box["width"] > 200 and box["height"] > 80
        colour = chart.locator("rect.bar").first.evaluate("bar => getComputedStyle(bar).fill")
        assert colour == "rgb(179, 38, 30)"  # the palette's red, from the stylesheet
        expect(page.locator("#chart-follow-ups svg rect.bar.tone-overdue")).to_be_visible()
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{name} scrolls sideways by {overflow} px at {width}"
        shot(page, f"charts-{name}-{width}")
    expect(page.locator("#ranking")).to_contain_text("Châu Thành")
    page.emulate_media(media="print")
    expect(page.locator("#chart-by-year svg")).to_be_visible()
    expect(page.locator("#chart-by-year table.chart-table")).to_be_visible()  # the figures print under the chart
    assert refused == [] and outside == []
