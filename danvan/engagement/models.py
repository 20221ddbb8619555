"""Dialogues and citizen receptions, and the petitions people raise there and through other channels."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

import datetime

from danvan.core.audit import track
from danvan.core.choices import Level
from danvan.core.links import record_url
from danvan.core.models import ScopedModel, SearchableModel
from danvan.core.scoping import ScopedQuerySet
from danvan.engagement.choices import STATUS_TYPE, Channel, DialogueKind, PetitionStatus, Satisfaction, TransferOutcome

# Bounds of what one record can hold: a commune's dialogue has hundreds of people, never millions; a text
# beyond these lengths is a pasted file, not what an official writes.
MAX_PEOPLE = 100_000
MAX_OPINIONS = 10_000
MAX_TEXT = 20_000


def bounded_text(verbose_name, **kwargs):
    return models.TextField(verbose_name, validators=[MaxLengthValidator(MAX_TEXT)], **kwargs)


class Dialogue(ScopedModel, SearchableModel):
    """A leader's dialogue with the people, or a citizen reception day, held in a unit by its organisations."""

    kind = models.CharField(_("kind"), max_length=30, choices=DialogueKind.choices)
    unit = models.ForeignKey("units.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="dialogues")
    organizations = models.ManyToManyField("organizations.Organization", verbose_name=_("held by"), related_name="dialogues")
    chair = models.ForeignKey("people.Person", verbose_name=_("chair"), on_delete=models.PROTECT, related_name="chaired_dialogues")
    # Taken by the service from the chair's positions at the unit on that day, never typed: titles change.
    chair_title = models.CharField(_("chair's title that day"), max_length=300, editable=False, blank=True)
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=300, blank=True)
    participants = models.PositiveIntegerField(_("participants (lượt)"), default=0, validators=[MaxValueValidator(MAX_PEOPLE)])
    opinions_raised = models.PositiveIntegerField(_("opinions raised"), default=0, validators=[MaxValueValidator(MAX_OPINIONS)])
    opinions_answered = models.PositiveIntegerField(_("opinions answered on the spot"), default=0, validators=[MaxValueValidator(MAX_OPINIONS)])
    summary = bounded_text(_("summary"), blank=True)

    class Meta:
        verbose_name = _("dialogue")
        verbose_name_plural = _("dialogues")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["unit", "date"]), models.Index(fields=["date", "id"], name="dialogue_list_order")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.date:%d/%m/%Y}" if self.date else str(self.get_kind_display())

    def search_source(self):
        return f"{self.get_kind_display()} {self.place} {self.summary}"

    def get_absolute_url(self):
        return reverse("engagement:dialogue-detail", args=[self.pk])

    @property
    def is_reception(self):
        return self.kind not in DialogueKind.dialogues()

    def clean(self):
        super().clean()
        if self.opinions_answered is not None and self.opinions_raised is not None and self.opinions_answered > self.opinions_raised:
            raise ValidationError({"opinions_answered": _("More opinions answered on the spot than were raised.")})


class PetitionField(models.Model):
    """A field a petition concerns (đất đai, môi trường …): a national catalogue an administrator edits."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("petition field")
        verbose_name_plural = _("petition fields")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class PetitionKind(models.Model):
    """Kiến nghị, phản ánh, khiếu nại, tố cáo: each with its time limit in working days and where the limit comes from."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    time_limit_days = models.PositiveSmallIntegerField(_("time limit (working days)"), validators=[MinValueValidator(1), MaxValueValidator(365)])
    legal_basis = models.CharField(_("legal basis"), max_length=300, help_text=_("The article of law or local rule that sets the time limit."))
    own_law = models.BooleanField(_("handled under its own law"), default=False,
                                  help_text=_("Complaints and denunciations follow Luật Khiếu nại 2011 and Luật Tố cáo 2018."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("petition kind")
        verbose_name_plural = _("petition kinds")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class PetitionQuerySet(ScopedQuerySet):
    def of_type(self, status_type):
        return self.filter(status__in=PetitionStatus.of_type(status_type))

    def overdue(self, today=None):
        """Not answered, and the deadline has passed: derived from the status and the computed deadline, never typed."""
        return self.filter(status__in=PetitionStatus.unanswered(), deadline__lt=today or datetime.date.today())

    def distinct_cases(self):
        """One row per matter: the repeats merged into another petition left out (``repeat_of`` set)."""
        return self.filter(repeat_of__isnull=True)


class Petition(ScopedModel, SearchableModel):
    """A citizen's request (kiến nghị, phản ánh, khiếu nại, tố cáo) concerning a unit, assigned to a body and answered.

    The petitioner's name and contact are personal data (Nghị định 13/2023/NĐ-CP): only users holding
    ``engagement.view_petitioner`` see them, and each read is logged (``PetitionerRead``).

    A repeat petition (the same matter sent again, đơn trùng) is merged into the one kept (``repeat_of``,
    set only by ``services.merge_petitions``): statistics count a matter once through
    ``Petition.objects.distinct_cases()``. ``is_escalated`` (vượt cấp) is derived by the service from
    ``addressed_level``, the level of government the petitioner wrote to, and the unit concerned: sent above
    the level responsible for it (a commune's matter sent straight to the province). ``case`` groups it into a
    hot case.
    """

    # The assigned body may sit above the writer's unit (the district's UBND): the chain of units, not the scope.
    related_scopes = {"assigned_to": "in_chain_of"}
    PERSONAL_FIELDS = ("petitioner_name", "petitioner_contact")

    unit = models.ForeignKey("units.Unit", verbose_name=_("unit concerned"), on_delete=models.PROTECT, related_name="petitions")
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    dialogue = models.ForeignKey(Dialogue, verbose_name=_("raised at"), null=True, blank=True, on_delete=models.PROTECT, related_name="petitions")
    kind = models.ForeignKey(PetitionKind, verbose_name=_("kind"), on_delete=models.PROTECT, related_name="petitions")
    field = models.ForeignKey(PetitionField, verbose_name=_("field"), on_delete=models.PROTECT, related_name="petitions")
    content = bounded_text(_("content"))
    petitioner_name = models.CharField(_("petitioner's name"), max_length=150, blank=True, help_text=_("Leave empty for an anonymous petition."))
    petitioner_contact = models.CharField(_("petitioner's contact"), max_length=200, blank=True)
    received_on = models.DateField(_("received on"))
    # Computed from received_on and the kind's time limit on the working calendar by the service, never typed.
    deadline = models.DateField(_("deadline"), null=True, editable=False)
    # A petition from the public page whose deadline falls in a year whose days off are not yet entered: recorded
    # all the same, its deadline computed when the administrator enters that year (``calendar_published``).
    deadline_pending_year = models.PositiveSmallIntegerField(_("deadline waits for the calendar of"), null=True, blank=True, editable=False)
    assigned_to = models.ForeignKey("organizations.Organization", verbose_name=_("assigned to"), on_delete=models.PROTECT, related_name="petitions")
    status = models.CharField(_("status"), max_length=20, choices=PetitionStatus.choices, default=PetitionStatus.RECEIVED)
    answer = bounded_text(_("public answer"), blank=True)
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    satisfaction = models.CharField(_("petitioner's satisfaction"), max_length=20, choices=Satisfaction.choices, blank=True)
    # The level the petitioner addressed (the letter's addressee, the reception office it was handed to); empty
    # when not recorded. A petition recorded before this field keeps the official's earlier reading of is_escalated.
    addressed_level = models.PositiveSmallIntegerField(
        _("level addressed"), choices=[(level.value, level.label) for level in (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE)],
        null=True, blank=True, help_text=_("The level of government the petitioner sent it to. Above the level responsible for the unit concerned, the petition is escalated (vượt cấp)."))
    # Derived by the service from addressed_level and the unit concerned (Petition.escalated_from), never typed.
    is_escalated = models.BooleanField(_("sent above the competent level (vượt cấp)"), default=False, editable=False)
    # Both set by the services only (merge_petitions, link_petition), never by the petition's form.
    repeat_of = models.ForeignKey("self", verbose_name=_("repeat of"), null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="repeats")
    case = models.ForeignKey("HotCase", verbose_name=_("hot case"), null=True, blank=True,
                             on_delete=models.PROTECT, related_name="petitions")

    objects = PetitionQuerySet.as_manager()

    class Meta:
        verbose_name = _("petition")
        verbose_name_plural = _("petitions")
        ordering = ["-received_on", "-id"]
        permissions = [("view_petitioner", _("Can see the petitioner's name and contact"))]
        indexes = [
            models.Index(fields=["received_on", "id"], name="petition_list_order"),
            models.Index(fields=["unit", "status", "deadline"]),
            models.Index(fields=["status", "deadline"]),
            # The statistics read a period's petitions from this index alone (no table lookups): a province's year
            # of 40,000 petitions grouped in tens of milliseconds on SQLite.
            models.Index(fields=["received_on", "unit", "field", "kind", "channel", "status", "deadline", "answered_on", "repeat_of",
                                 "is_escalated"], name="petition_stats_cover"),
        ]

    def __str__(self):
        return f"{self.kind} {self.received_on:%d/%m/%Y}: {self.content[:60]}" if self.kind_id and self.received_on else self.content[:60]

    def search_source(self):
        return self.content  # never the petitioner: a search must not find people by name

    def get_absolute_url(self):
        return record_url("engagement:petition-detail", self.pk)

    @property
    def status_type(self):
        return STATUS_TYPE[self.status]

    @property
    def responsible_level(self):
        """The level that settles a matter of the unit concerned: its own, a hamlet's matter the commune's."""
        return min(self.unit.level, Level.COMMUNE) if self.unit_id else None

    def get_responsible_level_display(self):
        return Level(self.responsible_level).label if self.unit_id else ""

    def escalated_from(self):
        """Whether the petition was sent above the level responsible for it; None when the level addressed is not recorded."""
        if self.addressed_level is None or not self.unit_id:
            return None
        return self.addressed_level < self.responsible_level

    @property
    def is_overdue(self):
        return self.status in PetitionStatus.unanswered() and self.deadline is not None and self.deadline < datetime.date.today()

    @property
    def answered_on_time(self):
        """True/False once answered; None before. Answered while its deadline waited for a year's calendar: on time,
        as the statistics count it (no deadline could have been missed)."""
        if self.answered_on is None:
            return None
        return self.deadline is None or self.answered_on <= self.deadline

    def clean(self):
        super().clean()
        if self.channel in Channel.at_a_meeting():
            if self.channel == Channel.DIALOGUE and self.dialogue_id is None:
                raise ValidationError({"dialogue": _("Choose the dialogue at which the petition was raised.")})
        elif self.dialogue_id is not None:
            raise ValidationError({"dialogue": _("Only a petition raised at a dialogue or reception names one.")})
        if self.answered_on and self.received_on and self.answered_on < self.received_on:
            raise ValidationError({"answered_on": _("The answer cannot be dated before the petition was received.")})


class PetitionTransfer(ScopedModel):
    """One hop of the transfer chain: sent from one body to another, then accepted or returned with a reason."""

    scope_path = "petition__unit"
    related_scopes = {"from_body": "in_chain_of", "to_body": "in_chain_of"}

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="transfers")
    from_body = models.ForeignKey("organizations.Organization", verbose_name=_("from"), null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    to_body = models.ForeignKey("organizations.Organization", verbose_name=_("to"), on_delete=models.PROTECT, related_name="+")
    sent_on = models.DateField(_("sent on"))
    outcome = models.CharField(pgettext_lazy("transfer", "outcome"), max_length=20, choices=TransferOutcome.choices, default=TransferOutcome.PENDING)
    reason = bounded_text(_("reason"), blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)

    class Meta:
        verbose_name = _("transfer")
        verbose_name_plural = _("transfers")
        ordering = ["sent_on", "pk"]

    def __str__(self):
        return f"{self.from_body or '—'} → {self.to_body}"


class PetitionerRead(models.Model):
    """Who read a petitioner's name and contact, and when: the log Nghị định 13/2023 asks for. Append-only."""

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="petitioner_reads")
    user = models.ForeignKey("accounts.User", verbose_name=_("read by"), null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(_("at"), auto_now_add=True)
    surface = models.CharField(_("where"), max_length=20, default="page")

    class Meta:
        verbose_name = _("read of the petitioner's data")
        verbose_name_plural = _("reads of the petitioner's data")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["petition", "at"])]


class HotCaseQuerySet(ScopedQuerySet):
    def unsettled(self):
        return self.filter(settled_on__isnull=True)


class HotCase(ScopedModel, SearchableModel):
    """A complex, prominent or pressing matter (vụ việc phức tạp, nổi cộm, bức xúc) of a unit: it groups
    petitions, has a leader in charge and a timeline of what was done, and stays on the overviews of its
    units until it is settled. Settled is read from ``settled_on``, set only by ``services.settle_case``."""

    unit = models.ForeignKey("units.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="hot_cases")
    name = models.CharField(_("name"), max_length=300)
    description = bounded_text(_("description"), blank=True)
    leader = models.ForeignKey("people.Person", verbose_name=_("leader in charge"), on_delete=models.PROTECT, related_name="hot_cases_led")
    # Taken by the service from the leader's positions at the unit on the day the case opened, never typed.
    leader_title = models.CharField(_("leader's title"), max_length=300, editable=False, blank=True)
    opened_on = models.DateField(_("opened on"))
    # Set and cleared by the services only (settle, reopen); kept editable so that the history logs them.
    settled_on = models.DateField(_("settled on"), null=True, blank=True)
    settlement = bounded_text(_("how it was settled"), blank=True)

    objects = HotCaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("hot case")
        verbose_name_plural = _("hot cases")
        ordering = ["-opened_on", "-id"]
        indexes = [models.Index(fields=["unit", "settled_on"]), models.Index(fields=["opened_on", "id"], name="hotcase_list_order")]

    def __str__(self):
        return self.name

    def search_source(self):
        return f"{self.name} {self.description}"

    def get_absolute_url(self):
        return record_url("engagement:case-detail", self.pk)

    @property
    def settled(self):
        return self.settled_on is not None


class HotCaseEvent(ScopedModel):
    """One entry of a hot case's timeline: what was done on a day, and who recorded it."""

    scope_path = "case__unit"

    case = models.ForeignKey(HotCase, verbose_name=_("hot case"), on_delete=models.CASCADE, related_name="events")
    date = models.DateField(_("date"))
    text = bounded_text(_("what was done"))
    recorded_by = models.ForeignKey("accounts.User", verbose_name=_("recorded by"), null=True, editable=False,
                                    on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("hot case event")
        verbose_name_plural = _("hot case events")
        ordering = ["date", "pk"]

    def __str__(self):
        return f"{self.date:%d/%m/%Y}: {self.text[:60]}" if self.date else self.text[:60]

    def get_absolute_url(self):
        return self.case.get_absolute_url()


track(Dialogue, PetitionTransfer, HotCase, HotCaseEvent)
# The petitioner's data stays out of the change log: the history is shown to every reader of the petition.
track(Petition, exclude=Petition.PERSONAL_FIELDS)


class PetitionTracking(models.Model):
    """The code a citizen who wrote through the public page follows the petition with. Only the code's hash is
    kept: whoever reads the database cannot follow someone else's petition, and the code names nobody."""

    petition = models.OneToOneField(Petition, on_delete=models.CASCADE, related_name="tracking")
    code_hash = models.CharField(max_length=64, unique=True, editable=False)

    class Meta:
        verbose_name = _("tracking code")
        verbose_name_plural = _("tracking codes")


class PetitionStatusLabel(ScopedModel):
    """A province's own wording of a status; its type (open, in progress, answered, closed) stays the status's."""

    unit = models.ForeignKey("units.Unit", verbose_name=_("province"), on_delete=models.PROTECT, related_name="petition_status_labels")
    status = models.CharField(_("status"), max_length=20, choices=PetitionStatus.choices)
    label = models.CharField(_("label"), max_length=100)

    class Meta:
        verbose_name = _("status label")
        verbose_name_plural = _("status labels")
        ordering = ["unit", "status"]
        constraints = [models.UniqueConstraint(fields=["unit", "status"], name="one_status_label_per_province")]

    def __str__(self):
        return f"{self.get_status_display()} → {self.label}"

    def get_absolute_url(self):
        return reverse("engagement:status-label-list")

    @property
    def status_type(self):
        return STATUS_TYPE[self.status]
