"""Periodic reporting: the catalogue, periods opened by the system, figures checked, the lifecycle, roll-up over the lineage."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from rest_framework.test import APIClient

from danvan.core.choices import Level, Role
from danvan.reporting import services
from danvan.reporting.choices import SubmissionStatus
from danvan.reporting.models import Indicator, ReportingPeriod, Submission, SubmissionValue
from danvan.reporting.tests.factories import PeriodFactory, ReportFormFactory, SubmissionFactory

pytestmark = pytest.mark.django_db


def api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def code(name):
    return Indicator.objects.get(code=name)


def entries(**figures):
    """{indicator id: entry} from code=value keyword pairs (dots written as "__")."""
    return {code(name.replace("__", ".")).pk: {"value": Decimal(value), "reason": "", "confirmed": False} for name, value in figures.items()}


@pytest.fixture
def commune_editor(tree, make_user):
    return make_user(tree.cc1, role=Role.EDITOR)


@pytest.fixture
def province_approver(tree, make_user):
    return make_user(tree.cp, role=Role.APPROVER)


@pytest.fixture
def report(tree):
    return SubmissionFactory(unit=tree.cc1, period=PeriodFactory(form=ReportFormFactory(first_year=2025)))


def test_the_catalogue_holds_the_codes_programs_ask_for(tree, commune_editor):
    codes = {row["code"] for row in api(commune_editor).get("/api/v1/indicators/").json()}
    assert {"movement.registered", "movement.recognised.commune", "movement.recognised.district", "members.new", "members.total"} <= codes
    rate = code("engagement.petitions.settled_rate")
    assert (rate.numerator.code, rate.denominator.code) == ("engagement.petitions.settled", "engagement.petitions.received")


def test_periods_open_once_with_a_draft_for_every_commune_due_on_the_20th(tree):
    form = ReportFormFactory(first_year=2026)
    today = datetime.date(2026, 10, 3)
    opened, created = services.open_due_periods([form], today)
    period = ReportingPeriod.objects.get(form=form)
    assert (period.start, period.end, str(period.label)) == (datetime.date(2026, 1, 1), datetime.date(2026, 9, 30), "9 tháng đầu năm 2026")
    reports = Submission.objects.filter(period=period)
    assert {report.unit for report in reports} == {tree.cc1, tree.cc2, tree.cc3}  # today's communes, not the legacy ones
    assert {report.deadline for report in reports} == {datetime.date(2026, 9, 20)}
    assert (opened, created) == (1, 3)
    assert services.open_due_periods([form], today) == (0, 0)


def test_a_negative_count_is_refused_naming_the_indicator_and_nothing_is_saved(report, commune_editor):
    with pytest.raises(ValidationError) as refused:
        services.save_figures(commune_editor, report, entries(social__poor_households_out=-3, members__eligible=40))
    assert "“Hộ thoát nghèo”: số lượng không thể âm." in str(refused.value)
    assert not SubmissionValue.objects.exists()


def test_a_computed_figure_changes_only_with_a_reason(report, commune_editor):
    with pytest.raises(ValidationError) as refused:
        services.save_figures(commune_editor, report, entries(movement__registered=7))
    assert "hồ sơ cho 0" in str(refused.value) and "Mô hình, điển hình “Dân vận khéo” đăng ký" in str(refused.value)
    figures = entries(movement__registered=7)
    figures[code("movement.registered").pk]["reason"] = "Hai xã chưa nhập hồ sơ"
    services.save_figures(commune_editor, report, figures)
    stored = SubmissionValue.objects.get(submission=report, indicator=code("movement.registered"))
    assert (stored.value, stored.computed, stored.reason) == (7, 0, "Hai xã chưa nhập hồ sơ")


def test_more_recognised_than_registered_is_refused(report, commune_editor):
    figures = entries(movement__registered=0, movement__recognised__commune=4)
    figures[code("movement.recognised.commune").pk]["reason"] = "Theo quyết định công nhận"
    with pytest.raises(ValidationError) as refused:
        services.save_figures(commune_editor, report, figures)
    assert "không thể nhiều hơn" in str(refused.value) and "Mô hình được công nhận cấp cơ sở" in str(refused.value)
    assert not SubmissionValue.objects.exists()


def test_a_figure_far_from_the_previous_period_asks_to_be_confirmed(tree, commune_editor):
    form = ReportFormFactory(codes=["social.poor_households_out"])
    before = SubmissionFactory(unit=tree.cc1, period=PeriodFactory(form=form, start=datetime.date(2017, 1, 1), end=datetime.date(2017, 9, 30)))
    SubmissionValue.objects.create(submission=before, indicator=code("social.poor_households_out"), value=20)
    report = SubmissionFactory(unit=tree.cc1, period=PeriodFactory(form=form))
    with pytest.raises(ValidationError) as refused:
        services.save_figures(commune_editor, report, entries(social__poor_households_out=200))
    assert "kỳ trước" in str(refused.value)
    figures = entries(social__poor_households_out=200)
    figures[code("social.poor_households_out").pk]["confirmed"] = True
    services.save_figures(commune_editor, report, figures)
    assert report.values.get().value == 200


def _fill(user, report):
    services.save_figures(user, report, entries(movement__registered=0, movement__recognised__commune=0, social__poor_households_out=12, members__eligible=300))


def test_a_report_goes_up_is_returned_corrected_and_accepted_then_locked(report, commune_editor, province_approver, make_user, tree):
    with pytest.raises(ValidationError, match="chưa có số liệu"):
        services.submit(commune_editor, report)
    _fill(commune_editor, report)
    services.submit(commune_editor, report)
    report.refresh_from_db()
    assert report.status == SubmissionStatus.SUBMITTED and report.first_submitted_on == datetime.date.today()
    with pytest.raises(PermissionDenied):  # the commune's own approver does not accept its own report
        services.accept(make_user(tree.cc1, role=Role.APPROVER), report)
    with pytest.raises(ValidationError):
        services.return_for_correction(province_approver, report, "")
    services.return_for_correction(province_approver, report, "Thiếu số hội viên Hội Nông dân")
    report.refresh_from_db()
    with pytest.raises(ValidationError, match="Chưa sửa gì"):
        services.submit(commune_editor, report)
    services.save_figures(commune_editor, report, entries(members__eligible=320))
    services.submit(commune_editor, report)
    services.accept(province_approver, report)
    report.refresh_from_db()
    assert report.status == SubmissionStatus.ACCEPTED
    with pytest.raises(ValidationError) as refused:
        services.save_figures(commune_editor, report, entries(members__eligible=330))
    assert "“Đối tượng đủ điều kiện tập hợp vào tổ chức”" in str(refused.value) and "không sửa được nữa" in str(refused.value)
    assert report.values.get(indicator=code("members.eligible")).value == 320


def test_a_save_after_someone_elses_is_refused(report, commune_editor):
    opened = report.version
    services.save_figures(commune_editor, report, entries(social__poor_households_out=5), read_version=opened)
    with pytest.raises(ValidationError, match="Người khác"):
        services.save_figures(commune_editor, report, entries(social__poor_households_out=9), read_version=opened)
    assert report.values.get().value == 5


def test_another_communes_report_is_out_of_reach(tree, report, make_user, login):
    outsider = make_user(tree.cc2, role=Role.ADMINISTRATOR)
    assert api(outsider).get(f"/api/v1/submissions/{report.pk}/").status_code == 404
    assert api(outsider).post(f"/api/v1/submissions/{report.pk}/figures/", {"figures": []}, format="json").status_code == 404
    assert login(outsider).get(reverse("reporting:submission-figures", args=[report.pk])).status_code == 404
    assert report.pk not in [row["id"] for row in api(outsider).get("/api/v1/submissions/").json()["results"]]


def test_a_unit_outside_the_forms_assignment_is_refused(tree, make_user):
    form = ReportFormFactory(levels=[Level.COMMUNE])
    period = PeriodFactory(form=form)
    answer = api(make_user(tree.cp, role=Role.EDITOR)).post("/api/v1/submissions/", {"form": form.pk, "period": period.pk, "unit": tree.cp.pk},
                                                          format="json")
    assert answer.status_code == 400 and "không thuộc đối tượng gửi" in answer.json()["unit"][0]
    assert not Submission.objects.exists()


def test_the_api_refuses_bad_figures_naming_the_indicator(report, commune_editor):
    answer = api(commune_editor).post(f"/api/v1/submissions/{report.pk}/figures/",
                                      {"figures": [{"indicator": "social.poor_households_out", "value": "-1"}]}, format="json")
    assert answer.status_code == 400 and "Hộ thoát nghèo" in str(answer.json())
    assert not SubmissionValue.objects.exists()


def _accepted(unit, form, **figures):
    report = SubmissionFactory(unit=unit, period=PeriodFactory(form=form), status=SubmissionStatus.ACCEPTED)
    for name, value in figures.items():
        SubmissionValue.objects.create(submission=report, indicator=code(name.replace("__", ".")), value=value)
    return report


def test_legacy_units_reports_roll_up_onto_todays_units_and_stay_readable(tree, make_user):
    form = ReportFormFactory(codes=["social.poor_households_out", "members.eligible"])
    _accepted(tree.lc1, form, social__poor_households_out=12, members__eligible=300)  # xã Minh Hòa, huyện Châu Thành, tỉnh Kiên Giang
    _accepted(tree.lc2, form, social__poor_households_out=5, members__eligible=100)  # xã Mong Thọ, now part of xã Bình An
    province = make_user(tree.cp, role=Role.VIEWER)
    asked = {"from": "2018-01-01", "to": "2018-12-31", "codes": "social.poor_households_out,members.eligible"}
    assert api(province).get("/api/v1/indicators/values/", {**asked, "unit": tree.cp.pk}).json() == {
        "values": {"social.poor_households_out": 17, "members.eligible": 400}}
    assert api(province).get("/api/v1/indicators/values/", {**asked, "unit": tree.ld1.pk}).json()["values"] == {
        "social.poor_households_out": 12, "members.eligible": 300}
    assert api(province).get("/api/v1/indicators/values/", {**asked, "unit": tree.cc1.pk}).json()["values"]["social.poor_households_out"] == 5
    assert api(province).get("/api/v1/indicators/values/", {**asked, "unit": tree.cp2.pk}).status_code == 400


def test_the_latest_value_stands_and_a_monthly_report_does_not_count_twice_beside_the_9_month_one(tree, make_user):
    nine = ReportFormFactory(codes=["social.poor_households_out", "members.eligible"])
    _accepted(tree.lc1, nine, social__poor_households_out=12, members__eligible=300)
    monthly = ReportFormFactory(period_type="month", codes=["social.poor_households_out", "members.eligible"])
    march = SubmissionFactory(unit=tree.lc1, period=PeriodFactory(form=monthly, start=datetime.date(2018, 3, 1), end=datetime.date(2018, 3, 31)),
                              status=SubmissionStatus.ACCEPTED)
    SubmissionValue.objects.create(submission=march, indicator=code("social.poor_households_out"), value=4)
    SubmissionValue.objects.create(submission=march, indicator=code("members.eligible"), value=280)
    values = api(make_user(tree.cp)).get("/api/v1/indicators/values/", {"unit": tree.cp.pk, "from": "2018-01-01", "to": "2018-12-31",
                                                                       "codes": "social.poor_households_out,members.eligible"}).json()
    assert values == {"values": {"social.poor_households_out": 12, "members.eligible": 300}}


def test_members_and_their_rate_come_from_the_memberships_of_legacy_units_too(tree, make_user):
    from danvan.members.tests.factories import MembershipFactory, farmers_branch

    branch = farmers_branch(unit=tree.lc1)
    for _ in range(3):
        MembershipFactory(branch=branch)
    form = ReportFormFactory(codes=["members.eligible"])
    _accepted(tree.lc1, form, members__eligible=12)
    values = api(make_user(tree.cp)).get("/api/v1/indicators/values/", {"unit": tree.cp.pk, "from": "2018-01-01", "to": "2018-12-31",
                                                                       "codes": "members.new,members.total,members.rate"}).json()["values"]
    assert values == {"members.new": 3, "members.total": 3, "members.rate": 25}


@pytest.mark.parametrize(("params", "field", "message"), [
    ({"from": "2018-13-01"}, "from", "Nhập một ngày hợp lệ."),
    ({"from": "2018-05-01", "to": "2018-01-01"}, "to", "Ngày kết thúc kỳ thống kê không được trước ngày bắt đầu."),
    ({"codes": "members.new,khong.co"}, "codes", "Mã chỉ tiêu không có: khong.co."),
])
def test_bad_questions_are_refused_in_vietnamese(tree, commune_editor, params, field, message):
    answer = api(commune_editor).get("/api/v1/indicators/values/", params)
    assert answer.status_code == 400 and answer.json()[field] == [message]


def test_completeness_counts_on_time_late_and_missing(tree, make_user):
    form = ReportFormFactory()
    period = PeriodFactory(form=form)
    deadline = datetime.date(2018, 9, 20)
    for unit, sent in ((tree.cc1, datetime.date(2018, 9, 18)), (tree.cc2, datetime.date(2018, 9, 25)), (tree.cc3, None)):
        SubmissionFactory(unit=unit, period=period, deadline=deadline, first_submitted_on=sent)
    answer = api(make_user(tree.cp)).get("/api/v1/completeness/", {"form": form.pk, "period": period.pk}).json()
    assert answer == {"expected": 2, "submitted": 2, "on_time": 1, "late": 1, "missing": 0, "overdue": 0}  # cc3 is in another province
    everything = api(make_user(None, role=Role.ADMINISTRATOR, is_superuser=True)).get("/api/v1/completeness/", {"period": period.pk}).json()
    assert (everything["expected"], everything["missing"], everything["overdue"]) == (3, 1, 1)


def test_the_inbox_shows_the_report_to_send_and_to_accept(tree, report, commune_editor, province_approver, login):
    assert "Báo cáo định kỳ cần gửi" in login(commune_editor).get(reverse("core:inbox")).content.decode()
    _fill(commune_editor, report)
    services.submit(commune_editor, report)
    page = login(province_approver).get(reverse("core:inbox")).content.decode()
    assert "Báo cáo định kỳ chờ chấp nhận" in page and "Bình An" in page


def test_the_pages_walk_a_report_through(tree, report, commune_editor, province_approver, login):
    client = login(commune_editor)
    figures = {f"value_{code(name).pk}": value for name, value in (("movement.registered", "0"), ("movement.recognised.commune", "0"),
                                                                     ("social.poor_households_out", "-2"), ("members.eligible", "300"))}
    page = client.post(reverse("reporting:submission-figures", args=[report.pk]), {**figures, "read_version": report.version})
    assert page.status_code == 200 and "“Hộ thoát nghèo”" in page.content.decode()
    figures[f"value_{code('social.poor_households_out').pk}"] = "12"
    page = client.post(reverse("reporting:submission-figures", args=[report.pk]), {**figures, "section_1": "Kết quả tốt", "read_version": report.version})
    assert page.status_code == 302
    assert client.post(reverse("reporting:submission-submit", args=[report.pk]), {}).status_code == 302
    approver = login(province_approver)
    assert approver.post(reverse("reporting:submission-accept", args=[report.pk]), {}).status_code == 302
    detail = approver.get(reverse("reporting:submission-detail", args=[report.pk])).content.decode()
    assert "Đã chấp nhận" in detail and "Kết quả tốt" in detail
    for name in ("reporting:submission-list", "reporting:completeness", "reporting:rollup", "reporting:catalogue"):
        assert approver.get(reverse(name)).status_code == 200


def test_the_report_is_issued_with_its_annex_in_the_party_format(tree, report, commune_editor, login):
    from docx import Document as Docx

    from danvan.engagement.tests.factories import party_committee

    party_committee(tree.cc1)
    client = login(commune_editor)
    url = reverse("reporting:submission-report", args=[report.pk])
    assert "đã gửi lên" in client.get(url, follow=True).content.decode()  # a draft is not issued
    _fill(commune_editor, report)
    report = services.save_figures(commune_editor, report, {}, {"Kết quả": "Đăng ký 07 mô hình mới."})
    services.submit(commune_editor, report)
    answer = client.get(url)
    assert answer.status_code == 200
    text = "\n".join(paragraph.text for paragraph in Docx(__import__("io").BytesIO(b"".join(answer.streaming_content))).paragraphs)
    assert "ĐẢNG ỦY XÃ BÌNH AN" in text.upper() and "Đăng ký 07 mô hình mới." in text and "Phụ lục" in text
