"""The import of memberships at scale: one row, one person and their membership of a branch.

A million rows are read twice as a stream (``core.imports.stream_rows``): the first pass checks every row and
lists the bad ones by row and column, nothing written; only a clean file is written, in one transaction, by
``services.import_memberships``. Persons are never merged silently: those the duplicate rules find go to the
review screen (people:duplicates)."""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from danvan.core import imports as core_imports
from danvan.core.imports import Column, ImportSpec, RowError
from danvan.core.text import fold
from danvan.members import services
from danvan.members.choices import LeaveReason, MemberRole
from danvan.members.models import MembershipRule
from danvan.organizations.choices import KindCategory
from danvan.organizations.models import Organization
from danvan.people import services as people_services
from danvan.people.models import Ethnicity, Gender, ImportRun, ImportStatus, OccupationGroup, Person, Religion

MAX_MEGABYTES = 200  # a million rows of .csv; an .xlsx of the same is smaller
MAX_LISTED = 200  # bad rows listed; the rest are counted
GENDERS = {"nam": Gender.MALE, "nữ": Gender.FEMALE}
YES = {"x", "có", "co", "1"}
SPEC = ImportSpec(
    columns=(
        Column("full_name", "Họ và tên", required=True, example="Nguyễn Thị Hoa", field="full_name"),
        Column("gender", "Giới tính (nam/nữ)", example="nữ", field="gender"),
        Column("birth_date", "Ngày sinh (dd/mm/yyyy)", example="02/05/1990", field="birth_date"),
        Column("birth_year", "Năm sinh", example=1990, field="birth_year", note="Khi không biết ngày sinh"),
        Column("ethnicity", "Dân tộc", example="Kinh", field="ethnicity"),
        Column("religion", "Tôn giáo", example="", field="religion", note="Để trống nếu không theo tôn giáo"),
        Column("occupation_group", "Thành phần", example="Nông dân", field="occupation_group"),
        Column("citizen_id", "Số định danh cá nhân", example="", field="citizen_id", note="12 chữ số, có thể để trống"),
        Column("branch", "Chi hội, chi đoàn", required=True, example="Chi hội ấp Mới, xã Bình An", field="branch",
               note="Tên chi hội (chi đoàn, công đoàn cơ sở); thêm tên xã sau dấu phẩy khi có chi hội cùng tên"),
        Column("joined", "Ngày vào (dd/mm/yyyy)", required=True, example="26/03/2018", field="joined"),
        Column("left", "Ngày ra (dd/mm/yyyy)", example="", field="left"),
        Column("leave_reason", "Lý do ra", example="", field="leave_reason"),
        Column("role", "Vai trò", example="Hội viên", field="role"),
        Column("is_core", "Nòng cốt (x)", example="", field="is_core"),
        Column("card_number", "Số thẻ", example="", field="card_number"),
    ),
    sheet_title="Hoi vien",
    instructions=("Mỗi dòng là một người và lần sinh hoạt của người đó ở một chi hội (chi đoàn, công đoàn cơ sở).",
                  "Người có thể trùng với người đã có (cùng họ tên, ngày sinh và xã, hoặc cùng số định danh) không bị gộp: "
                  "họ được liệt kê ở trang «Trường hợp nghi trùng» để cán bộ quyết định."),
)


def template_workbook():
    return core_imports.template_workbook(SPEC, {
        "gender": list(GENDERS), "ethnicity": list(Ethnicity.objects.values_list("name", flat=True)),
        "religion": list(Religion.objects.values_list("name", flat=True)),
        "occupation_group": [str(label) for label in OccupationGroup.labels],
        "leave_reason": [str(label) for label in LeaveReason.labels], "role": [str(label) for label in MemberRole.labels]})


class Rows:
    """What the rows name, read once for the whole file: the branches within the user's reach, the catalogues,
    the charters' minimum ages."""

    def __init__(self, user):
        self.user = user
        self.allowed = people_services.may_see_personal_data(user)
        self.branches = {}
        for branch in (Organization.objects.visible_to(user).select_related("unit", "kind")
                       .filter(kind__category__in=(KindCategory.BRANCH, KindCategory.MASS_ORGANIZATION))):
            self.branches.setdefault(fold(branch.name), []).append(branch)
        self.kinds = {}
        self.ethnicities = {fold(name): pk for pk, name in Ethnicity.objects.values_list("pk", "name")}
        self.religions = {fold(name): pk for pk, name in Religion.objects.values_list("pk", "name")}
        self.minimum_ages = dict(MembershipRule.objects.values_list("kind_id", "minimum_age"))

    def branch(self, text):
        name, _comma, place = (part.strip() for part in fold(text).partition(","))
        found = [branch for branch in self.branches.get(name, []) if not place or place in fold(branch.unit.full_name())]
        if len(found) != 1:
            message = (_("several branches are called “%(value)s”: add the commune after a comma") if found
                       else _("unknown branch “%(value)s” in the units you work for"))
            raise RowError(message % {"value": text}, "branch")
        branch = found[0]
        if branch.pk not in self.kinds:
            try:
                self.kinds[branch.pk] = services.organisation_kind_of(branch).pk
            except ValidationError as error:
                raise RowError(" ".join(error.messages).rstrip("."), "branch") from None
        return branch

    def catalogue(self, entries, cells, key):
        text = cells.get(key)
        if text in (None, ""):
            return None
        if not self.allowed:
            raise RowError(_("only a user allowed to read personal data records it"), key)
        if fold(str(text)) not in entries:
            raise RowError(_("“%(value)s” is not in the list of the template") % {"value": text}, key)
        return entries[fold(str(text))]


def _labels(choices):
    return {str(label): value for value, label in choices.choices}


def read_row(rows, cells):
    """The row as the values ``services.import_memberships`` writes; RowError naming the column of a bad cell."""
    core_imports.check_required(SPEC, cells)
    branch = rows.branch(cells["branch"])
    joined = core_imports.date_cell(cells["joined"], "joined")
    left = core_imports.date_cell(cells.get("left"), "left")
    if joined > datetime.date.today():
        raise RowError(_("the day of joining is in the future"), "joined")
    if left is not None and left < joined:
        raise RowError(_("the membership cannot end before it began"), "left")
    reason = core_imports.choice_cell(cells.get("leave_reason"), "leave_reason", _labels(LeaveReason)) or ""
    if left is not None and not reason:
        raise RowError(_("say why the membership ended"), "leave_reason")
    citizen_id = core_imports.text_cell(cells.get("citizen_id"))
    if citizen_id and not rows.allowed:
        raise RowError(_("only a user allowed to read personal data records it"), "citizen_id")
    person = Person(full_name=core_imports.text_cell(cells["full_name"]), unit=branch.unit, citizen_id=citizen_id,
                    gender=core_imports.choice_cell(cells.get("gender"), "gender", GENDERS) or "",
                    birth_date=core_imports.date_cell(cells.get("birth_date"), "birth_date"),
                    birth_year=core_imports.integer_cell(cells.get("birth_year"), "birth_year"),
                    ethnicity_id=rows.catalogue(rows.ethnicities, cells, "ethnicity"),
                    religion_id=rows.catalogue(rows.religions, cells, "religion"),
                    occupation_group=core_imports.choice_cell(cells.get("occupation_group"), "occupation_group",
                                                              _labels(OccupationGroup)) or "")
    _check_person(person, joined, rows.minimum_ages.get(rows.kinds[branch.pk]))
    return services.ImportedMembership(
        person=person, branch=branch, kind_id=rows.kinds[branch.pk], joined=joined, left=left, leave_reason=reason,
        role=core_imports.choice_cell(cells.get("role"), "role", _labels(MemberRole)) or MemberRole.MEMBER,
        is_core=fold(str(cells.get("is_core") or "")) in YES, card_number=core_imports.text_cell(cells.get("card_number"))[:30])


def _check_person(person, joined, minimum_age):
    try:
        person.clean_fields(exclude=["unit", "residence_hamlet", "ethnicity", "religion"])
        people_services.check_person(person)
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise RowError(" ".join(messages).rstrip("."), field) from None
    year = person.birth_date.year if person.birth_date else person.birth_year
    if year and joined.year < year:
        raise RowError(_("the day of joining is before the person was born"), "joined")
    if year and minimum_age:
        birth = person.birth_date or datetime.date(year, 1, 1)
        age = joined.year - birth.year - ((joined.month, joined.day) < (birth.month, birth.day))
        if age < minimum_age:
            raise RowError(_("the person was %(age)s on joining; the organisation admits members from %(minimum)s")
                           % {"age": age, "minimum": minimum_age}, "joined")


def check_file(user, upload, progress=None):
    """The first pass: every row read and checked, nothing written; returns the number of rows, raises
    ValidationError listing the bad rows (the first ``MAX_LISTED`` by row and column, then how many more)."""
    rows, problems, count = Rows(user), [], 0
    for number, cells in core_imports.stream_rows(SPEC, upload, MAX_MEGABYTES):
        count += 1
        if progress is not None:
            progress(count)
        try:
            read_row(rows, cells)
        except RowError as error:
            problems.append(number)
            if len(problems) <= MAX_LISTED:
                problems[-1] = core_imports.row_message(number, SPEC.header(error.column) if error.column else None, error)
    if problems:
        listed = problems[:MAX_LISTED]
        if len(problems) > MAX_LISTED:
            listed.append(_("… and %(count)s more bad rows.") % {"count": len(problems) - MAX_LISTED})
        raise ValidationError(listed)
    if not count:
        raise ValidationError(_("The file has no rows to import."))
    return count


def import_file(user, upload):
    """Check the whole file, then write it all or nothing; returns how many memberships were recorded."""
    check_file(user, upload)
    return write_file(user, upload)


def write_file(user, upload):
    """The second pass over a checked file: its rows read again as a stream and written in one transaction."""
    rows = Rows(user)
    memberships = (read_row(rows, cells) for _number, cells in core_imports.stream_rows(SPEC, upload, MAX_MEGABYTES))
    return services.import_memberships(user, memberships)


PROGRESS_EVERY = 5000  # rows between two writes of the progress bar


def run_import(run_id):
    """The background import of a stored sheet: the check pass shows its progress row by row; a refused file keeps
    its bad rows for the page; a clean one is written whole."""
    run = ImportRun.objects.select_related("started_by").get(pk=run_id)
    people_services.note_import(run.pk, status=ImportStatus.CHECKING)

    def checked(count):
        if count % PROGRESS_EVERY == 0:
            people_services.note_import(run.pk, checked=count)

    try:
        with run.file.open("rb") as upload:
            total = check_file(run.started_by, upload, progress=checked)
            people_services.note_import(run.pk, status=ImportStatus.WRITING, total=total, checked=total)
            imported = write_file(run.started_by, upload)
    except ValidationError as error:
        people_services.note_import(run.pk, status=ImportStatus.REFUSED, problems=error.messages)
    else:
        people_services.note_import(run.pk, status=ImportStatus.DONE, imported=imported)
    run.refresh_from_db()
    return run
