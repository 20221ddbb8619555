"""Awards' registered documents built for tests: each builder issues one document of a district through the page's
own builder and returns the core Document. The clerk's checks over every kind of document call them."""

from danvan.accounts.tests.factories import UserFactory
from danvan.awards.documents import certificate, decision_document
from danvan.awards.tests.factories import DecisionFactory, RecipientFactory
from danvan.core.choices import Role
from danvan.organizations.tests.factories import OrganizationFactory, OrganizationKindFactory
from danvan.people.tests.factories import PersonFactory

REASON = "Có thành tích tốt trong phong trào thi đua “Dân vận khéo” giai đoạn 2016–2020"


def _state_decision(unit, communes=()):
    ubnd = OrganizationKindFactory(code="ubnd", name="Ủy ban nhân dân", category="government")
    decision = DecisionFactory(issuing_body=OrganizationFactory(unit=unit, name=f"Ủy ban nhân dân huyện {unit.name}", kind=ubnd),
                               reason=REASON, signer="Lê Văn Bình", signer_title="Phó Chủ tịch UBND huyện")
    for commune in communes or [unit]:
        RecipientFactory(decision=decision, organization=OrganizationFactory(unit=commune, name=f"Hội Nông dân {commune}"),
                         achievement="Mô hình “Tổ sửa chữa cầu lộ”")
    return decision


def _user(unit):
    return UserFactory(unit=unit, role=Role.EDITOR)


def state_certificate_document(unit):
    """A deputy chairman's giấy khen of the district's UBND (state format, landscape)."""
    decision = _state_decision(unit)
    return certificate(_user(unit), decision.recipients.first())


def state_decision_document(unit, communes):
    """The UBND's decision with its attached list of one collective per commune (state format)."""
    return decision_document(_user(unit), _state_decision(unit, communes))


def party_decision_document(unit, communes):
    """The district Party committee's standing committee's decision: collectives of the communes and one individual."""
    committee = OrganizationKindFactory(code="huyen-uy", name="Huyện ủy", category="party_committee")
    decision = DecisionFactory(issuing_body=OrganizationFactory(unit=unit, name=f"Huyện ủy {unit.name}", kind=committee),
                               reason=REASON, signer="Đặng Xuân Thắng", signer_title="Phó Bí thư Thường trực Huyện ủy")
    for commune in communes:
        RecipientFactory(decision=decision, organization=OrganizationFactory(unit=commune, name=f"Ban Chỉ đạo {commune}"))
    RecipientFactory(decision=decision, kind="individual", organization=None,
                     person=PersonFactory(full_name="Trần Văn Hiếu", unit=communes[0]), achievement="Cán bộ dân vận tiêu biểu")
    return decision_document(_user(unit), decision)
