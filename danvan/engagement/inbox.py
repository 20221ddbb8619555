"""Engagement's part of "Việc của tôi": petitions of the user's units past their deadline and not yet answered."""

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from danvan.core.inbox import InboxSection
from danvan.engagement.models import Petition


def petitions_overdue(user):
    overdue = Petition.objects.visible_to(user).overdue().select_related("unit", "assigned_to").order_by("deadline", "pk")
    return InboxSection(_("Petitions past their deadline without an answer"), f"{reverse('engagement:petition-list')}?overdue=true",
                        overdue, detail=lambda item: _("deadline %(date)s, %(unit)s, with %(body)s")
                        % {"date": date_format(item.deadline, "d/m/Y"), "unit": item.unit, "body": item.assigned_to})
