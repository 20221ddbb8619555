"""Benchmark: 200,000 petitions and 5,000 dialogues over one province, then 5× as many.

Measures (warm, server side, django.test.Client, as an editor of the province) the petitions list filtered by
status and unit (a district), the overdue list, and the statistics of the province over a year
(``GET /api/v1/petitions/stats/``), each beside hand-written SQL for the same rows (bench/_measure.py prints
the lines); then the working-day arithmetic of 200,000 deadlines beside a plain date addition, by
bench/bench_workdays.py:

    .venv/bin/python bench/bench_engagement.py [--scale 1] [--growth 5]

SQLite in a temporary DANVAN_DATA_DIR; PostgreSQL (database danvan_bench) when DANVAN_DATABASE_URL is set.
"""

import datetime
import random
import re
import subprocess
import sys
import time
from pathlib import Path

from _measure import Measure, analyze, at_both_scales, arguments, links, page, path_ranges, scope_paths
from _setup import fresh_database, legacy_province

PETITIONS, DIALOGUES = 200_000, 5_000
YEARS = 5  # petitions received over the last five years: a year's statistics read a fifth of them
PETITION_LINK = re.compile(r'href="/engagement/petitions/(\d+)/"')
CHUNK = 50_000
ANSWERED_WITHIN = 40  # calendar days from receipt to answer, at most
# Share answered by age in days, as a working province's register reads: most of what is older than a quarter is
# answered, a few stay overdue (some 8,000 of 200,000), what came in this month mostly waits.
ANSWERED_BY_AGE = ((90, 0.96), (30, 0.7), (0, 0.25))


class World:
    """What a province's petitions need to grow: its units, a body per district, chairs, the catalogues, the calendar."""

    def __init__(self, province_name):
        from danvan.core.workdays.calendar import working_calendar
        from danvan.core.workdays.models import CalendarYear
        from danvan.engagement.models import PetitionField, PetitionKind
        from danvan.organizations.models import Organization, OrganizationKind
        from danvan.people.models import Person

        self.province, self.districts, self.communes = legacy_province(province_name)
        kind = OrganizationKind.objects.get(code="ban-dan-van")
        Organization.objects.bulk_create([Organization(name=f"UBND {district.name}", kind=kind, unit=district) for district in self.districts])
        self.bodies = list(Organization.objects.filter(unit__in=self.districts))
        Person.objects.bulk_create([Person(full_name=f"Bí thư {n}", unit=commune, search_text=f"bi thu {n}")
                                    for n, commune in enumerate(self.communes)])
        self.chairs = list(Person.objects.filter(unit__in=self.communes).values_list("pk", flat=True))
        self.kinds = list(PetitionKind.objects.values_list("pk", "time_limit_days"))
        self.fields = list(PetitionField.objects.values_list("pk", flat=True))
        # Next year's announcement entered, as an administrator does in December: December's deadlines fall in it.
        CalendarYear.objects.get_or_create(year=datetime.date.today().year + 1, defaults={"announcement": "Thông báo nghỉ lễ, Tết"})
        self.calendar = working_calendar()
        self.rng = random.Random(12)
        self.today = datetime.date.today()

    def _received(self):
        return self.today - datetime.timedelta(days=self.rng.randrange(YEARS * 365))

    def _petition(self, n):
        from danvan.engagement.choices import Channel, PetitionStatus
        from danvan.engagement.models import Petition

        rng = self.rng
        received = self._received()
        kind, limit = rng.choice(self.kinds)
        deadline = self.calendar.add(received, limit)
        age = (self.today - received).days
        answered = None
        if rng.random() < next(share for days, share in ANSWERED_BY_AGE if age >= days):
            status = rng.choice([PetitionStatus.ANSWERED, PetitionStatus.CLOSED])
            answered = min(self.today, received + datetime.timedelta(days=rng.randrange(ANSWERED_WITHIN)))
        else:
            status = rng.choice(PetitionStatus.unanswered())
        return Petition(unit=rng.choice(self.communes), channel=rng.choice(Channel.values), kind_id=kind, field_id=rng.choice(self.fields),
                        content=f"Kiến nghị số {n} về đường giao thông nông thôn", received_on=received, deadline=deadline,
                        assigned_to=rng.choice(self.bodies), status=status, answered_on=answered, answer="Đã trả lời" if answered else "",
                        search_text=f"kien nghi so {n} ve duong giao thong nong thon")

    def add(self, scale):
        """``scale`` × (200,000 petitions, 5,000 dialogues) more."""
        from danvan.engagement.choices import DialogueKind
        from danvan.engagement.models import Dialogue, Petition

        rng = self.rng
        Dialogue.objects.bulk_create(
            (Dialogue(kind=rng.choice(DialogueKind.values), unit=rng.choice(self.communes), chair_id=rng.choice(self.chairs),
                      chair_title="Bí thư Đảng ủy", date=self._received(), participants=rng.randrange(20, 300),
                      opinions_raised=(raised := rng.randrange(0, 40)), opinions_answered=rng.randrange(0, raised + 1),
                      search_text="doi thoai") for _ in range(int(DIALOGUES * scale))), batch_size=5000)
        total = int(PETITIONS * scale)
        for start in range(0, total, CHUNK):  # bulk_create lists what it is given: a million objects at once would not fit
            Petition.objects.bulk_create([self._petition(n) for n in range(start, min(total, start + CHUNK))], batch_size=5000)


def generate(province_name="Bến Tre", scale=1.0):
    """Petitions and dialogues over a legacy province (units already loaded). Returns its editor and the world to grow."""
    from danvan.accounts.models import User
    from danvan.core.choices import Role

    world = World(province_name)
    world.add(scale)
    user = User.objects.create(username=f"bench-{world.province.pk}", unit=world.province, role=Role.EDITOR)
    return user, world


UNANSWERED = "('received', 'transferred', 'returned', 'accepted')"


def list_floor(user, where, params):
    """The 50 rows a petition list shows (kind, content, field, body, deadline, status) and its count, by hand."""
    scope, scope_params = path_ranges("u.path", scope_paths(user))
    source = f"FROM engagement_petition p JOIN units_unit u ON u.id = p.unit_id WHERE {scope} {where}"
    rows = (f"SELECT p.id, p.content, p.deadline, p.status, k.name, f.name, o.name {source.replace('WHERE', 'JOIN engagement_petitionkind k ON k.id = p.kind_id JOIN engagement_petitionfield f ON f.id = p.field_id JOIN organizations_organization o ON o.id = p.assigned_to_id WHERE', 1)} "
            "ORDER BY p.received_on DESC, p.id DESC LIMIT 50")
    # The list counts at most 2,001 rows (core.paging.CappedCountPaginator), as the floor does.
    return [(rows, scope_params + params), (f"SELECT COUNT(*) FROM (SELECT 1 {source} LIMIT 2001) AS counted", scope_params + params)]


def stats_floor(province, first, last):
    """The statistics by hand: the six counts by field, kind and channel, the answer pairs, the dialogues by level and kind."""
    reach, reach_params = path_ranges("u.path", [province.path])
    period = "p.received_on >= %s AND p.received_on <= %s AND p.repeat_of_id IS NULL"
    counts = (f"SELECT p.field_id, p.kind_id, p.channel, COUNT(*), "
              f"SUM(CASE WHEN p.answered_on IS NOT NULL AND (p.deadline IS NULL OR p.answered_on <= p.deadline) THEN 1 ELSE 0 END), "
              f"SUM(CASE WHEN p.answered_on > p.deadline THEN 1 ELSE 0 END), SUM(CASE WHEN p.status IN {UNANSWERED} THEN 1 ELSE 0 END), "
              f"SUM(CASE WHEN p.status IN {UNANSWERED} AND p.deadline < %s THEN 1 ELSE 0 END), SUM(p.is_escalated) "
              f"FROM engagement_petition p JOIN units_unit u ON u.id = p.unit_id WHERE {reach} AND {period} GROUP BY 1, 2, 3")
    pairs = (f"SELECT p.received_on, p.answered_on, COUNT(*) FROM engagement_petition p JOIN units_unit u ON u.id = p.unit_id "
             f"WHERE {reach} AND {period} AND p.answered_on IS NOT NULL GROUP BY 1, 2")
    dialogues = ("SELECT u.level, d.kind, COUNT(*), SUM(d.participants), SUM(d.opinions_raised), SUM(d.opinions_answered) "
                 f"FROM engagement_dialogue d JOIN units_unit u ON u.id = d.unit_id WHERE {reach} AND d.date >= %s AND d.date <= %s GROUP BY 1, 2")
    today = datetime.date.today()
    return [(counts, [today] + reach_params + [first, last]), (pairs, reach_params + [first, last]), (dialogues, reach_params + [first, last])]


def measures(user, world):
    from django.test import Client
    from django.urls import reverse

    client = Client()
    client.force_login(user)
    district = world.districts[0]
    today = datetime.date.today()
    year = (today - datetime.timedelta(days=365), today)
    district_range, district_params = path_ranges("u.path", [district.path])
    return [
        Measure("petitions_open_in_district", page(client, reverse("engagement:petition-list"), {"status": "open", "unit": district.pk}),
                links(PETITION_LINK),
                lambda: list_floor(user, f"AND {district_range} AND p.status IN ('received', 'transferred', 'returned')", district_params)),
        Measure("overdue_petitions", page(client, reverse("engagement:petition-list"), {"overdue": "true"}), links(PETITION_LINK),
                lambda: list_floor(user, f"AND p.status IN {UNANSWERED} AND p.deadline < %s", [today])),
        Measure("province_stats_year", page(client, "/api/v1/petitions/stats/",
                                            {"unit": world.province.pk, "from": year[0].isoformat(), "to": year[1].isoformat()}),
                lambda response: response.json()["received"], lambda: stats_floor(world.province, *year)),
    ]


def main():
    args = arguments(__doc__)
    fresh_database()
    from danvan.units.services import load_official_units

    started = time.perf_counter()
    load_official_units()
    user, world = generate(scale=args.scale)
    analyze()
    print(f"# generated {int(PETITIONS * args.scale):,} petitions and {int(DIALOGUES * args.scale):,} dialogues over "
          f"{len(world.communes)} communes in {time.perf_counter() - started:.0f} s", flush=True)
    # at_both_scales printed its max_ratio; the last line is the worst of both parts.
    worst = at_both_scales(measures(user, world), args, world.add)
    print("# working-day arithmetic (bench/bench_workdays.py):", flush=True)
    arithmetic = subprocess.run([sys.executable, str(Path(__file__).with_name("bench_workdays.py")), "--deadlines", str(int(PETITIONS * args.scale))],
                                check=True, capture_output=True, text=True).stdout.splitlines()
    for line in arithmetic:
        if line.startswith("max_ratio="):
            worst = max(worst, float(line.removeprefix("max_ratio=")))
        else:
            print(line)
    print(f"max_ratio={worst:.2f}")
    sys.exit(0)


if __name__ == "__main__":
    main()
