"""The appraisal council's record (biên bản thẩm định) as a registered BB of the level's steering committee:
members present, each criterion's score as recorded, the total and the outcome; issued once, scoped, refused
with no number taken."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from danvan.core.choices import Role
from danvan.core.documents.models import Document, DocumentCounter, Element
from danvan.core.tests import documents as clerk
from danvan.movement.documents import appraisal_record
from danvan.movement.tests.documents import appraised as appraised_in
from danvan.movement.tests.documents import steering_committee

pytestmark = pytest.mark.django_db


@pytest.fixture
def steering(tree):
    return steering_committee(tree.lc1)


def appraised(tree, user, **kwargs):
    return appraised_in(tree.lc1, user, **kwargs)


def criteria_rows(opened):
    table = next(t for t in opened.tables if t.rows[0].cells[0].paragraphs[0].style.name == "DV table_head")
    return [[cell.text for cell in row.cells] for row in table.rows[1:]]


def test_the_record_gives_the_council_each_criterions_score_the_total_and_the_outcome(tree, make_user, login, steering):
    user = make_user(tree.ld1, role=Role.APPROVER)
    appraisal = appraised(tree, user)
    client = login(user)
    url = reverse("movement:appraisal-record", args=[appraisal.pk])
    assert url in client.get(appraisal.initiative.get_absolute_url()).content.decode()
    content = b"".join(client.get(url).streaming_content)
    assert b"".join(client.get(url).streaming_content) == content and Document.objects.count() == 1
    opened, party = clerk.open_docx(content), clerk.format_named("party")
    clerk.check_page(opened, party)
    clerk.check_elements(opened, party)
    document = Document.objects.get()
    assert clerk.PARTY_SYMBOL.match(document.symbol) and document.symbol.startswith("01-BB/")
    assert [p.text for p in clerk.of_element(opened, Element.TYPE_NAME)] == ["BIÊN BẢN"]
    text = clerk.text(opened)
    assert "- Nguyễn Văn An, Trưởng Ban Dân vận" in text and "- Trần Thị Bích, Chủ tịch Ủy ban MTTQ" in text
    checks = list(appraisal.checks.select_related("criterion").order_by("criterion__order", "criterion__pk"))
    rows = criteria_rows(opened)
    assert [(row[1], row[4]) for row in rows[:-1]] == [(c.criterion.name, f"{c.score.normalize():f}") for c in checks]
    assert rows[-1][1] == "Tổng cộng" and Decimal(rows[-1][4]) == appraisal.score == sum(c.score for c in checks)
    outcome = appraisal.get_outcome_display().lower()
    assert f"Hội đồng kết luận: {outcome}. Tổng điểm: {rows[-1][4]}." in text
    assert [p.text for p in clerk.of_element(opened, Element.SIGNER) if p.text] == ["Nguyễn Văn An"]
    assert not [p.text for p in clerk.of_element(opened, Element.AUTHORITY) if p.text.startswith("T/M")]
    assert [p.text for p in clerk.of_element(opened, Element.RECIPIENTS)] == ["- Ban Chỉ đạo xã Minh Hòa", "- Lưu VT"]


def test_another_units_user_gets_404(tree, make_user, login, steering):
    appraisal = appraised(tree, make_user(tree.ld1, role=Role.APPROVER))
    response = login(make_user(tree.cp2, role=Role.ADMINISTRATOR)).get(reverse("movement:appraisal-record", args=[appraisal.pk]))
    assert response.status_code == 404 and not Document.objects.exists()


def test_a_record_without_a_signer_is_refused_on_the_initiatives_page_with_no_number_taken(tree, make_user, login, steering):
    user = make_user(tree.ld1, role=Role.APPROVER)
    appraisal = appraised(tree, user, appraisers="Ban Chỉ đạo xã")  # no member with a position: nobody to sign
    response = login(user).get(reverse("movement:appraisal-record", args=[appraisal.pk]), follow=True)
    assert response.redirect_chain[-1][0].startswith(appraisal.initiative.get_absolute_url())
    assert "Văn bản cần người ký và chức vụ người ký." in response.content.decode()
    assert not Document.objects.exists() and not DocumentCounter.objects.filter(last__gt=0).exists()


def test_without_a_steering_committee_at_the_level_the_record_is_refused(tree, make_user):
    user = make_user(tree.ld1, role=Role.APPROVER)
    with pytest.raises(ValidationError) as refused:
        appraisal_record(user, appraised(tree, user))
    assert "Ban Chỉ đạo" in " ".join(refused.value.messages) and not Document.objects.exists()


def test_issued_once(tree, make_user, steering):
    user = make_user(tree.ld1, role=Role.APPROVER)
    appraisal = appraised(tree, user)
    assert appraisal_record(user, appraisal).pk == appraisal_record(user, appraisal).pk and Document.objects.count() == 1
