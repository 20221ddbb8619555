"""The movement at a province's scale: 50,000 initiatives with recognitions, result updates and commendations, then 5× as many.

    .venv/bin/python bench/bench_movement.py [--scale 1] [--growth 5]

Loads the official units, spreads the initiatives over the real communes of legacy tỉnh Kiên
Giang (2016–2025), then measures (warm, server side, django.test.Client) for today's tỉnh An
Giang, which covers them: the filtered list (a filter that matches rows), a text search in the
list, the statistics page and API, and an initiative's page as an editor, each beside
hand-written SQL for the same rows (bench/_measure.py prints the lines). SQLite in a temporary
DANVAN_DATA_DIR; PostgreSQL (database danvan_bench) when DANVAN_DATABASE_URL is set.
"""

import datetime
import random
import re
import sys
import time

from _measure import Measure, analyze, at_both_scales, arguments, links, page, path_ranges, scope_paths, words_like
from _setup import fresh_database

INITIATIVES = 50_000
INITIATIVE_LINK = re.compile(r'href="/movement/(\d+)/"')
REGISTERED = "('registered', 'under_appraisal', 'recognised', 'not_recognised', 'suspended', 'ended')"


class Movement:
    """The province's owners, fields and phases, and how many initiatives there are so far."""

    def __init__(self):
        from danvan.core.choices import Level
        from danvan.movement.models import Field, Phase
        from danvan.organizations.models import Organization, OrganizationKind
        from danvan.units.models import Unit

        self.rng = random.Random(7)
        province = Unit.objects.get(name="Kiên Giang", level=Level.PROVINCE, valid_to__isnull=False)
        self.communes = list(Unit.objects.descendants(province).filter(level=Level.COMMUNE))
        kind = OrganizationKind.objects.get(code="hoi-nong-dan")
        self.owners = Organization.objects.bulk_create(
            Organization(name=f"Hội Nông dân {c}", search_text=f"hoi nong dan {c.pk}", kind=kind, unit=c) for c in self.communes)
        self.fields = list(Field.objects.all())
        self.phases = {phase.start_year: phase for phase in Phase.objects.all()}
        self.count = 0
        self.decisions = None

    def add(self, count):
        """``count`` more initiatives; every other one recognised, a third of those with a result update."""
        from danvan.awards.models import CommendationDecision, CommendationForm, Recipient
        from danvan.movement.choices import HolderKind, InitiativeKind, RecognitionLevel, Status
        from danvan.movement.models import Initiative, Recognition, Replication, ResultUpdate

        first, self.count = self.count, self.count + count
        initiatives = []
        for index in range(first, self.count):
            owner = self.owners[index % len(self.owners)]
            year = 2016 + index % 10
            initiatives.append(Initiative(
                name=f"Mô hình {index}", search_text=f"mo hinh {index} dan van kheo", unit=owner.unit, owner_organization=owner,
                phase=self.phases[2016 if year <= 2020 else 2021], registration_year=year, status=Status.REGISTERED,
                kind=InitiativeKind.MODEL if index % 7 else InitiativeKind.EXEMPLAR,
                holder=HolderKind.COLLECTIVE if index % 11 else HolderKind.INDIVIDUAL, duplicate_key=f"{index}",
            ))
        Initiative.objects.bulk_create(initiatives, batch_size=5000)
        # An initiative's field follows its number, so that every year has initiatives of every field.
        Initiative.fields.through.objects.bulk_create(
            (Initiative.fields.through(initiative_id=i.pk, field_id=self.fields[(first + n) // 2 % len(self.fields)].pk)
             for n, i in enumerate(initiatives)), batch_size=5000)
        recognitions, updates, replications = [], [], []
        for n, initiative in enumerate(initiatives[::2]):
            year = max(initiative.registration_year + 1, 2017)
            recognitions.append(Recognition(initiative=initiative, level=RecognitionLevel.COMMUNE, year=year,
                                            decided_on=datetime.date(year, 11, 1), outstanding=n % 5 == 0))
            initiative.status, initiative.highest_level, initiative.recognised_on = Status.RECOGNISED, RecognitionLevel.COMMUNE, datetime.date(year, 11, 1)
            if n % 4 == 0:
                recognitions.append(Recognition(initiative=initiative, level=RecognitionLevel.DISTRICT, year=year,
                                                decided_on=datetime.date(year, 12, 1)))
            if n % 3:
                updates.append(ResultUpdate(initiative=initiative, date=datetime.date(2025, 1 + n % 12, 1), text="Kết quả", beneficiaries=n % 300))
                initiative.last_result_on = updates[-1].date
            if n % 10 == 0:
                replications.append(Replication(origin=initiative, unit=self.rng.choice(self.communes), adopted_on=datetime.date(year, 6, 1)))
        Recognition.objects.bulk_create(recognitions, batch_size=5000)
        ResultUpdate.objects.bulk_create(updates, batch_size=5000)
        Replication.objects.bulk_create([r for r in replications if r.unit_id != r.origin.unit_id], batch_size=5000, ignore_conflicts=True)
        Initiative.objects.bulk_update(initiatives, ["status", "highest_level", "recognised_on", "last_result_on"], batch_size=5000)
        if self.decisions is None:
            form = CommendationForm.objects.get(code="giay-khen")
            self.decisions = CommendationDecision.objects.bulk_create(
                CommendationDecision(number=f"{n}-QĐ", date=datetime.date(2016 + n % 10, 8, 4), issuing_body=self.owners[n], form=form,
                                     reason="Dân vận khéo") for n in range(min(200, len(self.owners))))
        Recipient.objects.bulk_create(Recipient(decision=self.decisions[n % len(self.decisions)], kind="collective",
                                                organization=self.owners[n % len(self.owners)], initiative=initiatives[n])
                                      for n in range(min(5000, len(initiatives))))
        # Written in bulk, not through the services: the statistics' counters are recounted, as after any bulk load.
        from danvan.core import aggregates

        started = time.perf_counter()
        aggregates.rebuild()
        print(f"# counters recounted from {self.count:,} initiatives in {time.perf_counter() - started:.1f} s", flush=True)
        return initiatives, len(recognitions), len(updates)


def generate(count):
    """``count`` initiatives over legacy tỉnh Kiên Giang (units already loaded): (initiatives, recognitions, result updates)."""
    initiatives, recognitions, updates = Movement().add(count)
    return len(initiatives), recognitions, updates


def list_floor(user, where, params):
    """The 50 rows the list shows (name, kind, holder, owner, unit, year, status, level) by name, and their count."""
    scope, scope_params = path_ranges("u.path", scope_paths(user))
    source = f"FROM movement_initiative i JOIN units_unit u ON u.id = i.unit_id WHERE {scope} {where}"
    rows = ("SELECT i.id, i.name, i.kind, i.holder, i.is_outstanding, o.name, u.type, u.name, i.registration_year, i.status, "
            f"i.highest_level {source.replace('WHERE', 'LEFT JOIN organizations_organization o ON o.id = i.owner_organization_id WHERE', 1)} "
            "ORDER BY i.name, i.id LIMIT 50")
    return [(rows, scope_params + params), (f"SELECT COUNT(*) {source}", scope_params + params)]


def stats_floor(user, span, previous_from, typical):
    """Every figure of the statistics, by hand: the same counts over the same rows (counting the records; the
    project reads the counters it maintains, core/aggregates.py)."""
    scope, sp = path_ranges("u.path", scope_paths(user))
    of_initiatives = f"FROM movement_initiative i JOIN units_unit u ON u.id = i.unit_id WHERE {scope}"
    low, high = span
    stale = datetime.date.today() - datetime.timedelta(days=365)
    statements = [
        (f"SELECT SUM(CASE WHEN i.registration_year >= %s THEN 1 ELSE 0 END), SUM(CASE WHEN i.registration_year < %s THEN 1 ELSE 0 END), "
         "SUM(CASE WHEN i.registration_year >= %s AND i.kind = 'model' THEN 1 ELSE 0 END), "
         "SUM(CASE WHEN i.registration_year >= %s AND i.kind = 'exemplar' THEN 1 ELSE 0 END), "
         "SUM(CASE WHEN i.registration_year >= %s AND i.holder = 'collective' THEN 1 ELSE 0 END), "
         "SUM(CASE WHEN i.registration_year >= %s AND i.holder = 'individual' THEN 1 ELSE 0 END) "
         f"{of_initiatives} AND i.registration_year >= %s AND i.registration_year <= %s AND i.status IN {REGISTERED}",
         [low] * 6 + sp + [previous_from, high]),
        (f"SELECT f.code, f.name, (SELECT COUNT(*) FROM movement_initiative_fields m JOIN movement_initiative i ON i.id = m.initiative_id "
         f"JOIN units_unit u ON u.id = i.unit_id WHERE m.field_id = f.id AND {scope} AND i.registration_year >= %s AND i.registration_year <= %s "
         f"AND i.status IN {REGISTERED}) FROM movement_field f ORDER BY f.id", sp + [low, high]),
        (f"SELECT i.registration_year, COUNT(*) {of_initiatives} AND i.registration_year >= %s AND i.registration_year <= %s "
         f"AND i.status IN {REGISTERED} GROUP BY i.registration_year", sp + [low, high]),
        ("SELECT COUNT(DISTINCT CASE WHEN r.level = 3 THEN r.initiative_id END), COUNT(DISTINCT CASE WHEN r.level = 2 THEN r.initiative_id END), "
         "COUNT(DISTINCT CASE WHEN r.level = 1 THEN r.initiative_id END), COUNT(DISTINCT CASE WHEN r.level = 0 THEN r.initiative_id END), "
         "COUNT(DISTINCT CASE WHEN r.outstanding THEN r.initiative_id END), COUNT(DISTINCT r.initiative_id) "
         f"FROM movement_recognition r JOIN movement_initiative i ON i.id = r.initiative_id JOIN units_unit u ON u.id = i.unit_id "
         f"WHERE {scope} AND r.year >= %s AND r.year <= %s", sp + [low, high]),
        ("SELECT COUNT(DISTINCT p.origin_id), COUNT(DISTINCT p.unit_id) FROM movement_replication p "
         f"JOIN movement_initiative i ON i.id = p.origin_id JOIN units_unit u ON u.id = i.unit_id "
         f"WHERE {scope} AND p.adopted_on >= %s AND p.adopted_on <= %s", sp + [datetime.date(low, 1, 1), datetime.date(high, 12, 31)]),
        (f"SELECT COUNT(*) {of_initiatives} AND i.registration_year >= %s AND i.registration_year <= %s AND i.status = 'recognised' "
         "AND (i.recognised_on IS NULL OR i.recognised_on < %s) AND (i.last_result_on IS NULL OR i.last_result_on < %s)",
         sp + [low, high, stale, stale]),
        ("SELECT COUNT(*), SUM(CASE WHEN c.kind = 'collective' THEN 1 ELSE 0 END), SUM(CASE WHEN c.kind = 'individual' THEN 1 ELSE 0 END) "
         "FROM awards_recipient c JOIN awards_commendationdecision d ON d.id = c.decision_id "
         "JOIN organizations_organization b ON b.id = d.issuing_body_id JOIN units_unit u ON u.id = b.unit_id "
         f"WHERE {scope} AND d.date >= %s AND d.date <= %s", sp + [datetime.date(low, 1, 1), datetime.date(high, 12, 31)]),
    ]
    if typical:
        statements.append(
            ("SELECT r.id, r.level, r.year, i.id, i.name, u.name, o.name FROM movement_recognition r "
             "JOIN movement_initiative i ON i.id = r.initiative_id JOIN units_unit u ON u.id = i.unit_id "
             "LEFT JOIN organizations_organization o ON o.id = i.owner_organization_id "
             f"WHERE {scope} AND r.year >= %s AND r.year <= %s AND r.outstanding ORDER BY r.level, r.year DESC, i.name LIMIT 12",
             sp + [low, high]))
    # The figures first, so that "rows" counts the figure rows (never empty when the page has figures).
    return statements


def detail_floor(initiative):
    """An initiative's page by hand: the record with its unit, phase and owner, and each list the page shows."""
    from django.contrib.contenttypes.models import ContentType

    pk = initiative.pk
    content_type = ContentType.objects.get_for_model(initiative).pk
    return [
        ("SELECT i.*, u.name, u.type, ph.start_year, ph.end_year, o.name FROM movement_initiative i JOIN units_unit u ON u.id = i.unit_id "
         "LEFT JOIN movement_phase ph ON ph.id = i.phase_id LEFT JOIN organizations_organization o ON o.id = i.owner_organization_id "
         "WHERE i.id = %s", [pk]),
        ("SELECT f.id, f.name FROM movement_field f JOIN movement_initiative_fields m ON m.field_id = f.id WHERE m.initiative_id = %s", [pk]),
        ("SELECT * FROM movement_recognition WHERE initiative_id = %s ORDER BY level DESC", [pk]),
        ("SELECT p.*, u.name FROM movement_replication p JOIN units_unit u ON u.id = p.unit_id WHERE p.origin_id = %s OR p.unit_id = %s", [pk, pk]),
        ("SELECT * FROM movement_resultupdate WHERE initiative_id = %s ORDER BY date DESC, id DESC", [pk]),
        ("SELECT * FROM movement_initiativeattachment WHERE initiative_id = %s", [pk]),
        ("SELECT a.*, c.* FROM movement_appraisal a LEFT JOIN movement_criterioncheck c ON c.appraisal_id = a.id WHERE a.initiative_id = %s", [pk]),
        ("SELECT c.id, d.number, d.date FROM awards_recipient c JOIN awards_commendationdecision d ON d.id = c.decision_id "
         "WHERE c.initiative_id = %s", [pk]),
        ("SELECT * FROM auditlog_logentry WHERE content_type_id = %s AND object_pk = %s ORDER BY timestamp DESC LIMIT 50", [content_type, str(pk)]),
    ]


def measures(viewer, editor, initiative, field, number):
    from django.test import Client
    from django.urls import reverse

    from danvan.core.choices import Level
    from danvan.units.models import Unit

    an_giang = Unit.objects.get(name="An Giang", level=Level.PROVINCE, valid_to__isnull=True)
    span = {"unit": an_giang.pk, "from_year": 2016, "to_year": 2020}
    viewing, editing = Client(), Client()
    viewing.force_login(viewer)
    editing.force_login(editor)
    # Year 2020, field and "recognised" all match: every even-numbered initiative is recognised, 2020's are even.
    filtered = {"unit": an_giang.pk, "year": 2020, "field": field.pk, "status": "recognised", "sort": "name"}
    recognised = "AND i.registration_year = %s AND i.status = 'recognised' AND EXISTS (SELECT 1 FROM movement_initiative_fields m " \
                 "WHERE m.initiative_id = i.id AND m.field_id = %s)"
    text, text_params = words_like("i.search_text", f"mo hinh {number}")
    return [
        Measure("movement_list_filtered", page(viewing, reverse("movement:list"), filtered), links(INITIATIVE_LINK),
                lambda: list_floor(viewer, recognised, [2020, field.pk])),
        Measure("movement_list_text_search", page(viewing, reverse("movement:list"), {"q": f"mo hinh {number}"}), links(INITIATIVE_LINK),
                lambda: list_floor(viewer, f"AND {text}", text_params)),
        Measure("statistics_page", page(viewing, reverse("movement:stats"), span), lambda response: int(b"<table" in response.content),
                lambda: stats_floor(viewer, (2016, 2020), 2011, typical=True)),
        Measure("statistics_api", page(viewing, reverse("api:initiative-stats"), span), lambda response: int(response.json()["registered"] > 0),
                lambda: stats_floor(viewer, (2016, 2020), 2011, typical=False)),
        Measure("initiative_detail_editor", page(editing, reverse("movement:detail", args=[initiative.pk])),
                lambda response: int(initiative.name.encode() in response.content), lambda: detail_floor(initiative)),
    ]


def main():
    args = arguments(__doc__)
    fresh_database()
    from danvan.accounts.models import User
    from danvan.core.choices import Level, Role
    from danvan.units.models import Unit
    from danvan.units.services import load_official_units

    started = time.perf_counter()
    load_official_units()
    movement = Movement()
    initiatives, recognitions, updates = movement.add(int(INITIATIVES * args.scale))
    analyze()  # as an import or `danvan units load` does after bulk writes
    print(f"# generated {len(initiatives):,} initiatives, {recognitions:,} recognitions, {updates:,} result updates "
          f"in {time.perf_counter() - started:.0f} s", flush=True)
    an_giang = Unit.objects.get(name="An Giang", level=Level.PROVINCE, valid_to__isnull=True)
    viewer = User.objects.create(username="bench", role=Role.VIEWER, unit=an_giang)
    editor = User.objects.create(username="bench-editor", role=Role.EDITOR, unit=an_giang)
    # Number 20: recognised at two levels, a result update, a replication and a commendation.
    shown = initiatives[20]
    field = shown.fields.get()
    at_both_scales(measures(viewer, editor, shown, field, len(initiatives) // 10 - 1), args, lambda scale: movement.add(int(INITIATIVES * scale)))
    sys.exit(0)


if __name__ == "__main__":
    main()
