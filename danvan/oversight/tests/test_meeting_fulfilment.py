"""A meeting meets an obligation of its unit (journey d): the dialogue a directive asks for is the meeting itself."""

import datetime

import pytest
from django.urls import reverse

from danvan.core.choices import Level, Role
from danvan.directives.models import ObligationFulfilment
from danvan.directives.tests.factories import DirectiveFactory, ObligationFactory
from danvan.oversight.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db
HELD = datetime.date(2024, 5, 20)


@pytest.fixture
def dialogue(tree):
    """xã Mong Thọ's dialogue meeting; huyện Năm Căn's plan asks every commune for one a year."""
    obligation = ObligationFactory(directive=DirectiveFactory(unit=tree.ld2), level=Level.COMMUNE, first_year=2024)
    return MeetingFactory(unit=tree.lc2, held_on=HELD, title="Hội nghị đối thoại với nhân dân"), obligation


def url(meeting):
    return reverse("oversight:meeting-fulfilment-add", args=[meeting.pk])


def test_the_meeting_page_leads_to_recording_the_obligation_it_meets(tree, dialogue, make_user, login):
    meeting, obligation = dialogue
    client = login(make_user(tree.lc2, role=Role.EDITOR))
    assert url(meeting) in client.get(meeting.get_absolute_url()).content.decode()
    form = client.get(url(meeting)).content.decode()
    assert obligation.title in form

    response = client.post(url(meeting), {"obligation": obligation.pk})
    assert response.status_code == 302
    fulfilment = ObligationFulfilment.objects.get()
    assert (fulfilment.record, fulfilment.unit, fulfilment.year, fulfilment.fulfilled_on) == (meeting, tree.lc2, 2024, HELD)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert obligation.title in page
    status = client.get(reverse("directives:obligations"), {"year": 2024, "unit": tree.lc2.pk}).content.decode()
    assert meeting.title in status


@pytest.mark.parametrize("case", ["other register", "other level", "other year", "unknown", "huge"])
def test_an_obligation_that_does_not_bind_the_meeting_is_refused_on_the_field(tree, dialogue, make_user, login, case):
    meeting, obligation = dialogue
    others = {
        "other register": lambda: ObligationFactory(directive=DirectiveFactory(unit=tree.ld1), level=Level.COMMUNE, first_year=2024).pk,
        "other level": lambda: ObligationFactory(directive=obligation.directive, level=Level.HAMLET, first_year=2024).pk,
        "other year": lambda: ObligationFactory(directive=obligation.directive, level=Level.COMMUNE, first_year=2025).pk,
        "unknown": lambda: 987654,
        "huge": lambda: "9" * 5000,
    }
    client = login(make_user(tree.lc2, role=Role.EDITOR))
    response = client.post(url(meeting), {"obligation": others[case]()})
    assert response.status_code == 200
    assert "has-error" in response.content.decode()
    assert not ObligationFulfilment.objects.exists()


def test_another_units_editor_and_a_viewer_cannot_record_it(tree, dialogue, make_user, login):
    meeting, obligation = dialogue
    assert login(make_user(tree.lc3, role=Role.EDITOR)).post(url(meeting), {"obligation": obligation.pk}).status_code == 404
    assert login(make_user(tree.lc2, role=Role.VIEWER)).post(url(meeting), {"obligation": obligation.pk}).status_code == 403
    assert not ObligationFulfilment.objects.exists()
