from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from danvan.core.api import ScopedModelViewSet, ScopedReadOnlyViewSet
from danvan.directives import services
from danvan.directives.filters import DirectiveFilter, ImplementationFilter, ObligationFilter
from danvan.directives.models import Directive, Implementation, Obligation, ObligationFulfilment


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
        fields = ["id", "directive", "title", "kind", "level", "period_unit", "period_years", "times", "first_year", "last_year"]
        extra_kwargs = {"period_unit": {"help_text": "year, or month for a duty of every month (KL 215-KL/TW's reception days)."}}


class ObligationFulfilmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = ObligationFulfilment
        fields = ["id", "obligation", "unit", "year", "month", "fulfilled_on", "description"]
        extra_kwargs = {"month": {"help_text": "1–12, the month a monthly obligation's fulfilment counts for; null for a yearly one."}}


class ObligationViewSet(ScopedReadOnlyViewSet):
    queryset = Obligation.objects.select_related("directive").order_by("pk")
    serializer_class = ObligationSerializer
    filterset_class = ObligationFilter

    @extend_schema(responses=ObligationFulfilmentSerializer(many=True))
    @action(detail=True, methods=["get"], serializer_class=ObligationFulfilmentSerializer, filterset_class=None, pagination_class=None)
    def fulfilments(self, request, pk=None, **kwargs):
        """The fulfilments recorded for this obligation by the units within your reach, with the month each counts for;
        a commune reads its own of the obligation a province or district set on it (as on the obligations page)."""
        if not str(pk).isdigit() or len(str(pk)) > 18:
            raise Http404
        obligation = get_object_or_404(Obligation.objects.binding_for(request.user), pk=int(pk))
        fulfilments = (ObligationFulfilment.objects.visible_to(request.user).filter(obligation=obligation)
                       .order_by("year", "month", "unit__path", "pk"))
        return Response(ObligationFulfilmentSerializer(fulfilments, many=True).data)
