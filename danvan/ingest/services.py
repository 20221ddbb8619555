"""Every change to the review queue: upload, read, decide, create records. Each in a transaction.

A file is checked on upload (type, size) and read on its own: a bad file is
reported by name and leaves nothing behind, the others go through. Records are
created only from items an editor accepted, all of one document in one
transaction, and every one of them is linked back to its source document.
"""

import datetime
import logging

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from danvan.core.choices import Level, Role
from danvan.core.scoping import Scope, unit_reach
from danvan.core.services import ensure_in_scope, require_role, save_record
from danvan.core.text import fold, normalize
from danvan.core.uploads import FileCheck
from danvan.directives.models import Directive
from danvan.engagement import services as engagement_services
from danvan.engagement.choices import Channel, DialogueKind
from danvan.engagement.models import MAX_OPINIONS, MAX_PEOPLE, Dialogue, HotCase, Petition, PetitionField, PetitionKind
from danvan.ingest.extraction import ReadError, extract_with_spans, read_document
from danvan.ingest.extraction.engagement import find_dialogues, find_hot_cases, find_petitions
from danvan.ingest.models import Batch, ProposedItem, SourceDocument, SourceLink
from danvan.ingest.workflow import DOCUMENT_FLOW
from danvan.movement.choices import HolderKind, InitiativeKind
from danvan.movement.models import Initiative, Phase
from danvan.movement.services import register_initiative

log = logging.getLogger("danvan.ingest")

MAX_UPLOAD_MEGABYTES = 10
UPLOAD_CHECK = FileCheck(kinds=("text", "office", "pdf", "image"), max_megabytes=MAX_UPLOAD_MEGABYTES)
# More files than this in one upload are read in the background, with a progress bar.
BACKGROUND_FROM = 6
# A PDF or a photo may be a scan, read by OCR for seconds a page: always in the background, page by page.
OCR_SUFFIXES = (".pdf", ".png", ".jpg", ".jpeg", ".gif", ".webp")
# Files whose reader words a broken file more precisely than the upload check does.
READER_MESSAGE_SUFFIXES = (".docx", ".pdf")
MAX_PASTED_CHARACTERS = 500_000

Kind = ProposedItem.Kind
Decision = ProposedItem.Decision
Status = SourceDocument.Status

# The extraction's lists that become items to review, in the order they are shown.
ITEM_FIELDS = [
    ("people", Kind.PERSON),
    ("units", Kind.UNIT),
    ("organizations", Kind.ORGANIZATION),
    ("documents", Kind.DOCUMENT),
    ("initiatives", Kind.INITIATIVE),
]

# Read beside the danvan.extract/1 object (whose keys the contract fixes), from the same normalised text.
# Dialogues first: a petition raised at one is created after it, and linked to it.
ENGAGEMENT_FINDERS = [(find_dialogues, Kind.DIALOGUE), (find_hot_cases, Kind.HOT_CASE), (find_petitions, Kind.PETITION)]

UNIT_WORD_LEVEL = {
    "tỉnh": Level.PROVINCE, "thành phố": None, "huyện": Level.DISTRICT, "quận": Level.DISTRICT,
    "thị xã": Level.DISTRICT, "xã": Level.COMMUNE, "phường": Level.COMMUNE, "thị trấn": Level.COMMUNE,
    "đặc khu": Level.COMMUNE, "ấp": Level.HAMLET, "thôn": Level.HAMLET, "xóm": Level.HAMLET,
    "khóm": Level.HAMLET, "bản": Level.HAMLET, "tổ dân phố": Level.HAMLET, "khu phố": Level.HAMLET,
}


# ---------------------------------------------------------------- upload


def check_upload(upload):
    """Raise ValidationError with a message for the user when ``upload`` cannot be taken."""
    if not upload.size:
        raise ValidationError(_("The file is empty."), code="empty")
    try:
        UPLOAD_CHECK(upload)
    except ValidationError as error:
        # A broken .docx or PDF gets the reader's own, more precise message.
        if error.code != "bad_content" or not (upload.name or "").lower().endswith(READER_MESSAGE_SUFFIXES):
            raise


def start_upload(user, unit, files=(), texts=(), background=None):
    """Take the files and pasted texts of one upload; read them now or in the background.

    Returns the ``Batch``. A file refused on upload is listed in ``batch.rejected``
    and nothing of it is kept; the others are stored and read.
    """
    require_role(user, Role.EDITOR)
    if unit is None or not Scope.for_user(user).contains(unit):
        raise ValidationError(_("This record would be outside the units you work on."))
    texts = [text for text in texts if text and text.strip()]
    if not files and not texts:
        raise ValidationError(_("Choose at least one file or paste a text."))
    with transaction.atomic():
        batch = Batch.objects.create(unit=unit, created_by=user)
    rejected, queued, scans = [], 0, False
    for upload in files:
        name = (upload.name or "").rsplit("/", 1)[-1][:255]
        try:
            check_upload(upload)
        except ValidationError as error:
            rejected.append({"name": name, "error": " ".join(error.messages)})
            continue
        with transaction.atomic():
            SourceDocument.objects.create(unit=unit, batch=batch, uploaded_by=user, original_name=name, file=upload)
        queued += 1
        scans = scans or name.lower().endswith(OCR_SUFFIXES)
    for number, text in enumerate(texts, start=1):
        if len(text) > MAX_PASTED_CHARACTERS:
            rejected.append({
                "name": _("Pasted text %(number)s") % {"number": number},
                "error": _("The text is too long (at most %(count)s characters).") % {"count": f"{MAX_PASTED_CHARACTERS:,}".replace(",", ".")},
            })
            continue
        with transaction.atomic():
            SourceDocument.objects.create(
                unit=unit, batch=batch, uploaded_by=user,
                original_name=_("Pasted text %(number)s") % {"number": number}, pasted_text=text,
            )
        queued += 1
    if background is None:
        background = queued >= BACKGROUND_FROM or scans
    Batch.objects.filter(pk=batch.pk).update(total=queued, rejected=rejected, in_background=background)
    batch.refresh_from_db()
    if background and queued:
        from danvan.ingest.tasks import process_batch_task

        transaction.on_commit(lambda: process_batch_task.enqueue(batch.pk))
    else:
        process_batch(batch.pk)
        batch.refresh_from_db()
    return batch


def process_batch(batch_id):
    """Read every waiting document of the batch, one at a time, counting progress.

    Every file beats the batch's heartbeat (``updated_at``). A batch found dead and
    stopped meanwhile (``fail_stalled_batches``) is not touched again by this reader:
    it waits for a person's retry.
    """
    Batch.objects.filter(pk=batch_id, status=Batch.Status.QUEUED).update(
        status=Batch.Status.RUNNING, updated_at=timezone.now()
    )
    batch = Batch.objects.get(pk=batch_id)
    running = Batch.objects.filter(pk=batch_id, status=Batch.Status.RUNNING)
    for document in batch.documents.filter(status=Status.UPLOADED).order_by("pk"):
        if not running.update(updated_at=timezone.now()):
            break
        error = None
        try:
            extract_document(document)
        except ReadError as problem:
            error = str(problem)
        except Exception:  # a reader bug must not stop the other files
            log.exception("reading document %s failed", document.pk)
            error = _("The file could not be read.")
        if error is not None:
            _discard(document, error)
        # Counted from what is left, so a reader that died between a file and its count never skews it.
        unread = batch.documents.filter(status=Status.UPLOADED).count()
        Batch.objects.filter(pk=batch_id).update(done=F("total") - unread, updated_at=timezone.now())
    running.update(status=Batch.Status.FINISHED, updated_at=timezone.now())
    batch.refresh_from_db()
    return batch


def fail_stalled_batches(batch=None):
    """Stop every batch (or just ``batch``) left "running" with no file read for ``INGEST_STALLED_MINUTES``.

    A reader that died (server stopped, worker killed) leaves its batch running for
    ever; this marks it failed with the reason, for a person to retry. Called when a
    worker starts or takes a batch, and when a batch's page is opened. Returns how many.
    """
    cutoff = timezone.now() - datetime.timedelta(minutes=settings.INGEST_STALLED_MINUTES)
    stalled = Batch.objects.filter(status=Batch.Status.RUNNING, updated_at__lt=cutoff)
    if batch is not None:
        stalled = stalled.filter(pk=batch.pk)
    with translation.override(settings.LANGUAGE_CODE):
        reason = _(
            "Reading stopped before every file was read (the server or the background worker was interrupted). "
            "Press “Retry” to read the remaining files."
        )
    stopped = set(stalled.values_list("pk", flat=True))
    if not stopped:
        return 0
    count = Batch.objects.filter(pk__in=stopped, status=Batch.Status.RUNNING, updated_at__lt=cutoff).update(
        status=Batch.Status.FAILED, failure=reason, updated_at=timezone.now()
    )
    _fail_orphan_tasks(stopped, reason)
    return count


def _fail_orphan_tasks(batch_ids, reason):
    """The queue's own record of a dead reader's task stays "running" too; it is closed as failed."""
    from django_tasks_db.models import DBTaskResult

    from danvan.ingest.tasks import process_batch_task

    for result in DBTaskResult.objects.running().filter(task_path=process_batch_task.module_path):
        if (result.args_kwargs.get("args") or [None])[0] in batch_ids:
            result.set_failed(RuntimeError(reason))


@transaction.atomic
def retry_batch(user, batch):
    """Queue a stopped batch again: its unread files are read in the background; what was read stays."""
    require_role(user, Role.EDITOR)
    ensure_in_scope(user, batch)
    batch = Batch.objects.select_for_update().get(pk=batch.pk)
    if batch.status != Batch.Status.FAILED:
        raise ValidationError(_("Only an upload whose reading stopped can be retried."))
    unread = batch.documents.filter(status=Status.UPLOADED).count()
    batch.status, batch.failure, batch.in_background = Batch.Status.QUEUED, "", True
    batch.done = batch.total - unread
    batch.save(update_fields=["status", "failure", "in_background", "done", "updated_at"])
    from danvan.ingest.tasks import process_batch_task

    transaction.on_commit(lambda: process_batch_task.enqueue(batch.pk))
    return batch


def _discard(document, error):
    """A file that could not be read: its message goes to the upload's list, nothing of it stays."""
    with transaction.atomic():
        batch = Batch.objects.select_for_update().get(pk=document.batch_id)
        batch.rejected = [*batch.rejected, {"name": document.original_name, "error": error}]
        batch.save(update_fields=["rejected"])
        stored = document.file.name if document.file else None
        document.delete()
        if stored:
            storage = document.file.storage
            transaction.on_commit(lambda: storage.delete(stored))


def _page_progress(document):
    """How the reader reports the pages it read by OCR: on the document's row, and as the batch's heartbeat."""
    def progress(done, total):
        SourceDocument.objects.filter(pk=document.pk).update(pages=total, pages_read=done)
        if document.batch_id:
            Batch.objects.filter(pk=document.batch_id, status=Batch.Status.RUNNING).update(updated_at=timezone.now())
    return progress


def read_source(document):
    """(text, title, notes) of a stored document; raises ReadError when it cannot be read."""
    if document.file:
        read = read_document(document.file.path, progress=_page_progress(document))
        return read.text, read.title, list(read.notes)
    return document.pasted_text, None, []


def extract_document(document):
    """Read ``document``, store its text and extraction, and propose one item per thing found."""
    text, title, notes = read_source(document)
    found = extract_with_spans(text, title=title)
    result, spans = found["result"], found["spans"]
    user = document.uploaded_by
    with transaction.atomic():
        # A reader presumed dead may still finish this file after a retry's reader took it: one of them writes.
        if not SourceDocument.objects.select_for_update().filter(pk=document.pk, status=Status.UPLOADED).exists():
            return document
        document.text = found["text"]
        document.extraction = {"result": result, "spans": spans}
        document.notes = notes
        document.title = (result.get("title") or document.original_name or "")[:500]
        items = []
        for field, kind in ITEM_FIELDS:
            for index, data in enumerate(result.get(field) or []):
                item = ProposedItem(document=document, kind=kind, order=len(items), data=data, spans=spans[field][index])
                _resolve(item, document, user)
                items.append(item)
        for finder, kind in ENGAGEMENT_FINDERS:
            for data, item_spans in finder(document.text):
                items.append(ProposedItem(document=document, kind=kind, order=len(items), data=data, spans=item_spans))
        ProposedItem.objects.bulk_create(items)
        DOCUMENT_FLOW.move(document, Status.EXTRACTED, user)
    return document


# ---------------------------------------------------------------- resolving names to records


def find_unit(user, level_word, name):
    """The one unit in the user's scope said as ``level_word`` ``name``; None when none or several."""
    unit_model = apps.get_model("units", "Unit")
    from danvan.units.choices import TYPE_WORDS

    word = (level_word or "").casefold()
    types = [code for code, said in TYPE_WORDS.items() if said == word]
    folded = fold(name)
    if not folded:
        return None
    units = unit_model.objects.visible_to(user).filter(search_text__contains=folded)
    if types:
        units = units.filter(type__in=types)
    matches = [unit for unit in units[:50] if fold(unit.name) == folded]
    current = [unit for unit in matches if unit.valid_to is None]
    if len(current) == 1:
        return current[0]
    return matches[0] if len(matches) == 1 else None


def _organizations_near(user, document):
    organization_model = apps.get_model("organizations", "Organization")
    # A current unit's reach covers the legacy units that became part of it: today's Cà Mau reads about xã Hiệp Tùng.
    return organization_model.objects.visible_to(user).filter(unit__in=unit_reach(document.unit).values("pk")).select_related("unit")


def find_organization(user, document, name):
    """The organisation in the document's unit subtree whose name is ``name``, starts with it, or, failing
    that, ends with it (reports shorten "Ban công tác Mặt trận ấp Kinh Mới" to "Mặt trận ấp Kinh Mới")."""
    folded = fold(name)
    if not folded:
        return None
    near = [(org, fold(org.name)) for org in _organizations_near(user, document).filter(search_text__contains=folded)[:50]]
    found = [org for org, org_name in near if org_name.startswith(folded)] or [
        org for org, org_name in near if org_name.endswith(" " + folded)]
    exact = [org for org in found if fold(org.name) == folded]
    if len(exact) == 1:
        return exact[0]
    on_unit = [org for org in found if org.unit_id == document.unit_id]
    if len(on_unit) == 1:
        return on_unit[0]
    return found[0] if len(found) == 1 else None


def organization_for_title(user, document, title):
    """The organisation a title names: "Trưởng Ban Dân vận Huyện ủy" → "Ban Dân vận Huyện ủy Năm Căn"."""
    words = fold(title).split()
    for start in range(len(words) - 1):
        tail = " ".join(words[start:])
        if len(words) - start < 2:
            break
        organization = find_organization(user, document, tail)
        if organization is not None:
            return organization
    return None


def _resolve(item, document, user):
    """Propose the existing record an item most likely means, for the editor to confirm or change."""
    if user is None:
        return
    data = item.data
    if item.kind == Kind.UNIT:
        item.unit = find_unit(user, data.get("level"), data.get("name"))
    elif item.kind == Kind.ORGANIZATION:
        item.organization = find_organization(user, document, data.get("name"))
    elif item.kind == Kind.INITIATIVE and data.get("owner"):
        item.organization = find_organization(user, document, data["owner"])
    elif item.kind == Kind.PERSON:
        for title in reversed(data.get("titles") or []):
            item.organization = organization_for_title(user, document, title)
            if item.organization is not None:
                break


# ---------------------------------------------------------------- review


def _check_open(user, item):
    require_role(user, Role.EDITOR)
    ensure_in_scope(user, item)
    if item.record_id is not None or item.outcome:
        raise ValidationError(_("A record has already been created from this item."))


@transaction.atomic
def decide(user, item, decision, corrected=None, organization=None, unit=None):
    """Accept, correct or reject one item; a correction replaces what was read."""
    _check_open(user, item)
    if decision not in (Decision.ACCEPTED, Decision.CORRECTED, Decision.REJECTED):
        raise ValidationError(_("Choose accept, correct or reject."))
    item.decision = decision
    if decision == Decision.CORRECTED and item.kind == Kind.DIALOGUE:
        dialogue_figures(item, corrected or {})  # refused here, before anything is stored
    if decision == Decision.CORRECTED:
        item.corrected = corrected or {}
        item.organization = organization
        item.unit = unit
    item.decided_by = user
    item.decided_at = timezone.now()
    save_record(user, item)
    document = item.document
    if document.status == Status.EXTRACTED and not document.items.filter(decision=Decision.PENDING).exists():
        DOCUMENT_FLOW.move(document, Status.REVIEWED, user)
    return item


# ---------------------------------------------------------------- creating records


class Waiting(Exception):
    """The module that keeps this kind of record is not ready; the item stays accepted."""


def _link(document, item, record, created):
    content_type = ContentType.objects.get_for_model(record)
    SourceLink.objects.get_or_create(
        document=document, content_type=content_type, object_id=record.pk, defaults={"item": item, "created": created}
    )


def _document_date(document):
    """The portal's publication date, else the first date an activity took place."""
    result = document.extraction.get("result") or {}
    for stamp in [result.get("published_at"), *(result.get("event_dates") or [])]:
        try:
            return datetime.date.fromisoformat(stamp[:10])
        except (TypeError, ValueError):
            continue
    return None


def _create_person(user, document, item):
    person_model = apps.get_model("people", "Person")
    position_model = apps.get_model("people", "Position")
    values = item.values
    name = normalize(values.get("name"))
    if not name:
        raise ValidationError(_("“%(item)s”: the name is empty.") % {"item": item.label})
    titles = [normalize(t) for t in (values.get("titles") or []) if normalize(t)]
    organization = item.organization
    unit = item.unit or (organization.unit if organization else document.unit)
    existing = [p for p in person_model.objects.visible_to(user).filter(unit=unit, search_text=fold(name))
                if normalize(p.full_name) == name]
    created = not existing
    person = existing[0] if existing else person_model(full_name=name, unit=unit)
    if organization is None and titles:
        note = _("Title in the source document: %(titles)s") % {"titles": "; ".join(titles)}
        person.note = f"{person.note}\n{note}".strip() if person.note else note
    if created or organization is None:
        save_record(user, person)
    links = [(person, created)]
    if organization is not None:
        title = _title_for(titles, organization) or (titles[-1] if titles else "")
        if not title:
            raise ValidationError(_("“%(item)s”: give the title held in %(organization)s.") % {"item": item.label, "organization": organization})
        position = position_model.objects.filter(person=person, organization=organization, title=title).first()
        if position is None:
            position = save_record(user, position_model(person=person, organization=organization, title=title, valid_from=_document_date(document)))
            links.append((position, True))
        else:
            links.append((position, False))
    outcome = _("Person created") if created else _("Existing person linked")
    return links, outcome


def _title_for(titles, organization):
    """Of the titles read, the one that names ``organization``."""
    folded_org = fold(organization.name)
    for title in reversed(titles):
        words = fold(title).split()
        if any(folded_org.startswith(" ".join(words[i:])) for i in range(len(words) - 1)):
            return title
    return None


def _create_unit_link(user, document, item):
    if item.unit is None:
        raise ValidationError(
            _("“%(item)s” was not found among your units: correct it (choose the unit) or reject it.") % {"item": item.label}
        )
    if not Scope.for_user(user).contains(item.unit):
        raise ValidationError(_("This record would be outside the units you work on."))
    return [(item.unit, False)], _("Linked to the unit")


def _create_organization_link(user, document, item):
    if item.organization is None:
        raise ValidationError(
            _("“%(item)s” was not found among your organisations: correct it (choose the organisation) or reject it.")
            % {"item": item.label}
        )
    if not Scope.for_user(user).contains(item.organization.unit):
        raise ValidationError(_("This record would be outside the units you work on."))
    return [(item.organization, False)], _("Linked to the organisation")


def _create_directive_reference(user, document, item):
    number = (item.values.get("number") or "").strip()
    try:
        directive = Directive.objects.visible_to(user).with_symbol(number).first() if number else None
    except Exception:  # a symbol the register cannot parse is simply not in it
        directive = None
    if directive is None:
        raise Waiting(_("Kept as a reference of this document; not in the directive register."))
    return [(directive, False)], _("Linked to the directive register")


def _create_initiative(user, document, item):
    """A draft registration held by the owner organisation; the editor completes fields and details later."""
    name = normalize(item.values.get("name"))
    owner = item.organization
    if owner is None:
        raise ValidationError(
            _("Initiative “%(item)s”: choose the organisation that runs it (correct the item) or reject it.") % {"item": item.label}
        )
    existing = Initiative.objects.visible_to(user).filter(owner_organization=owner, search_text__contains=fold(name)).first()
    if existing is not None and normalize(existing.name) == name:
        return [(existing, False)], _("Existing initiative linked")
    year = (_document_date(document) or timezone.localdate()).year
    phase = Phase.objects.filter(start_year__lte=year, end_year__gte=year).first()
    if phase is None:
        raise ValidationError(_("Initiative “%(item)s”: no phase of the movement covers %(year)s.") % {"item": item.label, "year": year})
    initiative = Initiative(
        name=name, kind=InitiativeKind.MODEL, holder=HolderKind.COLLECTIVE, owner_organization=owner, unit=owner.unit,
        phase=phase, registration_year=year, description=_("Read from the document “%(document)s”.") % {"document": document},
    )
    return [(register_initiative(user, initiative), True)], _("Draft registration created")


def _engagement_unit(user, document, item):
    """Where a dialogue or a pressing matter belongs: the unit the editor chose, else the document's; within scope."""
    unit = item.unit or document.unit
    if not Scope.for_user(user).contains(unit):
        raise ValidationError(_("“%(item)s”: %(unit)s is outside the units you work on; nothing was created.")
                              % {"item": item.label, "unit": unit})
    return unit


def _leader_on(unit, title, day):
    """The person holding ``title`` (as the text gives it, "Bí thư Đảng ủy") in an organisation of ``unit`` that day."""
    positions = apps.get_model("people", "Position").objects.filter(organization__unit=unit, title__istartswith=title)
    return positions.valid_at(day).select_related("person", "organization").order_by("pk").first()


def _whole(item, values, name, limit):
    """A count of the dialogue read or corrected: None when not given, else a whole number from 0 to ``limit``."""
    value = values.get(name)
    if value in (None, ""):
        return None
    label = Dialogue._meta.get_field(name).verbose_name
    if isinstance(value, bool) or not isinstance(value, (int, str)) or not str(value).strip().isdigit() or int(value) > limit:
        raise ValidationError(_("Dialogue “%(item)s”: “%(field)s” must be a whole number from 0 to %(limit)s.")
                              % {"item": item.label, "field": label, "limit": f"{limit:,}".replace(",", ".")})
    return int(value)


def dialogue_figures(item, values):
    """(kind, date, participants, raised, answered) of a dialogue item's values, each checked: a Vietnamese
    message naming the item and the field for a kind not offered, a bad or future date, a count out of range,
    or more opinions answered on the spot than raised."""
    kind = values.get("kind") or ""
    if kind and kind not in DialogueKind.values:
        raise ValidationError(_("Dialogue “%(item)s”: “%(field)s” is not one of the kinds offered.")
                              % {"item": item.label, "field": Dialogue._meta.get_field("kind").verbose_name})
    day = values.get("date")
    if day:
        try:
            day = datetime.date.fromisoformat(str(day)[:10])
        except ValueError:
            day = None
            bad = True
        else:
            bad = day > timezone.localdate()
        if bad:
            raise ValidationError(_("Dialogue “%(item)s”: “%(field)s” must be a day that has passed.")
                                  % {"item": item.label, "field": Dialogue._meta.get_field("date").verbose_name})
    participants = _whole(item, values, "participants", MAX_PEOPLE)
    raised = _whole(item, values, "opinions_raised", MAX_OPINIONS)
    answered = _whole(item, values, "opinions_answered", MAX_OPINIONS)
    if raised is not None and answered is not None and answered > raised:
        raise ValidationError(_("Dialogue “%(item)s”: “%(answered)s” (%(count)s) cannot be more than “%(raised)s” (%(total)s).")
                              % {"item": item.label, "answered": Dialogue._meta.get_field("opinions_answered").verbose_name,
                                 "raised": Dialogue._meta.get_field("opinions_raised").verbose_name,
                                 "count": answered, "total": raised})
    return kind or None, day or None, participants, raised, answered


def _create_dialogue(user, document, item):
    """The dialogue the text reports, dated by the text or the editor, else by the document (the text rarely gives
    the day), chaired by whoever held the title it names at that unit then; its kind, participants and opinions as
    read or corrected. A text that gives only the opinions answered on the spot records as many raised: the least
    it says."""
    kind, day, participants, raised, answered = dialogue_figures(item, item.values)
    unit, day = _engagement_unit(user, document, item), day or _document_date(document) or timezone.localdate()
    chair = normalize(item.values.get("chair"))
    position = _leader_on(unit, chair, day) if chair else None
    if position is None:
        raise ValidationError(_("Dialogue “%(item)s”: nobody held the title “%(title)s” at %(unit)s on %(date)s; correct the unit or reject the item.")
                              % {"item": item.label, "title": chair, "unit": unit, "date": day.strftime("%d/%m/%Y")})
    existing = Dialogue.objects.visible_to(user).filter(unit=unit, chair=position.person, date__year=day.year).first()
    if existing is not None:
        return [(existing, False)], _("Existing dialogue linked")
    organization = item.organization or position.organization
    if raised is None:
        raised = answered
    dialogue = Dialogue(kind=kind or DialogueKind.PERIODIC, unit=unit, chair=position.person, date=day,
                        participants=participants or 0, opinions_raised=raised or 0, opinions_answered=answered or 0,
                        summary=_("Read from the document “%(document)s”.") % {"document": document})
    return [(engagement_services.record_dialogue(user, dialogue, organizations=[organization]), True)], _("Dialogue recorded")


def _named(item, error):
    """An engagement service's refusal, each message prefixed with the item it concerns."""
    return ValidationError([_("Petition “%(item)s”: %(message)s") % {"item": item.label, "message": message}
                            for message in error.messages])


def _dialogue_of(user, document, unit):
    """The dialogue created or linked from this same document that the petition's unit belongs to, if any."""
    ids = document.items.filter(kind=Kind.DIALOGUE, record_id__isnull=False).values_list("record_id", flat=True)
    for dialogue in Dialogue.objects.visible_to(user).filter(pk__in=list(ids)).select_related("unit").order_by("pk"):
        if unit_reach(dialogue.unit).filter(pk=unit.pk).exists():
            return dialogue
    return None


def _create_petition(user, document, item):
    """The petition the text reports, received on the document's date, concerning the unit chosen (else the
    document's), assigned to that unit's People's Committee, in the field "Khác" until an official sorts it; raised
    at the dialogue created from the same document when the text says so."""
    values = item.values
    content = normalize(values.get("content"))
    if not content:
        raise ValidationError(_("Petition “%(item)s”: the content is empty.") % {"item": item.label})
    if values.get("count") not in (None, ""):
        raise ValidationError(_("Petition “%(item)s”: the document only counts %(count)s petitions without saying what they ask; "
                                "correct the item with the content of one of them, or reject it.")
                              % {"item": item.label, "count": values.get("count")})
    unit = _engagement_unit(user, document, item)
    day = _document_date(document) or timezone.localdate()
    channel = values.get("channel") if values.get("channel") in Channel.values else Channel.LETTER
    dialogue = None
    if channel == Channel.DIALOGUE:
        dialogue = _dialogue_of(user, document, unit)
        if dialogue is None:
            raise ValidationError(_("Petition “%(item)s”: it was raised at a dialogue, and no dialogue of %(unit)s was recorded from "
                                    "this document; accept the dialogue too, or correct the channel.") % {"item": item.label, "unit": unit})
    existing = Petition.objects.visible_to(user).filter(unit=unit, received_on=day, content=content).first()
    if existing is not None:
        return [(existing, False)], _("Existing petition linked")
    kind = PetitionKind.objects.filter(name=values.get("kind") or "", own_law=False).first() or engagement_services.online_kind()
    field = PetitionField.objects.filter(name="Khác").first() or PetitionField.objects.order_by("order", "pk").first()
    body = engagement_services.receiving_body(unit, day)
    if kind is None or field is None:
        raise ValidationError(_("Petition “%(item)s”: the catalogues of petition kinds and fields are empty; an administrator fills them first.")
                              % {"item": item.label})
    if body is None:
        raise ValidationError(_("Petition “%(item)s”: %(unit)s has no People's Committee recorded to handle it; record it first or reject the item.")
                              % {"item": item.label, "unit": unit})
    petition = Petition(unit=unit, channel=channel, dialogue=dialogue, kind=kind, field=field, content=content,
                        received_on=day, assigned_to=body)
    try:
        engagement_services.record_petition(user, petition)
    except ValidationError as error:
        raise _named(item, error) from error
    return [(petition, True)], _("Petition recorded")


def _create_hot_case(user, document, item):
    """The pressing matter, led by the head of the unit's Party committee, settled when the text says so."""
    name = normalize(item.values.get("name"))
    unit, day = _engagement_unit(user, document, item), _document_date(document) or timezone.localdate()
    existing = HotCase.objects.visible_to(user).filter(unit=unit, name__iexact=name).first()
    if existing is not None:
        return [(existing, False)], _("Existing hot case linked")
    position = _leader_on(unit, "Bí thư", day)
    if position is None:
        raise ValidationError(_("Pressing matter “%(item)s”: no secretary of a Party committee of %(unit)s is recorded to lead it; record the leaders first or reject the item.")
                              % {"item": item.label, "unit": unit})
    case = engagement_services.record_case(user, HotCase(
        unit=unit, name=name, leader=position.person, opened_on=day,
        description=_("Read from the document “%(document)s”.") % {"document": document}))
    if item.values.get("settled"):
        engagement_services.settle_case(user, case, _("Settled, as the document “%(document)s” reports.") % {"document": document}, on=day)
    return [(case, True)], _("Hot case recorded")


CREATORS = {
    Kind.PERSON: _create_person,
    Kind.UNIT: _create_unit_link,
    Kind.ORGANIZATION: _create_organization_link,
    Kind.DOCUMENT: _create_directive_reference,
    Kind.INITIATIVE: _create_initiative,
    Kind.DIALOGUE: _create_dialogue,
    Kind.HOT_CASE: _create_hot_case,
    Kind.PETITION: _create_petition,
}


@transaction.atomic
def create_records_from(document, user):
    """Create the records of every accepted item of ``document``, all or nothing.

    Returns the items handled. Each record created or linked gets a ``SourceLink``
    back to the document; an item whose module is not ready keeps its decision
    and says so in its outcome.
    """
    require_role(user, Role.EDITOR)
    ensure_in_scope(user, document)
    document = SourceDocument.objects.select_for_update().get(pk=document.pk)
    if document.status not in (Status.EXTRACTED, Status.REVIEWED, Status.CREATED):
        raise ValidationError(_("This document has not been read yet."))
    items = list(
        document.items.filter(decision__in=[Decision.ACCEPTED, Decision.CORRECTED], record_id__isnull=True, outcome="")
        .select_related("organization__unit", "unit")
    )
    if not items:
        raise ValidationError(_("No item has been accepted; nothing was created."))
    for item in items:
        try:
            links, outcome = CREATORS[item.kind](user, document, item)
        except Waiting as waiting:
            item.outcome = str(waiting)[:300]
            item.save(update_fields=["outcome"])
            continue
        for record, created in links:
            _link(document, item, record, created)
        record = links[0][0]
        item.record_type = ContentType.objects.get_for_model(record)
        item.record_id = record.pk
        item.outcome = outcome
        item.save(update_fields=["record_type", "record_id", "outcome"])
    if document.status != Status.CREATED:
        DOCUMENT_FLOW.move(document, Status.CREATED, user)
    return items


def records_from(document):
    """The source links of ``document`` with their records, for display."""
    return list(document.links.select_related("content_type").order_by("pk"))


def sources_of(record):
    """The source documents a record was created or linked from."""
    content_type = ContentType.objects.get_for_model(record)
    return SourceDocument.objects.filter(links__content_type=content_type, links__object_id=record.pk).distinct()
