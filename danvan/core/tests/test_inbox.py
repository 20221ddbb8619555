""""Việc của tôi": what waits for each user comes to them, counted in the menu, and nothing of another unit's."""

import datetime

import pytest
from django.urls import reverse

from danvan.awards.tests.factories import ProposalFactory
from danvan.core.choices import Role
from danvan.movement.choices import Status
from danvan.movement.tests.factories import InitiativeFactory
from danvan.organizations.tests.factories import OrganizationFactory
from danvan.oversight.tests.factories import FollowUpFactory, MissionFactory

pytestmark = pytest.mark.django_db


def inbox(client):
    response = client.get(reverse("core:inbox"))
    assert response.status_code == 200
    return {str(section.title): [str(item) for item, _ in items] for section, count, items in response.context["sections"] if count}


def menu_count(client):
    page = client.get(reverse("core:home")).content.decode()
    menu = page[page.index('<nav class="mainnav"'):page.index("</nav>")]
    start = menu.find('<span class="count">')
    return int(menu[start + 20:menu.index("</span>", start)]) if start >= 0 else 0


@pytest.fixture
def work(tree):
    soon = datetime.date.today() + datetime.timedelta(days=5)
    later = datetime.date.today() + datetime.timedelta(days=60)
    mission = MissionFactory(unit=tree.cp)
    return {
        "submitted": InitiativeFactory(unit=tree.cc1, name="Mô hình chờ duyệt", status=Status.SUBMITTED),
        "appraise": InitiativeFactory(unit=tree.cc1, name="Mô hình chờ thẩm định", status=Status.UNDER_APPRAISAL),
        "elsewhere": InitiativeFactory(unit=tree.cc3, name="Mô hình tỉnh khác", status=Status.SUBMITTED),
        "due": FollowUpFactory(mission=mission, owner_unit=tree.cc1, deadline=soon, text="Rà soát hộ nghèo"),
        "later": FollowUpFactory(mission=mission, owner_unit=tree.cc1, deadline=later, text="Việc còn xa"),
        "proposal": ProposalFactory(proposing_body=OrganizationFactory(unit=tree.cc1), addressed_to=OrganizationFactory(unit=tree.cp)),
    }


def test_an_approver_finds_what_waits_for_approval(tree, work, make_user, login):
    client = login(make_user(tree.cp, role=Role.APPROVER))
    found = inbox(client)
    assert found["Đăng ký chờ duyệt"] == ["Mô hình chờ duyệt"]  # not the other province's
    assert found["Mô hình chờ thẩm định"] == ["Mô hình chờ thẩm định"]
    assert len(found["Đề nghị khen thưởng chờ quyết định"]) == 1
    assert len(found["Kiến nghị, nhiệm vụ quá hạn hoặc đến hạn trong 14 ngày"]) == 1
    assert menu_count(client) == 4


def test_an_editor_finds_his_deadlines_and_nothing_to_approve(tree, work, make_user, login):
    client = login(make_user(tree.cc1, role=Role.EDITOR))
    found = inbox(client)
    assert list(found) == ["Kiến nghị, nhiệm vụ quá hạn hoặc đến hạn trong 14 ngày"]
    assert menu_count(client) == 1


def test_a_user_of_another_province_sees_none_of_it(tree, work, make_user, login):
    client = login(make_user(tree.cc3, role=Role.APPROVER))
    assert inbox(client) == {"Đăng ký chờ duyệt": ["Mô hình tỉnh khác"]}
    assert "Hiện không có việc nào" not in client.get(reverse("core:inbox")).content.decode()


def test_nothing_waiting_says_so(tree, make_user, login):
    client = login(make_user(tree.cc2, role=Role.EDITOR))
    assert inbox(client) == {} and menu_count(client) == 0
    assert "Hiện không có việc nào chờ đồng chí xử lý." in client.get(reverse("core:inbox")).content.decode()
