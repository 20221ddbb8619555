"""Initiatives' pages and API as anonymous, as each role, and as a user of another unit (``core/tests/cases.py``)."""

from danvan.core.tests.cases import ApiCases, MARKER, PageCases
from danvan.movement.choices import Status
from danvan.movement.models import Initiative
from danvan.movement.tests.factories import FieldFactory, InitiativeFactory, PhaseFactory
from danvan.organizations.tests.factories import OrganizationFactory


class InitiativeFixtures:
    model = Initiative

    def make(self, tree, unit):
        return InitiativeFactory(unit=unit, name=MARKER, status=Status.DRAFT, owner_organization=OrganizationFactory(unit=unit))

    def create_data(self, tree):
        return {"name": "Tổ nhân dân tự quản kiểu mẫu", "kind": "model", "holder": "collective", "fields": [FieldFactory().pk],
                "owner_organization": OrganizationFactory(unit=tree.cc1).pk, "unit": tree.h1.pk, "phase": PhaseFactory().pk,
                "registration_year": 2019, "description": "Giữ gìn an ninh trật tự", "goals": "", "expected_results": ""}

    def update_data(self, tree, record):
        return {"name": "Tổ nhân dân tự quản kiểu mẫu ấp Mới", "kind": "exemplar", "holder": "collective",
                "fields": [FieldFactory(code="van-hoa", name="Văn hóa").pk], "owner_organization": record.owner_organization_id,
                "unit": tree.cc1.pk, "phase": record.phase_id, "registration_year": 2020, "description": "Mô tả mới",
                "goals": "Mục tiêu", "expected_results": "Kết quả", "read_version": record.version}


class TestInitiativePages(InitiativeFixtures, PageCases):
    list_route, detail_route, create_route, update_route = "movement:list", "movement:detail", "movement:create", "movement:update"


class TestInitiativeApi(InitiativeFixtures, ApiCases):
    api_url = "/api/v1/initiatives/"

    def update_data(self, tree, record):
        data = super().update_data(tree, record)
        del data["read_version"]  # the API reads it from If-Match
        return data
