"""Seed 000's member figures as records: huyện Năm Căn's Front and mass organisations "phát triển mới 1.873 đoàn viên,
hội viên, nâng tổng số toàn huyện có 22.896 đoàn viên, hội viên" in 2018.

The members sit in a branch of each of four organisations (Hội Nông dân, Hội Liên hiệp Phụ nữ, Đoàn TNCS Hồ Chí Minh,
Hội Cựu chiến binh) of every commune of the legacy district, so the same figures answer today's tỉnh Cà Mau asked about
the legacy district. About a fifth of the persons belong to two or three organisations (a farmer's wife in the Hội Nông
dân and the Hội Phụ nữ, a veteran farmer, a young farmer in the Đoàn), so lượt and người differ. Some members of earlier
years left in 2018. Tens of thousands of rows: the persons, memberships and placements are inserted in bulk
(``core.services.insert_many``) after the organisations, branches and denominators went through the services.
"""

import datetime
import random

from danvan.core.services import allocate_ids, insert_many
from danvan.core.text import fold
from danvan.demo.world import organization
from danvan.members import services
from danvan.members.choices import LeaveReason, MemberRole
from danvan.members.models import EligiblePopulation, Membership, MembershipPlacement, MembershipRule
from danvan.members.rules import SEED_MINIMUM_AGES, seed_rules
from danvan.organizations.models import OrganizationKind
from danvan.people.catalogues import seed_catalogues, seed_duplicate_rules
from danvan.people.models import DuplicateRule, DuplicateRuleField, Ethnicity, Gender, OccupationGroup, Person, Religion
from danvan.units.models import Unit

YEAR = 2018
NEW_IN_YEAR = 1_873
AT_YEAR_END = 22_896
LEFT_IN_YEAR = 418
# Shares of the district's members by organisation (Hội Nông dân, Phụ nữ, Đoàn, Cựu chiến binh).
ORGANISATIONS = (("hoi-nong-dan", "Hội Nông dân", "Chi hội Nông dân", 0.38), ("hoi-lhpn", "Hội Liên hiệp Phụ nữ", "Chi hội Phụ nữ", 0.32),
                 ("doan-tncs", "Đoàn TNCS Hồ Chí Minh", "Chi đoàn", 0.2), ("hoi-ccb", "Hội Cựu chiến binh", "Chi hội Cựu chiến binh", 0.1))
# Among those who join a second organisation: who they already are (the first organisation) and who may join.
SHARED = {"hoi-lhpn": ("hoi-nong-dan", 0.5), "doan-tncs": ("hoi-nong-dan", 0.3), "hoi-ccb": ("hoi-nong-dan", 0.7)}
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Châu", "Lâm", "Tô"]
MIDDLE = {Gender.MALE: ["Văn", "Minh", "Hoàng", "Quốc", "Hữu", "Thanh"], Gender.FEMALE: ["Thị", "Ngọc", "Thanh", "Mỹ", "Kim"]}
GIVEN = {Gender.MALE: ["Hùng", "Dũng", "Tâm", "Phúc", "Lộc", "Tài", "Nghĩa", "Khang", "Bình", "Sơn", "Toàn", "Thắng"],
         Gender.FEMALE: ["Lan", "Hương", "Mai", "Thảo", "Nhung", "Trang", "Yến", "Diễm", "Hạnh", "Loan", "Thu", "Phượng"]}
# Cà Mau's coast: a few Khmer and Hoa families, Buddhists, Catholics and Cao Đài followers among the members.
ETHNIC = (("Kinh", 0.95), ("Khơ-me", 0.03), ("Hoa", 0.02))
FAITH = ((None, 0.78), ("phat-giao", 0.14), ("cong-giao", 0.04), ("cao-dai", 0.04))
OCCUPATION = {"hoi-nong-dan": OccupationGroup.FARMER, "hoi-lhpn": OccupationGroup.FARMER, "doan-tncs": OccupationGroup.WORKER,
              "hoi-ccb": OccupationGroup.RETIRED}
# The last year each cohort may join in.
JOINS_BY = {"old": YEAR - 1, "left": YEAR - 2, "new": YEAR}
# Who each organisation admits: sex (None: both) and the years of birth.
ADMITS = {"hoi-nong-dan": (None, 1950, 2000), "hoi-lhpn": (Gender.FEMALE, 1955, 1998), "doan-tncs": (None, 1990, 2002),
          "hoi-ccb": (Gender.MALE, 1945, 1975)}


def _split(total, shares):
    counts = [int(total * share) for share in shares]
    counts[0] += total - sum(counts)
    return counts


def _pick(rng, weighted):
    draw = rng.random()
    for value, weight in weighted:
        draw -= weight
        if draw < 0:
            return value
    return weighted[0][0]


class _Members:
    """The rows to insert, built in memory: persons, then each membership with its one placement."""

    def __init__(self, rng, catalogues):
        self.rng, self.ethnicities, self.religions = rng, *catalogues
        self.persons, self.memberships, self.folded = [], [], {}

    def person(self, commune, code, joins_by):
        """A new person of the sex and age ``code`` admits, old enough to join by the year ``joins_by``."""
        sex, first, last = ADMITS[code]
        gender = sex or self.rng.choice([Gender.MALE, Gender.FEMALE])
        name = f"{self.rng.choice(FAMILY)} {self.rng.choice(MIDDLE[gender])} {self.rng.choice(GIVEN[gender])}"
        born = self.rng.randint(first, min(last, joins_by - SEED_MINIMUM_AGES.get(code, 18)))
        folded = self.folded.get(name) or self.folded.setdefault(name, fold(name))
        record = _Person(len(self.persons), (name, folded, folded, gender, born, self.ethnicities[_pick(self.rng, ETHNIC)],
                                             self.religions.get(_pick(self.rng, FAITH)), OCCUPATION[code], "", commune.pk, "", 1))
        self.persons.append(record)
        return record

    def join(self, person, branch, kind_id, joined, left=None):
        self.memberships.append((person, branch, kind_id, joined, left))


class _Person:
    """A person's row as ``PERSON_COLUMNS`` holds it, with the sex and year of birth the plan reads."""

    def __init__(self, index, row):
        self.index, self.row = index, row
        self.gender, self.birth_year = row[3], row[4]


PERSON_COLUMNS = ("full_name", "folded_name", "search_text", "gender", "birth_year", "ethnicity", "religion", "occupation_group",
                  "citizen_id", "unit", "note", "version")


def _joined(rng, code, born, year_first, year_last):
    """A day of joining in those years, at the age the organisation admits (its charter's minimum)."""
    year = rng.randint(min(max(year_first, born + SEED_MINIMUM_AGES.get(code, 18)), year_last), year_last)
    return datetime.date(year, rng.randint(1, 12), rng.randint(1, 28))


def _branches(story, communes):
    """{(commune, kind code): (branch, kind id)}: each commune's organisation and its branch, through the services."""
    branches = {}
    for commune in communes:
        for code, label, branch_label, _share in ORGANISATIONS:
            body = organization(story, f"{label} {commune.type_word} {commune.name}", code, commune)
            branch = organization(story, f"{branch_label} {commune.type_word} {commune.name}", "chi-doan" if code == "doan-tncs" else "chi-hoi",
                                  commune, parent=body)
            branches[commune, code] = (branch, body.kind_id)
    return branches


def _plan(rng, branches, communes, members):
    """Who belongs where: per organisation its share of the district's figures, spread over the communes; a share of
    each second organisation's members are already members of the first (the same person)."""
    cohorts = {"old": AT_YEAR_END - NEW_IN_YEAR, "new": NEW_IN_YEAR, "left": LEFT_IN_YEAR}
    by_kind = {name: dict(zip((code for code, *_rest in ORGANISATIONS), _split(total, [o[3] for o in ORGANISATIONS])))
               for name, total in cohorts.items()}
    already = {}  # (commune, code) → persons of that organisation there, for a second organisation to draw on
    for code, *_rest in ORGANISATIONS:
        for cohort in ("old", "left", "new"):
            for commune, count in zip(communes, _split(by_kind[cohort][code], [1 / len(communes)] * len(communes))):
                branch, kind_id = branches[commune, code]
                pool = already.get((commune, SHARED.get(code, ("", 0))[0]), [])
                for _ in range(count):
                    person = _reused(rng, code, pool, JOINS_BY[cohort]) or members.person(commune, code, JOINS_BY[cohort])
                    already.setdefault((commune, code), []).append(person)
                    _enrol(rng, members, person, branch, kind_id, code, cohort)


def _reused(rng, code, pool, joins_by):
    """A member of the first organisation who may also join this one (sex and age as it admits), taken once."""
    sex, first, last = ADMITS[code]
    share = SHARED.get(code, ("", 0))[1]
    if not pool or rng.random() >= share:
        return None
    latest = min(last, joins_by - SEED_MINIMUM_AGES.get(code, 18))
    for _try in range(8):  # a few draws find one of the sex and age the organisation admits
        index = rng.randrange(len(pool))
        person = pool[index]
        if (sex is None or person.gender == sex) and first <= person.birth_year <= latest:
            return pool.pop(index)
    return None


def _enrol(rng, members, person, branch, kind_id, code, cohort):
    if cohort == "new":
        members.join(person, branch, kind_id, _joined(rng, code, person.birth_year, YEAR, YEAR))
    elif cohort == "left":
        left = datetime.date(YEAR, rng.randint(1, 12), rng.randint(1, 28))
        members.join(person, branch, kind_id, _joined(rng, code, person.birth_year, 2000, YEAR - 2), left)
    else:
        members.join(person, branch, kind_id, _joined(rng, code, person.birth_year, 1995, YEAR - 1))


def _insert(members):
    person_ids = allocate_ids(Person, len(members.persons))
    insert_many(Person, [(pk, *person.row) for pk, person in zip(person_ids, members.persons)], fields=["id", *PERSON_COLUMNS])
    membership_ids = allocate_ids(Membership, len(members.memberships))
    reasons = [LeaveReason.MOVED_AWAY, LeaveReason.MOVED_AWAY, LeaveReason.OVER_AGE, LeaveReason.DECEASED, LeaveReason.OTHER]
    memberships, placements = [], []
    for index, (pk, (person, branch, kind_id, joined, left)) in enumerate(zip(membership_ids, members.memberships)):
        reason = reasons[index % len(reasons)] if left else ""
        memberships.append((pk, 1, person_ids[person.index], kind_id, branch.pk, joined, left, reason, MemberRole.MEMBER, index % 9 == 0, ""))
        placements.append((1, pk, branch.pk, branch.unit_id, True, left is not None, joined, left))
    insert_many(Membership, memberships, fields=["id", "version", "person", "kind", "branch", "joined", "left", "leave_reason",
                                                 "role", "is_core", "card_number"])
    insert_many(MembershipPlacement, placements, fields=["version", "membership", "branch", "unit", "joined_here", "left_here",
                                                         "valid_from", "valid_to"])


def _denominators(story, district, branches, members):
    """The district's eligible populations of 2018 (the stored denominators its rates divide by)."""
    definitions = {"hoi-nong-dan": "Nông dân từ 18 tuổi trở lên trên địa bàn huyện (số liệu của Chi cục Thống kê huyện)",
                   "hoi-lhpn": "Phụ nữ từ 18 tuổi trở lên cư trú trên địa bàn huyện", "doan-tncs": "Thanh niên từ 16 đến 30 tuổi",
                   "hoi-ccb": "Cựu chiến binh cư trú trên địa bàn huyện"}
    members_by_kind = {}
    for _person, _branch, kind_id, joined, left in members.memberships:
        if joined.year <= YEAR and left is None:
            members_by_kind[kind_id] = members_by_kind.get(kind_id, 0) + 1
    kinds = {code: kind_id for (_commune, code), (_branch, kind_id) in branches.items()}
    for code, kind_id in kinds.items():
        if not EligiblePopulation.objects.filter(kind_id=kind_id, unit=district, year=YEAR).exists():
            count = round(members_by_kind.get(kind_id, 0) / 0.83)
            services.set_eligible_population(story.user, EligiblePopulation(kind_id=kind_id, unit=district, year=YEAR, count=count,
                                                                             definition=definitions[code]))


def build(story):
    district = story.places.districts["Năm Căn"]
    communes = list(Unit.objects.filter(parent=district).order_by("code", "pk"))
    if Membership.objects.filter(branch__unit__parent=district).exists():
        return
    # The migrations seed these lists; a test that empties the tables before the demo is built takes them away.
    seed_catalogues(Ethnicity, Religion)
    seed_duplicate_rules(DuplicateRule, DuplicateRuleField)
    seed_rules(MembershipRule, OrganizationKind)
    story.on(datetime.date(YEAR, 1, 2))
    rng = random.Random(13)
    branches = _branches(story, communes)
    members = _Members(rng, (dict(Ethnicity.objects.values_list("name", "pk")), dict(Religion.objects.values_list("code", "pk"))))
    _plan(rng, branches, communes, members)
    _insert(members)
    _denominators(story, district, branches, members)
