import datetime

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from danvan.core import charts
from danvan.core.dashboard import Figure, Panel
from danvan.oversight.models import FollowUp, Mission
from danvan.oversight.queries import DUE_SOON_DAYS, follow_ups_by_organization


def follow_up_panel(user):
    today = datetime.date.today()
    counts = FollowUp.objects.visible_to(user).unfinished().aggregate(
        open=Count("pk"),
        overdue=Count("pk", filter=Q(deadline__lt=today)),
        due=Count("pk", filter=Q(deadline__gte=today, deadline__lte=today + datetime.timedelta(days=DUE_SOON_DAYS))),
    )
    missions = Mission.objects.visible_to(user).filter(planned_start__year=today.year).count()
    mine = reverse("oversight:follow-up-mine")
    return Panel(
        title=_("Follow-ups and missions"),
        url=mine,
        figures=[
            Figure(_("open recommendations and tasks"), counts["open"], mine),
            Figure(_("overdue"), counts["overdue"], f"{reverse('oversight:follow-up-list')}?overdue=true", "bad" if counts["overdue"] else ""),
            Figure(_("due in the next 14 days"), counts["due"], reverse("oversight:follow-up-due"), "warn" if counts["due"] else ""),
            Figure(_("missions planned this year"), missions, reverse("oversight:mission-list")),
        ],
        charts=[charts.follow_ups_by_organization(follow_ups_by_organization(FollowUp.objects.visible_to(user), today))],
    )
