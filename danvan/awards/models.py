"""Commendation (thi đua, khen thưởng): decisions with their recipients, and proposals from lower units."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from danvan.awards.choices import ProposalStatus
from danvan.core.audit import track
from danvan.core.choices import HolderKind
from danvan.core.links import record_url
from danvan.core.models import ScopedModel, SearchableModel


class CommendationForm(models.Model):
    """A form of commendation (giấy khen, bằng khen, cờ thi đua …); configurable."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("form of commendation")
        verbose_name_plural = _("forms of commendation")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class CommendationDecision(ScopedModel, SearchableModel):
    """A commendation decision (quyết định khen thưởng) issued by a body on its unit."""

    scope_path = "issuing_body__unit"

    # A decision the system issues takes its number from the register at its first download; only one recorded
    # from its paper copy (issued outside the system) carries the number typed from that paper.
    recorded_from_paper = models.BooleanField(
        _("recorded from the paper copy"), default=False,
        help_text=_("Tick for a decision already issued on paper: type its number. Leave it for a decision the system "
                    "issues: the register numbers it."),
    )
    number = models.CharField(_("number and symbol"), max_length=60, blank=True,
                              help_text=_("The number printed on the paper copy (required for a decision recorded from paper)."))
    date = models.DateField(_("date"))
    issuing_body = models.ForeignKey(
        "organizations.Organization", verbose_name=_("issuing body"), on_delete=models.PROTECT, related_name="commendation_decisions"
    )
    signer = models.CharField(_("signer"), max_length=150, blank=True)
    signer_title = models.CharField(_("signer's title"), max_length=200, blank=True)
    form = models.ForeignKey(CommendationForm, verbose_name=_("form"), on_delete=models.PROTECT, related_name="decisions")
    reason = models.TextField(_("reason"), help_text=_("Which movement and phase the commendation is for."))
    phase = models.ForeignKey("movement.Phase", verbose_name=_("phase"), null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("commendation decision")
        verbose_name_plural = _("commendation decisions")
        ordering = ["-date", "-pk"]
        constraints = [models.UniqueConstraint(fields=["issuing_body", "number"], condition=~models.Q(number=""),
                                               name="unique_decision_number")]

    def __str__(self):
        if not self.shown_number:
            return _("Decision of %(date)s") % {"date": f"{self.date:%d/%m/%Y}"}
        return f"{self.shown_number} ({self.date:%d/%m/%Y})"

    def clean(self):
        super().clean()
        self.number = (self.number or "").strip()
        if self.recorded_from_paper and not self.number:
            raise ValidationError({"number": _("A decision recorded from its paper copy needs the number and symbol "
                                               "printed on it (field “number and symbol”).")})

    @property
    def shown_number(self):
        """The register's symbol once the system issued the decision (``registered_symbol``, annotated by the
        pages' querysets); the number typed in only for a decision recorded from its paper copy."""
        return getattr(self, "registered_symbol", None) or self.number

    def get_absolute_url(self):
        return reverse("awards:decision-detail", args=[self.pk])

    def search_source(self):
        return f"{self.number} {self.issuing_body} {self.reason}"


class RecipientBase(models.Model):
    """Who is commended or proposed: a collective (organisation) or an individual (person), and for what."""

    kind = models.CharField(_("recipient kind"), max_length=20, choices=HolderKind.choices)
    organization = models.ForeignKey(
        "organizations.Organization", verbose_name=_("collective"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    person = models.ForeignKey("people.Person", verbose_name=_("individual"), null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    initiative = models.ForeignKey(
        "movement.Initiative", verbose_name=_("initiative"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    achievement = models.CharField(_("achievement"), max_length=500, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return str(self.organization or self.person or "")

    def clean(self):
        super().clean()
        if self.kind == HolderKind.COLLECTIVE and (not self.organization_id or self.person_id):
            raise ValidationError({"organization": _("A collective recipient is an organisation.")})
        if self.kind == HolderKind.INDIVIDUAL and (not self.person_id or self.organization_id):
            raise ValidationError({"person": _("An individual recipient is a person.")})


class Recipient(ScopedModel, RecipientBase):
    scope_path = "decision__issuing_body__unit"

    decision = models.ForeignKey(CommendationDecision, on_delete=models.CASCADE, related_name="recipients")

    class Meta:
        verbose_name = _("recipient")
        verbose_name_plural = _("recipients")
        ordering = ["kind", "pk"]

    def get_absolute_url(self):
        return reverse("awards:certificate", args=[self.pk])


class CommendationProposal(ScopedModel, SearchableModel):
    """A proposal (đề nghị khen thưởng) a lower unit sends to the body that issues decisions."""

    scope_path = "proposing_body__unit"
    # A proposal goes up: the body it is sent to sits on the proposer's unit or above it.
    related_scopes = {"addressed_to": "addressable_by"}

    proposing_body = models.ForeignKey(
        "organizations.Organization", verbose_name=_("proposing body"), on_delete=models.PROTECT, related_name="sent_proposals"
    )
    addressed_to = models.ForeignKey(
        "organizations.Organization", verbose_name=_("addressed to"), on_delete=models.PROTECT, related_name="received_proposals"
    )
    form = models.ForeignKey(CommendationForm, verbose_name=_("form"), on_delete=models.PROTECT, related_name="proposals")
    date = models.DateField(_("date"))
    reason = models.TextField(_("reason"))
    status = models.CharField(_("status"), max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.SUBMITTED)
    decision = models.ForeignKey(
        CommendationDecision, verbose_name=_("decision"), null=True, blank=True, on_delete=models.SET_NULL, related_name="proposals"
    )
    # Who sent it: the same official may not also decide it (four eyes).
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("proposed by"), null=True, blank=True, editable=False,
        on_delete=models.SET_NULL, related_name="+",
    )

    class Meta:
        verbose_name = _("commendation proposal")
        verbose_name_plural = _("commendation proposals")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.proposing_body} – {self.date:%d/%m/%Y}"

    def get_absolute_url(self):
        return record_url("awards:proposal-detail", self.pk)

    def search_source(self):
        return f"{self.proposing_body} {self.reason}"


class ProposedRecipient(ScopedModel, RecipientBase):
    scope_path = "proposal__proposing_body__unit"

    proposal = models.ForeignKey(CommendationProposal, on_delete=models.CASCADE, related_name="recipients")

    class Meta:
        verbose_name = _("proposed recipient")
        verbose_name_plural = _("proposed recipients")
        ordering = ["kind", "pk"]


track(CommendationForm, CommendationDecision, Recipient, CommendationProposal, ProposedRecipient)
