"""Benchmark: search and "Việc của tôi" at a province's scale, then with 5× the people, organisations and follow-ups.

Loads the official unit lists (some 14,000 units), adds 100,000 people and 5,000 organisations over
one legacy province and the oversight bench's 100,000 follow-ups, then measures, warm and server side
(django.test.Client), the unit, organisation and person autocompletes, the units API search, the
global search and the inbox of the province's approver, each beside hand-written SQL for the same
rows (bench/_measure.py prints the lines). SQLite in a temporary DANVAN_DATA_DIR; PostgreSQL
(database danvan_bench) when DANVAN_DATABASE_URL is set:

    .venv/bin/python bench/bench_search.py [--scale 1] [--growth 5]
"""

import datetime
import random
import re
import sys
import time

from _measure import Measure, analyze, at_both_scales, api_results, arguments, page, path_ranges, scope_paths, words_like
from _setup import fresh_database

PEOPLE, ORGANIZATIONS = 100_000, 5_000
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Thanh", "Ngọc", "Quốc", "Kim"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hương", "Lan", "Long", "Mai", "Nam", "Phúc", "Sơn", "Tâm", "Thảo", "Yên"]


def add_people_and_organizations(province, scale, rng):
    from danvan.core.text import fold
    from danvan.organizations.models import Organization, OrganizationKind
    from danvan.people.models import Person
    from danvan.units.models import Unit

    communes = list(Unit.objects.descendants(province).filter(level=3))
    people = []
    for _ in range(int(PEOPLE * scale)):
        name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        people.append(Person(full_name=name, unit=rng.choice(communes), search_text=fold(name)))
    Person.objects.bulk_create(people, batch_size=5000)
    # The farmers' association among them, which the organisation autocomplete looks for.
    kinds = [OrganizationKind.objects.get(code="hoi-nong-dan"), *OrganizationKind.objects.exclude(code="hoi-nong-dan")[:7]]
    organizations = []
    for n in range(int(ORGANIZATIONS * scale)):
        commune, kind = communes[n % len(communes)], kinds[n % len(kinds)]
        name = f"{kind.name} {commune}"
        organizations.append(Organization(name=name, kind=kind, unit=commune, search_text=fold(f"{name} {commune}")))
    Organization.objects.bulk_create(organizations, batch_size=5000)


OPTION = re.compile(r'data-ac-value="(\d+)"')
RESULT = re.compile(r'<li><a href="([^"]+)"')
INBOX_ITEM = re.compile(r'<li[ >]')


def unit_lookup_floor(words, where="", params=(), limit=20):
    """Units anywhere whose words begin with those typed, current first, shorter first, with the parent shown beside."""
    match, match_params = words_like("u.search_text", words)
    return (f"SELECT u.id, u.name, u.type, p.name FROM units_unit u LEFT JOIN units_unit p ON p.id = u.parent_id WHERE {match} {where} "
            f"ORDER BY u.valid_to IS NOT NULL, length(u.search_text), u.id LIMIT {limit}", match_params + list(params))


def scoped_lookup_floor(table, columns, user, words, limit):
    """A scoped table's records (by their unit) whose words begin with those typed, shorter first, with the unit."""
    scope, scope_params = path_ranges("u.path", scope_paths(user))
    match, match_params = words_like("r.search_text", words)
    return (f"SELECT r.id, {columns}, u.name, u.type FROM {table} r JOIN units_unit u ON u.id = r.unit_id WHERE {scope} AND {match} "
            f"ORDER BY length(r.search_text), r.id LIMIT {limit}", scope_params + match_params)


def global_search_floor(user, words):
    """The five groups of the global search, ten (and one more) of each."""
    scope, scope_params = path_ranges("u.path", scope_paths(user))
    match, match_params = words_like("u.search_text", words)
    decisions, decision_params = words_like("d.search_text", words)
    return [
        (f"SELECT u.id, u.name, u.type, p.name FROM units_unit u LEFT JOIN units_unit p ON p.id = u.parent_id WHERE {scope} AND {match} "
         "ORDER BY u.valid_to IS NOT NULL, length(u.search_text), u.id LIMIT 11", scope_params + match_params),
        scoped_lookup_floor("organizations_organization", "r.name", user, words, 11),
        scoped_lookup_floor("people_person", "r.full_name", user, words, 11),
        scoped_lookup_floor("movement_initiative", "r.name", user, words, 11),
        (f"SELECT d.id, d.number, o.name FROM awards_commendationdecision d JOIN organizations_organization o ON o.id = d.issuing_body_id "
         f"JOIN units_unit u ON u.id = o.unit_id WHERE {scope} AND {decisions} ORDER BY length(d.search_text), d.id LIMIT 11",
         scope_params + decision_params),
    ]


def inbox_floor(user):
    """What waits for the approver: follow-ups overdue or due in 14 days, and the initiatives waiting in each state; a count and ten of each."""
    scope, scope_params = path_ranges("u.path", scope_paths(user))
    horizon = datetime.date.today() + datetime.timedelta(days=14)
    due = f"FROM oversight_followup f JOIN units_unit u ON u.id = f.owner_unit_id WHERE {scope} AND f.status IN ('open', 'in_progress') AND f.deadline <= %s"
    statements = [
        (f"SELECT f.id, f.text, f.deadline, u.name, u.type {due} ORDER BY f.deadline, f.id LIMIT 10", scope_params + [horizon]),
        (f"SELECT COUNT(*) {due}", scope_params + [horizon]),
    ]
    for status in ("submitted", "under_appraisal", "returned"):
        waiting = f"FROM movement_initiative i JOIN units_unit u ON u.id = i.unit_id WHERE {scope} AND i.status = %s"
        statements += [(f"SELECT COUNT(*) {waiting}", scope_params + [status]),
                       (f"SELECT i.id, i.name, u.name {waiting} ORDER BY i.id LIMIT 10", scope_params + [status])]
    return statements


def found(pattern):
    return lambda response: len(pattern.findall(response.content.decode()))


def measures(national, approver):
    from django.test import Client
    from django.urls import reverse

    everyone, province = Client(), Client()
    everyone.force_login(national)
    province.force_login(approver)
    town = "AND u.type = 'thi_xa'"
    api_search = unit_lookup_floor("son tay", town, limit=50)
    return [
        Measure("unit_autocomplete_thanh_yen", page(everyone, reverse("units:lookup"), {"q": "thanh yen"}), found(OPTION),
                lambda: unit_lookup_floor("thanh yen")),
        Measure("unit_autocomplete_u_minh_thuong", page(everyone, reverse("units:lookup"), {"q": "u minh thuong"}), found(OPTION),
                lambda: unit_lookup_floor("u minh thuong")),
        Measure("units_api_search_tx_son_tay", page(everyone, reverse("api:unit-list"), {"search": "tx son tay"}), api_results,
                lambda: [api_search, (f"SELECT COUNT(*) FROM units_unit u WHERE {words_like('u.search_text', 'son tay')[0]} {town}",
                                      words_like("u.search_text", "son tay")[1])]),
        Measure("person_autocomplete_nguyen_van_an", page(province, reverse("people:lookup"), {"q": "nguyen van an"}), found(OPTION),
                lambda: scoped_lookup_floor("people_person", "r.full_name", approver, "nguyen van an", 20)),
        Measure("organization_autocomplete_hoi_nong_dan", page(province, reverse("organizations:lookup"), {"q": "hoi nong dan"}), found(OPTION),
                lambda: scoped_lookup_floor("organizations_organization", "r.name", approver, "hoi nong dan", 20)),
        Measure("global_search_thanh_yen_province", page(province, reverse("core:search"), {"q": "thanh yen"}), found(RESULT),
                lambda: global_search_floor(approver, "thanh yen"), listed=5),
        Measure("inbox_province_approver", page(province, reverse("core:inbox")), found(INBOX_ITEM), lambda: inbox_floor(approver)),
    ]


def main():
    args = arguments(__doc__)
    fresh_database()
    sys.path.insert(0, __file__.rsplit("/", 1)[0])
    from bench_oversight import generate

    from danvan.accounts.models import User
    from danvan.core.choices import Role
    from danvan.units.models import Unit
    from danvan.units.services import load_official_units

    started = time.perf_counter()
    load_official_units()
    editor, _, _, world = generate(scale=args.scale)
    province, rng = editor.unit, random.Random(9)
    add_people_and_organizations(province, args.scale, rng)
    analyze()
    approver = User.objects.create(username="bench-approver", unit=province, role=Role.APPROVER)
    national = User.objects.create(username="bench-national", role=Role.ADMINISTRATOR)
    print(f"# {Unit.objects.count():,} units, {int(PEOPLE * args.scale):,} people, {int(ORGANIZATIONS * args.scale):,} organisations, "
          f"{int(100_000 * args.scale):,} follow-ups in {time.perf_counter() - started:.0f} s", flush=True)

    def grow(scale):
        world.add(scale)
        add_people_and_organizations(province, scale, rng)

    at_both_scales(measures(national, approver), args, grow)
    sys.exit(0)


if __name__ == "__main__":
    main()
