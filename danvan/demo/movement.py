"""The movement in the demo world, as seeds 002, 000 and 003 tell it.

Huyện U Minh Thượng gets its 635 registrations of 2016–2020, 266 grassroots and 61 district
recognitions of 2019–2020, its typical models with their owners and hamlets, results and
replications; Năm Căn its two models and Kim Sơn its "Cửa hàng thực phẩm sạch".

Every initiative lives its life through ``movement.services`` (registered as a draft,
submitted, approved, appraised, recognised …) on the dates of the story, so each has its
status changes and audit entries. The plan is drawn first from a fixed random seed (so the
figures are always the same); the whole build is skipped when it has run before.
"""

import dataclasses
import datetime
import random

from danvan.core.choices import Level
from danvan.core.services import save_record
from danvan.demo.world import organization
from danvan.movement import services
from danvan.movement.catalogues import seed_catalogues
from danvan.movement.choices import AppraisalOutcome, HolderKind, InitiativeKind, RecognitionLevel, Status
from danvan.movement.models import Criterion, Field, Initiative, Phase
from danvan.organizations.models import Organization
from danvan.people.models import Person
from danvan.units.models import Unit

MARKER = "Tổ dần đổi công"
REGISTERED_PER_YEAR = {2016: 80, 2017: 105, 2018: 130, 2019: 150, 2020: 170}  # 635 in 2016–2020
COMMUNE_RECOGNISED = {2019: 120, 2020: 146}  # 266 grassroots recognitions in 2019–2020
DISTRICT_RECOGNISED = 61
DISTRICT_DECISION = datetime.date(2020, 8, 4)
# Outstanding district-level models besides the typical ones: few enough that the typical
# ones lead the statistics page's list of typical models (it shows twelve).
OUTSTANDING_DISTRICT_EVERY = 8

# (name, owner organisation, unit key, field code)
TYPICAL = [
    ("Tổ dần đổi công", "Chi hội Phụ nữ ấp Đặng Văn Do", ("hamlet", "Đặng Văn Do"), "kinh-te"),
    ("Quỹ xoay vòng sửa chữa nhà đồng đội", "Chi hội Cựu chiến binh ấp Minh Dũng", ("hamlet", "Minh Dũng"), "van-hoa-xa-hoi"),
    ("Tổ sửa chữa cầu lộ, GTNT", "Chi hội Nông dân ấp Xẻo Kè", ("hamlet", "Xẻo Kè"), "kinh-te"),
    ("Câu lạc bộ ngân hàng máu sống", "Hội Chữ thập đỏ xã Minh Thuận", ("commune", "Minh Thuận"), "van-hoa-xa-hoi"),
]

# Ways of working, by field, from which the ordinary registrations are named.
TEMPLATES = {
    "kinh-te": ["Tổ hợp tác nuôi tôm – lúa", "Tổ vay vốn tiết kiệm", "Hỗ trợ hộ nghèo nuôi bò sinh sản", "Tổ liên kết trồng khóm",
                "Tổ hợp tác nuôi cá đồng", "Vận động hiến đất làm đường", "Trồng rau sạch trên bờ bao", "Hỗ trợ con giống thoát nghèo"],
    "van-hoa-xa-hoi": ["Tuyến đường xanh, sạch, đẹp", "Mái ấm tình thương", "Nồi cháo tình thương", "Tủ sách pháp luật ấp",
                       "Khu dân cư văn hóa kiểu mẫu", "Vận động trẻ em đến trường", "Thắp sáng đường quê", "Phân loại rác tại hộ gia đình"],
    "quoc-phong-an-ninh": ["Tổ nhân dân tự quản", "Camera an ninh khu dân cư", "Tổ hòa giải ở cơ sở", "Ấp không có tội phạm ma túy",
                           "Tổ tuần tra bảo vệ rừng"],
    "xay-dung-he-thong-chinh-tri": ["Dân vận khéo trong cải cách hành chính", "Đảng viên giúp hộ nghèo", "Cán bộ gần dân, sát dân",
                                    "Tiếp dân không hẹn", "Chi bộ gắn với dân"],
}
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Dương", "Lâm"]
MIDDLE = ["Văn", "Thị", "Hoàng", "Minh", "Thanh", "Ngọc"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hạnh", "Hòa", "Hùng", "Lan", "Mai", "Nam", "Phúc", "Sơn", "Tâm", "Thảo", "Vinh"]
MASS_ORGANIZATIONS = [
    ("Hội Nông dân", "hoi-nong-dan"), ("Hội Liên hiệp Phụ nữ", "hoi-lhpn"), ("Đoàn TNCS Hồ Chí Minh", "doan-tncs"),
    ("Hội Cựu chiến binh", "hoi-ccb"), ("Hội Chữ thập đỏ", "hoi-chu-thap-do"), ("Ủy ban MTTQ Việt Nam", "ubmttq"),
]
STEERING = "Ban Chỉ đạo Quy chế dân chủ ở cơ sở và phong trào \"Dân vận khéo\""
RESULT_TEXT = "Duy trì sinh hoạt định kỳ, vận động thêm hộ tham gia."
ENDED_NOTE = "Không còn duy trì sinh hoạt, tổ tự giải thể."
NOT_RECOGNISED_NOTE = "Chưa có kết quả rõ nét, chưa đủ tiêu chí công nhận."


@dataclasses.dataclass
class Plan:
    """One initiative and the life it will live: recognised when, at which levels, or not at all."""

    initiative: Initiative
    field: Field
    recognised_in: int | None = None  # year of the grassroots recognition
    decided_on: datetime.date | None = None  # of the grassroots recognition; 20 November by default
    recognising_body: Organization | None = None
    document: str = ""
    outstanding: bool = False
    district_steering: Organization | None = None  # recognises it again at district level in 2020
    communes: list = dataclasses.field(default_factory=list)  # where its results and replications happen
    fate: Status | None = None  # NOT_RECOGNISED or ENDED for some of those never recognised


def build(story):
    """Build the movement's demo records once; a second run creates nothing."""
    seed_catalogues(Field, Phase, Criterion)
    if Initiative.objects.filter(name=MARKER).exists():
        return
    fields = {field.code: field for field in Field.objects.all()}
    phase = Phase.objects.get(start_year=2016, end_year=2020)
    rng = random.Random(20200804)
    plans = _u_minh_thuong(story, fields, phase, rng)
    plans += _other_districts(story, fields, phase)
    for index, plan in enumerate(plans):
        _live(story, plan, index, rng)


# ---------------------------------------------------------------- the life of one initiative

def _registered(story, plan, index):
    """Entered as a draft in February of its year, submitted, approved a week later."""
    initiative, year = plan.initiative, plan.initiative.registration_year
    entered = datetime.date(year, 2, 1) + datetime.timedelta(days=index % 20)
    story.on(entered)
    services.register_initiative(story.user, initiative, fields=[plan.field])
    services.submit(story.user, initiative)
    story.on(entered + datetime.timedelta(days=7))
    services.approve_registration(story.user, initiative)


def _recognised(story, plan):
    """Appraised by the commune's steering committee ten days before its decision (20 November by default)."""
    initiative, year = plan.initiative, plan.recognised_in
    decided_on = plan.decided_on or datetime.date(year, 11, 20)
    story.on(decided_on - datetime.timedelta(days=10))
    appraisal = services.appraise(
        story.user, initiative, level=RecognitionLevel.COMMUNE, year=year, date=story.day,
        outcome=AppraisalOutcome.MET_PROPOSED if plan.district_steering else AppraisalOutcome.MET,
        appraisers=str(plan.recognising_body),
    )
    story.on(decided_on)
    services.recognise_initiative(
        story.user, initiative, level=RecognitionLevel.COMMUNE, year=year, decided_on=story.day, document=plan.document,
        outstanding=plan.outstanding, appraisal=appraisal, recognising_body=plan.recognising_body,
    )


def _recognised_by_district(story, plan):
    district_steering = plan.district_steering
    story.on(DISTRICT_DECISION - datetime.timedelta(days=14))
    appraisal = services.appraise(
        story.user, plan.initiative, level=RecognitionLevel.DISTRICT, year=DISTRICT_DECISION.year, date=story.day,
        outcome=AppraisalOutcome.MET, appraisers=str(district_steering),
    )
    story.on(DISTRICT_DECISION)
    services.recognise_initiative(
        story.user, plan.initiative, level=RecognitionLevel.DISTRICT, year=DISTRICT_DECISION.year, decided_on=story.day,
        document="125-QĐ/BCĐ", outstanding=plan.outstanding, appraisal=appraisal, recognising_body=district_steering,
    )


def _left_behind(story, plan):
    """Some of those never recognised failed their appraisal the next year; others stopped and were ended."""
    initiative, year = plan.initiative, plan.initiative.registration_year + 1
    if plan.fate == Status.NOT_RECOGNISED:
        story.on(datetime.date(year, 11, 10))
        services.appraise(story.user, initiative, level=RecognitionLevel.COMMUNE, year=year, date=story.day,
                          outcome=AppraisalOutcome.NOT_MET, note=NOT_RECOGNISED_NOTE)
    elif plan.fate == Status.ENDED:
        story.on(datetime.date(year, 12, 15))
        services.move(story.user, initiative, Status.ENDED, ENDED_NOTE)


def _results(story, initiative, index, rng):
    """Most recognised models report results; some stopped a while ago and some never did (formalism)."""
    silence = "none" if index % 17 == 3 else "stale" if index % 9 == 2 else "active"
    if silence == "none":
        return
    today = datetime.date.today()
    first = initiative.recognised_on + datetime.timedelta(days=200)
    latest = today - datetime.timedelta(days=rng.randint(20, 300) if silence == "active" else 800)
    for date in sorted({first, max(latest, first)}):
        story.on(date)
        services.record_result(
            story.user, initiative, date=date, text=RESULT_TEXT,
            beneficiaries=rng.randint(10, 300), households_out_of_poverty=rng.randint(0, 12),
            money_mobilised=rng.randint(5, 400) * 1_000_000, workdays_mobilised=rng.randint(20, 900),
        )


def _replications(story, initiative, index, communes, rng):
    """One in seven recognised models is taken up by one to three other communes."""
    if index % 7:
        return
    places = rng.sample([commune for commune in communes if commune.pk != initiative.unit_id], k=1 + index % 3)
    adopted_on = max(datetime.date(2020, 1 + index % 12, 15), initiative.recognised_on + datetime.timedelta(days=30))
    story.on(adopted_on)
    for place in places:
        services.replicate(story.user, initiative, unit=place, adopted_on=adopted_on)


def _live(story, plan, index, rng):
    _registered(story, plan, index)
    if plan.recognised_in is None:
        _left_behind(story, plan)
        return
    _recognised(story, plan)
    if plan.district_steering:
        _recognised_by_district(story, plan)
    if plan.communes:
        _results(story, plan.initiative, index, rng)
        _replications(story, plan.initiative, index, plan.communes, rng)


# ---------------------------------------------------------------- U Minh Thượng

def _communes(district):
    return list(Unit.objects.descendants(district).filter(level=Level.COMMUNE).order_by("name"))


def _owners(story, communes):
    """Each commune's mass organisations and Front committee, and its steering committee."""
    owners, steering = {}, {}
    for commune in communes:
        word = commune.type_word
        owners[commune.pk] = [organization(story, f"{label} {word} {commune.name}", code, commune) for label, code in MASS_ORGANIZATIONS]
        steering[commune.pk] = organization(story, f"{STEERING} {word} {commune.name}", "ban-chi-dao-qcdc-dvk", commune)
    return owners, steering


def _individuals(story, communes, rng, count=48):
    """The holders of the individual exemplars, kept by their communes."""
    return [
        save_record(story.user, Person(
            full_name=f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}", unit=communes[index % len(communes)],
        ))
        for index in range(count)
    ]


def _new_initiative(name, unit, owner, year, phase, *, kind=InitiativeKind.MODEL, holder=HolderKind.COLLECTIVE):
    return Initiative(
        name=name, unit=unit, phase=phase, registration_year=year, kind=kind, holder=holder,
        start_date=datetime.date(year, 3, 1),
        owner_organization=owner if isinstance(owner, Organization) else None,
        owner_person=owner if isinstance(owner, Person) else None,
        description=f"{name}: cách làm được {owner} xây dựng và duy trì, vận động nhân dân cùng tham gia.",
        goals="Phát huy vai trò của nhân dân, nâng cao đời sống, góp phần xây dựng nông thôn mới.",
    )


def _distinct(template, owner, used):
    """Many communes run a model of the same name; only the same owner twice needs telling apart."""
    name, repeat = template, 2
    while (name, owner.pk) in used:
        name, repeat = f"{template} ({repeat})", repeat + 1
    used.add((name, owner.pk))
    return name


def _u_minh_thuong(story, fields, phase, rng):
    places = story.places
    district = places.districts["U Minh Thượng"]
    communes = _communes(district)
    story.on(datetime.date(2016, 1, 4))
    owners, steering = _owners(story, communes)
    people = _individuals(story, communes, rng)
    district_steering = Organization.objects.get(unit=district, kind__code="ban-chi-dao-qcdc-dvk")

    plans = []
    for name, owner_name, (unit_kind, unit_name), field_code in TYPICAL:
        unit = places.hamlets[unit_name] if unit_kind == "hamlet" else places.communes[unit_name]
        owner = Organization.objects.select_related("unit").get(name=owner_name, unit=unit)
        plans.append(Plan(_new_initiative(name, unit, owner, 2018, phase), fields[field_code]))
    years = [year for year, count in REGISTERED_PER_YEAR.items() for _ in range(count)]
    used_names = set()
    for index, year in enumerate(years[len(TYPICAL):]):
        commune = communes[index % len(communes)]
        field_code = rng.choices(list(TEMPLATES), weights=[40, 30, 12, 18])[0]
        if index % 11 == 5:  # about one in eleven is an individual exemplar
            owner = people[index % len(people)]
            name = _distinct(f"Gương điển hình “{rng.choice(TEMPLATES[field_code])}” – {owner.full_name}", owner, used_names)
            plans.append(Plan(_new_initiative(name, owner.unit, owner, year, phase, kind=InitiativeKind.EXEMPLAR,
                                              holder=HolderKind.INDIVIDUAL), fields[field_code]))
            continue
        owner = owners[commune.pk][(index // len(communes)) % len(MASS_ORGANIZATIONS)]
        kind = InitiativeKind.EXEMPLAR if index % 9 == 4 else InitiativeKind.MODEL
        template = TEMPLATES[field_code][(index // len(communes)) % len(TEMPLATES[field_code])]
        plans.append(Plan(_new_initiative(_distinct(template, owner, used_names), commune, owner, year, phase, kind=kind),
                          fields[field_code]))
    _plan_recognitions(plans, steering, district_steering, communes, rng)
    return plans


def _commune_of(unit, steering):
    return steering.get(unit.pk) or steering[unit.parent_id]


def _plan_recognitions(plans, steering, district_steering, communes, rng):
    """266 grassroots recognitions in 2019–2020 (never before the registration), the first 61 of 2019
    recognised again at district level in 2020; one in thirteen of the others fails or ends."""
    typical, others = plans[: len(TYPICAL)], plans[len(TYPICAL):]
    chosen = typical + rng.sample(others, sum(COMMUNE_RECOGNISED.values()) - len(typical))
    # Typical ones first, then the earliest registrations: the 2019 recognitions go to those registered by then.
    chosen = typical + sorted(chosen[len(typical):], key=lambda plan: plan.initiative.registration_year)
    years = [year for year, count in COMMUNE_RECOGNISED.items() for _ in range(count)]
    for rank, (plan, year) in enumerate(zip(chosen, years)):
        plan.recognised_in, plan.communes = year, communes
        plan.recognising_body = _commune_of(plan.initiative.unit, steering)
        plan.document = f"{rng.randint(10, 99)}/QĐ-BCĐ"
        if rank < DISTRICT_RECOGNISED:
            plan.district_steering = district_steering
            plan.outstanding = rank < len(typical) or rank % OUTSTANDING_DISTRICT_EVERY == 0
        else:
            plan.outstanding = rng.random() < 0.15
    for index, plan in enumerate(others):
        if plan.recognised_in is None and index % 13 == 0:
            plan.fate = Status.NOT_RECOGNISED if index % 2 else Status.ENDED


# ---------------------------------------------------------------- Năm Căn and Kim Sơn

def _other_districts(story, fields, phase):
    places = story.places
    hiep_tung, kinh_moi = places.communes["Hiệp Tùng"], places.hamlets["Kinh Mới"]
    story.on(datetime.date(2016, 1, 4))
    steering = organization(story, f"{STEERING} xã Hiệp Tùng", "ban-chi-dao-qcdc-dvk", hiep_tung)
    front = Organization.objects.select_related("unit").get(name="Ủy ban MTTQ Việt Nam xã Hiệp Tùng", unit=hiep_tung)
    team = Organization.objects.select_related("unit").get(name="Ban công tác Mặt trận ấp Kinh Mới", unit=kinh_moi)
    kim_son_commune = _communes(places.districts["Kim Sơn"])[0]
    women = organization(story, f"Hội Liên hiệp Phụ nữ {kim_son_commune.type_word} {kim_son_commune.name}", "hoi-lhpn", kim_son_commune)
    recognised = {"recognised_in": 2019, "decided_on": datetime.date(2019, 12, 10), "recognising_body": steering,
                  "document": "08/QĐ-BCĐ", "outstanding": True}
    return [
        Plan(_new_initiative("Tuyến đường xanh, sạch, đẹp", hiep_tung, front, 2019, phase), fields["van-hoa-xa-hoi"], **recognised),
        Plan(_new_initiative("Tuyến đường hoa", kinh_moi, team, 2019, phase), fields["van-hoa-xa-hoi"], **recognised),
        Plan(_new_initiative("Cửa hàng thực phẩm sạch", kim_son_commune, women, 2018, phase), fields["kinh-te"]),
    ]
