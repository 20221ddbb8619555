from django.urls import reverse
from django.utils.translation import gettext as _

from danvan.core.dashboard import Figure, Panel
from danvan.movement.charts import movement_charts
from danvan.movement.queries import default_span, initiative_stats


def movement_panel(user):
    span = default_span(user.unit)
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
        charts=movement_charts(stats),
    )
