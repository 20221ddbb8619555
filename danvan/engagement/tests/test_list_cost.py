"""The petition list costs the same queries whatever the province holds, and shows each row in full from them."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from danvan.core.choices import Role
from danvan.engagement.choices import PetitionStatus
from danvan.engagement.models import PetitionField, PetitionKind, PetitionStatusLabel
from danvan.engagement.tests.factories import PetitionFactory
from danvan.organizations.tests.factories import OrganizationFactory
from danvan.units.tests.factories import CommuneFactory

pytestmark = pytest.mark.django_db
N = 3
RENAMED = "Đã nhận đơn, chờ phân loại"


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


def add_petitions(n, tree):
    """n more open petitions in the province, each on its own commune, kind, field and body, half of them overdue."""
    for number in range(n):
        commune = CommuneFactory(parent=tree.cp)
        PetitionFactory(unit=commune, kind=PetitionKind.objects.create(name=f"Loại {commune.pk}", time_limit_days=10),
                        field=PetitionField.objects.create(name=f"Lĩnh vực {commune.pk}"),
                        assigned_to=OrganizationFactory(unit=commune, name=f"UBND xã {commune.pk}"),
                        deadline=datetime.date.today() + datetime.timedelta(days=-3 if number % 2 else 5),
                        content=f"Kiến nghị về đường xã số {commune.pk}")


def get(client, params):
    with CaptureQueriesContext(connection) as context:
        response = client.get(reverse("engagement:petition-list"), params)
    assert response.status_code == 200
    return response, len(context)


@pytest.mark.parametrize("params", [{}, {"status": "open"}, {"overdue": "true"}, {"status": "open", "unit": "province"}])
def test_the_list_costs_the_same_queries_for_five_times_the_petitions(tree, make_user, login, params):
    PetitionStatusLabel.objects.create(unit=tree.cp, status=PetitionStatus.RECEIVED, label=RENAMED)
    client = login(make_user(tree.cp, role=Role.EDITOR))
    params = {name: (tree.cp.pk if value == "province" else value) for name, value in params.items()}
    add_petitions(N, tree)
    _, few = get(client, params)
    add_petitions(4 * N, tree)
    response, many = get(client, params)
    page = response.content.decode()
    shown = response.context["object_list"]
    assert len(shown) >= (5 * N if "overdue" not in params else 5 * N // 2)
    for petition in shown:  # every column of the row on the page, read by the same queries
        assert petition.content in page and petition.kind.name in page and petition.field.name in page
        assert petition.assigned_to.name in page and petition.deadline.strftime("%d/%m/%Y") in page
        assert petition.status_label == RENAMED
    assert RENAMED in page and "Quá hạn" in page
    assert many == few


def test_the_unit_filter_shows_the_unit_chosen(tree, make_user, login):
    client = login(make_user(tree.cp, role=Role.EDITOR))
    add_petitions(N, tree)
    page = client.get(reverse("engagement:petition-list"), {"unit": tree.cc1.pk}).content.decode()
    assert f'value="{tree.cc1.pk}"' in page and str(tree.cc1) in page
