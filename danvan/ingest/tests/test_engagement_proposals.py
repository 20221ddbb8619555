"""Dialogues and pressing matters read from seed 001 and proposed to the review queue, created through the
engagement services within the editor's units."""

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from danvan.core.choices import Role
from danvan.engagement.models import Dialogue, HotCase, Petition
from danvan.ingest import services
from danvan.ingest.extraction.engagement import find_dialogues, find_hot_cases, find_petitions
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


# --- petitions, and the dialogue's figures ------------------------------------------------------------

SAMPLE = """Xã Bình An tổ chức đối thoại giữa Bí thư Đảng ủy với nhân dân
Thứ Bảy, 20/09/2025 - 09:00
Sáng ngày 19/9, Đảng ủy xã Bình An tổ chức hội nghị đối thoại định kỳ giữa Bí thư Đảng ủy với nhân dân năm 2025. Hội nghị có 120 lượt người tham dự, 15 ý kiến phát biểu, trong đó 12 ý kiến đã được giải đáp trực tiếp tại hội nghị.
Tại hội nghị, cử tri ấp Phú Hòa kiến nghị sửa chữa tuyến đường liên ấp bị sạt lở.
Nhân dân phản ánh tình trạng ô nhiễm từ lò gạch gần chợ xã.
Trong tháng, Ủy ban MTTQ xã tiếp nhận 3 đơn kiến nghị của công dân.
"""


def test_the_sample_names_its_petitions_with_their_channel_and_the_dialogues_figures():
    text = normalise(SAMPLE)
    found = find_petitions(text)
    assert [(data["content"], data["channel"], data["kind"], data["count"]) for data, _ in found] == [
        ("Sửa chữa tuyến đường liên ấp bị sạt lở", "dialogue", "Kiến nghị", None),
        ("Tình trạng ô nhiễm từ lò gạch gần chợ xã", "letter", "Phản ánh", None),
        ("Tiếp nhận 3 đơn kiến nghị của công dân", "front", "Kiến nghị", 3),
    ]
    assert text[slice(*found[0][1][0])] == "sửa chữa tuyến đường liên ấp bị sạt lở"
    [(dialogue, _)] = find_dialogues(text)
    assert (dialogue["kind"], dialogue["participants"], dialogue["opinions_raised"], dialogue["opinions_answered"]) == (
        "periodic", 120, 15, 12)


def test_no_petition_is_invented_from_the_seeds_general_directions():
    # Seed 001 says "kịp thời giải quyết các yêu cầu chính đáng của nhân dân, không có đơn thư tố cáo", seed 002
    # "giải quyết tốt và kịp thời kiến nghị, đề xuất chính đáng của dân": no petition is reported.
    for path in sorted((Path(__file__).parent / "gold").glob("*.txt")):
        assert find_petitions(normalise(path.read_text(encoding="utf-8"))) == [], path.name
    assert find_petitions(normalise("Giải quyết kịp thời kiến nghị chính đáng của nhân dân.")) == []


@pytest.fixture
def commune(world):
    """xã Bình An's People's Committee, which the petitions go to."""
    from danvan.organizations.tests.factories import OrganizationKindFactory

    government = OrganizationKindFactory(code="ubnd", name="Ủy ban nhân dân", category="government")
    world.committee = OrganizationFactory(unit=world.tree.cc1, name="UBND xã Bình An", kind=government)
    return world


def _read_sample(world, upload, unit=None):
    response = world.client.post(reverse("ingest:upload"), {"unit": (unit or world.tree.cc1).pk,
                                                             "files": [upload("sample.txt", SAMPLE)], "text": ""})
    assert response.status_code == 302
    return SourceDocument.objects.get(original_name="sample.txt")


def test_accepted_petitions_are_recorded_in_scope_and_linked_to_the_dialogue(commune, upload):
    world = commune
    document = _read_sample(world, upload)
    [dialogue_item] = _items(document, Kind.DIALOGUE)
    raised, reported, counted = _items(document, Kind.PETITION)
    assert counted.data["count"] == 3
    for proposed in (dialogue_item, raised, reported):
        services.decide(world.editor, proposed, Decision.ACCEPTED)
    services.decide(world.editor, counted, Decision.REJECTED)
    services.create_records_from(document, world.editor)

    dialogue = Dialogue.objects.get()
    assert (dialogue.participants, dialogue.opinions_raised, dialogue.opinions_answered) == (120, 15, 12)
    at_dialogue = Petition.objects.get(content="Sửa chữa tuyến đường liên ấp bị sạt lở")
    assert (at_dialogue.unit, at_dialogue.channel, at_dialogue.dialogue, at_dialogue.received_on.isoformat(),
            at_dialogue.assigned_to, at_dialogue.kind.name) == (
        world.tree.cc1, "dialogue", dialogue, "2025-09-20", world.committee, "Kiến nghị")
    assert at_dialogue.deadline is not None
    letter = Petition.objects.get(channel="letter")
    assert letter.dialogue is None and letter.kind.name == "Phản ánh"
    assert list(services.sources_of(at_dialogue)) == [document]
    assert Petition.objects.visible_to(world.editor).count() == 2


def test_a_petition_raised_at_the_dialogue_needs_the_dialogue(commune, upload):
    world = commune
    document = _read_sample(world, upload)
    raised = _items(document, Kind.PETITION)[0]
    services.decide(world.editor, raised, Decision.ACCEPTED)
    with pytest.raises(ValidationError, match="Kiến nghị “Sửa chữa tuyến đường liên ấp bị sạt lở”: .*đối thoại"):
        services.create_records_from(document, world.editor)
    assert not Petition.objects.exists()


def test_a_counted_petition_is_created_only_once_corrected_with_its_content(commune, upload):
    world = commune
    document = _read_sample(world, upload)
    counted = _items(document, Kind.PETITION)[2]
    services.decide(world.editor, counted, Decision.ACCEPTED)
    with pytest.raises(ValidationError, match="chỉ đếm 3"):
        services.create_records_from(document, world.editor)
    assert not Petition.objects.exists()
    response = world.client.post(reverse("ingest:item", args=[counted.pk]), {
        "decision": Decision.CORRECTED, "content": "Đề nghị cấp giấy chứng nhận quyền sử dụng đất", "channel": "front",
        "unit": world.tree.cc1.pk})
    assert response.status_code == 302
    services.create_records_from(document, world.editor)
    assert Petition.objects.get().content == "Đề nghị cấp giấy chứng nhận quyền sử dụng đất"


def test_a_petition_corrected_into_another_units_commune_is_refused_and_nothing_is_written(commune, upload):
    world = commune
    document = _read_sample(world, upload)
    [dialogue_item] = _items(document, Kind.DIALOGUE)
    reported = _items(document, Kind.PETITION)[1]
    services.decide(world.editor, dialogue_item, Decision.ACCEPTED)
    # The form offers only the editor's units: xã Đất Mũi is not a choice …
    response = world.client.post(reverse("ingest:item", args=[reported.pk]), {
        "decision": Decision.CORRECTED, "content": reported.data["content"], "channel": "letter", "unit": world.tree.cc3.pk})
    reported.refresh_from_db()
    assert response.status_code == 200 and reported.unit is None and reported.decision == Decision.PENDING
    # … and, stored some other way, it is refused on creation with the whole document's records.
    services.decide(world.editor, reported, Decision.ACCEPTED)
    ProposedItem.objects.filter(pk=reported.pk).update(unit=world.tree.cc3)
    with pytest.raises(ValidationError, match="Đất Mũi nằm ngoài các đơn vị đồng chí phụ trách; chưa tạo bản ghi nào"):
        services.create_records_from(document, world.editor)
    assert not Petition.objects.exists() and not Dialogue.objects.exists() and not SourceLink.objects.exists()


def test_the_dialogues_correction_takes_date_kind_and_figures(commune, upload):
    world = commune
    document = _read_sample(world, upload)
    [dialogue_item] = _items(document, Kind.DIALOGUE)
    form = world.client.get(reverse("ingest:item", args=[dialogue_item.pk])).content.decode()
    assert 'name="participants"' in form and 'value="120"' in form and 'name="dialogue_kind"' in form
    response = world.client.post(reverse("ingest:item", args=[dialogue_item.pk]), {
        "decision": Decision.CORRECTED, "name": dialogue_item.data["name"], "unit": world.tree.cc1.pk,
        "organization": world.party.pk, "date": "2025-09-19", "dialogue_kind": "thematic",
        "participants": "130", "opinions_raised": "16", "opinions_answered": "16"})
    assert response.status_code == 302
    services.create_records_from(document, world.editor)
    dialogue = Dialogue.objects.get()
    assert (dialogue.date.isoformat(), dialogue.kind, dialogue.participants, dialogue.opinions_raised,
            dialogue.opinions_answered) == ("2025-09-19", "thematic", 130, 16, 16)


@pytest.mark.parametrize("figures, field", [
    ({"participants": "-5"}, "số lượt người tham dự"),
    ({"participants": "5000000"}, "số lượt người tham dự"),
    ({"opinions_raised": "10", "opinions_answered": "12"}, "số ý kiến được trả lời tại chỗ"),
])
def test_out_of_range_figures_are_refused_naming_the_field(commune, upload, figures, field):
    world = commune
    document = _read_sample(world, upload)
    [dialogue_item] = _items(document, Kind.DIALOGUE)
    response = world.client.post(reverse("ingest:item", args=[dialogue_item.pk]), {
        "decision": Decision.CORRECTED, "name": dialogue_item.data["name"], "unit": world.tree.cc1.pk, **figures})
    assert response.status_code == 200 and field.casefold() in response.content.decode().casefold()
    dialogue_item.refresh_from_db()
    assert dialogue_item.decision == Decision.PENDING and dialogue_item.corrected is None
    # Past the form, the service refuses the same numbers, naming the item and the field.
    with pytest.raises(ValidationError, match=field):
        services.decide(world.editor, dialogue_item, Decision.CORRECTED, corrected={**dialogue_item.data, **figures})
    dialogue_item.refresh_from_db()
    assert dialogue_item.decision == Decision.PENDING and not Dialogue.objects.exists()
