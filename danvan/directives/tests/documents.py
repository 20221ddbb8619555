"""A directive's implementation report built for tests: ``implementation_report_document(district, communes)`` issues
the report of the district's mobilisation commission on a resolution from the province, one commune having
concretised it and the others not yet, and returns the core Document (the clerk's checks over every kind call it)."""

import datetime

from danvan.accounts.tests.factories import UserFactory
from danvan.core.choices import Role
from danvan.directives import reports
from danvan.directives.choices import DirectiveType
from danvan.directives.tests.factories import DirectiveFactory, ImplementationFactory
from danvan.organizations.tests.factories import OrganizationFactory, OrganizationKindFactory
from danvan.people.tests.factories import PersonFactory, PositionFactory


def commission(unit, name):
    kind = OrganizationKindFactory(code="ban-dan-van", name="Ban Dân vận", category="party_body")
    return OrganizationFactory(unit=unit, name=name, kind=kind)


def directive_from_the_province(district, communes):
    """A provincial resolution of 03/6/2013; ``communes[0]`` concretised it by its plan 13-KH/ĐU of 29/8/2013."""
    province = district.parent
    directive = DirectiveFactory(
        unit=province, issued_on=datetime.date(2013, 6, 3), subject="Về tăng cường công tác dân vận", issuer_code="TU",
        issuing_organization=commission(province, f"Ban Dân vận Tỉnh ủy {province.name}"))
    district_commission = commission(district, f"Ban Dân vận Huyện ủy {district.name}")
    head = PersonFactory(unit=district, full_name="Tôn Nữ Hương Giang")
    PositionFactory(person=head, organization=district_commission, title="Trưởng Ban Dân vận Huyện ủy", valid_from=datetime.date(2016, 1, 4))
    PositionFactory(person=PersonFactory(unit=district), organization=district_commission, title="Ủy viên")
    plan = DirectiveFactory(unit=communes[0], doc_type=DirectiveType.PLAN, number=13, issuer_code="ĐU", symbol="13-KH/ĐU",
                            issued_on=datetime.date(2013, 8, 29), subject="Thực hiện nghị quyết của tỉnh")
    ImplementationFactory(directive=directive, unit=communes[0], document=plan, implemented_on=datetime.date(2013, 9, 1))
    own = DirectiveFactory(unit=district, doc_type=DirectiveType.PROGRAMME, number=20, issuer_code="HU", symbol="20-CTr/HU",
                           issued_on=datetime.date(2013, 7, 15), subject="Chương trình hành động")
    ImplementationFactory(directive=directive, unit=district, document=own, implemented_on=datetime.date(2013, 7, 15))
    return directive, district_commission, head


def implementation_report_document(district, communes):
    directive, _commission, _head = directive_from_the_province(district, communes)
    return reports.implementation_report(UserFactory(unit=district, role=Role.EDITOR), directive, issued_on=datetime.date(2018, 6, 1))
