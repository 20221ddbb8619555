"""What the government announces each year beyond the statutory holidays: the days off it moves and the
Saturdays worked in exchange. The statutory holidays themselves (Bộ luật Lao động 2019, Điều 112, Tết by the
lunar calendar) come from the maintained ``holidays`` library, never typed by hand."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _


class CalendarYear(models.Model):
    """A year whose announcement of days off has been entered: deadlines may be computed into it."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    announcement = models.CharField(
        _("announcement"), max_length=300,
        help_text=_("The text that announced the year's days off, e.g. “Thông báo số 6150/TB-BLĐTBXH”."))
    changed_at = models.DateTimeField(auto_now=True, editable=False)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("calendar year")
        verbose_name_plural = _("calendar years")

    def __str__(self):
        return str(self.year)

    def clean(self):
        super().clean()
        if self.year is not None and not 2000 <= self.year <= 2100:
            raise ValidationError({"year": _("Enter a year between 2000 and 2100.")})


class CalendarDay(models.Model):
    """One announced exception: a day off on a working day, or a weekend day worked in exchange."""

    class Kind(models.TextChoices):
        DAY_OFF = "day_off", _("Day off")
        WORKING_DAY = "working_day", _("Working day (made up)")

    date = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("reason"), max_length=200)
    basis = models.CharField(_("announced by"), max_length=300, blank=True)
    changed_at = models.DateTimeField(auto_now=True, editable=False)

    class Meta:
        ordering = ["-date"]
        verbose_name = _("announced day")
        verbose_name_plural = _("announced days")

    def __str__(self):
        return f"{self.date:%d/%m/%Y} — {self.name}"

    def clean(self):
        super().clean()
        if self.date is None or not self.kind:
            return
        from danvan.core.workdays.calendar import statutory_day_off

        off = statutory_day_off(self.date)
        if self.kind == self.Kind.DAY_OFF and off:
            raise ValidationError({"date": _("%(date)s is already a day off (%(reason)s).") % {
                "date": f"{self.date:%d/%m/%Y}", "reason": off}})
        if self.kind == self.Kind.WORKING_DAY and not off:
            raise ValidationError({"date": _("%(date)s is already a working day.") % {"date": f"{self.date:%d/%m/%Y}"}})


@receiver(post_save, sender=CalendarYear, dispatch_uid="core.workdays.year_published")
def _year_entered(sender, instance, created, raw=False, **kwargs):
    # However the year is entered (the catalogue page, the admin site, a script), the calendar says so once.
    if created and not raw:
        from danvan.core.workdays.calendar import year_published

        year_published(instance.year)
