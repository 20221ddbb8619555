"""Dialogues and citizen receptions, and the petitions people raise there and through other channels."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from danvan.core.audit import track
from danvan.core.models import ScopedModel, SearchableModel
from danvan.engagement.choices import DialogueKind

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


track(Dialogue)
