"""Counts kept in step with the records, so that a province's statistics read a few rows whatever the data.

An app describes once what each of its records counts for (a ``Counted``: the keys a record
contributes, each ``(unit path, dimension, year, value, state)``) and registers it in its
``AppConfig.ready``. Its services wrap every change in ``tracking(record)``: the record's keys are
read before and after, and the difference is added to the counters in the same transaction, so a
count can never disagree with the records it counts::

    with aggregates.tracking(initiative):
        save_record(user, initiative)

A record's keys are rolled up: each counter row is kept for the record's unit *and every unit
above it* (and ``""``, the whole country), so a province's figures are the rows of its own path,
not a sum over its thousands of units. A question about a unit reads the rows of the few disjoint
subtrees it covers (its own and, for a current unit, the legacy ones that became part of it;
``core.statistics.Reach``), which an index serves by equality.

``rebuild()`` (``danvan rebuild_aggregates``) recounts from the records, for data written
without the services (bulk loads, benches); moving a unit under another parent moves its
counters (``move_subtree``, called by ``Unit`` when its path changes).
"""

import collections
import contextlib
import functools
import inspect
import threading

from django.db import connection, models, transaction
from django.db.models import Sum, Value
from django.db.models.functions import Concat, Substr

from danvan.core.scoping import PATH_SEGMENT_WIDTH

KEY_FIELDS = ("counted", "path", "dimension", "year", "value", "state")
UPSERT_BATCH = 500
REBUILD_CHUNK = 2000


class Aggregate(models.Model):
    """How many records of ``counted`` have ``value`` in ``dimension`` for ``year`` and ``state``, in the
    subtree of the unit whose materialised path is ``path`` (``""``: the whole country)."""

    counted = models.CharField(max_length=60)
    path = models.CharField(max_length=PATH_SEGMENT_WIDTH * 5, blank=True)
    dimension = models.CharField(max_length=40)
    year = models.PositiveSmallIntegerField(default=0)
    value = models.CharField(max_length=200, blank=True, default="")
    state = models.CharField(max_length=40, blank=True, default="")
    count = models.BigIntegerField(default=0)

    class Meta:
        # The unique key is also the read index: counted and path by equality, then what the question picks.
        constraints = [models.UniqueConstraint(fields=list(KEY_FIELDS), name="unique_aggregate_key")]

    def __str__(self):
        return f"{self.counted} {self.path or '*'} {self.dimension} {self.year} {self.value} {self.state}: {self.count}"


class Counted:
    """What one kind of record counts for. A subclass sets ``name`` (the key of its counters), ``model`` (the
    root: each root's keys are computed together) and ``roots`` (for each model whose changes alter a root's
    keys, how to find the root's key from a record of it), and implements ``contributions``."""

    name = ""
    model = None
    roots = {}

    def contributions(self, pks):
        """``{root pk: [(unit path, dimension, year, value, state), …]}`` read from the records now;
        a key listed twice counts twice."""
        raise NotImplementedError

    def lock(self, pks):
        """Hold the roots' rows until the end of the transaction, so that the "before" read cannot go stale under
        a concurrent change of the same record (SQLite serialises writers anyway)."""
        list(self.model.objects.select_for_update().filter(pk__in=pks).values_list("pk", flat=True))

    def chunks(self):
        """Every root's key, in slices a rebuild reads at once."""
        pks = list(self.model._base_manager.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(pks), REBUILD_CHUNK):
            yield pks[start:start + REBUILD_CHUNK]


_COUNTED = {}
_tracked = threading.local()


def register(counted):
    """Count ``counted`` from now on; registering a name again replaces it (``ready`` may run twice in tests)."""
    _COUNTED[counted.name] = counted


def registered():
    return list(_COUNTED.values())


def prefixes(path):
    """The paths whose rows a record at ``path`` counts in: the whole country, then each unit down to its own."""
    return ["", *(path[:end] for end in range(PATH_SEGMENT_WIDTH, len(path) + 1, PATH_SEGMENT_WIDTH))]


def _rolled_up(counted, keys, sign=1):
    """{counter key: number} of the leaf ``keys`` (a list, or a Counter of them) at every path above them."""
    rows = collections.Counter()
    for (path, *rest), number in collections.Counter(keys).items():
        for prefix in prefixes(path):
            rows[(counted.name, prefix, *rest)] += sign * number
    return rows


def _upsert(deltas):
    """Add each delta to its counter, creating the row at 0 first: one statement per batch, the same on SQLite and
    PostgreSQL, and safe when two transactions add to one counter (the second waits for the first's row).

    The ORM cannot say "add to the stored value on conflict" (``bulk_create`` replaces it), hence the SQL.
    Rows are written in key order, so that two writers lock shared counters in the same order and never deadlock.
    """
    rows = sorted((key, delta) for key, delta in deltas.items() if delta)
    if not rows:
        return
    quote = connection.ops.quote_name
    table = quote(Aggregate._meta.db_table)
    keys = ", ".join(quote(Aggregate._meta.get_field(name).column) for name in KEY_FIELDS)
    count = quote("count")
    for start in range(0, len(rows), UPSERT_BATCH):
        batch = rows[start:start + UPSERT_BATCH]
        values = ", ".join(["(%s, %s, %s, %s, %s, %s, %s)"] * len(batch))
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} ({keys}, {count}) VALUES {values} "
                f"ON CONFLICT ({keys}) DO UPDATE SET {count} = {table}.{count} + EXCLUDED.{count}",
                [item for key, delta in batch for item in (*key, delta)],
            )


def adjust(counted, before, after):
    """Move the counters of ``counted`` from the keys ``before`` to the keys ``after`` (lists of leaf keys)."""
    deltas = _rolled_up(counted, after)
    deltas.update(_rolled_up(counted, before, -1))  # Counter.update adds, negatives included
    _upsert(deltas)


def _watched(records):
    """(counted, record, root finder) for each record some registered description counts."""
    for record in records:
        for counted in _COUNTED.values():
            root = counted.roots.get(type(record))
            if root is not None:
                yield counted, record, root


@contextlib.contextmanager
def tracking(*records):
    """Keep the counters of ``records``' roots in step with what the block changes (inside its transaction).

    A block inside another that tracks the same root does nothing: the outer one counts the whole change once.
    A new record (no key yet) counted nothing before. When the block raises, nothing is counted: the
    transaction it runs in rolls the records back as well. Inside ``deferred()`` it reads nothing: the block's end
    recounts."""
    if getattr(_tracked, "deferred", False):
        with transaction.atomic():
            yield
        return
    active = _tracked.__dict__.setdefault("roots", set())
    mine = []
    with transaction.atomic():
        for counted, record, root in _watched(records):
            pk = root(record)
            marker = (counted.name, pk if pk is not None else ("new", id(record)))
            if marker in active:
                continue
            active.add(marker)
            if pk is not None:
                counted.lock([pk])
            mine.append((counted, record, root, marker, counted.contributions([pk]).get(pk, []) if pk is not None else []))
        try:
            yield
            for counted, record, root, _marker, before in mine:
                pk = root(record)
                after = counted.contributions([pk]).get(pk, []) if pk is not None else []
                adjust(counted, before, after)
        finally:
            for *_rest, marker, _before in mine:
                active.discard(marker)


@contextlib.contextmanager
def deferred():
    """Count nothing change by change inside the block, then recount every description from the records
    (``rebuild``) at its end, in the same transaction: for a build that writes thousands of records through the
    services (the demo), where reading each root's keys before and after every change costs far more than one
    recount. A block inside another defers to the outer one."""
    if getattr(_tracked, "deferred", False):
        yield
        return
    _tracked.deferred = True
    try:
        with transaction.atomic():
            yield
            _tracked.deferred = False
            rebuild()
    finally:
        _tracked.deferred = False


def tracks(parameter):
    """Decorate a service so that the record it receives as ``parameter`` is tracked (``tracking``) for the whole
    call: ``@aggregates.tracks("initiative")``."""
    def decorate(service):
        signature = inspect.signature(service)

        @functools.wraps(service)
        def tracked(*args, **kwargs):
            record = signature.bind(*args, **kwargs).arguments[parameter]
            with tracking(record):
                return service(*args, **kwargs)
        return tracked
    return decorate


def rebuild(names=None):
    """Recount the counters of ``names`` (every registered description by default) from the records; running it
    twice changes nothing. Returns {name: rows written}."""
    written = {}
    for counted in _COUNTED.values():
        if names is not None and counted.name not in names:
            continue
        with transaction.atomic():
            # Writing first takes SQLite's write lock; PostgreSQL's table lock waits for writers that counted
            # already and holds back new ones, whose changes are then added to the fresh counts.
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute(f"LOCK TABLE {connection.ops.quote_name(Aggregate._meta.db_table)} IN EXCLUSIVE MODE")
            Aggregate.objects.filter(counted=counted.name).delete()
            leaves = collections.Counter()
            for pks in counted.chunks():
                for keys in counted.contributions(pks).values():
                    leaves.update(keys)
            rows = _rolled_up(counted, leaves)
            Aggregate.objects.bulk_create(
                (Aggregate(**dict(zip(KEY_FIELDS, key)), count=number) for key, number in rows.items() if number),
                batch_size=UPSERT_BATCH,
            )
            written[counted.name] = sum(1 for number in rows.values() if number)
    return written


def move_subtree(old_path, new_path):
    """A unit moved from ``old_path`` to ``new_path`` (under another parent): its subtree's counters follow it,
    and the units above it lose or gain the subtree's totals."""
    if old_path == new_path or not _COUNTED:
        return
    totals = list(Aggregate.objects.filter(path=old_path).values_list(*KEY_FIELDS, "count"))
    left = set(prefixes(old_path)[:-1]) - set(prefixes(new_path))
    joined = set(prefixes(new_path)[:-1]) - set(prefixes(old_path))
    deltas = collections.Counter()
    for counted, _path, *rest, number in totals:
        for prefix in left:
            deltas[(counted, prefix, *rest)] -= number
        for prefix in joined:
            deltas[(counted, prefix, *rest)] += number
    _upsert(deltas)
    Aggregate.objects.filter(path__startswith=old_path).update(
        path=Concat(Value(new_path), Substr("path", len(old_path) + 1), output_field=models.CharField()))


def counts(name, paths, dimensions, **filters):
    """``{(dimension, year, value, state): total}`` of ``name`` summed over the disjoint subtrees ``paths``,
    for ``dimensions`` (one query)."""
    rows = (Aggregate.objects.filter(counted=name, path__in=list(paths), dimension__in=list(dimensions), **filters)
            .values_list("dimension", "year", "value", "state").annotate(total=Sum("count")).order_by())
    return {(dimension, year, value, state): total for dimension, year, value, state, total in rows}
