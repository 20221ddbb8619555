"""Benchmark: 20,000 missions, 100,000 follow-ups and 5,000 directives over one province, then 5× as many.

Measures (warm, server side, django.test.Client, as an editor of the province) the open-follow-ups
page, the due-in-14-days page and a directive's implementation matrix over every commune of the
province, each beside hand-written SQL for the same rows (bench/_measure.py prints the lines):

    .venv/bin/python bench/bench_oversight.py [--scale 1] [--growth 5]

SQLite in a temporary DANVAN_DATA_DIR; PostgreSQL (database danvan_bench) when DANVAN_DATABASE_URL is set.
"""

import datetime
import random
import re
import sys
import time

from _measure import Measure, analyze, at_both_scales, arguments, links, page, path_ranges, scope_paths
from _setup import fresh_database

MISSIONS, FOLLOW_UPS, DIRECTIVES = 20_000, 100_000, 5_000
FOLLOW_UP_LINK = re.compile(r'href="/oversight/follow-ups/(\d+)/"')
MATRIX_ROW = re.compile(r"<tr[ >]")


class World:
    """What a province's oversight data needs to grow: its units, organisation and a running number."""

    def __init__(self, province_name):
        from danvan.core.choices import Level
        from danvan.organizations.models import Organization, OrganizationKind
        from danvan.units.models import Unit

        self.province = Unit.objects.legacy().filter(level=Level.PROVINCE, name=province_name).get()
        self.communes = list(Unit.objects.descendants(self.province).filter(level=Level.COMMUNE))
        self.districts = list(Unit.objects.descendants(self.province).filter(level=Level.DISTRICT))
        kind = OrganizationKind.objects.get(code="ban-dan-van")
        self.organization = Organization.objects.create(name=f"Ban Dân vận Tỉnh ủy {province_name}", kind=kind, unit=self.province)
        self.rng = random.Random(5)
        self.directives = 0

    def add(self, scale):
        """``scale`` × (5,000 directives, 20,000 missions, 100,000 follow-ups) more."""
        from danvan.directives.choices import DirectiveType
        from danvan.directives.models import Directive
        from danvan.directives.symbols import symbol_key
        from danvan.oversight.choices import FollowUpStatus, MissionKind
        from danvan.oversight.models import FollowUp, Mission

        rng, today = self.rng, datetime.date.today()
        first, self.directives = self.directives + 1, self.directives + int(DIRECTIVES * scale)
        Directive.objects.bulk_create(
            [Directive(unit=rng.choice(self.districts + [self.province]), doc_type=DirectiveType.PLAN, number=n, issuer_code="HU",
                       symbol=f"{n}-KH/HU", symbol_key=symbol_key(n, DirectiveType.PLAN, "HU"), subject=f"Kế hoạch {n}",
                       issued_on=datetime.date(2018, 1, 1), search_text=f"ke hoach {n}") for n in range(first, self.directives + 1)],
            batch_size=2000)
        missions = Mission.objects.bulk_create(
            [Mission(kind=MissionKind.SURVEY, subject=f"Khảo sát {n}", unit=rng.choice(self.districts), leading_organization=self.organization,
                     planned_start=today - datetime.timedelta(days=rng.randint(0, 2000)), search_text=f"khao sat {n}")
             for n in range(int(MISSIONS * scale))], batch_size=2000)
        mission_ids = [mission.pk for mission in missions] if missions[0].pk else list(Mission.objects.values_list("pk", flat=True))
        statuses = [FollowUpStatus.OPEN, FollowUpStatus.IN_PROGRESS, FollowUpStatus.DONE, FollowUpStatus.CANCELLED]
        FollowUp.objects.bulk_create(
            (FollowUp(kind="recommendation", mission_id=rng.choice(mission_ids), text=f"Kiến nghị {n}", owner_unit=rng.choice(self.communes),
                      deadline=today + datetime.timedelta(days=rng.randint(-400, 400)), status=rng.choice(statuses),
                      search_text=f"kien nghi {n}") for n in range(int(FOLLOW_UPS * scale))), batch_size=5000)


def generate(province_name="Bến Tre", scale=1.0):
    """Missions, follow-ups and directives over a legacy province (units already loaded); ``scale`` multiplies the counts.
    Returns the province's editor, the resolution its communes implement, the number of communes, and the world to grow."""
    from danvan.accounts.models import User
    from danvan.core.choices import Role
    from danvan.directives.choices import DirectiveType
    from danvan.directives.models import Directive, Implementation

    world = World(province_name)
    resolution = Directive.objects.create(unit=world.province, doc_type=DirectiveType.RESOLUTION, number=25, issuer_code="TW",
                                          symbol="25-NQ/TW", issued_on=datetime.date(2018, 6, 3))
    Implementation.objects.bulk_create([Implementation(directive=resolution, unit=c, description="Đã cụ thể hóa",
                                                       implemented_on=datetime.date(2018, 8, 1)) for c in world.communes[::2]])
    world.add(scale)
    user = User.objects.create(username=f"bench-{world.province.pk}", unit=world.province, role=Role.EDITOR)
    return user, resolution, len(world.communes), world


def follow_up_floor(user, where, params, capped):
    """The 50 rows a follow-up list shows (text, owner, deadline, status) and its count, by hand."""
    scope, scope_params = path_ranges("u.path", scope_paths(user))
    source = (f"FROM oversight_followup f JOIN units_unit u ON u.id = f.owner_unit_id "
              f"WHERE {scope} AND f.status IN ('open', 'in_progress') {where}")
    rows = (f"SELECT f.id, f.text, f.deadline, f.status, u.name, o.name {source.replace('WHERE', 'LEFT JOIN organizations_organization o ON o.id = f.owner_organization_id WHERE', 1)} "
            "ORDER BY f.deadline, f.id LIMIT 50")
    count = f"SELECT COUNT(*) FROM (SELECT 1 {source}{' LIMIT 2001' if capped else ''}) AS counted"
    return [(rows, scope_params + params), (count, scope_params + params)]


def matrix_floor(resolution, user):
    """The communes of the register unit the viewer reaches, with their district, and the implementations under it."""
    scope, scope_params = path_ranges("u.path", scope_paths(user))
    register, register_params = path_ranges("u.path", [resolution.unit.path])
    units = (f"SELECT u.id, u.name, u.type, p.name FROM units_unit u JOIN units_unit p ON p.id = u.parent_id "
             f"WHERE {scope} AND {register} AND u.level = 3 AND (u.valid_from IS NULL OR u.valid_from <= %s) "
             "AND (u.valid_to IS NULL OR u.valid_to >= %s) ORDER BY u.path")
    implementations = (f"SELECT i.id, i.description, i.implemented_on, u.path FROM directives_implementation i "
                       f"JOIN units_unit u ON u.id = i.unit_id WHERE i.directive_id = %s AND {register} ORDER BY i.implemented_on, i.id")
    issued = resolution.issued_on
    return [(units, scope_params + register_params + [issued, issued]), (implementations, [resolution.pk] + register_params)]


def measures(user, resolution):
    from django.test import Client
    from django.urls import reverse

    client = Client()
    client.force_login(user)
    today = datetime.date.today()
    soon = [today, today + datetime.timedelta(days=14)]
    return [
        Measure("open_follow_ups", page(client, reverse("oversight:follow-up-mine")), links(FOLLOW_UP_LINK),
                lambda: follow_up_floor(user, "", [], capped=True)),
        Measure("due_in_14_days", page(client, reverse("oversight:follow-up-due")), links(FOLLOW_UP_LINK),
                lambda: follow_up_floor(user, "AND f.deadline >= %s AND f.deadline <= %s", soon, capped=False)),
        Measure("directive_matrix", page(client, reverse("directives:matrix", args=[resolution.pk])),
                lambda response: max(0, len(MATRIX_ROW.findall(response.content.decode())) - 1), lambda: matrix_floor(resolution, user)),
    ]


def main():
    args = arguments(__doc__)
    fresh_database()
    from danvan.units.services import load_official_units

    started = time.perf_counter()
    load_official_units()
    user, resolution, communes, world = generate(scale=args.scale)
    analyze()
    print(f"# generated {int(MISSIONS * args.scale):,} missions, {int(FOLLOW_UPS * args.scale):,} follow-ups, "
          f"{int(DIRECTIVES * args.scale):,} directives over {communes} communes in {time.perf_counter() - started:.0f} s", flush=True)
    at_both_scales(measures(user, resolution), args, world.add)
    sys.exit(0)


if __name__ == "__main__":
    main()
