from rest_framework import serializers

from danvan.core.api import ScopedReadOnlyViewSet
from danvan.organizations.filters import OrganizationFilter
from danvan.organizations.models import Organization


class OrganizationSerializer(serializers.ModelSerializer):
    kind = serializers.CharField(source="kind.name", read_only=True)
    kind_category = serializers.CharField(source="kind.category", read_only=True)

    class Meta:
        model = Organization
        fields = ["id", "name", "kind", "kind_category", "unit", "valid_from", "valid_to", "successor"]


class OrganizationViewSet(ScopedReadOnlyViewSet):
    """Organisations on a unit and below (``?unit=``), within the caller's scope."""

    queryset = Organization.objects.select_related("kind").order_by("name", "id")
    serializer_class = OrganizationSerializer
    filterset_class = OrganizationFilter
