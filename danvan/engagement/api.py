from django.core.exceptions import ValidationError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response
from django.utils.translation import gettext as _

from danvan.core.api import ScopedModelViewSet
from danvan.core.filters import ID_SCHEMA
from danvan.engagement import queries, services
from danvan.engagement.choices import Channel, Satisfaction
from danvan.engagement.filters import DialogueFilter, HotCaseFilter, PetitionFilter, StatsQuery
from danvan.engagement.models import Dialogue, HotCase, HotCaseEvent, Petition, PetitionTransfer


class DialogueSerializer(serializers.ModelSerializer):
    class Meta:
        model = Dialogue
        fields = ["id", "kind", "date", "unit", "organizations", "chair", "chair_title", "place", "participants",
                  "opinions_raised", "opinions_answered", "summary"]
        read_only_fields = ["chair_title"]


class DialogueViewSet(ScopedModelViewSet):
    """``?unit={id}&year=YYYY``: a unit's dialogues and receptions of a year (its subtree included)."""

    queryset = Dialogue.objects.select_related("unit", "chair").prefetch_related("organizations").order_by("-date", "-id")
    serializer_class = DialogueSerializer
    filterset_class = DialogueFilter

    def write(self, instance, extra):
        return services.record_dialogue(self.request.user, instance, organizations=extra.get("organizations"))


class PetitionSerializer(serializers.ModelSerializer):
    """The petitioner's name and contact are written when a petition is recorded, and read back only by a
    user holding ``engagement.view_petitioner`` (each read logged)."""

    status_type = serializers.CharField(read_only=True)
    status_label = serializers.SerializerMethodField(help_text="The status as the petition's province words it, else the default label.")
    is_overdue = serializers.BooleanField(read_only=True)
    answered_on_time = serializers.BooleanField(read_only=True, allow_null=True)

    class Meta:
        model = Petition
        fields = ["id", "unit", "channel", "dialogue", "kind", "field", "content", "petitioner_name", "petitioner_contact",
                  "received_on", "deadline", "deadline_pending_year", "assigned_to", "status", "status_type", "status_label", "is_overdue",
                  "answered_on_time", "answer", "answered_on", "satisfaction", "addressed_level", "is_escalated", "repeat_of", "case"]
        # A repeat is merged and a petition grouped into a case by their own steps (``merge``, ``case``).
        read_only_fields = ["deadline", "deadline_pending_year", "status", "answer", "answered_on", "satisfaction", "is_escalated", "repeat_of", "case"]
        extra_kwargs = {"petitioner_name": {"write_only": True}, "petitioner_contact": {"write_only": True}}

    def get_status_label(self, petition) -> str:
        # The serializer's context lives for one response: the labels are read once for a whole page.
        if "status_labeller" not in self.context:
            self.context["status_labeller"] = queries.status_labeller()
        return self.context["status_labeller"](petition)


class PetitionerSerializer(PetitionSerializer):
    """The same, with the petitioner shown: for users allowed to see them."""

    class Meta(PetitionSerializer.Meta):
        extra_kwargs = {}


class TransferInput(serializers.ModelSerializer):
    """A model serializer so that ``to_body`` offers the chain of units (``PetitionTransfer.related_scopes``), not only the scope."""

    sent_on = serializers.DateField(required=False, allow_null=True, default=None)
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=4000)

    class Meta:
        model = PetitionTransfer
        fields = ["to_body", "sent_on", "note"]


class AcceptInput(serializers.Serializer):
    on = serializers.DateField(required=False, allow_null=True, default=None)
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=4000)


class ReturnInput(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, default="", max_length=4000)
    on = serializers.DateField(required=False, allow_null=True, default=None)


class AnswerInput(serializers.Serializer):
    answer = serializers.CharField(required=False, allow_blank=True, default="", max_length=20_000)
    answered_on = serializers.DateField(required=False, allow_null=True, default=None)


class CloseInput(serializers.Serializer):
    satisfaction = serializers.ChoiceField(choices=[("", ""), *Satisfaction.choices], required=False, allow_blank=True, default="")
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=4000)


class FiguresSerializer(serializers.Serializer):
    received = serializers.IntegerField()
    answered_on_time = serializers.IntegerField()
    answered_late = serializers.IntegerField()
    open = serializers.IntegerField(help_text="Not yet answered (open or in progress).")
    overdue = serializers.IntegerField()
    escalated = serializers.IntegerField(help_text="Sent above the level responsible for the unit concerned (vượt cấp).")


class BreakdownSerializer(FiguresSerializer):
    id = serializers.CharField(help_text="The field's or kind's id, or the channel's code.")
    name = serializers.CharField()


class DialogueFiguresSerializer(serializers.Serializer):
    held = serializers.IntegerField()
    participants = serializers.IntegerField()
    opinions_raised = serializers.IntegerField()
    opinions_answered = serializers.IntegerField()


class DialogueRowSerializer(DialogueFiguresSerializer):
    level = serializers.IntegerField()
    level_name = serializers.CharField()
    kind = serializers.CharField()
    kind_name = serializers.CharField()


class DialogueStatsSerializer(DialogueFiguresSerializer):
    by_level_and_kind = DialogueRowSerializer(many=True)


class PetitionStatsSerializer(FiguresSerializer):
    date_from = serializers.DateField()
    date_to = serializers.DateField()
    median_working_days = serializers.FloatField(allow_null=True, help_text="Working days from receipt to answer; null before any answer.")
    by_field = BreakdownSerializer(many=True)
    by_kind = BreakdownSerializer(many=True)
    by_channel = BreakdownSerializer(many=True)
    dialogues = DialogueStatsSerializer()


STATS_PARAMETERS = [
    OpenApiParameter("unit", ID_SCHEMA, description="A unit within your scope (default: all of it)."),
    OpenApiParameter("from", OpenApiTypes.DATE, description="First day of receipt, YYYY-MM-DD (default: 1 January of the last day's year)."),
    OpenApiParameter("to", OpenApiTypes.DATE, description="Last day of receipt, YYYY-MM-DD (default: today)."),
    OpenApiParameter("channel", {"type": "string", "enum": list(Channel.values)}),
    OpenApiParameter("field", ID_SCHEMA), OpenApiParameter("kind", ID_SCHEMA),
]


class StepsMixin:
    def _step(self, service, **names):
        """GET shows the record (as the other actions of the API do); POST takes the step."""
        record = self.get_object()
        if self.request.method == "GET":
            return Response(self.get_serializer(record).data)
        payload = self.payload()
        service(self.request.user, record, **{name: payload[key] for name, key in names.items()})
        return Response(self.get_serializer(record).data)


MAX_REPEATS = 100  # a matter sent again a hundred times is already a hot case


class RepeatsField(serializers.ManyRelatedField):
    """Refuses an overlong list before looking up each of its petitions."""

    def to_internal_value(self, data):
        if isinstance(data, (list, tuple)) and len(data) > MAX_REPEATS:
            raise serializers.ValidationError(_("Merge at most %(count)d petitions at a time.") % {"count": MAX_REPEATS})
        return super().to_internal_value(data)


class MergeInput(serializers.Serializer):
    repeats = RepeatsField(child_relation=serializers.PrimaryKeyRelatedField(queryset=Petition.objects.all()), allow_empty=False)


class UnmergeInput(serializers.Serializer):
    """Nothing to send: the petition named in the address is taken out of the matter it was merged into."""


class CaseInput(serializers.Serializer):
    case = serializers.PrimaryKeyRelatedField(queryset=HotCase.objects.all(), allow_null=True)


class PetitionViewSet(StepsMixin, ScopedModelViewSet):
    """``?unit={id}&status=open|in_progress|answered|closed&overdue=true``; each step of the handling is a POST
    to its action (``transfer``, ``accept``, ``return``, ``answer``, ``close``), refused with the reason (400)."""

    queryset = Petition.objects.select_related("kind", "unit").order_by("-received_on", "-id")
    serializer_class = PetitionSerializer
    filterset_class = PetitionFilter
    action_serializers = {"transfer": TransferInput, "accept": AcceptInput, "return_": ReturnInput, "answer": AnswerInput, "close": CloseInput,
                          "merge": MergeInput, "unmerge": UnmergeInput, "case": CaseInput}

    def get_serializer_class(self):
        if self.request is not None and services.may_see_petitioner(self.request.user):
            return PetitionerSerializer
        return PetitionSerializer

    def get_serializer(self, *args, **kwargs):
        serializer = super().get_serializer(*args, **kwargs)
        shown = args[0] if args else kwargs.get("instance")
        if shown is not None and self.get_serializer_class() is PetitionerSerializer:
            # The answer shows the petitioner of each petition it holds: a read to log, one row per petition.
            services.log_petitioner_reads(self.request.user, shown if isinstance(shown, (list, tuple)) else [shown], surface="api")
        return serializer

    def write(self, instance, extra):
        return services.record_petition(self.request.user, instance)

    @extend_schema(request=TransferInput, responses=PetitionSerializer)
    @action(detail=True, methods=["get", "post"])
    def transfer(self, request, pk=None, **kwargs):
        return self._step(services.transfer_petition, to_body="to_body", sent_on="sent_on", note="note")

    @extend_schema(request=AcceptInput, responses=PetitionSerializer)
    @action(detail=True, methods=["get", "post"])
    def accept(self, request, pk=None, **kwargs):
        return self._step(services.accept_petition, on="on", note="note")

    @extend_schema(request=ReturnInput, responses=PetitionSerializer)
    @action(detail=True, methods=["get", "post"], url_path="return", url_name="return")
    def return_(self, request, pk=None, **kwargs):
        return self._step(services.return_petition, reason="reason", on="on")

    @extend_schema(request=AnswerInput, responses=PetitionSerializer)
    @action(detail=True, methods=["get", "post"])
    def answer(self, request, pk=None, **kwargs):
        return self._step(services.answer_petition, answer="answer", on="answered_on")

    @extend_schema(request=CloseInput, responses=PetitionSerializer)
    @action(detail=True, methods=["get", "post"])
    def close(self, request, pk=None, **kwargs):
        return self._step(services.close_petition, satisfaction="satisfaction", note="note")

    @extend_schema(request=MergeInput, responses=PetitionSerializer)
    @action(detail=True, methods=["get", "post"])
    def merge(self, request, pk=None, **kwargs):
        """Merge the repeat petitions named into this one: they are counted once, as this one."""
        return self._step(services.merge_petitions, repeats="repeats")

    @extend_schema(request=UnmergeInput, responses=PetitionSerializer)
    @action(detail=True, methods=["get", "post"])
    def unmerge(self, request, pk=None, **kwargs):
        """Take this petition out of the matter it was merged into (tách khỏi vụ việc): it counts on its own again."""
        return self._step(services.unmerge_petition)

    @extend_schema(request=CaseInput, responses=PetitionSerializer)
    @action(detail=True, methods=["get", "post"])
    def case(self, request, pk=None, **kwargs):
        """Group the petition into a hot case (``null``: take it out)."""
        return self._step(services.link_petition, case="case")

    @extend_schema(parameters=STATS_PARAMETERS, responses=PetitionStatsSerializer)
    @action(detail=False, methods=["get"])
    def stats(self, request, **kwargs):
        """Received, answered on time, answered late, open, overdue and the median working days to answer of the
        petitions received in a period in a unit's subtree (legacy or current), by field, kind and channel; and the
        dialogues held there by level and kind."""
        query = StatsQuery(request.query_params, user=request.user)
        if not query.is_valid():
            raise ValidationError(query.errors.as_data())
        return Response(PetitionStatsSerializer(queries.statistics(query.question())).data)


class HotCaseEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = HotCaseEvent
        fields = ["id", "date", "text", "recorded_by"]


class HotCaseSerializer(serializers.ModelSerializer):
    """Settled is read from ``settled_on``; both change only through the ``settle`` and ``reopen`` actions."""

    settled = serializers.BooleanField(read_only=True)
    events = HotCaseEventSerializer(many=True, read_only=True)

    class Meta:
        model = HotCase
        fields = ["id", "name", "settled", "unit", "leader", "leader_title", "opened_on", "settled_on", "settlement", "description", "events"]
        read_only_fields = ["leader_title", "settled_on", "settlement"]


class SettleInput(serializers.Serializer):
    settlement = serializers.CharField(required=False, allow_blank=True, default="", max_length=20_000)
    settled_on = serializers.DateField(required=False, allow_null=True, default=None)


class ReopenInput(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, default="", max_length=4000)


class EventInput(serializers.Serializer):
    text = serializers.CharField(required=False, allow_blank=True, default="", max_length=20_000)
    date = serializers.DateField(required=False, allow_null=True, default=None)


class HotCaseViewSet(StepsMixin, ScopedModelViewSet):
    """``?unit={id}&settled=true|false``: a unit's hot cases (its subtree included); ``event``, ``settle`` and
    ``reopen`` are POSTs to their actions, refused with the reason (400)."""

    queryset = HotCase.objects.select_related("unit", "leader").prefetch_related("events").order_by("-opened_on", "-id")
    serializer_class = HotCaseSerializer
    filterset_class = HotCaseFilter
    action_serializers = {"event": EventInput, "settle": SettleInput, "reopen": ReopenInput}

    def write(self, instance, extra):
        return services.record_case(self.request.user, instance)

    @extend_schema(request=EventInput, responses=HotCaseSerializer)
    @action(detail=True, methods=["get", "post"])
    def event(self, request, pk=None, **kwargs):
        """Record on the timeline what was done on a day."""
        return self._step(services.add_case_event, text="text", on="date")

    @extend_schema(request=SettleInput, responses=HotCaseSerializer)
    @action(detail=True, methods=["get", "post"])
    def settle(self, request, pk=None, **kwargs):
        return self._step(services.settle_case, settlement="settlement", on="settled_on")

    @extend_schema(request=ReopenInput, responses=HotCaseSerializer)
    @action(detail=True, methods=["get", "post"])
    def reopen(self, request, pk=None, **kwargs):
        return self._step(services.reopen_case, reason="reason")
