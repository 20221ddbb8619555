from django.core.exceptions import ValidationError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from danvan.core.api import ScopedModelViewSet
from danvan.core.filters import ID_SCHEMA
from danvan.members import queries, services
from danvan.members.choices import LeaveReason
from danvan.members.filters import MembershipFilter
from danvan.members.forms import MemberStatsQuery
from danvan.members.models import Membership, MembershipPlacement


class PlacementSerializer(serializers.ModelSerializer):
    class Meta:
        model = MembershipPlacement
        fields = ["branch", "unit", "valid_from", "valid_to"]


class MembershipSerializer(serializers.ModelSerializer):
    """Minimal personal data (Nghị định 13/2023): the person by id; ``left`` and its reason change through ``leave``,
    the branch through ``transfer``."""

    placements = PlacementSerializer(many=True, read_only=True)

    class Meta:
        model = Membership
        fields = ["id", "person", "kind", "branch", "joined", "left", "leave_reason", "role", "is_core", "card_number", "placements"]
        read_only_fields = ["kind", "left", "leave_reason"]


class MembershipTransferInput(serializers.Serializer):
    branch = serializers.PrimaryKeyRelatedField(queryset=Membership._meta.get_field("branch").related_model.objects.all())
    on = serializers.DateField()


class MembershipLeaveInput(serializers.Serializer):
    left = serializers.DateField()
    leave_reason = serializers.ChoiceField(choices=LeaveReason.choices)


class MembershipViewSet(ScopedModelViewSet):
    """``?unit={id}&kind={id}&open=true|false&core=true|false&person={id}&joined_year=YYYY&reason=&q=``: memberships
    of a unit's branches (its subtree included)."""

    queryset = Membership.objects.prefetch_related("placements").order_by("-joined", "-id")
    serializer_class = MembershipSerializer
    filterset_class = MembershipFilter
    action_serializers = {"transfer": MembershipTransferInput, "leave": MembershipLeaveInput}

    def write(self, instance, extra):
        return services.record_membership(self.request.user, instance)

    def _step(self, service, *names):
        """GET shows the membership (as the other actions of the API do); POST takes the step."""
        membership = self.get_object()
        if self.request.method == "POST":
            payload = self.payload()
            service(self.request.user, membership, *(payload[name] for name in names))
            membership = self.get_object()  # read again: its placements changed
        return Response(self.get_serializer(membership).data)

    @extend_schema(request=MembershipTransferInput, responses=MembershipSerializer)
    @action(detail=True, methods=["get", "post"])
    def transfer(self, request, pk=None, **kwargs):
        """Move the member to another branch of the same organisation from ``on`` (chuyển sinh hoạt)."""
        return self._step(services.transfer, "branch", "on")

    @extend_schema(request=MembershipLeaveInput, responses=MembershipSerializer)
    @action(detail=True, methods=["get", "post"])
    def leave(self, request, pk=None, **kwargs):
        """End the membership on ``left`` (its last day) for ``leave_reason``."""
        return self._step(services.end_membership, "left", "leave_reason")


class FiguresSerializer(serializers.Serializer):
    new = serializers.IntegerField(help_text="Memberships begun in the period (kết nạp mới).")
    left = serializers.IntegerField(help_text="Memberships ended in the period (ra khỏi tổ chức); a transfer is neither.")
    memberships = serializers.IntegerField(help_text="Memberships (lượt) on the last day of the period.")
    persons = serializers.IntegerField(help_text="Distinct persons (người) on the last day of the period.")


class OrganizationFiguresSerializer(FiguresSerializer):
    kind = serializers.IntegerField(help_text="The organisation kind's id.")
    name = serializers.CharField()
    core = serializers.IntegerField()
    eligible = serializers.IntegerField(allow_null=True, help_text="The stored eligible population of the last day's year.")
    rate = serializers.CharField(help_text="persons/eligible (p%), as reports write it.")


class MemberStatsSerializer(FiguresSerializer):
    date_from = serializers.DateField()
    date_to = serializers.DateField()
    net_growth = serializers.IntegerField()
    core = serializers.IntegerField()
    by_organization = OrganizationFiguresSerializer(many=True)


STATS_PARAMETERS = [
    OpenApiParameter("unit", ID_SCHEMA, description="A unit within your scope, legacy or current (default: all of it)."),
    OpenApiParameter("from", OpenApiTypes.DATE, description="First day, YYYY-MM-DD (default: 1 January of the last day's year)."),
    OpenApiParameter("to", OpenApiTypes.DATE, description="Last day, YYYY-MM-DD (default: today); memberships and persons as of it."),
    OpenApiParameter("kind", ID_SCHEMA, description="One organisation kind only."),
]


class MemberStatsViewSet(viewsets.ViewSet):
    """``GET /api/v1/members/stats/``: the counts of the members page."""

    permission_classes = [IsAuthenticated]

    @extend_schema(parameters=STATS_PARAMETERS, responses=MemberStatsSerializer)
    @action(detail=False, methods=["get"])
    def stats(self, request, **kwargs):
        query = MemberStatsQuery(request.query_params, user=request.user)
        if not query.is_valid():
            raise ValidationError(query.errors.as_data())
        question = query.question()
        stats = queries.member_stats(question)
        return Response(MemberStatsSerializer({**stats, "date_from": question.date_from, "date_to": question.date_to}).data)
