"""The commendation decision's form: the register numbers a decision the system issues, so no number is typed;
one recorded from its paper copy must carry the number printed on it."""

import pytest
from django.urls import reverse

from danvan.awards.models import CommendationDecision
from danvan.awards.tests.factories import CommendationFormFactory
from danvan.core.choices import Role
from danvan.organizations.tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def post(client, body, **fields):
    data = {"date": "04/08/2020", "issuing_body": body.pk, "form": CommendationFormFactory().pk,
            "signer": "Lê Văn Bình", "signer_title": "Chủ tịch UBND huyện", "reason": "Có thành tích tốt trong phong trào", **fields}
    return client.post(reverse("awards:decision-create"), data)


def test_a_decision_the_system_issues_needs_no_typed_number(tree, make_user, login):
    body = OrganizationFactory(unit=tree.ld1, name="Ủy ban nhân dân huyện Châu Thành")
    client = login(make_user(tree.ld1, role=Role.APPROVER))
    response = post(client, body, number="")
    decision = CommendationDecision.objects.get()
    assert response.status_code == 302 and response.url == decision.get_absolute_url()
    assert decision.number == "" and not decision.recorded_from_paper
    page = client.get(decision.get_absolute_url()).content.decode()
    assert "Số ghi theo bản giấy" not in page and "Chưa cấp số" in page
    # Two such decisions of one body: no typed number to collide.
    assert post(client, body, number="").status_code == 302 and CommendationDecision.objects.count() == 2


def test_a_decision_recorded_from_paper_needs_its_number_and_keeps_it(tree, make_user, login):
    body = OrganizationFactory(unit=tree.ld1, name="Ủy ban nhân dân huyện Châu Thành")
    client = login(make_user(tree.ld1, role=Role.APPROVER))
    response = post(client, body, recorded_from_paper="on", number="  ")
    assert response.status_code == 200 and not CommendationDecision.objects.exists()
    page = response.content.decode()
    assert "Quyết định ghi theo bản giấy cần số, ký hiệu in trên bản giấy (trường “số, ký hiệu”)." in page
    assert post(client, body, recorded_from_paper="on", number="12/QĐ-UBND").status_code == 302
    decision = CommendationDecision.objects.get()
    assert decision.recorded_from_paper and decision.number == "12/QĐ-UBND"
    assert "Số ghi theo bản giấy" in client.get(decision.get_absolute_url()).content.decode()
