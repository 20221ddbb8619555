import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from danvan.awards import services
from danvan.awards.choices import ProposalStatus
from danvan.awards.models import CommendationDecision, CommendationProposal, ProposedRecipient, Recipient
from danvan.awards.tests.factories import CommendationFormFactory, DecisionFactory
from danvan.core.choices import Role
from danvan.organizations.tests.factories import OrganizationFactory
from danvan.people.tests.factories import PersonFactory


def _decision(body, number="245-QĐ/HU"):
    return CommendationDecision(number=number, date=datetime.date(2020, 8, 4), issuing_body=body,
                                form=CommendationFormFactory(), reason="Dân vận khéo 2016–2020")


def test_a_decision_holds_collective_and_individual_recipients(tree, make_user):
    approver = make_user(unit=tree.ld1, role=Role.APPROVER)
    body = OrganizationFactory(unit=tree.ld1, name="Huyện ủy Châu Thành")
    recipients = [Recipient(kind="collective", organization=OrganizationFactory(unit=tree.lc1)),
                  Recipient(kind="individual", person=PersonFactory(unit=tree.lc1))]
    decision = services.decide_commendation(approver, _decision(body), recipients)
    assert decision.recipients.count() == 2


def test_a_recipient_of_the_wrong_kind_is_refused_and_nothing_is_saved(tree, make_user):
    approver = make_user(unit=tree.ld1, role=Role.APPROVER)
    body = OrganizationFactory(unit=tree.ld1)
    with pytest.raises(ValidationError) as error:
        services.decide_commendation(approver, _decision(body), [Recipient(kind="individual", organization=body)])
    assert "1" in error.value.messages[0]
    assert not CommendationDecision.objects.exists()


def test_an_editor_cannot_issue_a_decision(tree, make_user):
    editor = make_user(unit=tree.ld1, role=Role.EDITOR)
    with pytest.raises(PermissionDenied):
        services.decide_commendation(editor, _decision(OrganizationFactory(unit=tree.ld1)))


def test_a_proposal_is_accepted_into_a_decision_of_the_body_it_was_sent_to(tree, make_user):
    editor = make_user(unit=tree.lc1, role=Role.EDITOR)
    approver = make_user(unit=tree.ld1, role=Role.APPROVER)
    government = OrganizationFactory(unit=tree.ld1, name="UBND huyện")
    front = OrganizationFactory(unit=tree.lc1, name="MTTQ xã")
    proposal = services.propose_commendation(editor, CommendationProposal(
        proposing_body=front, addressed_to=government, form=CommendationFormFactory(), date=datetime.date(2020, 7, 1), reason="Đề nghị"),
        [ProposedRecipient(kind="collective", organization=front)])
    other = DecisionFactory(issuing_body=OrganizationFactory(unit=tree.ld1))
    with pytest.raises(ValidationError):
        services.accept_proposal(approver, proposal, other)
    decision = DecisionFactory(issuing_body=government)
    services.accept_proposal(approver, proposal, decision)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED and proposal.decision == decision
    assert list(decision.recipients.values_list("organization", flat=True)) == [front.pk]


def test_a_proposal_goes_upward_and_needs_recipients(tree, make_user):
    editor = make_user(unit=tree.ld1, role=Role.EDITOR)
    district_body = OrganizationFactory(unit=tree.ld1)
    commune_body = OrganizationFactory(unit=tree.lc1)
    proposal = CommendationProposal(proposing_body=district_body, addressed_to=commune_body, form=CommendationFormFactory(),
                                    date=datetime.date(2020, 7, 1), reason="Đề nghị")
    with pytest.raises(ValidationError):
        services.propose_commendation(editor, proposal, [])
    with pytest.raises(ValidationError) as error:
        services.propose_commendation(editor, proposal, [ProposedRecipient(kind="collective", organization=district_body)])
    assert "addressed_to" in error.value.message_dict
    assert not CommendationProposal.objects.exists()


def test_declining_needs_a_reason_and_an_approver(tree, make_user):
    editor = make_user(unit=tree.lc1, role=Role.EDITOR)
    approver = make_user(unit=tree.ld1, role=Role.APPROVER)
    front = OrganizationFactory(unit=tree.lc1)
    proposal = services.propose_commendation(editor, CommendationProposal(
        proposing_body=front, addressed_to=OrganizationFactory(unit=tree.ld1), form=CommendationFormFactory(),
        date=datetime.date(2020, 7, 1), reason="Đề nghị"), [ProposedRecipient(kind="collective", organization=front)])
    with pytest.raises(PermissionDenied):
        services.decline_proposal(editor, proposal, "Không đủ")
    with pytest.raises(ValidationError):
        services.decline_proposal(approver, proposal, "")
    services.decline_proposal(approver, proposal, "Chưa đủ thành tích")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DECLINED


def test_the_approver_who_sent_a_proposal_cannot_decide_it(tree, make_user):
    """Four eyes: a district approver proposes to his own district's body; another approver there decides."""
    sender = make_user(unit=tree.ld1, role=Role.APPROVER)
    government = OrganizationFactory(unit=tree.ld1, name="UBND huyện")
    front = OrganizationFactory(unit=tree.ld1, name="MTTQ huyện")
    proposal = services.propose_commendation(sender, CommendationProposal(
        proposing_body=front, addressed_to=government, form=CommendationFormFactory(), date=datetime.date(2020, 7, 1), reason="Đề nghị"),
        [ProposedRecipient(kind="collective", organization=front)])
    decision = DecisionFactory(issuing_body=government)
    for decide in (lambda: services.accept_proposal(sender, proposal, decision), lambda: services.decline_proposal(sender, proposal, "Không")):
        with pytest.raises(ValidationError) as error:
            decide()
        assert "Đồng chí là người gửi đề nghị này" in error.value.messages[0]
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED and not decision.recipients.exists()
    services.accept_proposal(make_user(unit=tree.ld1, role=Role.APPROVER), proposal, decision)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED
