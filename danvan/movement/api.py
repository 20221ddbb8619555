"""The movement through ``/api/v1/``: the same scoping, services and transitions as the pages."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from danvan.core.api import ScopedModelViewSet, ScopedReadOnlyViewSet
from danvan.core.filters import ID_SCHEMA, YEAR_SCHEMA
from danvan.core.schema import action_schema
from danvan.movement import services
from danvan.movement.choices import LEVEL_KEYS
from danvan.movement.filters import InitiativeFilter, UnitQuery, parse_span
from danvan.movement.models import Appraisal, Initiative, Recognition, Replication
from danvan.movement.queries import initiative_stats
from danvan.units.models import Unit


class InitiativeSerializer(serializers.ModelSerializer):
    confirm_duplicate = serializers.BooleanField(write_only=True, required=False, default=False)
    moves = serializers.SerializerMethodField()

    class Meta:
        model = Initiative
        fields = [
            "id", "name", "kind", "holder", "fields", "owner_organization", "owner_person", "unit", "phase",
            "registration_year", "description", "goals", "start_date", "expected_results", "status",
            "highest_level", "is_outstanding", "recognised_on", "last_result_on", "confirm_duplicate", "moves",
        ]
        read_only_fields = ["status", "highest_level", "is_outstanding", "recognised_on", "last_result_on"]

    def get_moves(self, initiative) -> list[str]:
        return services.available_moves(self.context["request"].user, initiative)


class TransitionSerializer(serializers.Serializer):
    action = serializers.ChoiceField(choices=list(services.SIMPLE_MOVES))
    note = serializers.CharField(required=False, allow_blank=True, default="")


class RecognitionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Recognition
        fields = ["id", "initiative", "level", "year", "decided_on", "document", "recognising_body", "appraisal", "outstanding"]
        read_only_fields = ["initiative", "recognising_body"]


class AppraisalSerializer(serializers.ModelSerializer):
    class Meta:
        model = Appraisal
        fields = ["id", "initiative", "level", "year", "date", "appraisers", "outcome", "score", "note"]
        read_only_fields = ["initiative"]


class ReplicationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Replication
        fields = ["id", "origin", "unit", "adopted_on", "adopter", "note"]
        read_only_fields = ["origin"]


class ResultSerializer(serializers.Serializer):
    date = serializers.DateField()
    text = serializers.CharField()
    # Bounded as the columns are (integer, bigint for money), so a huge figure is a 400, not a database error.
    beneficiaries = serializers.IntegerField(required=False, allow_null=True, min_value=0, max_value=2**31 - 1)
    households_out_of_poverty = serializers.IntegerField(required=False, allow_null=True, min_value=0, max_value=2**31 - 1)
    money_mobilised = serializers.IntegerField(required=False, allow_null=True, min_value=0, max_value=2**63 - 1)
    workdays_mobilised = serializers.IntegerField(required=False, allow_null=True, min_value=0, max_value=2**31 - 1)
    road_km = serializers.DecimalField(required=False, allow_null=True, max_digits=8, decimal_places=2, min_value=0)


class InitiativeViewSet(ScopedModelViewSet):
    """Initiatives (models and exemplars) within the caller's scope; transitions are POSTs to action endpoints."""

    queryset = Initiative.objects.select_related("unit").prefetch_related("fields").order_by("-registration_year", "name", "id")
    serializer_class = InitiativeSerializer
    filterset_class = InitiativeFilter
    action_serializers = {"transition": TransitionSerializer, "recognise": RecognitionSerializer, "appraise": AppraisalSerializer,
                          "replicate": ReplicationSerializer, "results": ResultSerializer}

    def write(self, instance, extra):
        return services.register_initiative(self.request.user, instance, extra.get("fields"), extra.get("confirm_duplicate", False))

    def _initiative(self):
        return self.get_object()

    @action_schema(get=inline_serializer("InitiativeMoves", {"status": serializers.CharField(), "moves": serializers.ListField(child=serializers.CharField())}),
                   post_request=TransitionSerializer, post_response=InitiativeSerializer)
    @action(detail=True, methods=["get", "post"])
    def transition(self, request, pk=None, **kwargs):
        """GET: the moves the caller may make now. POST: submit, approve, return (note required), start-appraisal, suspend, resume, end …"""
        initiative = self._initiative()
        if request.method == "GET":
            return Response({"status": initiative.status, "moves": services.available_moves(request.user, initiative)})
        payload = self.payload()
        services.move(request.user, initiative, services.SIMPLE_MOVES[payload["action"]], payload["note"])
        return Response(self.get_serializer(initiative).data)

    @action_schema(get=RecognitionSerializer(many=True), post_request=RecognitionSerializer, post_response=RecognitionSerializer, created=True)
    @action(detail=True, methods=["get", "post"])
    def recognise(self, request, pk=None, **kwargs):
        """GET lists the initiative's recognitions; POST adds one through the service."""
        initiative = self._initiative()
        if request.method == "GET":
            return Response(RecognitionSerializer(initiative.recognitions.all(), many=True).data)
        recognition = services.recognise_initiative(request.user, initiative, **self.payload())
        return Response(RecognitionSerializer(recognition).data, status=status.HTTP_201_CREATED)

    @action_schema(get=AppraisalSerializer(many=True), post_request=AppraisalSerializer, post_response=AppraisalSerializer, created=True)
    @action(detail=True, methods=["get", "post"])
    def appraise(self, request, pk=None, **kwargs):
        """GET lists the initiative's appraisals; POST adds one through the service."""
        initiative = self._initiative()
        if request.method == "GET":
            return Response(AppraisalSerializer(initiative.appraisals.all(), many=True).data)
        appraisal = services.appraise(request.user, initiative, **self.payload())
        return Response(AppraisalSerializer(appraisal).data, status=status.HTTP_201_CREATED)

    @action_schema(get=ReplicationSerializer(many=True), post_request=ReplicationSerializer, post_response=ReplicationSerializer, created=True)
    @action(detail=True, methods=["get", "post"])
    def replicate(self, request, pk=None, **kwargs):
        """GET lists the initiative's replications; POST adds one through the service."""
        initiative = self._initiative()
        if request.method == "GET":
            return Response(ReplicationSerializer(initiative.replications.all(), many=True).data)
        replication = services.replicate(request.user, initiative, **self.payload())
        return Response(ReplicationSerializer(replication).data, status=status.HTTP_201_CREATED)

    @action_schema(get=ResultSerializer(many=True), post_request=ResultSerializer, post_response=ResultSerializer, created=True)
    @action(detail=True, methods=["get", "post"])
    def results(self, request, pk=None, **kwargs):
        """GET lists the initiative's result updates; POST adds one through the service."""
        initiative = self._initiative()
        if request.method == "GET":
            return Response(ResultSerializer(initiative.result_updates.all(), many=True).data)
        update = services.record_result(request.user, initiative, **self.payload())
        return Response(ResultSerializer(update).data, status=status.HTTP_201_CREATED)

    @extend_schema(parameters=[
        OpenApiParameter("unit", ID_SCHEMA), OpenApiParameter("from_year", YEAR_SCHEMA), OpenApiParameter("to_year", YEAR_SCHEMA),
        OpenApiParameter("phase", ID_SCHEMA),
    ], responses=dict)
    @action(detail=False, methods=["get"])
    def stats(self, request, **kwargs):
        """Statistics of a unit's subtree (legacy or current) over a span of years or a phase."""
        unit = stats_unit(request)
        span = parse_span(request.query_params, unit)
        stats = initiative_stats(unit, span)
        stats["typical"] = [
            {"initiative": recognition.initiative_id, "name": recognition.initiative.name, "owner": str(recognition.initiative.owner or ""),
             "unit": str(recognition.initiative.unit), "level": LEVEL_KEYS[recognition.level], "year": recognition.year}
            for recognition in stats["typical"]
        ]
        return Response(stats)


def stats_unit(request):
    """The unit asked about (default: the user's own); one outside the user's scope answers 404."""
    query = UnitQuery(request.query_params)
    if not query.is_valid():
        raise ValidationError(query.errors.as_data())
    if query.cleaned_data["unit"] is None:
        return request.user.unit
    return get_object_or_404(Unit.objects.visible_to(request.user), pk=query.cleaned_data["unit"])


class RecognitionViewSet(ScopedReadOnlyViewSet):
    queryset = Recognition.objects.order_by("-year", "level", "id")
    serializer_class = RecognitionSerializer


class AppraisalViewSet(ScopedReadOnlyViewSet):
    queryset = Appraisal.objects.order_by("-year", "id")
    serializer_class = AppraisalSerializer


class ReplicationViewSet(ScopedReadOnlyViewSet):
    queryset = Replication.objects.order_by("-adopted_on", "id")
    serializer_class = ReplicationSerializer


