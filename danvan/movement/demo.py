"""The movement and its commendations in the demo world, as seeds 002, 000 and 003 tell them.

``build_demo(places)`` gives huyện U Minh Thượng its 635 registrations of 2016–2020, 266
grassroots and 61 district recognitions of 2019–2020, its typical models with their owners
and hamlets, and the commendation decisions of 04/8/2020; Năm Căn its two models and Kim Sơn
its "Cửa hàng thực phẩm sạch". Records are bulk-created (fast) and the whole build is skipped
when it has run before (idempotent).
"""

import dataclasses
import datetime
import random

from django.db import transaction

from danvan.awards.catalogues import seed_forms
from danvan.awards.choices import ProposalStatus
from danvan.awards.models import CommendationDecision, CommendationForm, CommendationProposal, ProposedRecipient, Recipient
from danvan.core.choices import Level
from danvan.core.demo.world import organization, person
from danvan.movement.catalogues import seed_catalogues
from danvan.movement.choices import HolderKind, InitiativeKind, RecognitionLevel, Status
from danvan.movement.models import Criterion, Field, Initiative, Phase, Recognition, Replication, ResultUpdate
from danvan.organizations.models import Organization
from danvan.people.models import Person
from danvan.units.models import Unit

MARKER = "Tổ dần đổi công"
REGISTERED_PER_YEAR = {2016: 80, 2017: 105, 2018: 130, 2019: 150, 2020: 170}  # 635 in 2016–2020
COMMUNE_RECOGNISED = {2019: 120, 2020: 146}  # 266 grassroots recognitions in 2019–2020
DISTRICT_RECOGNISED = 61
DISTRICT_DECISION = datetime.date(2020, 8, 4)

# (name, owner organisation, unit key, field code, kind, holder)
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


@dataclasses.dataclass
class Catalogues:
    fields: dict
    phase: Phase
    forms: dict


def _distinct(template, owner, used):
    """Many communes run a model of the same name; only the same owner twice needs telling apart."""
    name, repeat = template, 2
    while (name, owner.pk) in used:
        name, repeat = f"{template} ({repeat})", repeat + 1
    used.add((name, owner.pk))
    return name


def build_demo(places):
    """Build the movement's demo records once; a second run creates nothing."""
    seed_catalogues(Field, Phase, Criterion)
    seed_forms(CommendationForm)
    if Initiative.objects.filter(name=MARKER).exists():
        return
    with transaction.atomic():
        catalogues = Catalogues(
            fields={field.code: field for field in Field.objects.all()},
            phase=Phase.objects.get(start_year=2016, end_year=2020),
            forms={form.code: form for form in CommendationForm.objects.all()},
        )
        rng = random.Random(20200804)
        initiatives = _u_minh_thuong(places, catalogues, rng)
        _other_districts(places, catalogues)
        _commendations(places, catalogues, initiatives, rng)


# ---------------------------------------------------------------- U Minh Thượng

def _communes(district):
    return list(Unit.objects.descendants(district).filter(level=Level.COMMUNE).order_by("name"))


def _owners(communes):
    """Each commune's mass organisations and Front committee, and its steering committee."""
    owners, steering = {}, {}
    for commune in communes:
        word = commune.type_word
        owners[commune.pk] = [organization(f"{label} {word} {commune.name}", code, commune) for label, code in MASS_ORGANIZATIONS]
        steering[commune.pk] = organization(f"{STEERING} {word} {commune.name}", "ban-chi-dao-qcdc-dvk", commune)
    return owners, steering


def _individuals(communes, rng, count=48):
    people = [
        Person(full_name=f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}", unit=communes[index % len(communes)])
        for index in range(count)
    ]
    for record in people:
        record.refresh_search_text()
    return Person.objects.bulk_create(people)


def _new_initiative(name, unit, owner, year, catalogues, *, kind=InitiativeKind.MODEL, holder=HolderKind.COLLECTIVE):
    initiative = Initiative(
        name=name, unit=unit, phase=catalogues.phase, registration_year=year, kind=kind, holder=holder,
        status=Status.REGISTERED, start_date=datetime.date(year, 3, 1),
        owner_organization=owner if isinstance(owner, Organization) else None,
        owner_person=owner if isinstance(owner, Person) else None,
        description=f"{name}: cách làm được {owner} xây dựng và duy trì, vận động nhân dân cùng tham gia.",
        goals="Phát huy vai trò của nhân dân, nâng cao đời sống, góp phần xây dựng nông thôn mới.",
    )
    initiative.refresh_search_text()
    initiative.duplicate_key = Initiative.make_duplicate_key(name, initiative.owner_organization_id, initiative.owner_person_id, catalogues.phase.pk)
    return initiative


def _u_minh_thuong(places, catalogues, rng):
    district = places.districts["U Minh Thượng"]
    communes = _communes(district)
    owners, steering = _owners(communes)
    people = _individuals(communes, rng)
    district_steering = Organization.objects.get(unit=district, kind__code="ban-chi-dao-qcdc-dvk")

    planned = []  # (initiative, field code)
    for name, owner_name, (unit_kind, unit_name), field_code in TYPICAL:
        unit = places.hamlets[unit_name] if unit_kind == "hamlet" else places.communes[unit_name]
        owner = Organization.objects.get(name=owner_name, unit=unit if unit_kind == "hamlet" else places.communes[unit_name])
        planned.append((_new_initiative(name, unit, owner, 2018, catalogues), field_code))
    years = [year for year, count in REGISTERED_PER_YEAR.items() for _ in range(count)]
    used_names = set()
    for index, year in enumerate(years[len(TYPICAL):]):
        commune = communes[index % len(communes)]
        field_code = rng.choices(list(TEMPLATES), weights=[40, 30, 12, 18])[0]
        if index % 11 == 5:  # about one in eleven is an individual exemplar
            owner = people[index % len(people)]
            planned.append((_new_initiative(f"Gương điển hình “{rng.choice(TEMPLATES[field_code])}” – {owner.full_name}", owner.unit,
                                            owner, year, catalogues, kind=InitiativeKind.EXEMPLAR, holder=HolderKind.INDIVIDUAL), field_code))
            continue
        owner = owners[commune.pk][(index // len(communes)) % len(MASS_ORGANIZATIONS)]
        kind = InitiativeKind.EXEMPLAR if index % 9 == 4 else InitiativeKind.MODEL
        template = TEMPLATES[field_code][(index // len(communes)) % len(TEMPLATES[field_code])]
        planned.append((_new_initiative(_distinct(template, owner, used_names), commune, owner, year, catalogues, kind=kind), field_code))

    initiatives = Initiative.objects.bulk_create([initiative for initiative, _ in planned])
    Initiative.fields.through.objects.bulk_create(
        Initiative.fields.through(initiative_id=initiative.pk, field_id=catalogues.fields[code].pk)
        for initiative, (_, code) in zip(initiatives, planned)
    )
    _recognise(initiatives, steering, district_steering, rng)
    _results_and_replications(initiatives, communes, rng)
    return initiatives


def _recognise(initiatives, steering, district_steering, rng):
    """266 grassroots recognitions in 2019–2020, 61 of them recognised again at district level in 2020."""
    typical, others = initiatives[: len(TYPICAL)], initiatives[len(TYPICAL):]
    candidates = typical + rng.sample(others, sum(COMMUNE_RECOGNISED.values()) - len(typical))
    years = [year for year, count in COMMUNE_RECOGNISED.items() for _ in range(count)]
    district_level = set(id(item) for item in candidates[:DISTRICT_RECOGNISED])
    recognitions = []
    for initiative, year in zip(candidates, years):
        outstanding = initiative in typical or rng.random() < 0.15
        recognitions.append(Recognition(
            initiative=initiative, level=RecognitionLevel.COMMUNE, year=year, decided_on=datetime.date(year, 11, 20),
            document=f"{rng.randint(10, 99)}/QĐ-BCĐ", recognising_body=steering.get(initiative.unit_id) or steering[initiative.unit.parent_id],
            outstanding=outstanding,
        ))
        initiative.status, initiative.highest_level = Status.RECOGNISED, RecognitionLevel.COMMUNE
        initiative.recognised_on = datetime.date(year, 11, 20)
        if id(initiative) in district_level:
            recognitions.append(Recognition(
                initiative=initiative, level=RecognitionLevel.DISTRICT, year=2020, decided_on=DISTRICT_DECISION,
                document="125-QĐ/BCĐ", recognising_body=district_steering, outstanding=outstanding,
            ))
            initiative.highest_level, initiative.recognised_on = RecognitionLevel.DISTRICT, DISTRICT_DECISION
        initiative.is_outstanding = outstanding
    for index, initiative in enumerate(others):
        if initiative.status == Status.REGISTERED and index % 13 == 0:
            initiative.status = Status.NOT_RECOGNISED if index % 2 else Status.ENDED
    Recognition.objects.bulk_create(recognitions)
    Initiative.objects.bulk_update(initiatives, ["status", "highest_level", "recognised_on", "is_outstanding"])


def _results_and_replications(initiatives, communes, rng):
    """Most recognised models report results; some stopped a while ago and some never did (formalism)."""
    today = datetime.date.today()
    updates, replications = [], []
    for index, initiative in enumerate(item for item in initiatives if item.status == Status.RECOGNISED):
        silence = "none" if index % 17 == 3 else "stale" if index % 9 == 2 else "active"
        if silence != "none":
            last = initiative.recognised_on + datetime.timedelta(days=200)
            latest = today - datetime.timedelta(days=rng.randint(20, 300)) if silence == "active" else today - datetime.timedelta(days=800)
            for date in sorted({last, max(latest, last)}):
                updates.append(ResultUpdate(
                    initiative=initiative, date=date, text="Duy trì sinh hoạt định kỳ, vận động thêm hộ tham gia.",
                    beneficiaries=rng.randint(10, 300), households_out_of_poverty=rng.randint(0, 12),
                    money_mobilised=rng.randint(5, 400) * 1_000_000, workdays_mobilised=rng.randint(20, 900),
                ))
            initiative.last_result_on = max(last, latest)
        if index % 7 == 0:
            places = rng.sample([commune for commune in communes if commune.pk != initiative.unit_id], k=1 + index % 3)
            replications += [Replication(origin=initiative, unit=place, adopted_on=datetime.date(2020, 1 + index % 12, 15)) for place in places]
    ResultUpdate.objects.bulk_create(updates)
    Replication.objects.bulk_create(replications)
    Initiative.objects.bulk_update(initiatives, ["last_result_on"])


# ---------------------------------------------------------------- Năm Căn and Kim Sơn

def _other_districts(places, catalogues):
    hiep_tung = places.communes["Hiệp Tùng"]
    kinh_moi = places.hamlets["Kinh Mới"]
    steering = organization(f"{STEERING} xã Hiệp Tùng", "ban-chi-dao-qcdc-dvk", hiep_tung)
    front = Organization.objects.get(name="Ủy ban MTTQ Việt Nam xã Hiệp Tùng", unit=hiep_tung)
    team = Organization.objects.get(name="Ban công tác Mặt trận ấp Kinh Mới", unit=kinh_moi)
    kim_son_commune = _communes(places.districts["Kim Sơn"])[0]
    women = organization(f"Hội Liên hiệp Phụ nữ {kim_son_commune.type_word} {kim_son_commune.name}", "hoi-lhpn", kim_son_commune)
    planned = [
        (_new_initiative("Tuyến đường xanh, sạch, đẹp", hiep_tung, front, 2019, catalogues), "van-hoa-xa-hoi", True),
        (_new_initiative("Tuyến đường hoa", kinh_moi, team, 2019, catalogues), "van-hoa-xa-hoi", True),
        (_new_initiative("Cửa hàng thực phẩm sạch", kim_son_commune, women, 2018, catalogues), "kinh-te", False),
    ]
    for initiative, _, recognised in planned:
        if recognised:
            initiative.status, initiative.highest_level = Status.RECOGNISED, RecognitionLevel.COMMUNE
            initiative.recognised_on, initiative.is_outstanding = datetime.date(2019, 12, 10), True
    created = Initiative.objects.bulk_create([initiative for initiative, _, _ in planned])
    Initiative.fields.through.objects.bulk_create(
        Initiative.fields.through(initiative_id=initiative.pk, field_id=catalogues.fields[code].pk)
        for initiative, (_, code, _) in zip(created, planned)
    )
    Recognition.objects.bulk_create(
        Recognition(initiative=initiative, level=RecognitionLevel.COMMUNE, year=2019, decided_on=datetime.date(2019, 12, 10),
                    document="08/QĐ-BCĐ", recognising_body=steering, outstanding=True)
        for initiative, _, recognised in planned if recognised
    )


# ---------------------------------------------------------------- commendations of 04/8/2020

def _commendations(places, catalogues, initiatives, rng):
    """BTV Huyện ủy: giấy khen to 04 collectives and 06 individuals; UBND huyện: giấy khen to 20 collectives."""
    district = places.districts["U Minh Thượng"]
    party = Organization.objects.get(name="Huyện ủy U Minh Thượng", unit=district)
    government = Organization.objects.get(name="UBND huyện U Minh Thượng", unit=district)
    merit = catalogues.forms["giay-khen"]
    reason = "Có thành tích xuất sắc trong công tác chỉ đạo phong trào thi đua “Dân vận khéo” giai đoạn 2016–2020"
    party_decision = _decision("245-QĐ/HU", party, merit, reason, catalogues, "Đặng Xuân Thắng", "Phó Bí thư Thường trực Huyện ủy")
    government_decision = _decision(
        "1268/QĐ-UBND", government, merit, "Có thành tích tốt trong phong trào thi đua “Dân vận khéo” giai đoạn 2016–2020",
        catalogues, "Lê Tiến Dũng", "Phó Chủ tịch UBND huyện",
    )
    district_units = Unit.objects.descendants(district).filter(level=Level.COMMUNE)
    steering = list(Organization.objects.filter(unit__in=district_units, kind__code="ban-chi-dao-qcdc-dvk").order_by("name"))
    # Each commended collective with its best model: district-recognised ones first.
    by_owner = {}
    for initiative in sorted(initiatives, key=lambda item: (item.highest_level is None, item.highest_level or 9)):
        if initiative.owner_organization_id and initiative.highest_level is not None:
            by_owner.setdefault(initiative.owner_organization_id, initiative)
    collectives = list(Organization.objects.filter(pk__in=list(by_owner)).order_by("name"))
    individuals = [person(name, district, "male" if index % 2 else "female") for index, name in enumerate(
        ["Trần Văn Hiếu", "Nguyễn Thị Bé Ba", "Lê Văn Tám", "Phạm Thị Hồng", "Võ Minh Trí", "Huỳnh Thị Thu"])]
    recipients = [Recipient(decision=party_decision, kind=HolderKind.COLLECTIVE, organization=org) for org in steering[:4]]
    recipients += [Recipient(decision=party_decision, kind=HolderKind.INDIVIDUAL, person=someone) for someone in individuals]
    # Two of UBND's twenty came by the proposal of xã Thạnh Yên's Front committee, accepted into the decision.
    recipients += [Recipient(decision=government_decision, kind=HolderKind.COLLECTIVE, organization=org,
                             initiative=by_owner[org.pk], achievement=f"Mô hình “{by_owner[org.pk].name}”") for org in collectives[:20]]
    Recipient.objects.bulk_create(recipients)
    _proposals(places, catalogues, government, government_decision, collectives)


def _decision(number, body, form, reason, catalogues, signer, title):
    decision = CommendationDecision(number=number, date=DISTRICT_DECISION, issuing_body=body, form=form, reason=reason,
                                    phase=catalogues.phase, signer=signer, signer_title=title)
    decision.refresh_search_text()
    decision.save()
    return decision


def _proposals(places, catalogues, government, decision, collectives):
    front = Organization.objects.get(name="Ủy ban MTTQ Việt Nam xã Thạnh Yên", unit=places.communes["Thạnh Yên"])
    accepted = CommendationProposal(
        proposing_body=front, addressed_to=government, form=catalogues.forms["giay-khen"], date=datetime.date(2020, 7, 15),
        reason="Đề nghị khen thưởng tập thể có mô hình “Dân vận khéo” tiêu biểu giai đoạn 2016–2020",
        status=ProposalStatus.ACCEPTED, decision=decision,
    )
    pending = CommendationProposal(
        proposing_body=Organization.objects.get(name="Hội Chữ thập đỏ xã Minh Thuận"), addressed_to=government,
        form=catalogues.forms["giay-khen"], date=datetime.date(2020, 9, 1),
        reason="Đề nghị khen thưởng Câu lạc bộ ngân hàng máu sống", status=ProposalStatus.SUBMITTED,
    )
    for proposal in (accepted, pending):
        proposal.refresh_search_text()
        proposal.save()
    ProposedRecipient.objects.bulk_create(
        [ProposedRecipient(proposal=accepted, kind=HolderKind.COLLECTIVE, organization=org) for org in collectives[:2]]
        + [ProposedRecipient(proposal=pending, kind=HolderKind.COLLECTIVE, organization=pending.proposing_body,
                             initiative=Initiative.objects.get(name="Câu lạc bộ ngân hàng máu sống"))]
    )
