"""The review queue's part of "Việc của tôi": documents read and waiting for an editor's decisions."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from danvan.core.choices import Role
from danvan.core.inbox import InboxSection
from danvan.ingest.models import SourceDocument


def documents_to_review(user):
    if not user.can(Role.EDITOR):
        return None
    waiting = SourceDocument.objects.visible_to(user).filter(status=SourceDocument.Status.EXTRACTED).select_related("unit").order_by("pk")
    return InboxSection(_("Reports read and waiting for review"), f"{reverse('ingest:list')}?status={SourceDocument.Status.EXTRACTED}",
                        waiting, detail=lambda document: document.unit)
