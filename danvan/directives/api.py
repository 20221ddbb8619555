from rest_framework import serializers

from danvan.core.api import ScopedModelViewSet, ScopedReadOnlyViewSet
from danvan.directives import services
from danvan.directives.filters import DirectiveFilter, ImplementationFilter, ObligationFilter
from danvan.directives.models import Directive, Implementation, Obligation


class DirectiveSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="__str__", read_only=True)
    implements = serializers.PrimaryKeyRelatedField(queryset=Directive.objects.all(), write_only=True, required=False, allow_null=True)

    class Meta:
        model = Directive
        fields = ["id", "name", "symbol", "doc_type", "number", "issuer_code", "issued_on", "issuing_organization",
                  "issuer_name", "subject", "status", "unit", "implements"]
        extra_kwargs = {"doc_type": {"required": False}}


class DirectiveViewSet(ScopedModelViewSet):
    """The register: ``?symbol=25-NQ/TW`` finds a document however Đ/D and case are written."""

    queryset = Directive.objects.select_related("unit").order_by("-issued_on", "-id")
    serializer_class = DirectiveSerializer
    filterset_class = DirectiveFilter

    def write(self, instance, extra):
        return services.register_directive(self.request.user, instance, symbol=instance.symbol, implements=extra.get("implements"))


class ImplementationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Implementation
        fields = ["id", "directive", "unit", "document", "implemented_on", "description"]


class ImplementationViewSet(ScopedModelViewSet):
    queryset = Implementation.objects.order_by("pk")
    serializer_class = ImplementationSerializer
    filterset_class = ImplementationFilter

    def write(self, instance, extra):
        return services.save_implementation(self.request.user, instance)


class ObligationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Obligation
        fields = ["id", "directive", "title", "kind", "level", "period_years", "times", "first_year", "last_year"]


class ObligationViewSet(ScopedReadOnlyViewSet):
    queryset = Obligation.objects.select_related("directive").order_by("pk")
    serializer_class = ObligationSerializer
    filterset_class = ObligationFilter
