"""The statistics read maintained counters (core/aggregates.py): after any mix of writes through the services they
say exactly what counting the records says, cost the same queries whatever the data, and stay exact when two
people write at once."""

import collections
import datetime
import random

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import connection
from django.db.models import Count, Max, Q
from django.test.utils import CaptureQueriesContext

from danvan.core import aggregates
from danvan.core.aggregates import Aggregate
from danvan.core.scoping import unit_reach
from danvan.core.services import delete_record
from danvan.core.tests.test_documents import twice_at_once
from danvan.movement import services
from danvan.movement.choices import LEVEL_KEYS, REGISTERED_STATUSES, AppraisalOutcome, HolderKind, InitiativeKind, RecognitionLevel, Status
from danvan.movement.models import Field, Initiative, Recognition, Replication
from danvan.movement.queries import Span, default_span, initiative_stats, subordinate_ranking
from danvan.movement.tests.factories import FieldFactory, InitiativeFactory, PhaseFactory, RecognitionFactory, ReplicationFactory
from danvan.organizations.tests.factories import OrganizationFactory
from danvan.units.services import save_unit

SPANS = [Span(2016, 2020), Span(2021, 2025), Span(2018, 2019), Span(2019, 2023), Span(2011, 2015)]
TODAYS = [datetime.date(2024, 6, 1), datetime.date(2026, 12, 7)]
SECTION_KEYS = {"commended", "commended_by_recipient", "proposed_for_commendation", "follow_ups_by_organization", "typical"}


# ---------------------------------------------------------------- the answer by counting the records

def recount(unit, span, today):
    """Every figure of ``initiative_stats``, counted from the records of ``unit_reach(unit)`` (the former way)."""
    ids = None if unit is None else list(unit_reach(unit).values_list("pk", flat=True))

    def within(lookup):
        return Q() if ids is None else Q(**{f"{lookup}__in": ids})

    in_span = Q(registration_year__gte=span.from_year, registration_year__lte=span.to_year)
    registered = Initiative.objects.filter(within("unit"), status__in=REGISTERED_STATUSES)
    now = registered.filter(in_span)
    previous = registered.filter(registration_year__gte=span.previous.from_year, registration_year__lte=span.previous.to_year).count()
    recognitions = Recognition.objects.filter(within("initiative__unit"), year__gte=span.from_year, year__lte=span.to_year)
    replications = Replication.objects.filter(within("origin__unit"), adopted_on__year__gte=span.from_year, adopted_on__year__lte=span.to_year)
    years = dict(now.values_list("registration_year").annotate(n=Count("pk")).order_by())
    return {
        "unit": unit.pk if unit else None, "from_year": span.from_year, "to_year": span.to_year,
        "registered": now.count(),
        "previous_period": {"from_year": span.previous.from_year, "to_year": span.previous.to_year, "registered": previous,
                            "change": now.count() - previous},
        "recognized_by_level": {key: recognitions.filter(level=level).values("initiative").distinct().count() for level, key in LEVEL_KEYS.items()},
        "recognized": recognitions.values("initiative").distinct().count(),
        "outstanding": recognitions.filter(outstanding=True).values("initiative").distinct().count(),
        "by_field": {field.code: now.filter(fields=field).count() for field in Field.objects.all()},
        "by_year": {year: years.get(year, 0) for year in range(span.from_year, span.to_year + 1)},
        "field_names": {field.code: field.name for field in Field.objects.all()},
        "by_kind": {kind: now.filter(kind=kind).count() for kind in InitiativeKind.values},
        "by_holder": {holder: now.filter(holder=holder).count() for holder in HolderKind.values},
        "replicated": replications.values("origin").distinct().count(),
        "replication_places": replications.values("unit").distinct().count(),
        "formalism": Initiative.objects.filter(within("unit"), in_span).formalism(today).count(),
    }


def recount_ranking(unit, span):
    """(name, registered, recognised) of each unit below ``unit``: a record counts under the deepest ranked unit, or
    legacy unit that became part of one, above it."""
    from danvan.units.models import Unit, UnitSuccession

    if unit is None:
        ranked = list(Unit.objects.filter(parent__isnull=True))
        owners = {row.path: row for row in ranked}
    else:
        pairs = [(p, s) for p, s in UnitSuccession.objects.values_list("predecessor__path", "successor__path") if s.startswith(unit.path)]
        whole = {p for p, s in pairs if s == unit.path}
        ranked = list(Unit.objects.filter(Q(parent=unit) | Q(parent__path__in=whole)))
        owners = {row.path: row for row in ranked}
        width = len(unit.path) + 8
        owners.update({p: owners[s[:width]] for p, s in pairs if s != unit.path and s[:width] in owners})
    figures = collections.defaultdict(lambda: [0, 0])
    for initiative in Initiative.objects.filter(status__in=REGISTERED_STATUSES, registration_year__gte=span.from_year,
                                                registration_year__lte=span.to_year).select_related("unit"):
        deepest = max((path for path in owners if initiative.unit.path.startswith(path)), key=len, default=None)
        if deepest is not None:
            row = figures[owners[deepest].pk]
            row[0] += 1
            row[1] += initiative.recognitions.filter(year__gte=span.from_year, year__lte=span.to_year).exists()
    return sorted(((row.name, *figures[row.pk]) for row in ranked), key=lambda row: (-row[2], -row[1], row[0]))


def recount_default_span(unit):
    ids = None if unit is None else list(unit_reach(unit).values_list("pk", flat=True))
    initiatives = Initiative.objects.all() if ids is None else Initiative.objects.filter(unit__in=ids)
    return initiatives.aggregate(latest=Max("registration_year"))["latest"]


def assert_counters_match_records(tree):
    units = [None, tree.cp, tree.cc1, tree.cc2, tree.h1, tree.lp1, tree.ld1, tree.lc1, tree.lh1, tree.lp2, tree.ld2, tree.lc2, tree.cp2, tree.cc3]
    for unit in units:
        for span in SPANS:
            for today in TODAYS:
                stats = {key: value for key, value in initiative_stats(unit, span, today=today, with_typical=False).items()
                         if key not in SECTION_KEYS}
                assert stats == recount(unit, span, today), (unit, span, today)
            ranking = [(row.unit.name, row.registered, row.recognised) for row in subordinate_ranking(unit, span)]
            assert ranking == recount_ranking(unit, span), (unit, span)
        latest = recount_default_span(unit)
        if latest is not None:
            assert default_span(unit).from_year <= latest <= default_span(unit).to_year, unit


def stored_counters():
    return {row[:-1]: row[-1] for row in Aggregate.objects.filter(count__gt=0).values_list(*aggregates.KEY_FIELDS, "count")}


# ---------------------------------------------------------------- random writes through the services

class Writer:
    """Random writes as people make them, through the services only."""

    def __init__(self, tree, user, seed):
        self.rng = random.Random(seed)
        self.user = user
        self.units = [tree.cc1, tree.cc2, tree.h1, tree.cc3, tree.lc1, tree.lc2, tree.lc3, tree.lh1, tree.ld1, tree.cp]
        self.owners = {unit.pk: OrganizationFactory(unit=unit) for unit in self.units}
        self.phases = [PhaseFactory(start_year=2016, end_year=2020), PhaseFactory(start_year=2021, end_year=2025),
                       PhaseFactory(start_year=2011, end_year=2015)]
        self.fields = list(Field.objects.all())
        self.done = collections.Counter()
        self.refusals = []

    def pick(self, action=None):
        # Recognitions need an appraisable initiative; results matter to the formalism watch on recognised ones.
        wanted = {"recognise": services.APPRAISABLE, "result": [Status.RECOGNISED]}.get(action)
        initiatives = Initiative.objects.filter(status__in=wanted) if wanted else Initiative.objects.all()
        pks = list(initiatives.values_list("pk", flat=True)) or list(Initiative.objects.values_list("pk", flat=True))
        return Initiative.objects.get(pk=self.rng.choice(pks)) if pks else None

    def year(self):
        phase = self.rng.choice(self.phases)
        return phase, self.rng.randint(phase.start_year, phase.end_year)

    def create(self):
        unit = self.rng.choice(self.units)
        phase, year = self.year()
        initiative = Initiative(name=f"Mô hình {self.rng.random()}", unit=unit, owner_organization=self.owners[unit.pk], phase=phase,
                                registration_year=year, kind=self.rng.choice(InitiativeKind.values), holder=self.rng.choice(HolderKind.values))
        services.register_initiative(self.user, initiative, fields=self.rng.sample(self.fields, self.rng.randint(1, 2)))

    def edit(self, initiative):
        """A field edit: year, kind, holder, fields, or the unit it belongs to."""
        change = self.rng.choice(["year", "kind", "holder", "fields", "unit"])
        fields = None
        if change == "year":
            initiative.phase, initiative.registration_year = self.year()
        elif change == "kind":
            initiative.kind = self.rng.choice(InitiativeKind.values)
        elif change == "holder":
            initiative.holder = self.rng.choice(HolderKind.values)
        elif change == "fields":
            fields = self.rng.sample(self.fields, self.rng.randint(1, 3))
        else:
            initiative.unit = self.rng.choice(self.units)
            initiative.owner_organization = self.owners[initiative.unit.pk]
        services.register_initiative(self.user, initiative, fields=fields, confirm_duplicate=True)
        return change

    def transition(self, initiative):
        targets = [to for to in services.INITIATIVE_FLOW.targets(initiative, self.user) if to != Status.RECOGNISED]
        if targets:
            services.move(self.user, initiative, self.rng.choice(targets), note="Lý do")

    def recognise(self, initiative):
        if initiative.status in (Status.REGISTERED, Status.NOT_RECOGNISED):
            services.appraise(self.user, initiative, level=RecognitionLevel.COMMUNE, year=initiative.registration_year,
                              outcome=AppraisalOutcome.MET)
        level = self.rng.choice([RecognitionLevel.COMMUNE, RecognitionLevel.DISTRICT, RecognitionLevel.PROVINCE])
        year = self.rng.randint(initiative.registration_year, initiative.registration_year + 3)
        services.recognise_initiative(self.user, initiative, level=level, year=year, decided_on=datetime.date(min(year, 2024), 3, 1),
                                      outstanding=self.rng.random() < 0.4)

    def replicate(self, initiative):
        services.replicate(self.user, initiative, unit=self.rng.choice(self.units),
                           adopted_on=datetime.date(self.rng.randint(2016, 2025), 5, 1))

    def result(self, initiative):
        services.record_result(self.user, initiative, date=datetime.date(self.rng.randint(2022, 2026), self.rng.randint(1, 11), 28),
                               text="Kết quả")

    def delete(self, initiative):
        delete_record(self.user, initiative)

    def step(self):
        action = "create" if not Initiative.objects.exists() or self.rng.random() < 0.25 else self.rng.choice(
            ["edit", "transition", "transition", "transition", "recognise", "replicate", "result", "delete"])
        initiative = self.pick(action)
        try:
            label = self.create() if action == "create" else getattr(self, action)(initiative)
        except (ValidationError, PermissionDenied) as error:
            self.done[f"{action} refused"] += 1
            self.refusals.append((action, error))
            return
        self.done[action if action != "edit" else f"edit {label}"] += 1


@pytest.mark.parametrize("seed", [1, 2])
def test_after_random_writes_every_figure_is_what_counting_the_records_says(tree, national_admin, seed):
    writer = Writer(tree, national_admin, seed)
    for number in range(200):
        writer.step()
        if number in (40, 199):
            assert_counters_match_records(tree)
    # Every kind of write was made and some got through (a refused write changes nothing, counters included).
    made = {action.split()[0] for action, count in writer.done.items() if "refused" not in action and count}
    assert made >= {"create", "edit", "transition", "recognise", "replicate", "result", "delete"}, (writer.done, writer.refusals)
    assert {"edit unit", "edit fields", "edit year"} <= set(writer.done), writer.done
    assert Initiative.objects.filter(status__in=REGISTERED_STATUSES).exists() and Recognition.objects.exists()
    assert Initiative.objects.filter(status=Status.RECOGNISED, last_result_on__isnull=False).exists()
    assert not Aggregate.objects.filter(count__lt=0).exists()
    # Recounting from the records writes the very counters the services kept, and a second run changes nothing.
    kept = stored_counters()
    call_command("rebuild_aggregates", verbosity=0)
    assert stored_counters() == kept
    call_command("rebuild_aggregates", verbosity=0)
    assert stored_counters() == kept


def test_writes_in_a_deferred_block_are_counted_once_at_its_end(tree, national_admin):
    writer = Writer(tree, national_admin, 3)
    with aggregates.deferred():
        for _number in range(60):
            writer.step()
        assert not stored_counters(), "nothing is counted change by change inside the block"
    assert stored_counters()
    assert_counters_match_records(tree)
    # After the block the services count each change again.
    for _number in range(30):
        writer.step()
    assert_counters_match_records(tree)


def test_a_deferred_block_that_raises_counts_nothing_and_counting_resumes(tree, national_admin):
    writer = Writer(tree, national_admin, 4)
    with pytest.raises(RuntimeError), aggregates.deferred():
        writer.create()
        raise RuntimeError
    assert not Initiative.objects.exists() and not stored_counters()
    writer.create()
    assert stored_counters()
    assert_counters_match_records(tree)


def test_a_unit_moved_under_another_parent_takes_its_counts_along(tree, national_admin):
    hamlet_model = InitiativeFactory(unit=tree.h1, registration_year=2018)
    RecognitionFactory(initiative=hamlet_model, year=2019)
    span = Span(2016, 2020)
    assert initiative_stats(tree.cc1, span)["registered"] == 1 and initiative_stats(tree.cc2, span)["registered"] == 0
    tree.h1.parent = tree.cc2
    save_unit(tree.h1)
    for unit in (tree.cc1, tree.cc2, tree.cp, tree.h1):
        stats = initiative_stats(unit, span, with_typical=False)
        expected = recount(unit, span, datetime.date.today())
        assert {key: stats[key] for key in expected} == expected, unit
    assert initiative_stats(tree.cc2, span)["recognized"] == 1
    kept = stored_counters()
    aggregates.rebuild()
    assert stored_counters() == kept


def test_a_write_the_services_refuse_counts_nothing(tree, make_user):
    commune_editor = make_user(tree.cc1)
    initiative = InitiativeFactory(unit=tree.cc1, status=Status.DRAFT)
    foreign = InitiativeFactory(unit=tree.cc3)
    kept = stored_counters()
    with pytest.raises(ValidationError):
        services.move(commune_editor, initiative, Status.ENDED, note="")
    with pytest.raises(ValidationError):
        services.replicate(commune_editor, foreign, unit=tree.cc1, adopted_on=datetime.date(2019, 1, 1))
    with pytest.raises(ValidationError):
        services.record_result(commune_editor, initiative, date=datetime.date(2999, 1, 1), text="Tương lai")
    assert stored_counters() == kept


def test_statistics_of_a_province_cost_the_same_queries_with_ten_or_a_hundred_times_the_records(tree):
    span = Span(2016, 2020)

    def build(count):
        for number in range(count):
            unit = [tree.cc1, tree.lc1, tree.lc2, tree.h1][number % 4]
            initiative = InitiativeFactory(unit=unit, registration_year=2016 + number % 5, status=Status.RECOGNISED if number % 2 else Status.REGISTERED)
            if number % 2:
                RecognitionFactory(initiative=initiative, year=2017 + number % 4, outstanding=number % 3 == 0)
            if number % 5 == 0:
                ReplicationFactory(origin=initiative, unit=tree.cc2, adopted_on=datetime.date(2019, 1, 1))

    def cost():
        with CaptureQueriesContext(connection) as queries:
            stats = initiative_stats(tree.cp, span)
            ranking = subordinate_ranking(tree.cp, span)
            default_span(tree.cp)
        return len(queries), stats, ranking

    build(10)
    few, stats, _ranking = cost()
    assert stats["registered"] == 10
    build(90)
    many, stats, ranking = cost()
    assert stats["registered"] == 100 and stats["recognized"] == 50 and sum(row.registered for row in ranking) == 100
    assert many == few
    # The counters hold a row per unit, year and value, not per record: what a read touches does not grow with the data.
    rows = Aggregate.objects.filter(path=tree.cp.path).count()
    build(100)
    assert Aggregate.objects.filter(path=tree.cp.path).count() <= rows + 5


@pytest.fixture
def writing_on_postgresql(tree, national_admin):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL; SQLite serialises writers itself")
    phase = PhaseFactory(start_year=2016, end_year=2020)
    return national_admin, OrganizationFactory(unit=tree.cc1), phase, FieldFactory()


@pytest.mark.django_db(transaction=True)
def test_two_registrations_at_once_are_both_counted(tree, writing_on_postgresql):
    # A test that commits has the tables emptied after an earlier one: the seeded fields may be gone.
    user, owner, phase, field = writing_on_postgresql
    initiatives = [Initiative(name=f"Mô hình đồng thời {n}", unit=tree.cc1, owner_organization=owner, phase=phase, registration_year=2018)
                   for n in range(2)]
    for initiative in initiatives:
        # Registered at once below: approved rows are what the statistics count.
        services.register_initiative(user, initiative, fields=[field])
        services.submit(user, initiative)
    pending = iter(initiatives)

    def approve():
        return services.approve_registration(user, next(pending))

    results, failures = twice_at_once(approve)
    assert failures == [] and len(results) == 2
    results, failures = twice_at_once(lambda: services.register_initiative(
        user, Initiative(name=f"Mới {random.random()}", unit=tree.cc1, owner_organization=owner, phase=phase, registration_year=2019),
        fields=[field]))
    assert failures == [] and len(results) == 2
    span = Span(2016, 2020)
    for unit in (tree.cc1, tree.cp, None):
        assert initiative_stats(unit, span, with_typical=False)["registered"] == 2
    drafts = Aggregate.objects.get(counted="movement.initiative", path="", dimension="initiative", year=2019, state=Status.DRAFT)
    assert drafts.count == 2
    kept = stored_counters()
    aggregates.rebuild()
    assert stored_counters() == kept
