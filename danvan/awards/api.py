"""Commendation decisions and proposals through ``/api/v1/``; accepting and declining are action POSTs."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from danvan.awards import services
from danvan.awards.filters import DecisionFilter, ProposalFilter
from danvan.awards.models import CommendationDecision, CommendationProposal, ProposedRecipient, Recipient
from rest_framework import mixins

from danvan.core.api import ScopedReadOnlyViewSet

RECIPIENT_FIELDS = ["id", "kind", "organization", "person", "initiative", "achievement"]


class RecipientSerializer(serializers.ModelSerializer):
    class Meta:
        model = Recipient
        fields = RECIPIENT_FIELDS


class ProposedRecipientSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProposedRecipient
        fields = RECIPIENT_FIELDS


class DecisionSerializer(serializers.ModelSerializer):
    recipients = RecipientSerializer(many=True)

    class Meta:
        model = CommendationDecision
        fields = ["id", "number", "date", "issuing_body", "signer", "signer_title", "form", "reason", "phase", "recipients"]


class ProposalSerializer(serializers.ModelSerializer):
    recipients = ProposedRecipientSerializer(many=True)

    class Meta:
        model = CommendationProposal
        fields = ["id", "proposing_body", "addressed_to", "form", "date", "reason", "status", "decision", "recipients"]
        read_only_fields = ["status", "decision"]


class AcceptSerializer(serializers.Serializer):
    decision = serializers.PrimaryKeyRelatedField(queryset=CommendationDecision.objects.all())
    note = serializers.CharField(required=False, allow_blank=True, default="")


class DeclineSerializer(serializers.Serializer):
    reason = serializers.CharField(allow_blank=True)


class _NestedCreateMixin(mixins.CreateModelMixin):
    """Creates the record with its nested recipients through the app's service; changes go through actions."""

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        recipients = [self.recipient_model(**item) for item in data.pop("recipients", [])]
        record = self.queryset.model(**data)
        serializer.instance = self.create_service(self.request.user, record, recipients)


class CommendationDecisionViewSet(_NestedCreateMixin, ScopedReadOnlyViewSet):
    """Commendation decisions with their recipients, issued by bodies within the caller's scope."""

    queryset = CommendationDecision.objects.select_related("form").prefetch_related("recipients").order_by("-date", "id")
    serializer_class = DecisionSerializer
    filterset_class = DecisionFilter
    recipient_model = Recipient

    @staticmethod
    def create_service(user, decision, recipients):
        return services.decide_commendation(user, decision, recipients)


class CommendationProposalViewSet(_NestedCreateMixin, ScopedReadOnlyViewSet):
    """Proposals sent by lower units; the receiving body accepts them into a decision or declines them."""

    queryset = CommendationProposal.objects.prefetch_related("recipients").order_by("-date", "id")
    serializer_class = ProposalSerializer
    filterset_class = ProposalFilter
    recipient_model = ProposedRecipient
    action_serializers = {"accept": AcceptSerializer, "decline": DeclineSerializer}

    @staticmethod
    def create_service(user, proposal, recipients):
        return services.propose_commendation(user, proposal, recipients)

    @extend_schema(request=AcceptSerializer, responses=ProposalSerializer)
    @action(detail=True, methods=["get", "post"])
    def accept(self, request, pk=None, **kwargs):
        """GET shows the proposal; POST accepts it into a decision."""
        proposal = self.get_object()
        if request.method == "GET":
            return Response(self.get_serializer(proposal).data)
        payload = self.payload()
        services.accept_proposal(request.user, proposal, payload["decision"], payload["note"])
        return Response(self.get_serializer(proposal).data)

    @extend_schema(request=DeclineSerializer, responses=ProposalSerializer)
    @action(detail=True, methods=["get", "post"])
    def decline(self, request, pk=None, **kwargs):
        """GET shows the proposal; POST declines it with a reason."""
        proposal = self.get_object()
        if request.method == "GET":
            return Response(self.get_serializer(proposal).data)
        services.decline_proposal(request.user, proposal, self.payload()["reason"])
        return Response(self.get_serializer(proposal).data)
