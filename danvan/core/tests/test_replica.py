"""Reads from a real streaming replica of the test database, writes to the primary, own writes seen at once,
and the pages keep working when the replica stops (PostgreSQL: `danvan.core.replica` starts one)."""

from unittest import mock

import pytest
from django.db import connection, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from danvan.core import replica as replica_server
from danvan.core import routers
from danvan.organizations.models import Organization
from danvan.organizations.tests.factories import OrganizationKindFactory

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql" or not replica_server.available(),
    reason="a streaming replica needs PostgreSQL and root on this machine (CI runs it on PostgreSQL)")


@pytest.fixture
def replica(django_db_blocker):
    """A replica of the test database on its own port, as a second alias of the connections."""
    port = replica_server.start(replica_server.DEFAULT_PORT + 10)
    connections.settings[routers.REPLICA] = {**connections[routers.PRIMARY].settings_dict, "PORT": str(port)}
    routers._replica_down_until = 0.0
    # The test case refuses connections to aliases it was not told of when it started; this one came later.
    with mock.patch.object(BaseDatabaseWrapper, "ensure_connection", django_db_blocker._real_ensure_connection):
        try:
            yield port
        finally:
            connections[routers.REPLICA].close()
            del connections[routers.REPLICA]
            del connections.settings[routers.REPLICA]
            replica_server.stop(port)


def _listed(client, name):
    """The organisation list searched for ``name``: (shown?, queries the replica answered)."""
    with CaptureQueriesContext(connections[routers.REPLICA]) as on_replica:
        response = client.get(reverse("organizations:list"), {"q": name})
    assert response.status_code == 200
    return name in response.content.decode(), len(on_replica.captured_queries)


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_writer_reads_his_write_the_replica_serves_the_rest_and_a_stopped_replica_changes_nothing(
        replica, tree, make_user, login):
    editor = login(make_user(tree.cc1))
    kind = OrganizationKindFactory()
    name = "Hội Nông dân xã Bình An (ghi vào máy chính)"

    response = editor.post(reverse("organizations:create"), {"name": name, "kind": kind.pk, "unit": tree.cc1.pk})
    assert response.status_code == 302 and routers.PIN_COOKIE in response.cookies
    # Right after his write he reads from the primary, whether or not the replica has replayed it.
    assert _listed(editor, name) == (True, 0)

    del editor.cookies[routers.PIN_COOKIE]  # the pinned seconds are over
    replica_server.wait_for_replay(replica)
    shown, replica_queries = _listed(editor, name)
    assert shown and replica_queries > 0

    replica_server.stop(replica)
    shown, replica_queries = _listed(editor, name)
    assert shown and replica_queries == 0
    assert Organization.objects.filter(name=name).count() == 1


def test_without_a_replica_everything_reads_from_the_primary():
    router = routers.PrimaryReplicaRouter()
    assert not routers.replica_configured()
    assert router.db_for_read(Organization) == routers.PRIMARY
    assert router.db_for_write(Organization) == routers.PRIMARY


@pytest.mark.django_db(transaction=True)
def test_a_transaction_reads_where_it_writes():
    router = routers.PrimaryReplicaRouter()
    token = routers._replica_reads.set(True)
    try:
        assert router.db_for_read(Organization) == routers.REPLICA
        with transaction.atomic():
            assert router.db_for_read(Organization) == routers.PRIMARY
    finally:
        routers._replica_reads.reset(token)
