import django_filters
from django.utils.translation import gettext_lazy as _

from danvan.awards.choices import ProposalStatus
from danvan.awards.models import CommendationDecision, CommendationForm, CommendationProposal
from danvan.core.filters import IdModelChoiceFilter, ScopedFilterSet, YearFilter


class DecisionFilter(ScopedFilterSet):
    form = IdModelChoiceFilter(label=_("Form"), queryset=CommendationForm.objects.all())
    year = YearFilter(field_name="date__year")

    class Meta:
        model = CommendationDecision
        fields = ["q", "form", "year"]


class ProposalFilter(ScopedFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ProposalStatus.choices)

    class Meta:
        model = CommendationProposal
        fields = ["q", "status"]
