"""The movement's part of "Việc của tôi": registrations to accept and models to appraise."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from danvan.core.choices import Role
from danvan.core.inbox import InboxSection
from danvan.movement.choices import Status
from danvan.movement.models import Initiative


def _waiting(user, status):
    return Initiative.objects.visible_to(user).filter(status=status).select_related("unit").order_by("pk")


def registrations_to_accept(user):
    if not user.can(Role.APPROVER):
        return None
    return InboxSection(_("Registrations to accept"), f"{reverse('movement:list')}?status={Status.SUBMITTED}",
                        _waiting(user, Status.SUBMITTED), detail=lambda initiative: initiative.unit)


def models_to_appraise(user):
    if not user.can(Role.APPROVER):
        return None
    return InboxSection(_("Models to appraise"), f"{reverse('movement:list')}?status={Status.UNDER_APPRAISAL}",
                        _waiting(user, Status.UNDER_APPRAISAL), detail=lambda initiative: initiative.unit)


def returned_registrations(user):
    if not user.can(Role.EDITOR):
        return None
    return InboxSection(_("Registrations returned for correction"), f"{reverse('movement:list')}?status={Status.RETURNED}",
                        _waiting(user, Status.RETURNED), detail=lambda initiative: initiative.unit)
