"""Commendation decisions and proposals through ``/api/v1/``; accepting and declining are action POSTs."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from danvan.awards import services
from danvan.organizations.models import Organization
from danvan.awards.models import CommendationDecision, CommendationProposal, ProposedRecipient, Recipient
from rest_framework import mixins

from danvan.core.api import ScopedReadOnlyViewSet, as_api_error

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
    decision = serializers.IntegerField()
    note = serializers.CharField(required=False, allow_blank=True, default="")


class DeclineSerializer(serializers.Serializer):
    reason = serializers.CharField(allow_blank=True)


def _run(call):
    try:
        return call()
    except ValidationError as error:
        raise as_api_error(error) from error


class _NestedCreateMixin(mixins.CreateModelMixin):
    """Creates the record with its nested recipients through the app's service; changes go through actions."""

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        recipients = [self.recipient_model(**item) for item in data.pop("recipients", [])]
        record = self.queryset.model(**data)
        serializer.instance = _run(lambda: self.create_service(self.request.user, record, recipients))


class CommendationDecisionViewSet(_NestedCreateMixin, ScopedReadOnlyViewSet):
    """Commendation decisions with their recipients, issued by bodies within the caller's scope."""

    queryset = CommendationDecision.objects.select_related("form").prefetch_related("recipients").order_by("-date", "id")
    serializer_class = DecisionSerializer
    recipient_model = Recipient

    @staticmethod
    def create_service(user, decision, recipients):
        return services.decide_commendation(user, decision, recipients)


class CommendationProposalViewSet(_NestedCreateMixin, ScopedReadOnlyViewSet):
    """Proposals sent by lower units; the receiving body accepts them into a decision or declines them."""

    queryset = CommendationProposal.objects.prefetch_related("recipients").order_by("-date", "id")
    serializer_class = ProposalSerializer
    recipient_model = ProposedRecipient

    @staticmethod
    def create_service(user, proposal, recipients):
        return services.propose_commendation(user, proposal, recipients)

    def get_serializer(self, *args, **kwargs):
        serializer = super().get_serializer(*args, **kwargs)
        fields = getattr(serializer, "fields", {})
        if "addressed_to" in fields:  # proposals go up, beyond the user's own subtree
            fields["addressed_to"].queryset = Organization.objects.addressable_by(self.request.user)
        return serializer

    @extend_schema(request=AcceptSerializer, responses=ProposalSerializer)
    @action(detail=True, methods=["get", "post"])
    def accept(self, request, pk=None, **kwargs):
        """GET shows the proposal; POST accepts it into a decision."""
        proposal = self.get_object()
        if request.method == "GET":
            return Response(self.get_serializer(proposal).data)
        payload = AcceptSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        decision = get_object_or_404(CommendationDecision.objects.visible_to(request.user), pk=payload.validated_data["decision"])
        _run(lambda: services.accept_proposal(request.user, proposal, decision, payload.validated_data["note"]))
        return Response(self.get_serializer(proposal).data)

    @extend_schema(request=DeclineSerializer, responses=ProposalSerializer)
    @action(detail=True, methods=["get", "post"])
    def decline(self, request, pk=None, **kwargs):
        """GET shows the proposal; POST declines it with a reason."""
        proposal = self.get_object()
        if request.method == "GET":
            return Response(self.get_serializer(proposal).data)
        payload = DeclineSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        _run(lambda: services.decline_proposal(request.user, proposal, payload.validated_data["reason"]))
        return Response(self.get_serializer(proposal).data)
