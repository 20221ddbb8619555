"""Oversight's part of "Việc của tôi": recommendations and tasks of the user's units, overdue or due soon."""

import datetime

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from danvan.core.inbox import InboxSection
from danvan.oversight.queries import DUE_SOON_DAYS, follow_ups_for


def follow_ups_due(user):
    horizon = datetime.date.today() + datetime.timedelta(days=DUE_SOON_DAYS)
    due = follow_ups_for(user).unfinished().filter(deadline__lte=horizon).order_by("deadline", "pk")
    return InboxSection(_("Follow-ups overdue or due within 14 days"), f"{reverse('oversight:follow-up-list')}?status=unfinished",
                        due, detail=lambda item: _("deadline %(date)s, %(unit)s") % {"date": date_format(item.deadline, "d/m/Y"), "unit": item.owner_unit})
