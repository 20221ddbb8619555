from drf_spectacular.utils import inline_serializer
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from danvan.core.api import ScopedModelViewSet, ScopedReadOnlyViewSet
from danvan.core.schema import action_schema
from danvan.oversight import services
from danvan.oversight.filters import FindingFilter, FollowUpFilter, MeetingFilter, MissionFilter
from danvan.oversight.models import Finding, FollowUp, Meeting, Mission

class TransitionInput(serializers.Serializer):
    to = serializers.CharField(max_length=40)
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=4000)


class TransitionActionMixin:
    action_serializers = {"transition": TransitionInput}

    """``GET …/{id}/transition/`` lists the allowed moves; ``POST {"to": …, "note": …}`` makes one (400 with the reason if refused)."""

    move = None
    workflow = None

    @action_schema(get=inline_serializer("AllowedMoves", {"status": serializers.CharField(), "allowed": serializers.ListField(child=serializers.CharField())}),
                   post_request=TransitionInput)
    @action(detail=True, methods=["get", "post"])
    def transition(self, request, pk=None, **kwargs):
        obj = self.get_object()
        if request.method == "GET":
            return Response({"status": obj.status, "allowed": self.workflow.targets(obj, request.user)})
        payload = self.payload()
        type(self).move(request.user, obj, payload["to"], payload["note"])
        return Response(self.get_serializer(obj).data)


class MissionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Mission
        fields = ["id", "kind", "subject", "directives", "unit", "leading_organization", "plan", "planned_start",
                  "planned_end", "started_on", "ended_on", "status", "summary"]
        read_only_fields = ["status", "started_on", "ended_on"]


class MissionViewSet(TransitionActionMixin, ScopedModelViewSet):
    queryset = Mission.objects.select_related("leading_organization").prefetch_related("directives").order_by("-planned_start", "-id")
    serializer_class = MissionSerializer
    filterset_class = MissionFilter
    move = staticmethod(services.move_mission)
    workflow = services.MISSION_FLOW

    def write(self, instance, extra):
        return services.plan_mission(self.request.user, instance, directives=extra.get("directives", ()))


class FindingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Finding
        fields = ["id", "mission", "target", "part", "text"]


class FindingViewSet(ScopedReadOnlyViewSet):
    queryset = Finding.objects.order_by("mission", "part", "pk")
    serializer_class = FindingSerializer
    filterset_class = FindingFilter


class MeetingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Meeting
        fields = ["id", "kind", "title", "unit", "organization", "held_on", "place", "chair", "chair_title", "summary", "conclusions", "directives"]


class MeetingViewSet(ScopedReadOnlyViewSet):
    queryset = Meeting.objects.prefetch_related("directives").order_by("-held_on", "-id")
    serializer_class = MeetingSerializer
    filterset_class = MeetingFilter


class FollowUpSerializer(serializers.ModelSerializer):
    is_overdue = serializers.BooleanField(read_only=True)

    class Meta:
        model = FollowUp
        fields = ["id", "kind", "mission", "meeting", "text", "owner_unit", "owner_organization", "deadline", "status",
                  "completed_on", "is_overdue"]
        read_only_fields = ["kind", "status", "completed_on"]


class FollowUpViewSet(TransitionActionMixin, ScopedModelViewSet):
    """``?status=open&unit={id}``: a unit's open follow-ups; ``?status=unfinished``, ``?overdue=true``."""

    queryset = FollowUp.objects.order_by("deadline", "pk")
    serializer_class = FollowUpSerializer
    filterset_class = FollowUpFilter
    move = staticmethod(services.move_follow_up)
    workflow = services.FOLLOW_UP_FLOW

    def write(self, instance, extra):
        return services.assign_follow_up(self.request.user, instance)
