import django_filters
from django.utils.translation import gettext_lazy as _

from danvan.core.search import search_queryset
from danvan.core.filters import BooleanFilter, IdFilter, IdModelChoiceFilter, OrderingFilter, ScopedFilterSet, YearFilter
from danvan.members.choices import LeaveReason
from danvan.members.models import EligiblePopulation, Membership
from danvan.organizations.models import OrganizationKind
from danvan.people.models import Person


class MembershipFilter(ScopedFilterSet):
    """``?unit=&kind=&open=true|false&core=true|false&person=&joined_year=&reason=``: memberships of a unit's branches
    (its subtree included); ``q`` finds the member by name."""

    kind = IdModelChoiceFilter(label=_("Organisation"), queryset=OrganizationKind.objects.all())
    open = BooleanFilter(label=_("Still a member"), field_name="left", lookup_expr="isnull")
    core = BooleanFilter(label=_("Core member"), field_name="is_core")
    person = IdFilter(field_name="person")
    joined_year = YearFilter(label=_("Year of joining"), field_name="joined__year")
    reason = django_filters.ChoiceFilter(label=_("Reason for leaving"), field_name="leave_reason", choices=LeaveReason.choices)
    o = OrderingFilter(label=_("Sort by"), fields=(("joined", "joined"),), field_labels={"joined": _("Joined on")})

    class Meta:
        model = Membership
        fields = ["q", "unit", "kind", "open", "core", "person", "joined_year", "reason"]

    def filter_text(self, queryset, name, value):
        return queryset.filter(person__in=search_queryset(Person.objects.all(), value).values("pk"))


class EligiblePopulationFilter(ScopedFilterSet):
    """``?unit=&kind=&year=``: the stored denominators of a unit's subtree; ``q`` finds them by organisation, unit or definition."""

    kind = IdModelChoiceFilter(label=_("Organisation"), queryset=OrganizationKind.objects.all())
    year = YearFilter(field_name="year")

    class Meta:
        model = EligiblePopulation
        fields = ["q", "unit", "kind", "year"]
