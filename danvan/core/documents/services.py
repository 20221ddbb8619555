"""Issuing a document: the one state change of the register. Every check comes before the number is
taken, and the number, the file and the row are written in one transaction, so a refusal consumes nothing."""

import datetime
import hashlib
import pathlib

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import OuterRef, Q, Subquery
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from danvan.core.choices import Role
from danvan.core.documents import issuers
from danvan.core.documents.models import (
    Document, DocumentCounter, DocumentFormat, DocumentType, Element, Numbering, Term,
)
from danvan.core.documents.render import CENTRED, Article, Table, render
from danvan.core.pdf import docx_to_pdfs
from danvan.core.scoping import Scope

# The terms used when the table of terms is empty: the congresses of October 2015, 2020 and 2025.
FALLBACK_TERM_STARTS = (datetime.date(2015, 10, 1), datetime.date(2020, 10, 1), datetime.date(2025, 10, 1))
# Which context entries each element's "capitals" setting applies to.
CAPITALISED = {
    Element.NATIONAL_TITLE: ("national_title",), Element.MOTTO: ("motto",), Element.SUPERIOR: ("superior",),
    Element.ISSUER: ("issuer",), Element.TYPE_NAME: ("type_name",), Element.SUMMARY: ("summary",),
    Element.AUTHORITY: ("authority", "signer_title"), Element.SIGNER: ("signer_name",),
    Element.RECIPIENT: ("recipient_name",), Element.AWARDER: ("awarder",), Element.AWARD_VERB: ("award_verb",),
    Element.CERTIFICATE_TITLE: ("certificate_title",),
}


def registered(source, key=""):
    """The document already issued for ``source`` (and ``key``: one per recipient …), if any; a correction wins."""
    content_type = ContentType.objects.get_for_model(source)
    return Document.objects.filter(source_type=content_type, source_id=source.pk, source_key=key).order_by("-pk").first()


def with_registered_symbol(queryset, key=""):
    """``queryset`` with each row's ``registered_symbol``: the symbol of the document the register issued for it
    (the latest, a correction winning), or None for a row the system never issued (recorded from paper)."""
    content_type = ContentType.objects.get_for_model(queryset.model)
    latest = Document.objects.filter(source_type=content_type, source_id=OuterRef("pk"), source_key=key).order_by("-pk")
    return queryset.annotate(registered_symbol=Subquery(latest.values("symbol")[:1]))


def period_of(document_format, issued_on):
    """The numbering period: the Party committee's term (Party, Front) or the calendar year (state)."""
    if document_format.numbering == Numbering.YEAR:
        return f"Y{issued_on.year}"
    term = Term.objects.filter(starts_on__lte=issued_on).order_by("-starts_on").first()
    starts = term.starts_on if term else max((d for d in FALLBACK_TERM_STARTS if d <= issued_on), default=FALLBACK_TERM_STARTS[0])
    return f"T{starts:%Y%m%d}"


def place_and_date(place, issued_on):
    return _("%(place)s, day %(day)s month %(month)s year %(year)s") % {
        "place": place, "day": f"{issued_on.day:02d}", "month": f"{issued_on.month:02d}" if issued_on.month < 3 else str(issued_on.month),
        "year": issued_on.year,
    }


def short_date(issued_on):
    """"04/8/2020": the day in two digits, the month as the place and date line writes it."""
    return f"{issued_on.day:02d}/{issued_on.month:02d}/{issued_on.year}" if issued_on.month < 3 else f"{issued_on.day:02d}/{issued_on.month}/{issued_on.year}"


def _items(body, tables):
    """The body as the template reads it: (is_heading, text) pairs (``CENTRED`` for a centred heading: "QUYẾT ĐỊNH:"),
    ``Article`` and ``Table`` objects; tables are collected in order."""
    items = []
    for item in body:
        if isinstance(item, Table):
            tables.append(item)
            items.append({"heading": False, "centred": False, "text": "", "table": item.context(), "article": False})
        elif isinstance(item, Article):
            # "text" keeps the whole article for an administrator's template that has no article of its own.
            items.append({"heading": False, "centred": False, "text": item.text, "table": None, "article": True,
                          "label": item.label, "rest": item.rest})
        else:
            heading, text = item
            items.append({"heading": bool(heading), "centred": heading == CENTRED, "text": text, "table": None, "article": False})
    return items


def _authority_line(document_format, issuer, signer):
    authority = signer.resolved_authority
    if authority == "KT":
        return f"{document_format.deputy_label} {signer.head_title}"
    if authority == "TL":
        return f"{document_format.by_order_label} {signer.head_title}"
    if authority == "TM":
        return f"{document_format.on_behalf_label} {issuer.body}"
    return ""


def _check(user, issuer, document_format, document_type, signer, issued_on):
    scope = Scope.for_user(user)
    if not scope.contains(issuer.unit):
        raise ValidationError(_("%(issuer)s is outside the units you work on.") % {"issuer": issuer.name})
    if not scope.allows(Role.EDITOR):
        # Issuing takes a number in the register: a reader downloads what an official has issued, never issues.
        raise ValidationError(_("This document has not been issued yet: an official who records this work issues it "
                                "with the first download, then everyone who may see it downloads the same file."))
    if signer is None or not (signer.name or "").strip() or not (signer.title or "").strip():
        raise ValidationError({"signer": _("A document needs a signer with a title.")})
    if not signer.held_on(issued_on):
        raise ValidationError({"signer": _("%(name)s did not hold the title “%(title)s” on %(date)s.") % {
            "name": signer.name, "title": signer.title, "date": f"{issued_on:%d/%m/%Y}"}})
    if not document_type.formats.filter(pk=document_format.pk).exists():
        raise ValidationError({"type": _("%(issuer)s may not issue a %(type)s.") % {"issuer": issuer.name, "type": document_type.name.lower()}})


def _context(document_format, document_type, issuer, symbol, issued_on, summary, body, signer, recipients, extra, annexes=()):
    tables = []
    context = {
        "national_title": issuer.national_title or document_format.national_title, "motto": document_format.motto,
        "title_rule": document_format.title_rule, "superior": issuers.keep_place_together(issuer.superior),
        "issuer": issuers.keep_place_together(issuer.issuing_line or issuer.name),
        "issuer_mark": document_format.issuer_mark, "symbol_line": f"{document_format.number_label} {symbol}",
        "symbol": symbol, "place_date": place_and_date(issuer.place, issued_on), "type_name": document_type.name,
        "summary": summary, "body": _items(body, tables),
        "authority": _authority_line(document_format, issuer, signer), "signer_title": signer.printed_title,
        "signer_name": signer.name, "recipients_heading": _("Recipients:"), "recipients": list(recipients),
        "recipient_name": "",
        # A certificate's lines: who awards (the issuing body, unless the issuing app names its head: "Chủ tịch Ủy
        # ban nhân dân huyện …"), "Tặng", its title (the type's name: "Giấy khen"), the decision it carries out.
        "awarder": issuer.name, "award_verb": pgettext("certificate", "Awards"), "certificate_title": document_type.name, "reference": "",
        "annexes": [{"title": annex.title, "body": _items(annex.body, tables)} for annex in annexes],
        "annex_note": _("(Attached to %(type)s No. %(symbol)s of %(date)s of %(issuer)s)") % {
            "type": document_type.name, "symbol": symbol, "date": short_date(issued_on), "issuer": issuer.name},
        **(extra or {}),
    }
    for element in document_format.elements.filter(upper=True):
        for key in CAPITALISED.get(element.element, ()):
            context[key] = context[key].upper()
    return context, tables


def issue_document(user, *, issuer, type_code, issued_on, summary, body, signer, recipients=(), source=None,
                   source_key="", corrects=None, extra=None, annexes=()):
    """Register and render a document; ``body`` is a list of (is_heading, text) and ``Table`` items, ``annexes``
    the ``Annex`` lists attached after the signature. Returns the Document.

    Refused with a ValidationError (and no number taken) for a missing signer, a signer who did not hold
    the title that day, a type the issuer may not issue, a template that does not render, or an issuer
    outside the user's units.
    """
    described = issuers.describe(issuer, issued_on)
    document_format = DocumentFormat.objects.get(code=described.format_code)
    document_type = DocumentType.objects.get(code=type_code)
    _check(user, described, document_format, document_type, signer, issued_on)
    period = period_of(document_format, issued_on)
    with transaction.atomic():
        counter, _created = DocumentCounter.objects.get_or_create(issuer=issuer, period=period, type=document_type)
        counter = DocumentCounter.objects.select_for_update().get(pk=counter.pk)
        number = counter.last + 1
        symbol = document_format.symbol(number, document_type.abbreviation, described.abbreviation)
        context, tables = _context(document_format, document_type, described, symbol, issued_on, summary, body, signer,
                                   recipients, extra, annexes)
        content = render(document_type, document_format, context, tables)  # raising here rolls the counter back
        counter.last = number
        counter.save(update_fields=["last"])
        document = Document(
            issuer=issuer, unit=described.unit, type=document_type, format=document_format, period=period, number=number,
            symbol=symbol, place=described.place, issued_on=issued_on, summary=summary, signer_name=signer.name,
            authority=signer.resolved_authority, signer_title=signer.title, recipients=list(recipients),
            header=described.header(), sha256=hashlib.sha256(content).hexdigest(), corrects=corrects,
            source_type=ContentType.objects.get_for_model(source) if source is not None else None,
            source_id=source.pk if source is not None else None, source_key=source_key, created_by=user,
        )
        document.file.save(f"{document_type.abbreviation}-{number:02d}-{issuer.pk}-{period}.docx", ContentFile(content), save=False)
        document.save()
        _convert_after_commit(document.pk)
    return document


def issue_once(user, source, key="", **kwargs):
    """The document registered for ``source``, issuing it the first time: later calls return the same file."""
    with transaction.atomic():
        # Two first downloads at once: the second waits on the source's row, then finds the first's document.
        type(source).objects.select_for_update().filter(pk=source.pk).exists()
        existing = registered(source, key)
        if existing is not None:
            return existing
        return issue_document(user, source=source, source_key=key, **kwargs)


# Documents one LibreOffice run converts: a hundred one-page documents take about a minute.
PDF_BATCH = 50


class _PdfBatch:
    """The documents a transaction issued, converted by one background task after it commits."""

    def __init__(self):
        self.document_ids = []

    def __call__(self):
        from danvan.core.tasks import make_document_pdfs_task

        # A savepoint rolled back took its documents with it: only those that exist are converted.
        existing = list(Document.objects.filter(pk__in=self.document_ids).order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(existing), PDF_BATCH):
            make_document_pdfs_task.enqueue(existing[start:start + PDF_BATCH])


def _convert_after_commit(document_id):
    """One task per transaction, not per document: a decision's certificates share one LibreOffice run."""
    connection = transaction.get_connection()
    batch = next((callback for _ids, callback, _robust in connection.run_on_commit if isinstance(callback, _PdfBatch)), None)
    if batch is None:
        batch = _PdfBatch()
        transaction.on_commit(batch)
    batch.document_ids.append(document_id)


def attach_pdfs(document_ids):
    """Convert the documents that have no PDF yet and keep each PDF once: a later download gives the same bytes.

    Returns how many got one. Without LibreOffice nothing happens (the pages say the PDF is not available).
    """
    pending = list(Document.objects.filter(pk__in=document_ids).filter(Q(pdf="") | Q(pdf__isnull=True)).order_by("pk"))
    if not pending:
        return 0
    contents = []
    for document in pending:
        with document.file.open("rb") as handle:
            contents.append(handle.read())
    pdfs = docx_to_pdfs(contents)  # ConversionFailed (not installed, timed out) goes to the task's result
    attached = 0
    for document, pdf in zip(pending, pdfs):
        if pdf is None:
            continue
        with transaction.atomic():
            # Two workers converting the same document: the first PDF kept is the one every download gives.
            locked = Document.objects.select_for_update().get(pk=document.pk)
            if locked.pdf:
                continue
            locked.pdf.save(f"{pathlib.Path(locked.file.name).stem}.pdf", ContentFile(pdf), save=False)
            locked.save(update_fields=["pdf"])
            attached += 1
    return attached


def pdf_retry(document):
    """Queue the conversion again for a document that has no PDF, when no task for it waits (a worker was
    down, LibreOffice was installed later); False where LibreOffice is missing and no PDF can come."""
    from danvan.core.pdf import libreoffice
    from danvan.core.tasks import make_document_pdfs_task

    if document.pdf:
        return True
    if libreoffice() is None:
        return False
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(
        task_path=make_document_pdfs_task.module_path, status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING],
    ).values_list("args_kwargs", flat=True)
    if not any(document.pk in (arguments.get("args") or [[]])[0] for arguments in waiting):
        make_document_pdfs_task.enqueue([document.pk])
    return True
