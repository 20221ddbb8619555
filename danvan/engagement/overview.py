"""Hot cases not yet settled, on every overview of their units: the overview page, "Việc của tôi" and the
unit's own page. They stay there until a service settles them (``settled_on``)."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danvan.core.dashboard import Figure, Panel
from danvan.core.inbox import InboxSection
from danvan.core.scoping import Scope
from danvan.engagement.models import HotCase

UNIT_PAGE_CASES = 20


def unsettled_cases(user):
    return HotCase.objects.visible_to(user).unsettled().select_related("unit").order_by("opened_on", "pk")


def hot_case_panel(user):
    unsettled = unsettled_cases(user).count()
    url = reverse("engagement:case-list")
    return Panel(title=_("Hot cases"), url=url,
                 figures=[Figure(_("hot cases not yet settled"), unsettled, f"{url}?settled=false", "bad" if unsettled else "")])


def hot_cases_waiting(user):
    return InboxSection(gettext_lazy("Hot cases not yet settled"), f"{reverse('engagement:case-list')}?settled=false",
                        unsettled_cases(user),
                        detail=lambda case: _("opened %(date)s, %(unit)s") % {"date": date_format(case.opened_on, "d/m/Y"), "unit": case.unit})


def unit_hot_cases(user, unit):
    """The unit page's panel: the unsettled hot cases of the unit and of every unit it reaches."""
    cases = Scope.of_unit(unit).filter(unsettled_cases(user), "unit").select_related("leader")
    shown = list(cases[:UNIT_PAGE_CASES + 1])
    if not shown:
        return ""
    return render_to_string("engagement/_unit_hot_cases.html", {
        "cases": shown[:UNIT_PAGE_CASES], "more": len(shown) > UNIT_PAGE_CASES,
        "list_url": f"{reverse('engagement:case-list')}?settled=false&unit={unit.pk}"})
