"""People and positions pages as anonymous, as each role, and as a user of another unit (``core/tests/cases.py``)."""

from danvan.core.tests.cases import PageCases
from danvan.organizations.tests.factories import OrganizationFactory
from danvan.people.models import Person, Position


class TestPersonPages(PageCases):
    model = Person
    list_route, detail_route, create_route, update_route = "people:list", "people:detail", "people:create", "people:update"

    def create_data(self, tree):
        return {"full_name": "Trần Thị Mai", "gender": "female", "birth_year": "1978", "unit": tree.cc1.pk, "note": "Tổ trưởng tổ hòa giải"}

    def update_data(self, tree, record):
        return {"full_name": "Trần Thị Mai Anh", "gender": "female", "birth_year": "1979", "unit": tree.h1.pk, "note": "",
                "read_version": record.version}


class TestPositionPages(PageCases):
    """A position is added on its person's page and edited on its own."""

    model = Position
    create_route, update_route = "people:position-create", "people:position-update"

    def create_parent(self, tree):
        return Person.objects.get_or_create(full_name="Trần Văn Hùng", unit=tree.cc1)[0]

    def create_data(self, tree):
        return {"organization": OrganizationFactory(unit=tree.cc1).pk, "title": "Chủ tịch", "valid_from": "01/07/2025"}

    def update_data(self, tree, record):
        return {"organization": record.organization_id, "title": "Phó Chủ tịch", "valid_from": "02/07/2025",
                "valid_to": "31/12/2030", "read_version": record.version}
