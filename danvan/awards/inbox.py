"""Commendation's part of "Việc của tôi": proposals sent to bodies of the approver's units."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from danvan.awards.choices import ProposalStatus
from danvan.awards.models import CommendationProposal
from danvan.core.choices import Role
from danvan.core.inbox import InboxSection
from danvan.core.scoping import Scope


def proposals_to_decide(user):
    if not user.can(Role.APPROVER):
        return None
    addressed = Scope.for_user(user).filter(CommendationProposal.objects.all(), "addressed_to__unit")
    waiting = (addressed.filter(status=ProposalStatus.SUBMITTED).exclude(proposed_by=user)
               .select_related("proposing_body", "form").order_by("date", "pk"))
    return InboxSection(_("Commendation proposals to decide"), f"{reverse('awards:proposal-list')}?status={ProposalStatus.SUBMITTED}",
                        waiting, detail=lambda proposal: proposal.form)
