"""Every change to commendation: decisions with their recipients, proposals accepted or declined."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.awards.choices import ProposalStatus
from danvan.awards.models import CommendationProposal, Recipient
from danvan.core.choices import Role
from danvan.core.scoping import unit_within
from danvan.core.services import ensure_in_scope, ensure_unit_in_scope, require_role, save_record
from danvan.core.workflow import Step, Workflow

PROPOSAL_FLOW = Workflow(model=CommendationProposal, steps={
    (ProposalStatus.SUBMITTED, ProposalStatus.ACCEPTED): Step(Role.APPROVER),
    (ProposalStatus.SUBMITTED, ProposalStatus.DECLINED): Step(Role.APPROVER, note_required=True),
})


def _save_recipients(user, recipients, parent_field, parent):
    for index, recipient in enumerate(recipients, 1):
        setattr(recipient, parent_field, parent)
        try:
            save_record(user, recipient)
        except ValidationError as error:
            raise ValidationError(_("Recipient %(index)s: %(error)s") % {"index": index, "error": " ".join(error.messages)}) from error


@transaction.atomic
def decide_commendation(user, decision, recipients=()):
    """Record a commendation decision and its recipients (approvers of the issuing body's unit)."""
    save_record(user, decision, Role.APPROVER)
    _save_recipients(user, recipients, "decision", decision)
    return decision


@transaction.atomic
def add_recipient(user, decision, recipient):
    require_role(user, Role.APPROVER)
    ensure_in_scope(user, decision)
    _save_recipients(user, [recipient], "decision", decision)
    return recipient


@transaction.atomic
def propose_commendation(user, proposal, recipients):
    """A lower unit proposes recipients to the body above it that issues decisions."""
    require_role(user, Role.EDITOR)
    if not recipients:
        raise ValidationError(_("A proposal needs at least one recipient."))
    proposal.status = ProposalStatus.SUBMITTED
    proposal.proposed_by = user
    if proposal.addressed_to_id and proposal.proposing_body_id:
        if not unit_within(proposal.proposing_body.unit, proposal.addressed_to.unit):
            raise ValidationError({"addressed_to": _("A proposal goes to a body of the same unit or a unit above the proposing body.")})
    save_record(user, proposal)
    _save_recipients(user, recipients, "proposal", proposal)
    return proposal


@transaction.atomic
def accept_proposal(user, proposal, decision, note=""):
    """Accept a proposal into a decision of the body it was addressed to: its recipients join the decision."""
    require_role(user, Role.APPROVER)
    ensure_in_scope(user, proposal)
    ensure_in_scope(user, decision)
    ensure_unit_in_scope(user, proposal.addressed_to.unit, "addressed_to")
    if decision.issuing_body_id != proposal.addressed_to_id:
        raise ValidationError({"decision": _("The decision must be issued by %(body)s, the body the proposal was sent to.")
                               % {"body": proposal.addressed_to}})
    _refuse_own_proposal(user, proposal)
    PROPOSAL_FLOW.check(proposal, ProposalStatus.ACCEPTED, user, note)
    Recipient.objects.bulk_create(
        Recipient(decision=decision, kind=proposed.kind, organization_id=proposed.organization_id,
                  person_id=proposed.person_id, initiative_id=proposed.initiative_id, achievement=proposed.achievement)
        for proposed in proposal.recipients.all()
    )
    proposal.decision = decision
    return PROPOSAL_FLOW.move(proposal, ProposalStatus.ACCEPTED, user, note or str(decision))


@transaction.atomic
def decline_proposal(user, proposal, reason):
    """Only the body the proposal was sent to (an approver whose units hold it) may decline it."""
    require_role(user, Role.APPROVER)
    ensure_in_scope(user, proposal)
    ensure_unit_in_scope(user, proposal.addressed_to.unit, "addressed_to")
    _refuse_own_proposal(user, proposal)
    return PROPOSAL_FLOW.move(proposal, ProposalStatus.DECLINED, user, reason)


def _refuse_own_proposal(user, proposal):
    if proposal.proposed_by_id is not None and proposal.proposed_by_id == user.pk:
        raise ValidationError(_("You sent this proposal yourself: another approver of the body it was sent to decides it."))
