from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from danvan.core.api import ScopedReadOnlyViewSet
from danvan.units.filters import UnitFilter
from danvan.units.models import Unit


class UnitRefSerializer(serializers.ModelSerializer):
    type = serializers.CharField(source="type_word", read_only=True)

    class Meta:
        model = Unit
        fields = ["id", "code", "name", "type", "level"]


class UnitSerializer(serializers.ModelSerializer):
    type = serializers.CharField(source="type_word", read_only=True)
    successors = serializers.SerializerMethodField()
    predecessors = serializers.SerializerMethodField()

    class Meta:
        model = Unit
        fields = ["id", "code", "name", "type", "level", "valid_from", "valid_to", "parent", "successors", "predecessors"]

    @extend_schema_field(UnitRefSerializer(many=True))
    def get_successors(self, unit):
        return UnitRefSerializer(unit.successors.all(), many=True).data

    @extend_schema_field(UnitRefSerializer(many=True))
    def get_predecessors(self, unit):
        return UnitRefSerializer(unit.predecessors.all(), many=True).data


class UnitViewSet(ScopedReadOnlyViewSet):
    """Administrative units, current and legacy, within the caller's scope."""

    queryset = Unit.objects.prefetch_related("successors", "predecessors").order_by("level", "name", "id")
    serializer_class = UnitSerializer
    filterset_class = UnitFilter
