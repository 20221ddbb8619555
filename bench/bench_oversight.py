"""Benchmark: 20,000 missions, 100,000 follow-ups and 5,000 directives over one province.

Times (warm, server side, django.test.Client) the open-follow-ups page, the due-soon
page and a directive's implementation matrix over every commune of the province,
and prints the median of each with its number of queries. Runs on a fresh SQLite
database in a temporary DANVAN_DATA_DIR:

    .venv/bin/python bench/bench_oversight.py
"""

import datetime
import random
import statistics
import sys
import time

from _setup import fresh_database

MISSIONS, FOLLOW_UPS, DIRECTIVES, RUNS, BUDGET_MS = 20_000, 100_000, 5_000, 15, 200


def generate(province_name="Bến Tre", scale=1.0):
    """Missions, follow-ups and directives over a legacy province (units already loaded); ``scale`` multiplies the counts."""
    from danvan.accounts.models import User
    from danvan.core.choices import Level, Role
    from danvan.directives.choices import DirectiveType
    from danvan.directives.models import Directive, Implementation
    from danvan.directives.symbols import symbol_key
    from danvan.organizations.models import Organization, OrganizationKind
    from danvan.oversight.choices import FollowUpStatus, MissionKind
    from danvan.oversight.models import FollowUp, Mission
    from danvan.units.models import Unit

    province = Unit.objects.legacy().filter(level=Level.PROVINCE, name=province_name).get()
    communes = list(Unit.objects.descendants(province).filter(level=Level.COMMUNE))
    districts = list(Unit.objects.descendants(province).filter(level=Level.DISTRICT))
    kind = OrganizationKind.objects.get(code="ban-dan-van")
    organization = Organization.objects.create(name=f"Ban Dân vận Tỉnh ủy {province_name}", kind=kind, unit=province)
    rng = random.Random(5)
    today = datetime.date.today()

    directives = [Directive(unit=rng.choice(districts + [province]), doc_type=DirectiveType.PLAN, number=n, issuer_code="HU",
                            symbol=f"{n}-KH/HU", symbol_key=symbol_key(n, DirectiveType.PLAN, "HU"), subject=f"Kế hoạch {n}",
                            issued_on=datetime.date(2018, 1, 1), search_text=f"ke hoach {n}") for n in range(1, int(DIRECTIVES * scale) + 1)]
    Directive.objects.bulk_create(directives, batch_size=2000)
    resolution = Directive.objects.create(unit=province, doc_type=DirectiveType.RESOLUTION, number=25, issuer_code="TW",
                                          symbol="25-NQ/TW", issued_on=datetime.date(2018, 6, 3))
    Implementation.objects.bulk_create([Implementation(directive=resolution, unit=c, description="Đã cụ thể hóa",
                                                       implemented_on=datetime.date(2018, 8, 1)) for c in communes[::2]])
    missions = [Mission(kind=MissionKind.SURVEY, subject=f"Khảo sát {n}", unit=rng.choice(districts), leading_organization=organization,
                        planned_start=today - datetime.timedelta(days=rng.randint(0, 2000)), search_text=f"khao sat {n}")
                for n in range(int(MISSIONS * scale))]
    Mission.objects.bulk_create(missions, batch_size=2000)
    mission_ids = list(Mission.objects.values_list("pk", flat=True))
    statuses = [FollowUpStatus.OPEN, FollowUpStatus.IN_PROGRESS, FollowUpStatus.DONE, FollowUpStatus.CANCELLED]
    follow_ups = [FollowUp(kind="recommendation", mission_id=rng.choice(mission_ids), text=f"Kiến nghị {n}", owner_unit=rng.choice(communes),
                           deadline=today + datetime.timedelta(days=rng.randint(-400, 400)), status=rng.choice(statuses),
                           search_text=f"kien nghi {n}") for n in range(int(FOLLOW_UPS * scale))]
    FollowUp.objects.bulk_create(follow_ups, batch_size=5000)
    user = User.objects.create(username="bench", unit=province, role=Role.EDITOR)
    return user, resolution, len(communes)


def measure(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return statistics.median(timings), len(queries)


def main():
    fresh_database()
    from django.test import Client
    from django.urls import reverse

    from danvan.units.services import load_official_units

    started = time.perf_counter()
    load_official_units()
    user, resolution, communes = generate()
    print(f"generated {MISSIONS:,} missions, {FOLLOW_UPS:,} follow-ups, {DIRECTIVES:,} directives over {communes} communes "
          f"in {time.perf_counter() - started:.0f} s")
    client = Client()
    client.force_login(user)
    pages = {
        "open follow-ups": reverse("oversight:follow-up-mine"),
        "due in 14 days": reverse("oversight:follow-up-due"),
        "matrix over every commune": reverse("directives:matrix", args=[resolution.pk]),
    }
    failed = False
    for name, url in pages.items():
        median, queries = measure(client, url)
        failed |= median > BUDGET_MS
        print(f"{name:28s} median {median:7.1f} ms  {queries} queries  {'OK' if median <= BUDGET_MS else 'OVER BUDGET'}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
