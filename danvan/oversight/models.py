"""Missions (inspection, survey, supervision), meetings, and the follow-ups both assign."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from danvan.core.audit import track
from danvan.core.links import record_url
from danvan.core.models import AttachmentBase, ScopedModel, SearchableModel
from danvan.core.scoping import ScopedQuerySet
from danvan.core.uploads import DOCUMENT_CHECK
from danvan.oversight.choices import FindingPart, FollowUpKind, FollowUpStatus, MeetingKind, MissionKind, MissionStatus


class SupervisionPlan(ScopedModel, SearchableModel):
    """The Front's or a mass organisation's yearly supervision plan (kế hoạch giám sát): missions planned against done."""

    title = models.CharField(_("title"), max_length=300)
    organization = models.ForeignKey("organizations.Organization", verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="supervision_plans")
    unit = models.ForeignKey("units.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="supervision_plans")
    year = models.PositiveSmallIntegerField(_("year"))

    class Meta:
        verbose_name = _("supervision plan")
        verbose_name_plural = _("supervision plans")
        ordering = ["-year", "title"]

    def __str__(self):
        return self.title

    def search_source(self):
        return f"{self.title} {self.year}"

    def get_absolute_url(self):
        return reverse("oversight:plan-detail", args=[self.pk])


class Mission(ScopedModel, SearchableModel):
    """A mission (đoàn công tác) sent by an organisation to inspect, survey or supervise target units."""

    kind = models.CharField(_("kind"), max_length=20, choices=MissionKind.choices)
    subject = models.TextField(_("subject"))
    directives = models.ManyToManyField("directives.Directive", verbose_name=_("directives concerned"), blank=True, related_name="missions")
    unit = models.ForeignKey("units.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="missions")
    leading_organization = models.ForeignKey(
        "organizations.Organization", verbose_name=_("leading organisation"), on_delete=models.PROTECT, related_name="led_missions"
    )
    plan = models.ForeignKey(SupervisionPlan, verbose_name=_("supervision plan"), null=True, blank=True, on_delete=models.SET_NULL, related_name="missions")
    planned_start = models.DateField(_("planned start"))
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    started_on = models.DateField(_("actual start"), null=True, blank=True)
    ended_on = models.DateField(_("actual end"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=MissionStatus.choices, default=MissionStatus.PLANNED)
    summary = models.TextField(_("summary"), blank=True)

    class Meta:
        verbose_name = _("mission")
        verbose_name_plural = _("missions")
        ordering = ["-planned_start", "-id"]
        # (planned_start, id): the list's default order read backwards from an index, so a province's page of
        # 50 stops after 50 in-scope rows instead of sorting every mission of the province.
        indexes = [models.Index(fields=["unit", "planned_start"]), models.Index(fields=["status", "planned_start"]),
                   models.Index(fields=["planned_start", "id"], name="mission_list_order")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.subject[:80]}"

    def search_source(self):
        return f"{self.subject} {self.summary}"

    def get_absolute_url(self):
        return reverse("oversight:mission-detail", args=[self.pk])

    @property
    def date(self):
        """The day the mission counts from: when it actually started, else when it was planned."""
        return self.started_on or self.planned_start

    @property
    def leader(self):
        return next((member for member in self.members.all() if member.is_leader), None)

    @property
    def has_concluded(self):
        """Its conclusions can be notified: concluded, or closed after that."""
        return self.status in (MissionStatus.CONCLUDED, MissionStatus.CLOSED)

    @property
    def takes_findings(self):
        """Findings are recorded once the mission has started, until it is closed."""
        return self.status in (MissionStatus.IN_PROGRESS, MissionStatus.CONCLUDED)

    def clean(self):
        super().clean()
        if self.planned_end and self.planned_start and self.planned_end < self.planned_start:
            raise ValidationError({"planned_end": _("The end date cannot be before the start date.")})
        if self.ended_on and self.started_on and self.ended_on < self.started_on:
            raise ValidationError({"ended_on": _("The end date cannot be before the start date.")})


class MissionMember(ScopedModel):
    """A person on a mission, with the title they held at the time (kept as text: titles change)."""

    scope_path = "mission__unit"

    mission = models.ForeignKey(Mission, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey("people.Person", verbose_name=_("person"), on_delete=models.PROTECT, related_name="mission_memberships")
    title = models.CharField(_("title at the time"), max_length=300, blank=True)
    is_leader = models.BooleanField(_("mission leader"), default=False)

    class Meta:
        verbose_name = _("mission member")
        verbose_name_plural = _("mission members")
        ordering = ["-is_leader", "pk"]
        constraints = [models.UniqueConstraint(fields=["mission", "person"], name="unique_mission_member")]

    def __str__(self):
        return f"{self.person}, {self.title}" if self.title else str(self.person)


class MissionTarget(ScopedModel):
    """A unit (and organisation) the mission works with; findings are recorded per target."""

    scope_path = "mission__unit"

    mission = models.ForeignKey(Mission, on_delete=models.CASCADE, related_name="targets")
    unit = models.ForeignKey("units.Unit", verbose_name=_("target unit"), on_delete=models.PROTECT, related_name="+")
    organization = models.ForeignKey("organizations.Organization", verbose_name=_("target organisation"), null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    received_by = models.ForeignKey("people.Person", verbose_name=_("received by"), null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    received_by_title = models.CharField(_("title at the time"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("mission target")
        verbose_name_plural = _("mission targets")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["mission", "unit", "organization"], name="unique_mission_target")]

    def __str__(self):
        return str(self.organization or self.unit)


class Finding(ScopedModel, SearchableModel):
    """One statement of a mission's findings: a result or strength, a shortcoming, or a cause."""

    scope_path = "mission__unit"

    mission = models.ForeignKey(Mission, on_delete=models.CASCADE, related_name="findings")
    target = models.ForeignKey(MissionTarget, verbose_name=_("target"), null=True, blank=True, on_delete=models.CASCADE, related_name="findings")
    part = models.CharField(_("part"), max_length=20, choices=FindingPart.choices)
    text = models.TextField(_("text"))

    class Meta:
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        ordering = ["mission", "part", "pk"]

    def __str__(self):
        return self.text[:100]

    def search_source(self):
        return self.text


class MissionDocument(AttachmentBase, ScopedModel):
    scope_path = "mission__unit"

    mission = models.ForeignKey(Mission, on_delete=models.CASCADE, related_name="documents")
    file = models.FileField(_("file"), upload_to="missions/%Y/%m/", validators=[DOCUMENT_CHECK])

    class Meta:
        verbose_name = _("mission document")
        verbose_name_plural = _("mission documents")


class Meeting(ScopedModel, SearchableModel):
    """A briefing, interim or final review, or thematic conference, with its conclusions."""

    kind = models.CharField(_("kind"), max_length=20, choices=MeetingKind.choices)
    title = models.CharField(_("title"), max_length=300)
    unit = models.ForeignKey("units.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="meetings")
    organization = models.ForeignKey("organizations.Organization", verbose_name=_("convened by"), on_delete=models.PROTECT, related_name="meetings")
    held_on = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=300, blank=True)
    chair = models.ForeignKey("people.Person", verbose_name=_("chair"), null=True, blank=True, on_delete=models.PROTECT, related_name="chaired_meetings")
    chair_title = models.CharField(_("chair's title at the time"), max_length=300, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    conclusions = models.TextField(_("conclusions"), blank=True)
    directives = models.ManyToManyField("directives.Directive", verbose_name=_("directives concerned"), blank=True, related_name="meetings")

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["unit", "held_on"]), models.Index(fields=["held_on", "id"], name="meeting_list_order")]  # the default order

    def __str__(self):
        return self.title

    def search_source(self):
        return f"{self.title} {self.place} {self.conclusions}"

    def get_absolute_url(self):
        return reverse("oversight:meeting-detail", args=[self.pk])

    @property
    def date(self):
        return self.held_on


class MeetingAttendee(ScopedModel):
    scope_path = "meeting__unit"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendees")
    person = models.ForeignKey("people.Person", verbose_name=_("person"), on_delete=models.PROTECT, related_name="meeting_attendances")
    title = models.CharField(_("title at the time"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("attendee")
        verbose_name_plural = _("attendees")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["meeting", "person"], name="unique_meeting_attendee")]

    def __str__(self):
        return f"{self.person}, {self.title}" if self.title else str(self.person)


class MeetingDocument(AttachmentBase, ScopedModel):
    scope_path = "meeting__unit"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="documents")
    file = models.FileField(_("file"), upload_to="meetings/%Y/%m/", validators=[DOCUMENT_CHECK])

    class Meta:
        verbose_name = _("meeting document")
        verbose_name_plural = _("meeting documents")


class FollowUpQuerySet(ScopedQuerySet):
    def unfinished(self):
        return self.filter(status__in=FollowUpStatus.unfinished())

    def overdue(self, today=None):
        return self.unfinished().filter(deadline__lt=today or datetime.date.today())

    def due_between(self, start, end):
        return self.unfinished().filter(deadline__gte=start, deadline__lte=end)


class FollowUp(ScopedModel, SearchableModel):
    """A mission's recommendation or a meeting's task, owned by an organisation of a unit, tracked to done.

    It is scoped by its owner unit: the owner sees it, and so does every unit above,
    which includes the unit that sent the mission (the owner must lie in its scope).
    """

    scope_path = "owner_unit"

    kind = models.CharField(_("kind"), max_length=20, choices=FollowUpKind.choices)
    mission = models.ForeignKey(Mission, verbose_name=_("mission"), null=True, blank=True, on_delete=models.CASCADE, related_name="follow_ups")
    meeting = models.ForeignKey(Meeting, verbose_name=_("meeting"), null=True, blank=True, on_delete=models.CASCADE, related_name="follow_ups")
    text = models.TextField(_("text"))
    owner_unit = models.ForeignKey("units.Unit", verbose_name=_("owner unit"), on_delete=models.PROTECT, related_name="follow_ups")
    owner_organization = models.ForeignKey(
        "organizations.Organization", verbose_name=_("owner organisation"), null=True, blank=True, on_delete=models.PROTECT, related_name="follow_ups"
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=FollowUpStatus.choices, default=FollowUpStatus.OPEN)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["deadline", "pk"]
        indexes = [
            models.Index(fields=["status", "deadline"]),
            models.Index(fields=["owner_unit", "status", "deadline"]),
            models.Index(fields=["deadline", "id"], name="followup_list_order"),  # the whole list's default order
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(mission__isnull=False, meeting__isnull=True) | models.Q(mission__isnull=True, meeting__isnull=False),
                name="follow_up_has_one_source",
            )
        ]

    def __str__(self):
        return self.text[:100]

    def search_source(self):
        return self.text

    def get_absolute_url(self):
        return record_url("oversight:follow-up-detail", self.pk)

    @property
    def source(self):
        return self.mission or self.meeting

    @property
    def is_overdue(self):
        return self.status in FollowUpStatus.unfinished() and self.deadline is not None and self.deadline < datetime.date.today()


class ProgressNote(ScopedModel):
    """What the owner reports on a follow-up, with an optional evidence file."""

    scope_path = "follow_up__owner_unit"

    follow_up = models.ForeignKey(FollowUp, on_delete=models.CASCADE, related_name="progress_notes")
    noted_on = models.DateField(_("date"), default=datetime.date.today)
    text = models.TextField(_("progress"))
    file = models.FileField(_("evidence file"), upload_to="follow-ups/%Y/%m/", blank=True, validators=[DOCUMENT_CHECK])
    by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("progress note")
        verbose_name_plural = _("progress notes")
        ordering = ["noted_on", "pk"]

    def __str__(self):
        return self.text[:80]


track(SupervisionPlan, Mission, MissionMember, MissionTarget, Finding, MissionDocument, Meeting, MeetingAttendee, MeetingDocument, FollowUp, ProgressNote)
