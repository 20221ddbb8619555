from django.core.exceptions import ValidationError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import mixins, serializers
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.views import APIView

from danvan.core.api import ScopedModelViewSet, ScopedReadOnlyViewSet
from danvan.core.choices import Role
from danvan.core.filters import ID_SCHEMA
from danvan.core.statistics import Reach
from danvan.reporting import queries, services
from danvan.reporting.filters import CompletenessQuery, SpanQuery, SubmissionFilter
from danvan.reporting.models import MAX_VALUE, Indicator, Submission, SubmissionValue
from danvan.reporting.views import completeness_of


def _valid(query):
    if not query.is_valid():
        raise ValidationError(query.errors.as_data())
    return query


class IndicatorSerializer(serializers.ModelSerializer):
    numerator = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    denominator = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    disaggregations = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = Indicator
        fields = ["code", "name", "unit_of_measure", "aggregation", "numerator", "denominator", "disaggregations", "source"]


VALUES_PARAMETERS = [
    OpenApiParameter("unit", ID_SCHEMA, description="A unit within your scope (default: your own unit)."),
    OpenApiParameter("from", OpenApiTypes.DATE, description="First day, YYYY-MM-DD (default: 1 January of the last day's year)."),
    OpenApiParameter("to", OpenApiTypes.DATE, description="Last day, YYYY-MM-DD (default: today)."),
    OpenApiParameter("codes", OpenApiTypes.STR, description="Indicator codes separated by commas (default: all)."),
]
VALUES_ANSWER = inline_serializer("IndicatorValues", {"values": serializers.DictField(child=serializers.FloatField(allow_null=True))})


class IndicatorListView(APIView):
    """The catalogue of indicators, the same for the whole country; each has a stable ``code``."""

    @extend_schema(responses=IndicatorSerializer(many=True))
    def get(self, request):
        indicators = Indicator.objects.select_related("numerator", "denominator")
        return Response(IndicatorSerializer(indicators, many=True).data)


class IndicatorValuesView(APIView):
    @extend_schema(parameters=VALUES_PARAMETERS, responses=VALUES_ANSWER)
    def get(self, request):
        """Each indicator's figure for a unit's subtree and the legacy units that became part of it, over a span:
        summed, a ratio of sums, or each unit's latest value summed."""
        unit, date_from, date_to, codes = _valid(SpanQuery(request.query_params, user=request.user)).asked()
        return Response({"values": queries.indicator_values(codes, Reach.of(unit), date_from, date_to)})


COMPLETENESS_PARAMETERS = [
    OpenApiParameter("unit", ID_SCHEMA, description="A unit within your scope (default: all of it)."),
    OpenApiParameter("form", ID_SCHEMA, description="A report form."),
    OpenApiParameter("period", ID_SCHEMA, description="A reporting period."),
]
COMPLETENESS_ANSWER = inline_serializer("Completeness", {name: serializers.IntegerField() for name in queries.COMPLETENESS_KEYS})


class CompletenessView(APIView):
    """Reports expected, sent (on time, late) and missing (and of them past the deadline) within your scope."""

    @extend_schema(parameters=COMPLETENESS_PARAMETERS, responses=COMPLETENESS_ANSWER)
    def get(self, request):
        asked = _valid(CompletenessQuery(request.query_params, user=request.user)).cleaned_data
        return Response(queries.completeness(completeness_of(Submission.objects.visible_to(request.user), asked)))


class SubmissionValueSerializer(serializers.ModelSerializer):
    indicator = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = SubmissionValue
        fields = ["indicator", "value", "computed", "reason", "confirmed"]


class SubmissionSerializer(serializers.ModelSerializer):
    values = SubmissionValueSerializer(many=True, read_only=True)
    reporter = serializers.StringRelatedField(read_only=True)
    period_label = serializers.CharField(source="period.label", read_only=True)

    class Meta:
        model = Submission
        fields = ["id", "form", "period", "period_label", "unit", "organization", "reporter", "status", "deadline", "first_submitted_on", "narrative", "values", "version"]
        read_only_fields = ["status", "deadline", "first_submitted_on", "narrative", "version"]


class FigureSerializer(serializers.Serializer):
    indicator = serializers.SlugRelatedField(slug_field="code", queryset=Indicator.objects.all())
    value = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True, min_value=None, max_value=MAX_VALUE)
    reason = serializers.CharField(required=False, allow_blank=True, max_length=1000, default="")
    confirmed = serializers.BooleanField(required=False, default=False)


class FiguresSerializer(serializers.Serializer):
    """The figures to store; ``version`` is the one read (a save after someone else's is refused)."""

    figures = FigureSerializer(many=True, max_length=200)
    narrative = serializers.DictField(child=serializers.CharField(allow_blank=True, max_length=20000), required=False)
    version = serializers.IntegerField(required=False, min_value=1, max_value=2**31 - 1)


class NoteSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, max_length=2000, default="")


class ReturnSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=2000)


class SubmissionViewSet(mixins.CreateModelMixin, ScopedReadOnlyViewSet):
    """``?unit={id}&period={id}&status=``: the reports of a unit's subtree (its lineage included). A report is opened
    by the system when its period begins; a POST opens one for a unit that came later."""

    queryset = Submission.objects.select_related("period__form", "unit", "organization").prefetch_related("values__indicator").order_by(
        "-period__start", "unit__path", "pk")
    serializer_class = SubmissionSerializer
    filterset_class = SubmissionFilter
    # A report is never edited or deleted as a whole: its figures and its steps have their own actions.
    perform_create = ScopedModelViewSet.perform_create
    _apply = staticmethod(ScopedModelViewSet._apply)
    action_serializers = {"figures": FiguresSerializer, "submit": NoteSerializer, "accept": NoteSerializer,
                          "send_back": ReturnSerializer}

    def write(self, instance, extra):
        return services.start_submission(self.request.user, instance.form, instance.period, instance.unit, instance.organization)

    def _step(self, take):
        """GET shows the report (as the other actions of the API do); POST takes the step with the request's body."""
        submission = self.get_object()
        if self.request.method == "POST":
            take(submission, self.payload())
        submission = self.get_queryset().get(pk=submission.pk)
        return self._with_etag(Response(SubmissionSerializer(submission).data), submission)

    @extend_schema(request=FiguresSerializer, responses=SubmissionSerializer)
    @action(detail=True, methods=["get", "post"])
    def figures(self, request, pk=None, **kwargs):
        """Store figures of a draft or returned report; each refusal names its indicator, and nothing is saved."""
        return self._step(lambda submission, data: services.save_figures(
            request.user, submission, {item["indicator"].pk: item for item in data["figures"]}, data.get("narrative"), data.get("version")))

    @extend_schema(request=NoteSerializer, responses=SubmissionSerializer)
    @action(detail=True, methods=["get", "post"])
    def submit(self, request, pk=None, **kwargs):
        return self._step(lambda submission, data: services.submit(request.user, submission, data["note"]))

    @extend_schema(request=NoteSerializer, responses=SubmissionSerializer)
    @action(detail=True, methods=["get", "post"], write_role=Role.APPROVER)
    def accept(self, request, pk=None, **kwargs):
        return self._step(lambda submission, data: services.accept(request.user, submission, data["note"]))

    @extend_schema(request=ReturnSerializer, responses=SubmissionSerializer)
    @action(detail=True, methods=["get", "post"], url_path="return", url_name="return", write_role=Role.APPROVER)
    def send_back(self, request, pk=None, **kwargs):
        """Return the report for correction, with the reason."""
        return self._step(lambda submission, data: services.return_for_correction(request.user, submission, data["note"]))
