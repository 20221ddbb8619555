"""Builders for the URL walk: commendation records in a unit, with a marker."""

from danvan.awards.tests.factories import DecisionFactory, ProposalFactory, RecipientFactory
from danvan.organizations.tests.factories import OrganizationFactory


def _decision(unit, marker, pk):
    # Signed, so that its decision.docx is issued.
    return DecisionFactory(id=pk, issuing_body=OrganizationFactory(unit=unit), number=marker, reason=marker,
                           signer="Nguyễn Văn An", signer_title="Chủ tịch")


def _recipient(unit, marker, pk):
    return RecipientFactory(id=pk, decision__issuing_body=OrganizationFactory(unit=unit), decision__number=f"{marker} QĐ",
                            decision__signer="Nguyễn Văn An", decision__signer_title="Chủ tịch",
                            organization=OrganizationFactory(unit=unit, name=marker))


def _proposal(unit, marker, pk):
    body = OrganizationFactory(unit=unit, name=marker)
    return ProposalFactory(id=pk, proposing_body=body, addressed_to=body, reason=marker)


def walk_builders():
    from danvan.awards.models import CommendationDecision, CommendationProposal, Recipient

    return {CommendationDecision: _decision, Recipient: _recipient, CommendationProposal: _proposal}
