"""The import of memberships: read as a stream (.csv and .xlsx), every bad row named by row and column with
nothing written, a clean file written whole, possible duplicates listed for review, never merged."""

import io

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from danvan.members import imports
from danvan.members.models import Membership, MembershipPlacement
from danvan.members.tests.factories import farmers_branch
from danvan.people.models import DuplicateCandidate, Person

HEADER = "Họ và tên,Giới tính (nam/nữ),Ngày sinh (dd/mm/yyyy),Chi hội, chi đoàn,Ngày vào (dd/mm/yyyy),Ngày ra (dd/mm/yyyy),Lý do ra"


def _csv(lines):
    text = "\n".join([HEADER.replace("Chi hội, chi đoàn", '"Chi hội, chi đoàn"'), *lines]) + "\n"
    return SimpleUploadedFile("hoi-vien.csv", text.encode("utf-8-sig"), content_type="text/csv")


@pytest.fixture
def branch(tree):
    return farmers_branch(unit=tree.cc1)


def _rows(branch):
    name = branch.name
    return [f"Nguyễn Thị Hoa,nữ,02/05/1990,{name},26/03/2018,,",
            f"Nguyen Thi Hoa,nữ,02/05/1990,{name},01/06/2018,,",
            f"Trần Văn Ba,nam,01/01/1970,{name},10/10/2018,31/12/2020,Đi làm ăn xa"]


def test_two_bad_rows_are_named_by_row_and_column_and_nothing_is_written(tree, make_user, branch):
    lines = _rows(branch)
    lines[1] = lines[1].replace(branch.name, "Chi hội không có")
    lines[2] = lines[2].replace("10/10/2018", "31/02/2018")
    with pytest.raises(ValidationError) as caught:
        imports.import_file(make_user(unit=tree.cc1), _csv(lines))
    messages = caught.value.messages
    assert len(messages) == 2
    assert "3" in messages[0] and "Chi hội, chi đoàn" in messages[0]
    assert "4" in messages[1] and "Ngày vào" in messages[1]
    assert not Person.objects.exists() and not Membership.objects.exists()


def test_a_clean_file_is_written_whole_and_its_possible_duplicates_wait_for_review(tree, make_user, branch):
    assert imports.import_file(make_user(unit=tree.cc1), _csv(_rows(branch))) == 3
    assert Membership.objects.count() == MembershipPlacement.objects.count() == 3
    assert Person.objects.count() == 3  # not merged
    hoa = Person.objects.get(full_name="Nguyễn Thị Hoa")
    assert (hoa.folded_name, hoa.birth_year, hoa.unit) == ("nguyen thi hoa", 1990, tree.cc1)
    candidate = DuplicateCandidate.objects.get()
    assert {candidate.first.full_name, candidate.second.full_name} == {"Nguyễn Thị Hoa", "Nguyen Thi Hoa"}
    left = Membership.objects.get(person__full_name="Trần Văn Ba")
    assert (left.left.year, left.leave_reason, left.placements.get().left_here) == (2020, "moved_away", True)


def test_an_xlsx_is_read_the_same_way_and_a_branch_outside_the_users_units_is_unknown(tree, make_user, branch):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Họ và tên", "Chi hội, chi đoàn", "Ngày vào (dd/mm/yyyy)"])
    sheet.append(["Lê Văn Tư", branch.name, "26/03/2018"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    upload = SimpleUploadedFile("hoi-vien.xlsx", buffer.getvalue())
    with pytest.raises(ValidationError) as caught:
        imports.import_file(make_user(unit=tree.cc2), upload)
    assert "Chi hội, chi đoàn" in caught.value.messages[0]
    upload.seek(0)
    assert imports.import_file(make_user(unit=tree.cc1), upload) == 1


def test_a_joining_before_birth_or_under_age_and_an_empty_file_are_refused(tree, make_user, branch):
    lines = [f"Lê Văn Năm,nam,01/01/2019,{branch.name},26/03/2018,,"]
    with pytest.raises(ValidationError) as caught:
        imports.import_file(make_user(unit=tree.cc1), _csv(lines))
    assert "Ngày" in caught.value.messages[0]
    with pytest.raises(ValidationError):
        imports.import_file(make_user(unit=tree.cc1), _csv([]))
    assert not Person.objects.exists()


def test_the_page_queues_the_import_and_its_run_shows_progress_then_the_bad_rows_or_the_count(tree, make_user, login, branch,
                                                                                             django_capture_on_commit_callbacks):
    from django.urls import reverse

    from danvan.members.imports import run_import
    from danvan.people.models import ImportRun

    client = login(make_user(unit=tree.cc1))
    lines = _rows(branch)
    lines[0] = lines[0].replace("26/03/2018", "26-03-2018")
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(reverse("member-imports:import"), {"file": _csv(lines)})
    run = ImportRun.objects.get()
    assert response.url == reverse("member-imports:run", args=[run.pk])
    assert run.status == "waiting" and "Đang chờ" in client.get(reverse("member-imports:progress", args=[run.pk])).content.decode()
    run = run_import(run.pk)
    # The worker speaks the project's language, Vietnamese.
    assert (run.status, run.problems) == ("refused", ["Dòng 2, cột «Ngày vào (dd/mm/yyyy)»: “26-03-2018” không phải ngày dạng dd/mm/yyyy."])
    assert "Dòng 2, cột «Ngày vào" in client.get(reverse("member-imports:run", args=[run.pk])).content.decode()
    assert not Person.objects.exists()
    with django_capture_on_commit_callbacks(execute=False):
        client.post(reverse("member-imports:import"), {"file": _csv(_rows(branch))})
    run = run_import(ImportRun.objects.latest("pk").pk)
    assert (run.status, run.imported, run.percent) == ("done", 3, 100)
    assert login(make_user(unit=tree.cc2)).get(reverse("member-imports:run", args=[run.pk])).status_code == 404
