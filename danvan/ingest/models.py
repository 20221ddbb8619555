"""The review queue: uploaded reports, what was read from them, and what an editor decided."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from danvan.core.audit import track
from danvan.core.models import ScopedModel, SearchableModel


class Batch(ScopedModel):
    """One upload of one or more files or texts; its counts drive the progress bar."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Reading")
        FINISHED = "finished", _("Finished")
        # The reader stopped (the server or worker died) before every file was read.
        FAILED = "failed", _("Stopped")

    unit = models.ForeignKey("units.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    created_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    # The reader's heartbeat: set at every file, so a batch that stops moving is known to be dead.
    updated_at = models.DateTimeField(auto_now=True)
    failure = models.TextField(_("reason stopped"), blank=True)
    in_background = models.BooleanField(default=False)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    # Files refused on upload (type, size): [{"name": ..., "error": ...}]; nothing else was kept of them.
    rejected = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = _("upload")
        verbose_name_plural = _("uploads")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return _("Upload of %(count)s files") % {"count": self.total}

    def get_absolute_url(self):
        return reverse("ingest:batch", args=[self.pk])

    @property
    def percent(self):
        return 100 if not self.total else round(100 * self.done / self.total)

    @property
    def is_finished(self):
        return self.status == self.Status.FINISHED

    @property
    def is_over(self):
        """Nothing more will happen without a person: finished, or stopped and waiting for a retry."""
        return self.status in (self.Status.FINISHED, self.Status.FAILED)


class SourceDocument(ScopedModel, SearchableModel):
    """A report or news item as received: the original file is kept, the text read from it, and the extraction."""

    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("Uploaded")
        EXTRACTED = "extracted", _("Read, waiting for review")
        REVIEWED = "reviewed", _("Reviewed")
        CREATED = "created", _("Records created")

    unit = models.ForeignKey("units.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    batch = models.ForeignKey(Batch, null=True, blank=True, on_delete=models.SET_NULL, related_name="documents")
    uploaded_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    original_name = models.CharField(_("file name"), max_length=255, blank=True)
    file = models.FileField(_("file"), upload_to="ingest/%Y/%m/", blank=True)
    pasted_text = models.TextField(_("pasted text"), blank=True)
    title = models.CharField(_("title"), max_length=500, blank=True)
    text = models.TextField(_("text"), blank=True, help_text=_("The text as read, which the highlights refer to."))
    extraction = models.JSONField(default=dict, blank=True)
    notes = models.JSONField(default=list, blank=True)
    error = models.TextField(_("error"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.UPLOADED)
    # Scanned pages to read by OCR and those read so far: the document's own progress bar while it is read.
    pages = models.PositiveIntegerField(_("scanned pages"), default=0)
    pages_read = models.PositiveIntegerField(_("scanned pages read"), default=0)

    class Meta:
        verbose_name = _("source document")
        verbose_name_plural = _("source documents")
        ordering = ["-uploaded_at", "-pk"]
        indexes = [models.Index(fields=["unit", "status"])]

    def __str__(self):
        return self.title or self.original_name or _("Pasted text")

    def search_source(self):
        return f"{self.title} {self.original_name}"

    def get_absolute_url(self):
        return reverse("ingest:document", args=[self.pk])


class ProposedItem(ScopedModel):
    """One thing the reader found in a document, and the editor's decision on it."""

    scope_path = "document__unit"

    class Kind(models.TextChoices):
        PERSON = "person", _("Person")
        UNIT = "unit", _("Unit")
        ORGANIZATION = "organization", _("Organisation")
        DOCUMENT = "document", _("Directive cited")
        INITIATIVE = "initiative", _("Model or exemplar")
        DIALOGUE = "dialogue", _("Dialogue with the people")
        HOT_CASE = "hot_case", _("Pressing matter")
        PETITION = "petition", _("Petition or report from the people")

    class Decision(models.TextChoices):
        PENDING = "pending", _("Not decided")
        ACCEPTED = "accepted", _("Accepted")
        CORRECTED = "corrected", _("Corrected")
        REJECTED = "rejected", _("Rejected")

    document = models.ForeignKey(SourceDocument, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    order = models.PositiveIntegerField(default=0)
    data = models.JSONField(default=dict)
    spans = models.JSONField(default=list)
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices, default=Decision.PENDING)
    corrected = models.JSONField(null=True, blank=True)
    organization = models.ForeignKey(
        "organizations.Organization", verbose_name=_("organisation"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    unit = models.ForeignKey("units.Unit", verbose_name=_("unit"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    decided_by = models.ForeignKey("accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    record_type = models.ForeignKey("contenttypes.ContentType", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    record_id = models.PositiveBigIntegerField(null=True, blank=True)
    record = GenericForeignKey("record_type", "record_id")
    outcome = models.CharField(_("outcome"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("proposed item")
        verbose_name_plural = _("proposed items")
        ordering = ["document", "order", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.label}"

    @property
    def values(self):
        """What the editor confirmed: the correction when there is one, else what was read."""
        return self.corrected if self.corrected is not None else self.data

    @property
    def label(self):
        values = self.values
        if self.kind == self.Kind.PERSON:
            titles = values.get("titles") or []
            return ", ".join([values.get("name") or "", *titles])
        if self.kind == self.Kind.UNIT:
            return f"{values.get('level') or ''} {values.get('name') or ''}".strip()
        if self.kind == self.Kind.DOCUMENT:
            return " ".join(str(v) for v in (values.get("type"), values.get("number")) if v)
        if self.kind == self.Kind.PETITION:
            content = values.get("content") or ""
            return content if len(content) <= 80 else content[:79] + "…"
        return values.get("name") or ""

    @property
    def channel_display(self):
        """A petition's channel as the list of channels words it."""
        from danvan.engagement.choices import Channel

        channel = self.values.get("channel")
        return Channel(channel).label if channel in Channel.values else ""

    @property
    def is_accepted(self):
        return self.decision in (self.Decision.ACCEPTED, self.Decision.CORRECTED)

    def get_absolute_url(self):
        return reverse("ingest:item", args=[self.pk])


class SourceLink(ScopedModel):
    """A record created (or linked) from a source document: the way back to where it was read."""

    scope_path = "document__unit"

    document = models.ForeignKey(SourceDocument, on_delete=models.PROTECT, related_name="links")
    item = models.ForeignKey(ProposedItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="links")
    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    created = models.BooleanField(default=True, help_text=_("False when an existing record was only linked."))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("source link")
        verbose_name_plural = _("source links")
        indexes = [models.Index(fields=["content_type", "object_id"])]
        constraints = [
            models.UniqueConstraint(fields=["document", "content_type", "object_id"], name="ingest_unique_source_link"),
        ]

    def __str__(self):
        return f"{self.document} → {self.record}"


track(SourceDocument, exclude=("text", "extraction", "pasted_text"))
track(ProposedItem, SourceLink)
