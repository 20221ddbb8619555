"""Reads from a PostgreSQL replica where one is configured, writes to the primary, and nobody misses their own write.

Only a page read (GET, HEAD) reads from the replica, and only when the reader wrote nothing in the last
seconds (a cookie pins them to the primary for ``DANVAN_REPLICA_PIN_SECONDS`` after any other method):
the replica replays the primary's changes a moment later, and an official who has just saved must see
what he saved. A transaction reads where it writes. A replica that stops answering is left alone for a
while and the primary serves the reads, with no error for the reader.
"""

import contextvars
import time

from django.conf import settings
from django.db import DatabaseError, connections

REPLICA = "replica"
PRIMARY = "default"
PIN_COOKIE = "danvan_primary_until"
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
_RETRY_SECONDS = 30

_replica_reads = contextvars.ContextVar("danvan_replica_reads", default=False)
_replica_down_until = 0.0


def replica_configured():
    return REPLICA in connections


def _replica_answers():
    """Whether the replica answers now; after a failure it is not asked again for a while."""
    global _replica_down_until
    if time.monotonic() < _replica_down_until:
        return False
    replica = connections[REPLICA]
    try:
        replica.ensure_connection()
        if replica.is_usable():
            return True
    except DatabaseError:
        pass
    replica.close_if_unusable_or_obsolete()
    replica.connection = None
    _replica_down_until = time.monotonic() + _RETRY_SECONDS
    return False


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        if _replica_reads.get() and not connections[PRIMARY].in_atomic_block:
            return REPLICA
        return PRIMARY

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, first, second, **hints):
        return {first._state.db, second._state.db} <= {PRIMARY, REPLICA, None}

    def allow_migrate(self, db, app_label, **hints):
        return db == PRIMARY


class ReplicaReadsMiddleware:
    """Sets, for one request, whether its reads may go to the replica; pins a writer to the primary."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        reads = request.method in SAFE_METHODS and not self._pinned(request) and replica_configured() and _replica_answers()
        token = _replica_reads.set(reads)
        try:
            response = self.get_response(request)
        finally:
            _replica_reads.reset(token)
        if request.method not in SAFE_METHODS and replica_configured():
            seconds = settings.DANVAN_REPLICA_PIN_SECONDS
            response.set_cookie(PIN_COOKIE, str(time.time() + seconds), max_age=seconds, httponly=True,
                                samesite="Lax", secure=request.is_secure())
        return response

    @staticmethod
    def _pinned(request):
        try:
            return float(request.COOKIES.get(PIN_COOKIE, "0")) > time.time()
        except ValueError:
            return False
