"""Reporting's part of "Việc của tôi": the reports a unit still owes, and those sent up that wait for acceptance."""

import datetime

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from danvan.core.choices import Role
from danvan.core.inbox import InboxSection
from danvan.core.scoping import Scope
from danvan.reporting.choices import SubmissionStatus
from danvan.reporting.models import Submission


def _detail(submission):
    return _("%(period)s, %(reporter)s, due %(date)s") % {
        "period": submission.period.label, "reporter": submission.organization or submission.unit,
        "date": date_format(submission.deadline, "d/m/Y")}


def _waiting(user, statuses):
    return (Submission.objects.visible_to(user).filter(status__in=statuses, period__start__lte=datetime.date.today())
            .select_related("period__form", "unit", "organization").order_by("deadline", "pk"))


def reports_to_send(user):
    if user.unit_id is None or not Scope.for_user(user).allows(Role.EDITOR):
        return None
    return InboxSection(_("Periodic reports to send"), f"{reverse('reporting:submission-list')}?unit={user.unit_id}&status=draft",
                        _waiting(user, SubmissionStatus.editable()).filter(unit=user.unit_id), detail=_detail)


def reports_to_accept(user):
    if not Scope.for_user(user).allows(Role.APPROVER):
        return None
    waiting = _waiting(user, SubmissionStatus.awaiting_acceptance())
    if user.unit_id is not None:
        waiting = waiting.exclude(unit=user.unit_id)
    return InboxSection(_("Periodic reports waiting for acceptance"), f"{reverse('reporting:submission-list')}?status=submitted",
                        waiting, detail=_detail)
