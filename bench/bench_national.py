"""Benchmark at national scale, on PostgreSQL, read through a streaming replica.

Generates the country: the 34 provinces and 3,321 communes of today's official list (with the 63 legacy
provinces and their lineage), 63,000 hamlets, 1,000,000 initiatives and 1,000,000 follow-ups spread over
every commune (``--fraction 0.01`` for a hundredth of the rows), then starts a second PostgreSQL on this
machine as a streaming replica of the first (``danvan.core.replica``: pg_basebackup), sends the pages'
reads to it through the project's router, and measures the movement and oversight benches' pages for a
province's officials side by side with hand-written SQL on the replica (bench/_measure.py prints the lines):

    DANVAN_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/danvan_bench_national .venv/bin/python bench/bench_national.py [--fraction 1]

``--no-replica`` reads from the primary. Memberships join the national dataset with the members issue.
"""

import datetime
import os
import random
import sys
import time

from _measure import arguments, at_both_scales
import _measure

HAMLETS, INITIATIVES, FOLLOW_UPS = 63_000, 1_000_000, 1_000_000
REPLICA_PORT = 5434  # not the tests' 5433: a bench and the suite may run side by side
CHUNK = 100_000  # rows built in memory at a time


def add_hamlets(count):
    """``count`` hamlets ("ấp") spread over today's communes, written with their paths in one pass."""
    from danvan.core.choices import Level
    from danvan.core.scoping import path_segment
    from danvan.core.services import allocate_ids
    from danvan.core.text import fold
    from danvan.units.choices import UnitType
    from danvan.units.models import Unit

    communes = list(Unit.objects.current().filter(level=Level.COMMUNE).only("pk", "path"))
    hamlets = []
    for n, pk in enumerate(allocate_ids(Unit, count)):
        commune = communes[n % len(communes)]
        name = f"Ấp {n // len(communes) + 1}"
        hamlets.append(Unit(pk=pk, name=name, type=UnitType.AP, level=Level.HAMLET, parent_id=commune.pk,
                            path=commune.path + path_segment(pk), search_text=fold(f"ấp {name}")))
    Unit.objects.bulk_create(hamlets, batch_size=5000)
    return len(communes)


def national_movement():
    """bench_movement's generator with owners on every commune of the country rather than one province's."""
    from bench_movement import Movement

    from danvan.core.choices import Level
    from danvan.movement.models import Field, Phase
    from danvan.organizations.models import Organization, OrganizationKind
    from danvan.units.models import Unit

    movement = Movement.__new__(Movement)
    movement.rng = random.Random(7)
    movement.communes = list(Unit.objects.filter(level=Level.COMMUNE))
    kind = OrganizationKind.objects.get(code="hoi-nong-dan")
    movement.owners = Organization.objects.bulk_create(
        (Organization(name=f"Hội Nông dân {c}", search_text=f"hoi nong dan {c.pk}", kind=kind, unit=c) for c in movement.communes),
        batch_size=5000)
    movement.fields = list(Field.objects.all())
    movement.phases = {phase.start_year: phase for phase in Phase.objects.all()}
    movement.count, movement.decisions = 0, None
    return movement


def national_oversight(province):
    """bench_oversight's world with follow-ups owned by every commune and missions led from every province."""
    from bench_oversight import World

    from danvan.core.choices import Level
    from danvan.organizations.models import Organization, OrganizationKind
    from danvan.units.models import Unit

    world = World.__new__(World)
    world.province = province
    world.communes = list(Unit.objects.filter(level=Level.COMMUNE))
    world.districts = list(Unit.objects.filter(level=Level.PROVINCE))  # missions and plans come from each province
    world.organization = Organization.objects.create(name=f"Ban Dân vận Tỉnh ủy {province.name}",
                                                     kind=OrganizationKind.objects.get(code="ban-dan-van"), unit=province)
    world.rng, world.directives = random.Random(5), 0
    return world


def in_chunks(total, add):
    for start in range(0, total, CHUNK):
        add(min(CHUNK, total - start))


def phase(label, started):
    print(f"# {label} in {time.perf_counter() - started:.0f} s", flush=True)
    return time.perf_counter()


def generate(fraction):
    from danvan.accounts.models import User
    from danvan.core import aggregates
    from danvan.core.choices import Level, Role
    from danvan.directives.choices import DirectiveType
    from danvan.directives.models import Directive, Implementation
    from danvan.units.models import Unit

    started = time.perf_counter()
    communes = add_hamlets(int(HAMLETS * fraction))
    started = phase("hamlets", started)
    movement = national_movement()
    recount = aggregates.rebuild
    aggregates.rebuild = lambda: None  # the movement bench recounts after each batch; here once, at the end
    try:
        in_chunks(int(INITIATIVES * fraction), movement.add)
    finally:
        aggregates.rebuild = recount
    started = phase("initiatives", started)
    aggregates.rebuild()
    started = phase("statistics' counters recounted", started)
    an_giang = Unit.objects.get(name="An Giang", level=Level.PROVINCE, valid_to__isnull=True)
    ca_mau = Unit.objects.get(name="Cà Mau", level=Level.PROVINCE, valid_to__isnull=True)
    world = national_oversight(ca_mau)
    resolution = Directive.objects.create(unit=ca_mau, doc_type=DirectiveType.RESOLUTION, number=25, issuer_code="TW",
                                          symbol="25-NQ/TW", issued_on=datetime.date(2018, 6, 3))
    province_communes = list(Unit.objects.descendants(ca_mau).filter(level=Level.COMMUNE))
    Implementation.objects.bulk_create([Implementation(directive=resolution, unit=c, description="Đã cụ thể hóa",
                                                       implemented_on=datetime.date(2018, 8, 1)) for c in province_communes[::2]])
    in_chunks(int(FOLLOW_UPS * fraction), lambda count: world.add(count / 100_000))
    phase("missions, directives and follow-ups", started)
    users = {
        "viewer": User.objects.create(username="bench", role=Role.VIEWER, unit=an_giang),
        "editor": User.objects.create(username="bench-editor", role=Role.EDITOR, unit=an_giang),
        "oversight": User.objects.create(username="bench-oversight", role=Role.EDITOR, unit=ca_mau),
    }
    return communes, resolution, users


def in_the_viewers_province(viewer):
    """An initiative of the viewer's province recognised at two levels (its number is a multiple of 8, as in
    bench_movement's generator), and the number the text search types."""
    from danvan.core.scoping import Scope
    from danvan.movement.models import Initiative

    mine = Scope.for_user(viewer).filter(Initiative.objects.order_by("pk"), "unit")
    shown = next(i for i in mine.iterator() if int(i.name.rsplit(" ", 1)[1]) % 8 == 0)
    return shown, int(shown.name.rsplit(" ", 1)[1])


def start_replica():
    from danvan.core import replica

    if not replica.available():
        sys.exit("bench_national: a replica needs root and PostgreSQL's programs here (or pass --no-replica)")
    started = time.perf_counter()
    replica.start(REPLICA_PORT)
    replica.wait_for_replay(REPLICA_PORT, seconds=600)
    print(f"# streaming replica on port {REPLICA_PORT} caught up in {time.perf_counter() - started:.0f} s", flush=True)
    _measure.READS = "replica"


def main():
    args = arguments(__doc__, fraction={"type": float, "default": 1.0, "help": "share of the national counts (default 1)"},
                     **{"no-replica": {"action": "store_true", "help": "read from the primary"}})
    url = os.environ.get("DANVAN_DATABASE_URL")
    if not url:
        sys.exit("bench_national runs on PostgreSQL: set DANVAN_DATABASE_URL")
    from _setup import bench_database_url

    if not args.no_replica:
        # The router reads from the replica once it answers; until it is started, the primary serves.
        replica_url = bench_database_url(url).replace(":5432/", f":{REPLICA_PORT}/")
        os.environ["DANVAN_DATABASE_REPLICA_URL"] = replica_url
    from _setup import fresh_database

    fresh_database()
    from _measure import analyze

    from danvan.units.services import load_official_units

    started = time.perf_counter()
    load_official_units()
    communes, resolution, users = generate(args.fraction)
    analyze()
    print(f"# national data: {communes:,} communes, {int(HAMLETS * args.fraction):,} hamlets, "
          f"{int(INITIATIVES * args.fraction):,} initiatives, {int(FOLLOW_UPS * args.fraction):,} follow-ups "
          f"in {time.perf_counter() - started:.0f} s", flush=True)
    if not args.no_replica:
        start_replica()
    import bench_movement
    import bench_oversight

    shown, number = in_the_viewers_province(users["viewer"])
    items = [*bench_movement.measures(users["viewer"], users["editor"], shown, shown.fields.get(), number),
             *bench_oversight.measures(users["oversight"], resolution)]
    if not args.no_replica:
        from danvan.core import replica

        replica.wait_for_replay(REPLICA_PORT)  # the measures' sessions, written on the primary just now
    args.growth = 1  # the country is the scale: measured once
    try:
        at_both_scales(items, args, grow=None)
    finally:
        if not args.no_replica:
            from danvan.core import replica

            replica.stop(REPLICA_PORT)
    sys.exit(0)


if __name__ == "__main__":
    main()
