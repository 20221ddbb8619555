"""Dialogues and pressing matters read from seed 001 and proposed to the review queue, created through the
engagement services within the editor's units."""

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from danvan.core.choices import Role
from danvan.engagement.models import Dialogue, HotCase
from danvan.ingest import services
from danvan.ingest.extraction.engagement import find_dialogues, find_hot_cases
from danvan.ingest.extraction.text import normalise
from danvan.ingest.models import ProposedItem, SourceDocument, SourceLink
from danvan.organizations.tests.factories import OrganizationFactory
from danvan.people.tests.factories import PersonFactory, PositionFactory

pytestmark = pytest.mark.django_db

Kind, Decision = ProposedItem.Kind, ProposedItem.Decision
SEED_001 = (Path(__file__).parent / "gold" / "001_546b4ca9ae962e86.txt").read_text(encoding="utf-8")


def test_seed_001_names_the_secretarys_dialogue_and_two_pressing_matters_settled():
    text = normalise(SEED_001)
    [(dialogue, spans)] = find_dialogues(text)
    assert dialogue["chair"] == "Bí thư Đảng ủy"
    assert text[slice(*spans[0])] == "đối thoại giữa Bí thư Đảng ủy với nhân dân"
    cases = find_hot_cases(text)
    assert [data for data, _ in cases] == [{"name": "Vụ chợ Mỹ Lồng", "settled": True},
                                           {"name": "Vụ lò bún ở ấp Nghĩa Huấn", "settled": True}]
    assert [text[slice(*spans[0])] for _, spans in cases] == ["vụ chợ Mỹ Lồng", "lò bún ở ấp Nghĩa Huấn"]


def test_no_pressing_matter_without_a_list_of_them():
    assert find_hot_cases(normalise("Các vụ việc được giải quyết kịp thời.")) == []
    assert find_dialogues(normalise("Tổ chức hội nghị đối thoại.")) == []


@pytest.fixture
def world(tree, make_user, login):
    """xã Bình An with its Party committee and secretary; an editor there; one of xã Đất Mũi with theirs."""
    party = OrganizationFactory(unit=tree.cc1, name="Đảng ủy xã Bình An")
    secretary = PositionFactory(person=PersonFactory(full_name="Nguyễn Hoàng Thái", unit=tree.cc1), organization=party,
                                title="Bí thư Đảng ủy xã")
    other_party = OrganizationFactory(unit=tree.cc3, name="Đảng ủy xã Đất Mũi")
    PositionFactory(person=PersonFactory(unit=tree.cc3), organization=other_party, title="Bí thư Đảng ủy xã")
    editor = make_user(tree.cc1, role=Role.EDITOR)
    return type("World", (), {"tree": tree, "party": party, "secretary": secretary, "editor": editor, "client": login(editor)})


def _read_seed(world, upload):
    response = world.client.post(reverse("ingest:upload"), {"unit": world.tree.cc1.pk, "files": [upload("001.txt", SEED_001)], "text": ""})
    assert response.status_code == 302
    return SourceDocument.objects.get(original_name="001.txt")


def _items(document, kind):
    return list(document.items.filter(kind=kind).order_by("order"))


def test_accepted_proposals_become_the_dialogue_and_the_settled_cases(world, upload):
    document = _read_seed(world, upload)
    [dialogue_item] = _items(document, Kind.DIALOGUE)
    cases = _items(document, Kind.HOT_CASE)
    assert [c.label for c in cases] == ["Vụ chợ Mỹ Lồng", "Vụ lò bún ở ấp Nghĩa Huấn"]
    for proposed in [dialogue_item, *cases]:
        services.decide(world.editor, proposed, Decision.ACCEPTED)
    services.create_records_from(document, world.editor)

    dialogue = Dialogue.objects.get()
    assert (dialogue.unit, dialogue.chair, dialogue.chair_title) == (world.tree.cc1, world.secretary.person, "Bí thư Đảng ủy xã")
    assert list(dialogue.organizations.all()) == [world.party] and dialogue.date.isoformat() == "2018-06-11"
    created = HotCase.objects.order_by("name")
    assert [(c.name, c.unit, c.leader, c.settled) for c in created] == [
        ("Vụ chợ Mỹ Lồng", world.tree.cc1, world.secretary.person, True),
        ("Vụ lò bún ở ấp Nghĩa Huấn", world.tree.cc1, world.secretary.person, True),
    ]
    assert list(services.sources_of(dialogue)) == [document]
    assert SourceLink.objects.filter(document=document).count() == 3


def test_a_proposal_placed_in_another_unit_is_refused_in_vietnamese_and_nothing_is_written(world, upload):
    document = _read_seed(world, upload)
    [dialogue_item] = _items(document, Kind.DIALOGUE)
    case = _items(document, Kind.HOT_CASE)[0]
    services.decide(world.editor, case, Decision.ACCEPTED)
    # Past the form (whose choices are the editor's units): the unit of another province is refused on the decision …
    with pytest.raises(ValidationError, match="nằm ngoài các đơn vị"):
        services.decide(world.editor, dialogue_item, Decision.CORRECTED, corrected=dialogue_item.data, unit=world.tree.cc3)
    # … and on creation, had it been stored some other way.
    dialogue_item.refresh_from_db()
    assert dialogue_item.unit is None and dialogue_item.decision == Decision.PENDING
    services.decide(world.editor, dialogue_item, Decision.ACCEPTED)
    ProposedItem.objects.filter(pk=dialogue_item.pk).update(unit=world.tree.cc3)
    with pytest.raises(ValidationError, match="Đất Mũi nằm ngoài các đơn vị đồng chí phụ trách; chưa tạo bản ghi nào"):
        services.create_records_from(document, world.editor)
    page = world.client.post(reverse("ingest:create-records", args=[document.pk]))
    assert page.status_code == 200 and "Đất Mũi nằm ngoài các đơn vị đồng chí phụ trách" in page.content.decode()
    assert not Dialogue.objects.exists() and not HotCase.objects.exists() and not SourceLink.objects.exists()


def test_a_dialogue_whose_chair_held_no_such_title_is_refused(world, upload):
    world.secretary.delete()
    document = _read_seed(world, upload)
    [dialogue_item] = _items(document, Kind.DIALOGUE)
    services.decide(world.editor, dialogue_item, Decision.ACCEPTED)
    response = world.client.post(reverse("ingest:create-records", args=[document.pk]), follow=True)
    assert "Bí thư Đảng ủy" in response.content.decode() and not Dialogue.objects.exists()


def test_a_huge_corrected_name_is_refused_without_a_500(world, upload):
    document = _read_seed(world, upload)
    case = _items(document, Kind.HOT_CASE)[0]
    services.decide(world.editor, case, Decision.CORRECTED, corrected={"name": "x" * 5000, "settled": True})
    response = world.client.post(reverse("ingest:create-records", args=[document.pk]), follow=True)
    assert response.status_code == 200 and not HotCase.objects.exists()


def test_the_review_page_and_the_correction_form_show_the_new_kinds(world, upload):
    document = _read_seed(world, upload)
    page = world.client.get(reverse("ingest:document", args=[document.pk]))
    assert page.status_code == 200
    content = page.content.decode()
    assert "Đối thoại với nhân dân" in content and "Vụ chợ Mỹ Lồng" in content
    [dialogue_item] = _items(document, Kind.DIALOGUE)
    form = world.client.get(reverse("ingest:item", args=[dialogue_item.pk]))
    assert form.status_code == 200
    response = world.client.post(reverse("ingest:item", args=[dialogue_item.pk]),
                                 {"decision": Decision.CORRECTED, "name": "Đối thoại của Bí thư Đảng ủy", "unit": world.tree.cc3.pk})
    assert response.status_code in (200, 302)
    dialogue_item.refresh_from_db()
    assert dialogue_item.unit is None  # the other province's commune is not among the form's choices
