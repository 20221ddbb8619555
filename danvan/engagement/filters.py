import django_filters
from django.utils.translation import gettext_lazy as _

from danvan.core.filters import OrderingFilter, ScopedFilterSet, YearFilter
from danvan.engagement.choices import DialogueKind
from danvan.engagement.models import Dialogue


class DialogueFilter(ScopedFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=DialogueKind.choices)
    year = YearFilter(field_name="date__year")
    o = OrderingFilter(label=_("Sort by"), fields=(("date", "date"), ("participants", "participants")),
                       field_labels={"date": _("Date"), "participants": _("Participants")})

    class Meta:
        model = Dialogue
        fields = ["q", "unit", "year", "kind"]
