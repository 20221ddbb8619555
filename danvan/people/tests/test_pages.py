"""A person's page as an official reads it."""

from danvan.core.choices import Role
from danvan.organizations.tests.factories import OrganizationFactory
from danvan.people.models import Position
from danvan.people.tests.factories import PersonFactory


def test_a_persons_page_names_titles_and_dates_and_shows_the_titles_read_from_a_report(tree, make_user, login):
    person = PersonFactory(unit=tree.lc1, note="Chức danh theo văn bản nguồn: Trưởng Ban Dân vận Huyện ủy")
    Position.objects.create(person=person, organization=OrganizationFactory(unit=tree.lc1, name="Hội Nông dân xã Minh Hòa"),
                            title="Chủ tịch")
    page = login(make_user(tree.lc1, role=Role.VIEWER)).get(f"/people/{person.pk}/").content.decode()
    assert "Chức danh theo văn bản nguồn: Trưởng Ban Dân vận Huyện ủy" in page
    assert "<th>Chức danh</th>" in page and "<th>Từ ngày</th>" in page and "<th>Đến ngày</th>" in page
    assert "Tiêu đề" not in page and "<th>Nguồn</th>" not in page
