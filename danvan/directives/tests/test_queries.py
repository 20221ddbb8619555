"""The matrix and the obligations' state, as a district official sees them."""

import datetime

import pytest

from danvan.core.choices import Role
from danvan.directives import queries, services
from danvan.directives.choices import ObligationState
from danvan.directives.models import Directive
from danvan.directives.tests.factories import DirectiveFactory, ObligationFactory
from danvan.units.tests.factories import LegacyCommuneFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def district(tree, make_user):
    return make_user(tree.ld2, role=Role.EDITOR)


def test_matrix_shows_every_commune_and_highlights_gaps(tree, district):
    programme = DirectiveFactory(unit=tree.ld2, issued_on=datetime.date(2013, 6, 1))
    commune_document = DirectiveFactory(unit=tree.lc2, issued_on=datetime.date(2013, 8, 29))
    services.record_implementation(district, programme, tree.lc2, document=commune_document)
    rows = queries.implementation_matrix(programme, district)
    assert [row.unit for row in rows] == [tree.lc2, tree.lc3]
    assert [row.is_gap for row in rows] == [False, True]
    assert rows[0].implementations[0].document == commune_document


def test_matrix_of_a_commune_user_shows_only_their_commune(tree, make_user):
    programme = DirectiveFactory(unit=tree.ld2)
    commune_user = make_user(tree.lc3, role=Role.VIEWER)
    assert programme in Directive.objects.visible_to(commune_user)  # registers above are readable
    assert [row.unit for row in queries.implementation_matrix(programme, commune_user)] == [tree.lc3]


def test_a_neighbours_register_is_hidden(tree, make_user):
    neighbour = DirectiveFactory(unit=tree.lc2)
    assert neighbour not in Directive.objects.visible_to(make_user(tree.lc3, role=Role.VIEWER))
    assert neighbour in Directive.objects.visible_to(make_user(tree.cc1, role=Role.VIEWER))  # the commune it became


def test_matrix_costs_two_queries_whatever_the_number_of_communes(tree, district, django_assert_num_queries):
    programme = DirectiveFactory(unit=tree.ld2)
    for _ in range(5):
        commune = LegacyCommuneFactory(parent=tree.ld2)
        services.record_implementation(district, programme, commune, description="Đã ban hành kế hoạch")
    district = type(district).objects.get(pk=district.pk)
    with django_assert_num_queries(3):  # the user's scope, the units, the implementations
        rows = queries.implementation_matrix(programme, district)
    assert len(rows) == 7 and sum(not row.is_gap for row in rows) == 5


def test_obligation_met_due_and_overdue(tree, district):
    obligation = ObligationFactory(directive__unit=tree.ld2, level=3, first_year=2017, times=1)
    services.record_fulfilment(district, obligation, tree.lc2, 2018, description="Bí thư đối thoại với nhân dân ngày 12/5/2018")
    today = datetime.date(2019, 3, 1)
    past = {cell.unit: cell.state for cell in queries.obligation_status(obligation, district, 2018, today)}
    assert past == {tree.lc2: ObligationState.MET, tree.lc3: ObligationState.OVERDUE}
    current = {cell.unit: cell.state for cell in queries.obligation_status(obligation, district, 2019, today)}
    assert current == {tree.lc2: ObligationState.DUE, tree.lc3: ObligationState.DUE}


def test_review_every_five_years(tree, district):
    obligation = ObligationFactory(directive__unit=tree.ld2, level=3, first_year=2013, period_years=5)
    assert obligation.period_of(2018) == (2018, 2022)
    services.record_fulfilment(district, obligation, tree.lc3, 2020, description="Sơ kết 5 năm")
    cells = queries.obligations_of_unit(tree.lc3, district, 2022, today=datetime.date(2023, 1, 1))
    assert [(cell.obligation, cell.state) for cell in cells] == [(obligation, ObligationState.MET)]
    cells = queries.obligations_of_unit(tree.lc2, district, 2022, today=datetime.date(2023, 1, 1))
    assert [cell.state for cell in cells] == [ObligationState.OVERDUE]


def test_matrix_page_costs_the_same_queries_for_three_times_the_communes(tree, district, login):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    programme = DirectiveFactory(unit=tree.ld2)
    client, url = login(district), reverse("directives:matrix", args=[programme.pk])
    documents = []

    def add(n):
        for number in range(n):
            commune = LegacyCommuneFactory(parent=tree.ld2)
            if number % 2:
                document = DirectiveFactory(unit=commune) if number % 4 == 1 else None
                documents.append(document)
                services.record_implementation(district, programme, commune, document=document, description="Đã ban hành kế hoạch")

    def page():
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        assert response.status_code == 200
        return response, len(context)

    add(4)
    few_page, few = page()
    add(8)
    many_page, many = page()
    assert len(many_page.context["rows"]) == 14 and many_page.context["done"] == 6
    shown = many_page.content.decode()
    assert all(f'href="{document.get_absolute_url()}"' in shown for document in documents if document)  # each own document linked
    assert sum(document is not None for document in documents) == 3
    assert many == few
