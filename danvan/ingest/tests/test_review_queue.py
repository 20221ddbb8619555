"""The review queue in the web UI: upload, highlights, decisions, records, scoping, background work."""

import html
import io
import re
from pathlib import Path

import docx
import pytest
from django.conf import settings
from django.core.management import call_command
from django.db.models.signals import post_save
from django.urls import reverse
from django.utils.translation import gettext, override

from danvan.core.choices import Role
from danvan.ingest import services
from danvan.ingest.models import Batch, ProposedItem, SourceDocument, SourceLink
from danvan.ingest.tests.factories import SAMPLE
from danvan.organizations.tests.factories import OrganizationFactory, OrganizationKindFactory
from danvan.movement.choices import Status as InitiativeStatus
from danvan.movement.models import Initiative
from danvan.people.models import Person, Position

pytestmark = pytest.mark.django_db

Kind, Decision = ProposedItem.Kind, ProposedItem.Decision


@pytest.fixture
def world(tree, make_user, login):
    """xã Bình An (cc1) with its Hội Nông dân; an editor there, and one of Đất Mũi in another province."""
    farmers = OrganizationFactory(unit=tree.cc1, name="Hội Nông dân xã Bình An")
    front = OrganizationFactory(
        unit=tree.cc1, name="Ủy ban MTTQ Việt Nam xã Bình An",
        kind=OrganizationKindFactory(code="ubmttq", name="Ủy ban MTTQ Việt Nam", category="front"),
    )
    editor = make_user(tree.cc1, role=Role.EDITOR)
    outsider = make_user(tree.cc3, role=Role.EDITOR)
    return type("World", (), {
        "tree": tree, "farmers": farmers, "front": front, "editor": editor, "client": login(editor),
        "outsider": login(outsider), "viewer": login(make_user(tree.cc1, role=Role.VIEWER)),
    })


def post_upload(client, unit, files=(), text=""):
    return client.post(reverse("ingest:upload"), {"unit": unit.pk, "files": list(files), "text": text})


def read_sample(world, upload):
    response = post_upload(world.client, world.tree.cc1, [upload("hoi-nghi.txt", SAMPLE)])
    assert response.status_code == 302
    return SourceDocument.objects.get(original_name="hoi-nghi.txt")


def item(document, kind, name_part=""):
    return next(i for i in document.items.all() if i.kind == kind and name_part in i.label)


def cp1258(text):
    """Windows-1258 as old Vietnamese Windows writes it: base letters and combining tone marks."""
    from danvan.ingest.tests.test_extraction_input import _windows_1258

    return _windows_1258(text)


def docx_bytes(*paragraphs):
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------- upload


def test_several_files_at_once_one_bad_is_reported_the_others_are_read(world, upload):
    files = [
        upload("bao-cao.txt", SAMPLE),
        upload("anh.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50),
        upload("tin.docx", docx_bytes(*SAMPLE.splitlines())),
    ]
    response = post_upload(world.client, world.tree.cc1, files, text="Đồng chí Trần Văn Ba, Bí thư Đảng ủy xã Bình An, dự họp.")
    batch = Batch.objects.get()
    assert response["Location"] == reverse("ingest:batch", args=[batch.pk])
    assert not batch.in_background and batch.is_finished and batch.done == batch.total == 3
    assert [bad["name"] for bad in batch.rejected] == ["anh.png"]
    assert SourceDocument.objects.count() == 3
    assert set(SourceDocument.objects.values_list("status", flat=True)) == {"extracted"}
    assert {"bao-cao.txt", "tin.docx"} < set(SourceDocument.objects.values_list("original_name", flat=True))
    page = world.client.get(response["Location"]).content.decode()
    assert "anh.png" in page and "bao-cao.txt" in page
    docx_document = SourceDocument.objects.get(original_name="tin.docx")
    assert {i.label for i in docx_document.items.filter(kind=Kind.PERSON)} >= {"Nguyễn Văn Tám, Chủ tịch Hội Nông dân xã Bình An"}
    # The original file is kept and served to the unit's users only.
    download = world.client.get(reverse("ingest:document-file", args=[docx_document.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"PK")
    assert "attachment" in download["Content-Disposition"]


def test_upload_page_shows_the_form_and_an_empty_upload_is_refused(world):
    page = world.client.get(reverse("ingest:upload"))
    assert page.status_code == 200 and 'type="file"' in page.content.decode() and "multiple" in page.content.decode()
    response = post_upload(world.client, world.tree.cc1)
    assert response.status_code == 200
    assert not Batch.objects.exists() and not SourceDocument.objects.exists()


def test_a_legacy_commune_editor_uploads_into_his_own_commune(world, upload, make_user, login):
    """``hieptung`` of the demo: his unit is a commune of before 7/2025, and the form opens on it."""
    client = login(make_user(world.tree.lc1, role=Role.EDITOR))
    page = client.get(reverse("ingest:upload")).content.decode()
    assert f'name="unit" value="{world.tree.lc1.pk}"' in page and "xã Minh Hòa (trước 01/07/2025)" in page
    response = post_upload(client, world.tree.lc1, [upload("bao-cao.txt", SAMPLE)])
    assert response.status_code == 302
    assert SourceDocument.objects.get().unit == world.tree.lc1


def test_a_viewer_cannot_upload(world, upload):
    assert world.viewer.get(reverse("ingest:upload")).status_code == 403
    assert post_upload(world.viewer, world.tree.cc1, [upload("a.txt", SAMPLE)]).status_code == 403
    assert not SourceDocument.objects.exists()


def test_an_editor_cannot_upload_into_a_unit_outside_their_scope(world, upload):
    response = post_upload(world.client, world.tree.cc3, [upload("a.txt", SAMPLE)])
    assert response.status_code == 200  # the form answers: that unit is not a choice
    assert not SourceDocument.objects.exists()


# ---------------------------------------------------------------- review page


def test_the_review_page_highlights_every_item_where_it_was_read(world, upload):
    document = read_sample(world, upload)
    page = world.client.get(reverse("ingest:document", args=[document.pk])).content.decode()
    marks = re.findall(r'<a class="hl hl-(\w+) is-pending" href="#item-(\d+)" data-item="\d+"(?: id="[^"]+")? title="[^"]*">([^<]+)</a>', page)
    marks = [(kind, pk, html.unescape(text)) for kind, pk, text in marks]
    marked = {(kind, text) for kind, _, text in marks}
    assert ("person", "Nguyễn Văn Tám") in marked
    assert ("person", "Lê Thị Hoa") in marked
    assert ("unit", "ấp Mới") in marked or ("unit", "Mới") in {(k, t.split()[-1]) for k, t in marked}
    assert ("document", "25-NQ/TW") in {(k, t[-8:]) for k, t in marked}
    assert ("initiative", '"Cánh đồng mẫu lớn"') in marked
    # Each highlight is exactly the span the extractor gave, in the stored text.
    for proposed in document.items.all():
        for start, end in proposed.spans:
            assert document.text[start:end] in {text for kind, pk, text in marks if int(pk) == proposed.pk}
        assert f'id="item-{proposed.pk}"' in page
    # The titles resolved to the organisations of the commune.
    assert item(document, Kind.PERSON, "Nguyễn Văn Tám").organization == world.farmers
    assert item(document, Kind.PERSON, "Lê Thị Hoa").organization == world.front
    assert item(document, Kind.UNIT, "Mới").unit == world.tree.h1


def test_accept_correct_and_reject_each_item(world, upload):
    document = read_sample(world, upload)
    tam, hoa = item(document, Kind.PERSON, "Tám"), item(document, Kind.PERSON, "Hoa")
    unit = item(document, Kind.UNIT, "Mới")
    url = reverse("ingest:item", args=[tam.pk])

    response = world.client.post(url, {"decision": "accepted"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and 'id="item-%d"' % tam.pk in response.content.decode()
    tam.refresh_from_db()
    assert tam.decision == Decision.ACCEPTED and tam.decided_by == world.editor

    correct = world.client.get(reverse("ingest:item", args=[hoa.pk]), {"correct": 1}, HTTP_HX_REQUEST="true").content.decode()
    assert 'name="titles"' in correct and 'name="organization"' in correct
    response = world.client.post(reverse("ingest:item", args=[hoa.pk]), {
        "decision": "corrected", "name": "Lê Thị Hoà", "titles": "Phó Chủ tịch Ủy ban MTTQ Việt Nam xã Bình An",
        "organization": world.front.pk,
    })
    assert response.status_code == 302
    hoa.refresh_from_db()
    assert hoa.decision == Decision.CORRECTED and hoa.values["name"] == "Lê Thị Hoà" and hoa.data["name"] == "Lê Thị Hoa"

    world.client.post(reverse("ingest:item", args=[unit.pk]), {"decision": "rejected"})
    unit.refresh_from_db()
    assert unit.decision == Decision.REJECTED
    assert document.items.filter(decision=Decision.PENDING).count() == document.items.count() - 3
    # A correction may only choose organisations within reach.
    far = OrganizationFactory(unit=world.tree.cc3, name="Hội Nông dân xã Đất Mũi")
    response = world.client.post(reverse("ingest:item", args=[hoa.pk]), {"decision": "corrected", "name": "X", "organization": far.pk})
    assert response.status_code == 200 and "organization" in response.context["form"].errors
    hoa.refresh_from_db()
    assert hoa.values["name"] == "Lê Thị Hoà"


def test_deciding_every_item_marks_the_document_reviewed(world, upload):
    document = read_sample(world, upload)
    for proposed in document.items.all():
        world.client.post(reverse("ingest:item", args=[proposed.pk]), {"decision": "rejected"})
    document.refresh_from_db()
    assert document.status == SourceDocument.Status.REVIEWED


# ---------------------------------------------------------------- creating records


def test_create_records_creates_exactly_the_accepted_ones_linked_back(world, upload):
    document = read_sample(world, upload)
    tam, hoa = item(document, Kind.PERSON, "Tám"), item(document, Kind.PERSON, "Hoa")
    unit, directive = item(document, Kind.UNIT, "Mới"), item(document, Kind.DOCUMENT)
    services.decide(world.editor, tam, Decision.ACCEPTED)
    services.decide(world.editor, hoa, Decision.REJECTED)
    services.decide(world.editor, unit, Decision.ACCEPTED)
    services.decide(world.editor, directive, Decision.ACCEPTED)
    people_before = Person.objects.count()

    confirm = world.client.get(reverse("ingest:create-records", args=[document.pk])).content.decode()
    assert "Nguyễn Văn Tám" in confirm and "Lê Thị Hoa" not in confirm
    assert Person.objects.count() == people_before, "nothing is created before the confirmation"

    response = world.client.post(reverse("ingest:create-records", args=[document.pk]))
    assert response.status_code == 302
    assert Person.objects.count() == people_before + 1
    person = Person.objects.get(full_name="Nguyễn Văn Tám")
    position = Position.objects.get(person=person)
    assert (position.organization, position.title, person.unit) == (world.farmers, "Chủ tịch Hội Nông dân xã Bình An", world.tree.cc1)
    assert not Person.objects.filter(full_name="Lê Thị Hoa").exists()
    linked = {(link.content_type.model, link.object_id) for link in SourceLink.objects.filter(document=document)}
    assert linked == {("person", person.pk), ("position", position.pk), ("unit", world.tree.h1.pk)}
    assert list(services.sources_of(person)) == [document]
    document.refresh_from_db()
    assert document.status == SourceDocument.Status.CREATED
    directive.refresh_from_db()
    assert directive.outcome and directive.record_id is None  # kept as a reference: not in the register
    page = world.client.get(reverse("ingest:document", args=[document.pk])).content.decode()
    assert person.get_absolute_url() in page
    # Twice is once: the records are not created again.
    world.client.post(reverse("ingest:create-records", args=[document.pk]))
    assert Person.objects.count() == people_before + 1 and SourceLink.objects.count() == 3


def test_an_accepted_initiative_becomes_a_draft_registration_of_its_owner(world, upload):
    document = read_sample(world, upload)
    model = item(document, Kind.INITIATIVE, "Cánh đồng mẫu lớn")
    services.decide(world.editor, model, Decision.CORRECTED, corrected=model.data, organization=world.farmers)
    services.create_records_from(document, world.editor)
    initiative = Initiative.objects.get(name="Cánh đồng mẫu lớn")
    assert (initiative.status, initiative.owner_organization, initiative.unit) == (InitiativeStatus.DRAFT, world.farmers, world.tree.cc1)
    assert initiative.registration_year == 2025 and initiative.phase.start_year <= 2025 <= initiative.phase.end_year
    assert list(services.sources_of(initiative)) == [document]


def test_an_initiative_without_an_owner_stops_the_creation_with_its_name(world, upload):
    document = read_sample(world, upload)
    services.decide(world.editor, item(document, Kind.PERSON, "Tám"), Decision.ACCEPTED)
    services.decide(world.editor, item(document, Kind.INITIATIVE, "Cánh đồng mẫu lớn"), Decision.ACCEPTED)
    response = world.client.post(reverse("ingest:create-records", args=[document.pk]), follow=True)
    assert "Cánh đồng mẫu lớn" in response.content.decode()
    assert not Initiative.objects.exists() and not Person.objects.exists()


def test_nothing_is_created_when_nothing_is_accepted(world, upload):
    document = read_sample(world, upload)
    services.decide(world.editor, item(document, Kind.PERSON, "Tám"), Decision.REJECTED)
    response = world.client.post(reverse("ingest:create-records", args=[document.pk]), follow=True)
    assert gettext("No item has been accepted; nothing was created.") in response.content.decode()
    assert not Person.objects.exists() and not SourceLink.objects.exists()
    document.refresh_from_db()
    assert document.status == SourceDocument.Status.EXTRACTED


def test_one_item_that_cannot_be_created_writes_nothing_at_all(world, upload):
    document = read_sample(world, upload)
    services.decide(world.editor, item(document, Kind.PERSON, "Tám"), Decision.ACCEPTED)
    lost = item(document, Kind.UNIT, "Bình An")
    services.decide(world.editor, lost, Decision.CORRECTED, corrected={"level": "xã", "name": "Không Có"}, unit=None)
    response = world.client.post(reverse("ingest:create-records", args=[document.pk]), follow=True)
    assert "Không Có" in response.content.decode()
    assert not Person.objects.exists() and not SourceLink.objects.exists()
    assert not document.items.exclude(outcome="").exists()


def test_a_correction_changes_what_is_created(world, upload):
    document = read_sample(world, upload)
    hoa = item(document, Kind.PERSON, "Hoa")
    services.decide(
        world.editor, hoa, Decision.CORRECTED, corrected={"name": "Lê Thị Hoà", "titles": ["Chủ tịch Hội Nông dân xã Bình An"]},
        organization=world.farmers,
    )
    services.create_records_from(document, world.editor)
    position = Position.objects.get(person__full_name="Lê Thị Hoà")
    assert (position.organization, position.title) == (world.farmers, "Chủ tịch Hội Nông dân xã Bình An")


def test_an_existing_person_is_linked_not_duplicated(world, upload):
    existing = Person.objects.create(full_name="Nguyễn Văn Tám", unit=world.tree.cc1)
    document = read_sample(world, upload)
    services.decide(world.editor, item(document, Kind.PERSON, "Tám"), Decision.ACCEPTED)
    services.create_records_from(document, world.editor)
    assert Person.objects.filter(full_name="Nguyễn Văn Tám").count() == 1
    assert SourceLink.objects.filter(object_id=existing.pk, content_type__model="person", created=False).exists()


# ---------------------------------------------------------------- scoping


def test_an_editor_of_another_unit_can_neither_see_nor_act(world, upload):
    document = read_sample(world, upload)
    proposed = item(document, Kind.PERSON, "Tám")
    for url in (
        reverse("ingest:document", args=[document.pk]), reverse("ingest:document-file", args=[document.pk]),
        reverse("ingest:create-records", args=[document.pk]), reverse("ingest:item", args=[proposed.pk]),
        reverse("ingest:batch", args=[document.batch_id]), reverse("ingest:batch-progress", args=[document.batch_id]),
    ):
        assert world.outsider.get(url).status_code == 404, url
    assert world.outsider.post(reverse("ingest:item", args=[proposed.pk]), {"decision": "accepted"}).status_code == 404
    services.decide(world.editor, proposed, Decision.ACCEPTED)
    assert world.outsider.post(reverse("ingest:create-records", args=[document.pk])).status_code == 404
    assert not Person.objects.exists()
    listing = world.outsider.get(reverse("ingest:list")).content.decode()
    assert "Hội nghị sơ kết" not in listing
    assert "Hội nghị sơ kết" in world.client.get(reverse("ingest:list")).content.decode()


# ---------------------------------------------------------------- background


@pytest.mark.django_db(transaction=True)  # the worker commits, as in production
def test_a_bulk_upload_is_read_by_the_worker_with_progress_from_zero_to_total(world, upload, django_capture_on_commit_callbacks):
    files = [upload(f"bao-cao-{n}.txt", SAMPLE.replace("Nguyễn Văn Tám", f"Nguyễn Văn Số{n}")) for n in range(6)]
    files.append(upload("rong.txt", b""))
    with django_capture_on_commit_callbacks(execute=True):
        response = post_upload(world.client, world.tree.cc1, files)
    batch = Batch.objects.get()
    assert batch.in_background and batch.total == 6 and batch.done == 0 and batch.status == Batch.Status.QUEUED
    assert set(SourceDocument.objects.values_list("status", flat=True)) == {"uploaded"}
    progress_url = reverse("ingest:batch-progress", args=[batch.pk])
    fragment = world.client.get(progress_url, HTTP_HX_REQUEST="true").content.decode()
    assert 'value="0"' in fragment and 'max="6"' in fragment and 'hx-trigger="every 1s"' in fragment
    assert "rong.txt" in world.client.get(response["Location"]).content.decode()

    seen = []

    def watch(sender, instance, **kwargs):
        if instance.status == SourceDocument.Status.EXTRACTED:
            seen.append(Batch.objects.get(pk=batch.pk).done)

    post_save.connect(watch, sender=SourceDocument)
    try:
        call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    finally:
        post_save.disconnect(watch, sender=SourceDocument)
    assert seen == [0, 1, 2, 3, 4, 5], "each file counts once, as it is read"
    batch.refresh_from_db()
    assert (batch.done, batch.total, batch.status) == (6, 6, Batch.Status.FINISHED)
    assert set(SourceDocument.objects.values_list("status", flat=True)) == {"extracted"}
    fragment = world.client.get(progress_url, HTTP_HX_REQUEST="true").content.decode()
    assert 'value="6"' in fragment and "hx-trigger" not in fragment


# ---------------------------------------------------------------- bad input (point 7)

HTML_WITH_SCRIPTS = (
    "<html><head><title>Tin - Cổng TTĐT</title><style>body{color:red} .x{}</style>"
    "<script>var secret = 'alert(1)'; document.write('<p>xấu</p>');</script></head><body>"
    "<script src=a.js></script><noscript>Bật JavaScript</noscript><h1>Hội nghị dân vận xã Bình An</h1>"
    + "<style>p{}</style><script>track()</script>" * 200
    + "<p>Đồng chí Nguyễn Văn Tám, Chủ tịch Hội Nông dân xã Bình An, phát biểu.</p></body></html>"
)


def bad_inputs(upload):
    with override("vi"):
        return [
            (upload("rong.txt", b""), gettext("The file is empty.")),
            (upload("nhi-phan.txt", bytes(range(256)) * 40), "Không phải tệp văn bản"),
            (upload("bang-tinh.pdf", b"%PDF-1.4 ..."), "Tệp PDF bị hỏng"),
            (upload("chuong-trinh.exe", b"MZ\x90\x00"), ".docx, .gif, .htm, .html, .jpeg, .jpg, .pdf, .png, .txt, .webp"),
            (upload("hong.docx", b"this is not a zip archive at all"), "Tệp .docx không hợp lệ"),
            (upload("zip-la.docx", b"PK\x03\x04" + b"\x00" * 100), "Tệp .docx không hợp lệ"),
            (upload("qua-lon.txt", ("Dân vận khéo. " * 1_500_000).encode()), "10 MB"),
        ]


@pytest.mark.django_db(transaction=True)  # the worker commits, as in production
def test_every_bad_file_gets_its_own_message_and_the_good_ones_go_through(world, upload, django_capture_on_commit_callbacks):
    bad = bad_inputs(upload)
    good = [
        upload("tin.html", HTML_WITH_SCRIPTS),
        upload("windows-1258.txt", cp1258("Đồng chí Nguyễn Văn Tám, Chủ tịch Hội Nông dân xã Bình An.")),
        upload("utf16.txt", "Bà Lê Thị Hoa, Phó Chủ tịch Ủy ban MTTQ Việt Nam xã Bình An.".encode("utf-16")),
    ]
    before = {model: model.objects.count() for model in (Person, Position, SourceLink)}
    with django_capture_on_commit_callbacks(execute=True):
        response = post_upload(world.client, world.tree.cc1, [f for f, _ in bad] + good)
    assert response.status_code == 302
    batch = Batch.objects.get()
    assert batch.in_background, "six files that pass the upload checks are read in the background"
    with django_capture_on_commit_callbacks(execute=True):
        call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    batch.refresh_from_db()
    messages = {entry["name"]: entry["error"] for entry in batch.rejected}
    assert set(messages) == {f.name for f, _ in bad}
    for upload_file, expected in bad:
        assert expected in messages[upload_file.name], (upload_file.name, messages[upload_file.name])
    page = world.client.get(response["Location"]).content.decode()
    for upload_file, _ in bad:
        assert upload_file.name in page
    # Nothing of the bad files was kept; the good ones were read.
    assert sorted(SourceDocument.objects.values_list("original_name", flat=True)) == sorted(f.name for f in good)
    assert set(SourceDocument.objects.values_list("status", flat=True)) == {"extracted"}
    assert not ProposedItem.objects.exclude(document__original_name__in=[f.name for f in good]).exists()
    assert {model: model.objects.count() for model in before} == before
    stored = [path for path in (Path(settings.MEDIA_ROOT) / "ingest").rglob("*") if path.is_file()]
    assert len(stored) == len(good)


def test_a_web_page_full_of_scripts_is_read_as_its_text_only_and_shown_safely(world, upload):
    post_upload(world.client, world.tree.cc1, [upload("tin.html", HTML_WITH_SCRIPTS)])
    document = SourceDocument.objects.get()
    assert "secret" not in document.text and "track()" not in document.text and "color:red" not in document.text
    assert document.title == "Hội nghị dân vận xã Bình An"
    assert item(document, Kind.PERSON, "Tám")
    page = world.client.get(reverse("ingest:document", args=[document.pk])).content.decode()
    assert "<script>var secret" not in page and "track()" not in page


def test_text_in_another_encoding_is_read_with_a_note(world, upload):
    text = "Đồng chí Nguyễn Văn Tám, Chủ tịch Hội Nông dân xã Bình An, phát biểu."
    post_upload(world.client, world.tree.cc1, [upload("cu.txt", cp1258(text))])
    document = SourceDocument.objects.get()
    assert "Nguyễn Văn Tám" in document.text
    assert any("cp1258" in note for note in document.notes)
    assert "cp1258" in world.client.get(reverse("ingest:document", args=[document.pk])).content.decode()


@pytest.mark.django_db(transaction=True)  # the worker commits, as in production
def test_a_reader_failure_in_the_background_leaves_nothing_and_the_others_go_on(world, upload, django_capture_on_commit_callbacks):
    files = [upload(f"tot-{n}.txt", SAMPLE) for n in range(5)] + [upload("nhi-phan.txt", b"\x00\x01\x02" * 100)]
    with django_capture_on_commit_callbacks(execute=True):
        post_upload(world.client, world.tree.cc1, files)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    batch = Batch.objects.get()
    assert (batch.done, batch.total) == (6, 6)
    assert [entry["name"] for entry in batch.rejected] == ["nhi-phan.txt"]
    assert "Không phải tệp văn bản" in batch.rejected[0]["error"]
    assert SourceDocument.objects.count() == 5 and not SourceDocument.objects.filter(original_name="nhi-phan.txt").exists()


def test_a_current_provinces_reader_finds_the_organisations_of_its_legacy_communes(world, make_user):
    """``camau`` of the demo: today's province reads about "UBND xã Hiệp Tùng", a commune of before 7/2025."""
    from danvan.ingest.services import find_organization

    committee = OrganizationFactory(unit=world.tree.lc1, name="UBND xã Minh Hòa")
    province_editor = make_user(world.tree.cp, role=Role.EDITOR)
    document = SourceDocument.objects.create(unit=world.tree.cp, uploaded_by=province_editor, title="Báo cáo")
    assert find_organization(province_editor, document, "UBND xã Minh Hòa") == committee


def test_a_proposed_model_is_given_its_organisation_on_the_page_and_becomes_a_draft(world, upload):
    document = read_sample(world, upload)
    model = item(document, Kind.INITIATIVE, "Cánh đồng mẫu lớn")
    correct = world.client.get(reverse("ingest:item", args=[model.pk]), {"correct": 1}, HTTP_HX_REQUEST="true").content.decode()
    assert 'name="organization"' in correct and "---------" not in correct and "— chưa chọn —" in correct
    response = world.client.post(reverse("ingest:item", args=[model.pk]), {
        "decision": "corrected", "name": "Cánh đồng mẫu lớn", "owner": "Hội Nông dân", "organization": world.farmers.pk,
    })
    assert response.status_code == 302
    for other in document.items.filter(decision=Decision.PENDING):
        services.decide(world.editor, other, Decision.REJECTED)
    world.client.post(reverse("ingest:create-records", args=[document.pk]))
    assert Initiative.objects.get(name="Cánh đồng mẫu lớn").owner_organization == world.farmers


def test_a_shortened_organisation_name_finds_the_full_one(world, make_user):
    """Reports write "Mặt trận ấp Kinh Mới" for "Ban công tác Mặt trận ấp Kinh Mới"; "Mặt trận" alone names nothing."""
    from danvan.ingest.services import find_organization

    team = OrganizationFactory(unit=world.tree.lh1, name="Ban công tác Mặt trận ấp Cũ")
    OrganizationFactory(unit=world.tree.lc1, name="Ủy ban Mặt trận xã Minh Hòa")
    editor = make_user(world.tree.lc1, role=Role.EDITOR)
    document = SourceDocument.objects.create(unit=world.tree.lc1, uploaded_by=editor, title="Báo cáo")
    assert find_organization(editor, document, "Mặt trận ấp Cũ") == team
    assert find_organization(editor, document, "Mặt trận") is None


def test_decisions_swapped_in_place_leave_no_pile_of_saved_messages(world, upload):
    document = read_sample(world, upload)
    world.client.get(reverse("ingest:document", args=[document.pk]))  # the upload's own message is read here
    for name in ("Tám", "Hoa"):
        world.client.post(reverse("ingest:item", args=[item(document, Kind.PERSON, name).pk]), {"decision": "accepted"},
                          HTTP_HX_REQUEST="true")
    page = world.client.get(reverse("ingest:document", args=[document.pk])).content.decode()
    assert "Đã lưu." not in page
