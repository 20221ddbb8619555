"""Organisation pages as anonymous, as each role, and as a user of another unit (``core/tests/cases.py``)."""

from danvan.core.tests.cases import PageCases
from danvan.organizations.models import Organization, OrganizationLink
from danvan.organizations.tests.factories import OrganizationFactory, OrganizationKindFactory


class TestOrganizationPages(PageCases):
    model = Organization
    list_route, detail_route = "organizations:list", "organizations:detail"
    create_route, update_route = "organizations:create", "organizations:update"

    def create_data(self, tree):
        return {"name": "Hội Cựu chiến binh xã Bình An", "kind": OrganizationKindFactory().pk, "unit": tree.cc1.pk,
                "valid_from": "01/07/2025"}

    def update_data(self, tree, record):
        return {"name": "Hội Cựu chiến binh xã Bình An (mới)", "kind": record.kind_id, "unit": tree.h1.pk,
                "valid_from": "02/07/2025", "successor": OrganizationFactory(unit=tree.cc1).pk, "read_version": record.version}


class TestParentLinkPages(PageCases):
    """A parent for a period is added on its organisation's page; it has no page of its own."""

    model = OrganizationLink
    create_route = "organizations:link-create"

    def create_parent(self, tree):
        return Organization.objects.get_or_create(name="Hội Nông dân xã Bình An", unit=tree.cc1,
                                                  defaults={"kind": OrganizationKindFactory()})[0]

    def create_data(self, tree):
        front = OrganizationFactory(unit=tree.cc1, name="Ủy ban MTTQ xã Bình An")
        return {"parent": front.pk, "valid_from": "01/07/2025"}
