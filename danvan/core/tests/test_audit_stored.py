"""An update's audit entry is diffed against the row the write path has just read under lock, not read again."""

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from danvan.core.choices import Role
from danvan.core.services import save_record
from danvan.movement import services as movement
from danvan.movement.choices import Status
from danvan.movement.models import Initiative
from danvan.movement.tests.factories import InitiativeFactory


def latest_changes(record):
    return LogEntry.objects.get_for_object(record).order_by("-pk").first().changes_dict


def reads_of(queries, table):
    return [query["sql"] for query in queries if query["sql"].startswith("SELECT") and f'FROM "{table}"' in query["sql"]]


def test_an_edit_logs_what_it_changed_from_the_row_it_locked_reading_it_once(tree, make_user):
    editor = make_user(tree.cc1, Role.EDITOR)
    initiative = Initiative.objects.get(pk=InitiativeFactory(unit=tree.cc1, name="Tổ tự quản").pk)
    initiative.name = "Tổ tự quản đường làng"
    with CaptureQueriesContext(connection) as queries:
        save_record(editor, initiative)
    assert latest_changes(initiative)["name"] == ["Tổ tự quản", "Tổ tự quản đường làng"]
    assert len(reads_of(queries, Initiative._meta.db_table)) == 1  # the locking read of merge_with_current


def test_a_move_logs_the_stored_status_it_moved_from(tree, make_user):
    approver = make_user(tree.cc1, Role.APPROVER)
    initiative = InitiativeFactory(unit=tree.cc1, status=Status.SUBMITTED)
    movement.approve_registration(approver, initiative)
    assert latest_changes(initiative)["status"] == [Status.SUBMITTED.value, Status.REGISTERED.value]


def test_a_save_after_the_row_moved_on_reads_it_again(tree, make_user):
    """A second save of the same record without the write path (the row locked before is no longer what is stored)."""
    editor = make_user(tree.cc1, Role.EDITOR)
    initiative = Initiative.objects.get(pk=InitiativeFactory(unit=tree.cc1, goals="Một").pk)
    initiative.goals = "Hai"
    save_record(editor, initiative)
    initiative.goals = "Ba"
    initiative.save()
    assert latest_changes(initiative)["goals"] == ["Hai", "Ba"]


def test_a_write_refused_after_its_locking_read_leaves_nothing_for_a_later_save(tree, make_user):
    editor = make_user(tree.cc1, Role.EDITOR)
    initiative = Initiative.objects.get(pk=InitiativeFactory(unit=tree.cc1, goals="Một").pk)
    initiative.name = ""  # refused by validation, after merge_with_current read the row
    with pytest.raises(ValidationError):
        save_record(editor, initiative)
    Initiative.objects.filter(pk=initiative.pk).update(goals="Hai")  # stored since, behind the write path
    initiative.name, initiative.goals = "Tên mới", "Ba"
    initiative.save()
    assert latest_changes(initiative)["goals"] == ["Hai", "Ba"]
