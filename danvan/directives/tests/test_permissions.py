"""The directive register, pages and API, as anonymous, as each role and as a user of another unit (``core/tests/cases.py``)."""

from danvan.core.tests.cases import ApiCases, MARKER, PageCases
from danvan.directives.models import Directive
from danvan.directives.tests.factories import DirectiveFactory
from danvan.organizations.tests.factories import OrganizationFactory


class DirectiveFixtures:
    model = Directive

    def make(self, tree, unit):
        return DirectiveFactory(unit=unit, subject=MARKER)

    def shown(self, record):
        return record.symbol


class TestDirectivePages(DirectiveFixtures, PageCases):
    list_route, detail_route, create_route, update_route = "directives:list", "directives:detail", "directives:create", "directives:update"

    def create_data(self, tree):
        return {"unit": tree.cc1.pk, "symbol": "35-CT/ĐU", "doc_type": "ct", "number": "35", "issuer_code": "ĐU",
                "issued_on": "12/03/2025", "issuing_organization": OrganizationFactory(unit=tree.cc1).pk,
                "issuer_name": "Đảng ủy xã Bình An", "subject": "Về tăng cường công tác dân vận", "status": "in_force"}

    def update_data(self, tree, record):
        return {"unit": tree.cc1.pk, "symbol": "36-NQ/ĐU", "doc_type": "nq", "number": "36", "issuer_code": "ĐU",
                "issued_on": "13/03/2025", "issuing_organization": "", "issuer_name": "", "subject": "Về công tác dân vận",
                "status": "expired", "read_version": record.version}


class TestDirectiveApi(DirectiveFixtures, ApiCases):
    api_url = "/api/v1/directives/"

    def create_data(self, tree):
        return {"unit": tree.cc1.pk, "symbol": "35-CT/ĐU", "doc_type": "ct", "number": 35, "issuer_code": "ĐU",
                "issued_on": "2025-03-12", "issuing_organization": OrganizationFactory(unit=tree.cc1).pk,
                "issuer_name": "Đảng ủy xã Bình An", "subject": "Về tăng cường công tác dân vận", "status": "in_force"}

    def update_data(self, tree, record):
        return {"subject": "Về công tác dân vận", "status": "expired", "issued_on": "2013-06-04"}
