"""The appraisal council's scoring sheet on the initiative's page: criterion by criterion, with evidence and members."""

import datetime

import pytest

from danvan.core.choices import Role
from danvan.movement.choices import AppraisalOutcome, HolderKind, RecognitionLevel, Status
from danvan.movement.models import Appraisal, Criterion, CriterionCheck, Initiative
from danvan.movement.tests.factories import InitiativeFactory


def sheet(initiative, outcome=AppraisalOutcome.MET, met=True, **changes):
    criteria = Criterion.objects.filter(holder=initiative.holder)
    data = {
        "level": RecognitionLevel.COMMUNE, "year": 2026, "date": "05/12/2026", "outcome": outcome,
        "appraisers": "Nguyễn Văn A – Trưởng Ban Dân vận\nTrần Thị B – Chủ tịch Ủy ban MTTQ", "note": "Hội đồng thống nhất.",
    }
    for criterion in criteria:
        data[f"met_{criterion.pk}"] = "on" if met else ""
        data[f"score_{criterion.pk}"] = "8"
        data[f"evidence_{criterion.pk}"] = f"Biên bản kiểm tra: {criterion.name[:20]}"
    data.update(changes)
    return data


@pytest.fixture
def registered(tree):
    return InitiativeFactory(unit=tree.lc1, status=Status.REGISTERED, holder=HolderKind.COLLECTIVE, name="Tổ nhân dân tự quản")


@pytest.fixture
def approver(tree, make_user, login):
    return login(make_user(unit=tree.ld1, role=Role.APPROVER))


def test_the_sheet_lists_every_criterion_and_records_each_with_its_evidence_and_the_council(registered, approver):
    criteria = list(Criterion.objects.filter(holder=HolderKind.COLLECTIVE))
    page = approver.get(f"/movement/{registered.pk}/").content.decode()
    assert f"/movement/{registered.pk}/appraise/" in page and "Thẩm định theo tiêu chí" in page
    form = approver.get(f"/movement/{registered.pk}/appraise/").content.decode()
    assert all(criterion.name in form for criterion in criteria)
    assert "Thành viên hội đồng thẩm định" in form

    response = approver.post(f"/movement/{registered.pk}/appraise/", sheet(registered))
    assert response.status_code == 302
    appraisal = Appraisal.objects.get(initiative=registered)
    assert appraisal.outcome == AppraisalOutcome.MET and appraisal.date == datetime.date(2026, 12, 5)
    assert appraisal.appraisers == "Nguyễn Văn A – Trưởng Ban Dân vận; Trần Thị B – Chủ tịch Ủy ban MTTQ"
    assert appraisal.score == 8 * len(criteria)
    assert appraisal.checks.filter(met=True).count() == len(criteria)
    registered.refresh_from_db()
    assert registered.status == Status.UNDER_APPRAISAL
    detail = approver.get(f"/movement/{registered.pk}/").content.decode()
    assert "Biên bản kiểm tra" in detail and "Trần Thị B" in detail


def test_a_sheet_with_an_unmet_criterion_cannot_conclude_met_and_writes_nothing(registered, approver):
    first = Criterion.objects.filter(holder=HolderKind.COLLECTIVE).first()
    response = approver.post(f"/movement/{registered.pk}/appraise/", sheet(registered, **{f"met_{first.pk}": ""}))
    page = response.content.decode()
    assert response.status_code == 200
    assert "không thể kết luận đạt" in page and first.name in page and "Chưa lưu" in page
    assert not Appraisal.objects.exists() and not CriterionCheck.objects.exists()
    assert Initiative.objects.get(pk=registered.pk).status == Status.REGISTERED


@pytest.mark.parametrize("score", ["-1", "1000000", "mười"])
def test_an_impossible_score_is_refused_beside_its_criterion(registered, approver, score):
    criterion = Criterion.objects.filter(holder=HolderKind.COLLECTIVE).first()
    criterion.max_score = 10
    criterion.save()
    response = approver.post(f"/movement/{registered.pk}/appraise/", sheet(registered, **{f"score_{criterion.pk}": score}))
    assert response.status_code == 200 and 'class="has-error"' in response.content.decode()
    assert not Appraisal.objects.exists()


def test_a_date_in_the_future_and_a_missing_council_are_refused(registered, approver):
    tomorrow = (datetime.date.today() + datetime.timedelta(days=1)).strftime("%d/%m/%Y")
    page = approver.post(f"/movement/{registered.pk}/appraise/", sheet(registered, date=tomorrow)).content.decode()
    assert "Ngày này ở tương lai" in page
    page = approver.post(f"/movement/{registered.pk}/appraise/", sheet(registered, appraisers=" \n ")).content.decode()
    assert "Trường này là bắt buộc" in page
    assert not Appraisal.objects.exists()


def test_a_level_above_the_approver_is_not_offered_and_refused(registered, approver):
    form = approver.get(f"/movement/{registered.pk}/appraise/").content.decode()
    assert f'value="{RecognitionLevel.PROVINCE}"' not in form
    approver.post(f"/movement/{registered.pk}/appraise/", sheet(registered, level=RecognitionLevel.PROVINCE))
    assert not Appraisal.objects.exists()


def test_the_sheet_is_for_approvers_of_the_unit_only(tree, registered, make_user, login):
    editor = login(make_user(unit=tree.lc1, role=Role.EDITOR))
    assert editor.get(f"/movement/{registered.pk}/appraise/").status_code == 403
    assert editor.post(f"/movement/{registered.pk}/appraise/", sheet(registered)).status_code == 403
    stranger = login(make_user(unit=tree.ld2, role=Role.APPROVER))
    assert stranger.post(f"/movement/{registered.pk}/appraise/", sheet(registered)).status_code == 404
    assert not Appraisal.objects.exists()


def test_recognising_after_the_sheet_links_the_appraisal(registered, approver):
    approver.post(f"/movement/{registered.pk}/appraise/", sheet(registered))
    response = approver.post(f"/movement/{registered.pk}/recognise/", {
        "level": RecognitionLevel.COMMUNE, "year": 2026, "decided_on": "05/12/2026", "document": "Quyết định số 12-QĐ/BCĐ"})
    assert response.status_code == 302
    recognition = registered.recognitions.get()
    assert recognition.appraisal == Appraisal.objects.get(initiative=registered)
