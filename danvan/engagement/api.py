from rest_framework import serializers

from danvan.core.api import ScopedModelViewSet
from danvan.engagement import services
from danvan.engagement.filters import DialogueFilter
from danvan.engagement.models import Dialogue


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
