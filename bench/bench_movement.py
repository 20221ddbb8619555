"""The movement at a province's scale: 50,000 initiatives with recognitions, result updates and commendations.

    python bench/bench_movement.py [--initiatives 50000]

Loads the official units into a fresh SQLite database, spreads the initiatives over the
real communes of legacy tỉnh Kiên Giang (2016–2025), then times (warm, server side,
django.test.Client) the filtered list, the statistics page and the stats API for today's
tỉnh An Giang, which covers them. Prints medians; exits 1 when one is over 150 ms.
"""

import argparse
import datetime
import random
import sys
import time

from _setup import fresh_database, median_ms, report

LIMIT_MS = 150


def generate(count):
    from danvan.awards.models import CommendationDecision, CommendationForm, Recipient
    from danvan.core.choices import Level
    from danvan.movement.choices import HolderKind, InitiativeKind, RecognitionLevel, Status
    from danvan.movement.models import Field, Initiative, Phase, Recognition, Replication, ResultUpdate
    from danvan.organizations.models import Organization, OrganizationKind
    from danvan.units.models import Unit

    rng = random.Random(7)
    province = Unit.objects.get(name="Kiên Giang", level=Level.PROVINCE, valid_to__isnull=False)
    communes = list(Unit.objects.descendants(province).filter(level=Level.COMMUNE))
    kind = OrganizationKind.objects.get(code="hoi-nong-dan")
    owners = Organization.objects.bulk_create(Organization(name=f"Hội Nông dân {c}", search_text=f"hoi nong dan {c.pk}", kind=kind, unit=c) for c in communes)
    fields = list(Field.objects.all())
    phases = {phase.start_year: phase for phase in Phase.objects.all()}
    initiatives = []
    for index in range(count):
        owner = owners[index % len(owners)]
        year = 2016 + index % 10
        initiatives.append(Initiative(
            name=f"Mô hình {index}", search_text=f"mo hinh {index} dan van kheo", unit=owner.unit, owner_organization=owner,
            phase=phases[2016 if year <= 2020 else 2021], registration_year=year, status=Status.REGISTERED,
            kind=InitiativeKind.MODEL if index % 7 else InitiativeKind.EXEMPLAR,
            holder=HolderKind.COLLECTIVE if index % 11 else HolderKind.INDIVIDUAL, duplicate_key=f"{index}",
        ))
    Initiative.objects.bulk_create(initiatives, batch_size=5000)
    Initiative.fields.through.objects.bulk_create(
        (Initiative.fields.through(initiative_id=i.pk, field_id=fields[n % len(fields)].pk) for n, i in enumerate(initiatives)), batch_size=5000)
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
            replications.append(Replication(origin=initiative, unit=rng.choice(communes), adopted_on=datetime.date(year, 6, 1)))
    Recognition.objects.bulk_create(recognitions, batch_size=5000)
    ResultUpdate.objects.bulk_create(updates, batch_size=5000)
    Replication.objects.bulk_create([r for r in replications if r.unit_id != r.origin.unit_id], batch_size=5000, ignore_conflicts=True)
    Initiative.objects.bulk_update(initiatives, ["status", "highest_level", "recognised_on", "last_result_on"], batch_size=5000)
    form = CommendationForm.objects.get(code="giay-khen")
    decisions = CommendationDecision.objects.bulk_create(
        CommendationDecision(number=f"{n}-QĐ", date=datetime.date(2016 + n % 10, 8, 4), issuing_body=owners[n], form=form, reason="Dân vận khéo")
        for n in range(min(200, len(owners))))
    Recipient.objects.bulk_create(Recipient(decision=decisions[n % len(decisions)], kind="collective", organization=owners[n % len(owners)],
                                            initiative=initiatives[n]) for n in range(5000))
    return len(initiatives), len(recognitions), len(updates)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--initiatives", type=int, default=50_000)
    args = parser.parse_args()
    fresh_database()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from danvan.accounts.models import User
    from danvan.core.services import analyze_database
    from danvan.core.choices import Level, Role
    from danvan.units.models import Unit
    from danvan.units.services import load_official_units

    started = time.perf_counter()
    load_official_units()
    made = generate(args.initiatives)
    print(f"generated {made[0]:,} initiatives, {made[1]:,} recognitions, {made[2]:,} result updates in {time.perf_counter() - started:.0f} s")
    analyze_database()  # as an import or `danvan units load` does after bulk writes
    an_giang = Unit.objects.get(name="An Giang", level=Level.PROVINCE, valid_to__isnull=True)
    user = User.objects.create(username="bench", role=Role.VIEWER, unit=an_giang)
    client = Client()
    client.force_login(user)
    pages = [
        ("filtered list (An Giang, 2019, kinh tế, recognised, by name)", "/movement/", {"unit": an_giang.pk, "year": 2019, "field": 1, "status": "recognised", "sort": "name"}),
        ("text search in the list ('mo hinh 4999')", "/movement/", {"q": "mo hinh 4999"}),
        ("statistics page (An Giang, 2016–2020)", "/movement/stats/", {"unit": an_giang.pk, "from_year": 2016, "to_year": 2020}),
        ("stats API (An Giang, 2016–2020)", "/api/v1/initiatives/stats/", {"unit": an_giang.pk, "from_year": 2016, "to_year": 2020}),
    ]
    rows = []
    for name, url, params in pages:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url, params).status_code == 200, url
        rows.append((f"{name} [{len(queries)} queries]", median_ms(lambda: client.get(url, params), repeat=15)))
    sys.exit(0 if report(rows, LIMIT_MS) else 1)


if __name__ == "__main__":
    main()
