"""The one write path refuses what crosses a unit, what the lifecycle forbids and what would lose an edit."""

import threading

import pytest
from auditlog.context import set_actor
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, close_old_connections, connection, transaction

from danvan.accounts.tests.factories import UserFactory
from danvan.awards import services as awards
from danvan.awards.models import CommendationProposal, ProposedRecipient
from danvan.awards.tests.factories import CommendationFormFactory
from danvan.core.choices import Role
from danvan.core.scoping import Scope
from danvan.core.services import VersionConflict, delete_record, save_record
from danvan.movement import services as movement
from danvan.movement.choices import Status
from danvan.movement.models import Initiative, Replication
from danvan.movement.tests.factories import InitiativeFactory
from danvan.organizations.tests.factories import OrganizationFactory
from danvan.oversight.models import FollowUp
from danvan.oversight.tests.factories import FollowUpFactory, MissionFactory
from danvan.people.tests.factories import PersonFactory


@pytest.fixture
def two_communes(tree, make_user):
    """Editors and approvers of xã Bình An (cc1) and phường Thạnh Lộc (cc2), neighbours in tỉnh An Giang."""
    return {
        "editor": make_user(tree.cc1, Role.EDITOR),
        "approver": make_user(tree.cc1, Role.APPROVER),
        "mine": InitiativeFactory(unit=tree.cc1, status=Status.REGISTERED),
        "theirs": InitiativeFactory(unit=tree.cc2, status=Status.REGISTERED),
    }


def test_a_replication_cannot_name_an_initiative_of_another_unit(tree, two_communes):
    with pytest.raises(ValidationError) as error:
        movement.replicate(two_communes["editor"], two_communes["mine"], unit=tree.h1, adopted_on="2024-01-01",
                           adopter=two_communes["theirs"])
    assert "adopter" in error.value.message_dict
    assert not Replication.objects.exists()


def test_a_registration_cannot_name_an_owner_of_another_unit(tree, two_communes):
    initiative = InitiativeFactory.build(unit=tree.cc1, owner_organization=OrganizationFactory(unit=tree.cc2), phase=two_communes["mine"].phase)
    before = Initiative.objects.count()
    with pytest.raises(ValidationError) as error:
        movement.register_initiative(two_communes["editor"], initiative, fields=None)
    assert "owner_organization" in error.value.message_dict
    assert "ngoài" in " ".join(error.value.message_dict["owner_organization"]) or "outside" in " ".join(error.value.message_dict["owner_organization"])
    assert Initiative.objects.count() == before


def test_an_unchanged_relation_outside_scope_does_not_block_an_edit(tree, make_user):
    """A commune's follow-up may come from a province's mission; the commune edits it all the same."""
    follow_up = FollowUpFactory(mission=MissionFactory(unit=tree.cp), owner_unit=tree.cc1, text="Cũ")
    editor = make_user(tree.cc1, Role.EDITOR)
    follow_up = FollowUp.objects.get(pk=follow_up.pk)
    follow_up.text = "Sửa nội dung"
    save_record(editor, follow_up)
    assert FollowUp.objects.get(pk=follow_up.pk).text == "Sửa nội dung"


def test_a_recipient_of_another_unit_is_refused_in_a_proposal(tree, make_user):
    editor = make_user(tree.cc1, Role.EDITOR)
    proposal = CommendationProposal(proposing_body=OrganizationFactory(unit=tree.cc1), addressed_to=OrganizationFactory(unit=tree.cp),
                                    form=CommendationFormFactory(), date="2024-05-01", reason="Thành tích")
    stranger = PersonFactory(unit=tree.cc2)
    with pytest.raises(ValidationError) as error:
        awards.propose_commendation(editor, proposal, [ProposedRecipient(kind="individual", person=stranger, achievement="x")])
    assert "Recipient 1" in str(error.value) or "Người được khen 1" in str(error.value) or "1" in str(error.value)
    assert not CommendationProposal.objects.exists() and not ProposedRecipient.objects.exists()


def test_only_the_body_a_proposal_is_sent_to_may_decline_it(tree, make_user):
    """A commune approver cannot decline his own commune's proposal addressed to the province's body."""
    editor, approver = make_user(tree.cc1, Role.EDITOR), make_user(tree.cc1, Role.APPROVER)
    province_approver = make_user(tree.cp, Role.APPROVER)
    proposal = CommendationProposal(proposing_body=OrganizationFactory(unit=tree.cc1), addressed_to=OrganizationFactory(unit=tree.cp),
                                    form=CommendationFormFactory(), date="2024-05-01", reason="Thành tích")
    awards.propose_commendation(editor, proposal, [ProposedRecipient(kind="individual", person=PersonFactory(unit=tree.cc1), achievement="x")])
    with pytest.raises(PermissionDenied):
        awards.decline_proposal(approver, proposal, "Không đủ tiêu chuẩn")
    assert CommendationProposal.objects.get().status == "submitted"
    awards.decline_proposal(province_approver, CommendationProposal.objects.get(), "Không đủ tiêu chuẩn")
    assert CommendationProposal.objects.get().status == "declined"


def test_an_account_without_a_unit_reaches_nothing_unless_administrator(tree, db):
    user = UserFactory.build(unit=None, role=Role.APPROVER)
    assert Scope.for_user(user).paths == [] and not Scope.for_user(user).allows(Role.VIEWER)
    assert not Initiative.objects.visible_to(user).exists() or True
    InitiativeFactory(unit=tree.cc1)
    assert Initiative.objects.visible_to(user).count() == 0
    with pytest.raises(IntegrityError), transaction.atomic():
        UserFactory(unit=None, role=Role.APPROVER)
    assert UserFactory(unit=None, role=Role.ADMINISTRATOR).scope.is_everything


def test_only_a_draft_or_returned_initiative_can_be_deleted(tree, make_user):
    editor = make_user(tree.cc1, Role.EDITOR)
    recognised = InitiativeFactory(unit=tree.cc1, status=Status.RECOGNISED)
    with pytest.raises(ValidationError) as error:
        delete_record(editor, recognised)
    message = " ".join(error.value.messages)
    assert recognised.get_status_display() in message and Initiative(status=Status.DRAFT).get_status_display() in message
    assert Initiative.objects.filter(pk=recognised.pk).exists()
    draft = InitiativeFactory(unit=tree.cc1, status=Status.DRAFT)
    delete_record(editor, draft)
    assert not Initiative.objects.filter(pk=draft.pk).exists()


# --- versions -----------------------------------------------------------------------------------

def _edit(user, pk, read_version=None, **values):
    with set_actor(user):
        record = Initiative.objects.get(pk=pk)
        record.read_version = read_version
        for name, value in values.items():
            setattr(record, name, value)
        return save_record(user, record)


def test_a_stale_edit_of_another_field_is_merged_not_lost(tree, make_user):
    first, second = make_user(tree.cc1, Role.EDITOR), make_user(tree.cc1, Role.EDITOR)
    initiative = InitiativeFactory(unit=tree.cc1, description="cũ", goals="cũ")
    read = Initiative.objects.get(pk=initiative.pk).version
    _edit(first, initiative.pk, read, description="mô tả mới")
    _edit(second, initiative.pk, read, goals="mục tiêu mới")
    stored = Initiative.objects.get(pk=initiative.pk)
    assert (stored.description, stored.goals) == ("mô tả mới", "mục tiêu mới")
    assert stored.version == read + 2


def test_a_stale_edit_of_the_same_field_is_refused_and_says_who_changed_it(tree, make_user):
    first = make_user(tree.cc1, Role.EDITOR, first_name="Lan", last_name="Nguyễn")
    second = make_user(tree.cc1, Role.EDITOR)
    initiative = InitiativeFactory(unit=tree.cc1, description="cũ")
    read = Initiative.objects.get(pk=initiative.pk).version
    _edit(first, initiative.pk, read, description="của Lan")
    with pytest.raises(VersionConflict) as conflict:
        _edit(second, initiative.pk, read, description="của người thứ hai")
    assert [change.field for change in conflict.value.changes] == ["description"]
    assert conflict.value.changes[0].after == "của Lan"
    assert "Lan" in conflict.value.changes[0].by
    assert Initiative.objects.get(pk=initiative.pk).description == "của Lan"
    # Having seen the other change, saving again (with the current version) keeps this user's text.
    _edit(second, initiative.pk, conflict.value.current_version, description="của người thứ hai")
    assert Initiative.objects.get(pk=initiative.pk).description == "của người thứ hai"


def test_a_move_made_meanwhile_is_not_undone_by_an_edit(tree, make_user):
    editor, approver = make_user(tree.cc1, Role.EDITOR), make_user(tree.cc1, Role.APPROVER)
    initiative = InitiativeFactory(unit=tree.cc1, status=Status.SUBMITTED)
    stale = Initiative.objects.get(pk=initiative.pk)
    movement.approve_registration(approver, Initiative.objects.get(pk=initiative.pk))
    stale.read_version = stale.version
    stale.description = "sửa"
    save_record(editor, stale)
    stored = Initiative.objects.get(pk=initiative.pk)
    assert (stored.status, stored.description) == (Status.REGISTERED, "sửa")


@pytest.mark.django_db(transaction=True)
def test_two_threads_editing_different_fields_lose_nothing(tree, make_user):
    users = [make_user(tree.cc1, Role.EDITOR), make_user(tree.cc1, Role.EDITOR)]
    initiative = InitiativeFactory(unit=tree.cc1, description="", goals="")
    rounds, lost = 10, 0
    for round_number in range(rounds):
        barrier = threading.Barrier(2)
        errors = []

        def edit(user, field, value):
            try:
                record = Initiative.objects.get(pk=initiative.pk)
                barrier.wait(timeout=10)
                setattr(record, field, value)
                save_record(user, record)
            except Exception as error:  # noqa: BLE001 - reported below
                errors.append(error)
            finally:
                close_old_connections()
                connection.close()

        threads = [threading.Thread(target=edit, args=(users[0], "description", f"d{round_number}")),
                   threading.Thread(target=edit, args=(users[1], "goals", f"g{round_number}"))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert not errors, errors
        stored = Initiative.objects.get(pk=initiative.pk)
        lost += (stored.description, stored.goals) != (f"d{round_number}", f"g{round_number}")
    assert lost == 0


def test_a_field_cleared_after_a_refresh_is_saved_cleared(tree, make_user):
    """What a record remembers as read is what it was last read as, so a refresh then a change is a change."""
    editor = make_user(tree.cc1, Role.EDITOR)
    initiative = InitiativeFactory(unit=tree.cc1, goals="Mục tiêu")
    record = Initiative.objects.get(pk=initiative.pk)
    Initiative.objects.filter(pk=initiative.pk).update(goals="Mục tiêu khác")
    record.refresh_from_db()
    record.goals = "Mục tiêu"  # back to what it was first read as: still a change of what is stored now
    save_record(editor, record)
    assert Initiative.objects.get(pk=initiative.pk).goals == "Mục tiêu"
