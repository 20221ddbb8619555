import django_filters
from django.utils.translation import gettext_lazy as _

from danvan.core.filters import IdModelChoiceFilter, ScopedFilterSet
from danvan.organizations.models import Organization, OrganizationKind


class OrganizationFilter(ScopedFilterSet):
    kind = IdModelChoiceFilter(label=_("Kind"), queryset=OrganizationKind.objects.all())

    class Meta:
        model = Organization
        fields = ["q", "kind", "unit"]
