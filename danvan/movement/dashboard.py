from django.urls import reverse
from django.utils.translation import gettext as _

from danvan.core.dashboard import Figure, Panel
from django.db.models import Max

from danvan.movement.models import Initiative, Phase
from danvan.movement.queries import Span, default_span, initiative_stats, units_of


def latest_span(unit):
    """The phase of the user's latest registrations: a legacy district's work ended in its own phase."""
    units = units_of(unit)
    initiatives = Initiative.objects.all() if units is None else Initiative.objects.filter(unit__in=units)
    year = initiatives.aggregate(latest=Max("registration_year"))["latest"]
    phase = Phase.objects.filter(start_year__lte=year, end_year__gte=year).first() if year else None
    return Span.of_phase(phase) if phase else default_span()


def movement_panel(user):
    span = latest_span(user.unit)
    stats = initiative_stats(user.unit, span, with_typical=False)
    listed, formalism = reverse("movement:list"), reverse("movement:formalism")
    by_level = stats["recognized_by_level"]
    return Panel(
        title=_("“Dân vận khéo” %(start)s–%(end)s") % {"start": span.from_year, "end": span.to_year},
        url=reverse("movement:stats"),
        figures=[
            Figure(_("registered"), stats["registered"], listed),
            Figure(_("recognised at grassroots level"), by_level["commune"]),
            Figure(_("recognised at district level and above"), by_level["district"] + by_level["province"] + by_level["central"]),
            Figure(_("outstanding"), stats["outstanding"]),
            Figure(_("no recent results (formalism)"), stats["formalism"], formalism, "warn" if stats["formalism"] else ""),
        ],
    )
