"""Recording dialogues: the chair's title that day, bounds, scope, versions; the API's filters; obligations met by themselves."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from danvan.core.choices import Level, Role
from danvan.core.services import VersionConflict
from danvan.directives.queries import obligation_status, obligations_of_unit
from danvan.directives.tests.factories import DirectiveFactory, ObligationFactory
from danvan.engagement import services
from danvan.engagement.choices import DialogueKind
from danvan.engagement.models import Dialogue
from danvan.engagement.tests.factories import HELD, DialogueFactory, chair_of
from danvan.organizations.tests.factories import OrganizationFactory
from danvan.people.tests.factories import PersonFactory, PositionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


def new(tree, **values):
    fields = {"kind": DialogueKind.PERIODIC, "unit": tree.cc1, "chair": chair_of(tree.cc1), "date": HELD, "participants": 100,
              "opinions_raised": 10, "opinions_answered": 6}
    return Dialogue(**{**fields, **values})


def messages(error):
    return " ".join(error.value.messages)


def test_the_chair_title_is_the_one_held_at_the_unit_that_day(tree, make_user):
    person = PersonFactory(unit=tree.cc1)
    PositionFactory(person=person, organization=OrganizationFactory(unit=tree.cc1), title="Phó Bí thư", valid_from=datetime.date(2020, 1, 1),
                    valid_to=datetime.date(2024, 12, 31))
    PositionFactory(person=person, organization=OrganizationFactory(unit=tree.cc1), title="Bí thư Đảng ủy", valid_from=datetime.date(2025, 1, 1))
    dialogue = services.record_dialogue(make_user(tree.cc1), new(tree, chair=person), [OrganizationFactory(unit=tree.cc1)])
    assert dialogue.chair_title == "Bí thư Đảng ủy"


@pytest.mark.parametrize("case", ["no title", "title elsewhere", "title ended"])
def test_a_chair_with_no_title_at_the_unit_that_day_is_refused(tree, make_user, case):
    person = PersonFactory(unit=tree.cc1)
    if case == "title elsewhere":
        PositionFactory(person=person, organization=OrganizationFactory(unit=tree.cc2), title="Bí thư Đảng ủy")
    if case == "title ended":
        PositionFactory(person=person, organization=OrganizationFactory(unit=tree.cc1), title="Bí thư Đảng ủy", valid_to=datetime.date(2025, 6, 30))
    with pytest.raises(ValidationError) as error:
        services.record_dialogue(make_user(tree.cc1), new(tree, chair=person), [OrganizationFactory(unit=tree.cc1)])
    assert "không giữ chức vụ nào" in messages(error)
    assert not Dialogue.objects.exists()


@pytest.mark.parametrize("values, field", [
    ({"date": datetime.date.today() + datetime.timedelta(days=3)}, "date"),
    ({"opinions_answered": 11}, "opinions_answered"),
    ({"participants": 100_001}, "participants"),
    ({"opinions_raised": 10_001, "opinions_answered": 1}, "opinions_raised"),
    ({"summary": "x" * 20_001}, "summary"),
])
def test_bad_values_are_refused_in_vietnamese_and_nothing_is_saved(tree, make_user, values, field):
    with pytest.raises(ValidationError) as error:
        services.record_dialogue(make_user(tree.cc1), new(tree, **values), [OrganizationFactory(unit=tree.cc1)])
    assert field in error.value.message_dict
    assert not any(message.isascii() for message in error.value.message_dict[field])
    assert not Dialogue.objects.exists()


def test_organisations_are_required_and_must_sit_within_the_unit(tree, make_user):
    user = make_user(tree.cp)
    for organizations in ([], [OrganizationFactory(unit=tree.cc2)]):
        with pytest.raises(ValidationError) as error:
            services.record_dialogue(user, new(tree), organizations)
        assert "organizations" in error.value.message_dict
    assert not Dialogue.objects.exists()


def test_another_units_organisation_or_chair_is_refused(tree, make_user):
    user = make_user(tree.cc1)
    with pytest.raises(ValidationError):
        services.record_dialogue(user, new(tree), [OrganizationFactory(unit=tree.cc3)])
    with pytest.raises(ValidationError) as error:
        services.record_dialogue(user, new(tree, chair=chair_of(tree.cc3)), [OrganizationFactory(unit=tree.cc1)])
    assert "chair" in error.value.message_dict
    assert not Dialogue.objects.exists()


def test_a_stale_edit_is_refused(tree, make_user):
    user = make_user(tree.cc1)
    dialogue = DialogueFactory(unit=tree.cc1)
    mine, theirs = Dialogue.objects.get(pk=dialogue.pk), Dialogue.objects.get(pk=dialogue.pk)
    theirs.participants = 200
    services.record_dialogue(user, theirs)
    mine.participants = 300
    with pytest.raises(VersionConflict):
        services.record_dialogue(user, mine)
    assert Dialogue.objects.get(pk=dialogue.pk).participants == 200


def test_the_page_refuses_a_chair_without_a_title_on_the_form(tree, make_user, login):
    client = login(make_user(tree.cc1, role=Role.EDITOR))
    response = client.post(reverse("engagement:dialogue-create"), {
        "kind": "periodic", "unit": tree.cc1.pk, "organizations": [OrganizationFactory(unit=tree.cc1).pk],
        "chair": PersonFactory(unit=tree.cc1).pk, "date": "12/09/2025", "participants": "10", "opinions_raised": "1", "opinions_answered": "1"})
    assert response.status_code == 200
    assert "không giữ chức vụ nào" in response.content.decode()
    assert not Dialogue.objects.exists()


def test_the_api_lists_a_units_dialogues_of_a_year(tree, make_user, login):
    mine = DialogueFactory(unit=tree.cc1, date=datetime.date(2025, 3, 1))
    DialogueFactory(unit=tree.cc1, date=datetime.date(2024, 3, 1))
    DialogueFactory(unit=tree.cc2, date=datetime.date(2025, 3, 1))
    DialogueFactory(unit=tree.cc3, date=datetime.date(2025, 3, 1))
    client = login(make_user(tree.cp, role=Role.VIEWER))
    body = client.get("/api/v1/dialogues/", {"unit": tree.cc1.pk, "year": 2025}).json()
    assert [row["id"] for row in body["results"]] == [mine.pk]
    row = body["results"][0]
    assert {"id", "kind", "date", "unit", "chair", "participants"} <= set(row)
    assert (row["date"], row["unit"], row["chair"], row["participants"]) == ("2025-03-01", tree.cc1.pk, mine.chair_id, 120)
    assert client.get("/api/v1/dialogues/", {"unit": tree.cc3.pk, "year": 2025}).status_code == 400  # a unit outside the scope


def test_the_api_refuses_a_chair_without_a_title_with_a_vietnamese_400(tree, make_user, login):
    client = login(make_user(tree.cc1, role=Role.EDITOR), HTTP_ACCEPT_LANGUAGE="vi")
    response = client.post("/api/v1/dialogues/", {
        "kind": "periodic", "unit": tree.cc1.pk, "organizations": [OrganizationFactory(unit=tree.cc1).pk],
        "chair": PersonFactory(unit=tree.cc1).pk, "date": "2025-09-12", "participants": 10}, content_type="application/json")
    assert response.status_code == 400
    assert "chair" in response.json()
    assert not Dialogue.objects.exists()


@pytest.fixture
def obligation(tree):
    """Tỉnh An Giang asks every commune for a yearly dialogue of the Party committee's head (2242-QĐ/TU)."""
    return ObligationFactory(directive=DirectiveFactory(unit=tree.cp), level=Level.COMMUNE, kind="dialogue", first_year=2025)


def test_a_dialogue_meets_the_obligation_of_its_unit_and_year_without_any_link(tree, make_user, obligation):
    user = make_user(tree.cp, role=Role.VIEWER)
    today = datetime.date(2026, 2, 1)
    before = {cell.unit: cell.state for cell in obligation_status(obligation, user, 2025, today=today)}
    assert before[tree.cc1] == "overdue"
    dialogue = DialogueFactory(unit=tree.cc1, date=datetime.date(2025, 9, 12))
    DialogueFactory(unit=tree.cc2, date=datetime.date(2024, 9, 12))  # another year
    DialogueFactory(unit=tree.cc2, kind=DialogueKind.PARTY_RECEPTION, date=datetime.date(2025, 9, 12))  # a reception day, not a dialogue
    cells = {cell.unit: cell for cell in obligation_status(obligation, user, 2025, today=today)}
    assert cells[tree.cc1].state == "met" and [f.record for f in cells[tree.cc1].fulfilments] == [dialogue]
    assert cells[tree.cc2].state == "overdue"
    [cell] = obligations_of_unit(tree.cc1, user, 2025, today=today)
    assert cell.state == "met"


def test_a_dialogue_also_recorded_by_hand_counts_once(tree, make_user, obligation):
    from danvan.directives import services as directive_services

    user = make_user(tree.cc1)
    obligation.times = 2
    obligation.save()
    dialogue = DialogueFactory(unit=tree.cc1, date=datetime.date(2025, 9, 12))
    directive_services.record_fulfilment(user, obligation, tree.cc1, 2025, record=dialogue, fulfilled_on=dialogue.date)
    [cell] = obligations_of_unit(tree.cc1, user, 2025, today=datetime.date(2025, 10, 1))
    assert cell.count == 1 and cell.state == "due"


def test_the_obligations_page_names_the_dialogue(tree, make_user, login, obligation):
    DialogueFactory(unit=tree.cc1, date=datetime.date(2025, 9, 12))
    client = login(make_user(tree.cc1, role=Role.VIEWER))
    page = client.get(reverse("directives:obligations"), {"year": 2025, "unit": tree.cc1.pk}).content.decode()
    assert "12/09/2025" in page
