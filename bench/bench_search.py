"""Benchmark: search and "Việc của tôi" at a province's scale.

Loads the official unit lists (some 14,000 units), adds 100,000 people and 5,000 organisations over
one legacy province and the oversight bench's 100,000 follow-ups, then times, warm and server side
(django.test.Client), the unit, organisation and person autocompletes, the global search and the
inbox of the province's approver. Each line shows the median, the number of queries, and beside the
unit search the same query written by hand in SQL (the floor). Limits: 50 ms for a search, 150 ms
for the inbox (issue 9). Runs on a fresh SQLite database in a temporary DANVAN_DATA_DIR:

    .venv/bin/python bench/bench_search.py
"""

import random
import sys
import time

from _setup import fresh_database, median_ms

PEOPLE, ORGANIZATIONS = 100_000, 5_000
SEARCH_LIMIT_MS, INBOX_LIMIT_MS = 50, 150
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Thanh", "Ngọc", "Quốc", "Kim"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hương", "Lan", "Long", "Mai", "Nam", "Phúc", "Sơn", "Tâm", "Thảo", "Yên"]


def add_people_and_organizations(province):
    from danvan.core.text import fold
    from danvan.organizations.models import Organization, OrganizationKind
    from danvan.people.models import Person
    from danvan.units.models import Unit

    communes = list(Unit.objects.descendants(province).filter(level=3))
    rng = random.Random(9)
    people = []
    for _ in range(PEOPLE):
        name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        people.append(Person(full_name=name, unit=rng.choice(communes), search_text=fold(name)))
    Person.objects.bulk_create(people, batch_size=5000)
    kinds = list(OrganizationKind.objects.all()[:8])
    organizations = []
    for n in range(ORGANIZATIONS):
        commune, kind = communes[n % len(communes)], kinds[n % len(kinds)]
        name = f"{kind.name} {commune}"
        organizations.append(Organization(name=name, kind=kind, unit=commune, search_text=fold(f"{name} {commune}")))
    Organization.objects.bulk_create(organizations, batch_size=5000)


def floor_ms(sql, params):
    from django.db import connection

    def run():
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            cursor.fetchall()

    return median_ms(run)


def timed(client, url, params):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def run():
        response = client.get(url, params)
        assert response.status_code == 200, (url, response.status_code)

    median = median_ms(run)
    with CaptureQueriesContext(connection) as queries:
        run()
    return median, len(queries)


def main():
    fresh_database()
    sys.path.insert(0, __file__.rsplit("/", 1)[0])
    from bench_oversight import generate
    from django.test import Client
    from django.urls import reverse

    from danvan.accounts.models import User
    from danvan.core.choices import Role
    from danvan.units.models import Unit
    from danvan.units.services import load_official_units

    started = time.perf_counter()
    load_official_units()
    editor, _, _ = generate()
    province = editor.unit
    add_people_and_organizations(province)
    approver = User.objects.create(username="bench-approver", unit=province, role=Role.APPROVER)
    national = User.objects.create(username="bench-national", role=Role.ADMINISTRATOR)
    print(f"{Unit.objects.count():,} units, {PEOPLE:,} people, {ORGANIZATIONS:,} organisations, 100,000 follow-ups "
          f"in {time.perf_counter() - started:.0f} s")

    everyone, province_client = Client(), Client()
    everyone.force_login(national)
    province_client.force_login(approver)
    floor = floor_ms(
        "SELECT id, name, type, parent_id FROM units_unit WHERE (search_text LIKE %s OR search_text LIKE %s) "
        "AND (search_text LIKE %s OR search_text LIKE %s) ORDER BY valid_to IS NOT NULL, length(search_text) LIMIT 20",
        ["thanh%", "% thanh%", "yen%", "% yen%"],
    )
    person_floor = floor_ms(
        "SELECT p.id, p.full_name, p.unit_id FROM people_person p JOIN units_unit u ON u.id = p.unit_id WHERE u.path LIKE %s "
        "AND (p.search_text LIKE %s OR p.search_text LIKE %s) AND (p.search_text LIKE %s OR p.search_text LIKE %s) "
        "AND (p.search_text LIKE %s OR p.search_text LIKE %s) ORDER BY length(p.search_text) LIMIT 20",
        [province.path + "%", "nguyen%", "% nguyen%", "van%", "% van%", "an%", "% an%"],
    )
    floors = {"unit autocomplete 'thanh yen' (whole country)": floor, "person autocomplete 'nguyen van an'": person_floor}
    measures = [
        ("unit autocomplete 'thanh yen' (whole country)", everyone, reverse("units:lookup"), {"q": "thanh yen"}, SEARCH_LIMIT_MS),
        ("unit autocomplete 'u minh thuong'", everyone, reverse("units:lookup"), {"q": "u minh thuong"}, SEARCH_LIMIT_MS),
        ("units API ?search=tx gia nghia", everyone, reverse("api:unit-list"), {"search": "tx gia nghia"}, SEARCH_LIMIT_MS),
        ("person autocomplete 'nguyen van an'", province_client, reverse("people:lookup"), {"q": "nguyen van an"}, SEARCH_LIMIT_MS),
        ("organisation autocomplete 'hoi nong dan'", province_client, reverse("organizations:lookup"), {"q": "hoi nong dan"}, SEARCH_LIMIT_MS),
        ("global search 'thanh yen' (province)", province_client, reverse("core:search"), {"q": "thanh yen"}, SEARCH_LIMIT_MS),
        ("inbox of the province's approver", province_client, reverse("core:inbox"), {}, INBOX_LIMIT_MS),
    ]
    failed = False
    for name, client, url, params, limit in measures:
        median, queries = timed(client, url, params)
        failed |= median > limit
        beside = f"  floor {floors[name]:5.1f} ms  ratio {median / floors[name]:4.1f}" if name in floors else ""
        print(f"{name:48s} median {median:7.1f} ms  {queries:2d} queries  (limit {limit} ms) {'OK' if median <= limit else 'TOO SLOW'}{beside}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
