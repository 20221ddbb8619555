"""Possible duplicates: rules as data, found by one set-based query, decided by an official within their units."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from danvan.core.choices import Role
from danvan.organizations.tests.factories import OrganizationFactory
from danvan.people import services
from danvan.people.models import CandidateStatus, DuplicateCandidate, DuplicateRule, DuplicateRuleField, Person, Position
from danvan.people.tests.factories import DuplicateCandidateFactory, PersonFactory, PositionFactory

D = datetime.date


def _pair(unit, **values):
    return [PersonFactory(unit=unit, full_name=name, **values) for name in ("Nguyễn Thị Hoà", "nguyen thi  hoa")]


def test_the_seeded_rules_find_the_same_name_and_birth_date_in_a_commune_and_the_same_citizen_id(tree):
    same = _pair(tree.cc1, birth_date=D(1990, 5, 2))
    PersonFactory(unit=tree.cc2, full_name="Nguyễn Thị Hoà", birth_date=D(1990, 5, 3))  # another day: no pair
    PersonFactory(unit=tree.cc2, full_name="Nguyễn Thị Hoà", birth_date=D(1990, 5, 2))  # another commune: not by rule 1
    by_id = [PersonFactory(unit=unit, full_name=name, citizen_id="087190001234") for unit, name in ((tree.cc1, "Lê Văn A"), (tree.cc2, "Lê Văn Á"))]
    with CaptureQueriesContext(connection) as queries:
        assert services.detect_duplicates() == 2
    # The rules, their fields, one INSERT … SELECT per rule and the savepoint around them, whatever the number of persons.
    assert len(queries) == 6
    pairs = {(c.first_id, c.second_id): c.rule.name for c in DuplicateCandidate.objects.select_related("rule")}
    assert pairs == {(same[0].pk, same[1].pk): "Cùng họ tên, ngày sinh và xã", (by_id[0].pk, by_id[1].pk): "Cùng số định danh cá nhân"}
    assert services.detect_duplicates() == 0  # stored once


def test_a_rule_is_data_its_weights_and_threshold_decide(tree):
    DuplicateRule.objects.update(is_active=False)
    rule = DuplicateRule.objects.create(name="Tên và năm sinh", threshold=15)
    DuplicateRuleField.objects.bulk_create([DuplicateRuleField(rule=rule, field="folded_name", weight=10),
                                            DuplicateRuleField(rule=rule, field="birth_year", weight=5)])
    _pair(tree.cc1, birth_year=1970)
    assert services.detect_duplicates() == 1
    rule.threshold = 20
    rule.save()
    DuplicateCandidate.objects.all().delete()
    assert services.detect_duplicates() == 0


def test_a_pair_marked_different_is_never_proposed_again(tree, make_user):
    first, second = _pair(tree.cc1, birth_date=D(1990, 5, 2))
    services.detect_duplicates()
    candidate = DuplicateCandidate.objects.get()
    services.mark_different(make_user(unit=tree.cc1), candidate)
    assert services.detect_duplicates() == 0
    assert DuplicateCandidate.objects.get().status == CandidateStatus.DIFFERENT
    with pytest.raises(ValidationError):
        services.mark_different(make_user(unit=tree.cc1), DuplicateCandidate.objects.get())


def test_a_merge_moves_titles_to_the_kept_person_fills_its_blanks_and_is_audited(tree, make_user):
    from auditlog.models import LogEntry

    keep = PersonFactory(unit=tree.cc1, full_name="Trần Văn Ba", birth_year=None)
    other = PersonFactory(unit=tree.cc1, full_name="Tran Van Ba", birth_year=1965, occupation_group="farmer")
    title = PositionFactory(person=other, organization=OrganizationFactory(unit=tree.cc1))
    candidate = DuplicateCandidateFactory(first=keep, second=other)
    services.merge_persons(make_user(unit=tree.cc1), candidate, keep)
    keep.refresh_from_db()
    assert (keep.birth_year, keep.occupation_group) == (1965, "farmer")
    assert Position.objects.get(pk=title.pk).person_id == keep.pk
    assert not Person.objects.filter(pk=other.pk).exists()
    assert LogEntry.objects.get_for_object(Position.objects.get(pk=title.pk)).filter(action=LogEntry.Action.UPDATE).exists()


def test_a_merge_is_refused_to_a_viewer_and_outside_the_users_units_and_keeps_one_of_the_pair(tree, make_user):
    candidate = DuplicateCandidateFactory(first=PersonFactory(unit=tree.cc1), second=PersonFactory(unit=tree.cc1))
    with pytest.raises(PermissionDenied):
        services.merge_persons(make_user(unit=tree.cc1, role=Role.VIEWER), candidate, candidate.first)
    with pytest.raises(ValidationError):
        services.merge_persons(make_user(unit=tree.cc2), candidate, candidate.first)
    with pytest.raises(ValidationError) as caught:
        services.merge_persons(make_user(unit=tree.cc1), candidate, PersonFactory(unit=tree.cc1))
    assert "keep" in caught.value.message_dict
    assert Person.objects.filter(pk__in=[candidate.first_id, candidate.second_id]).count() == 2


def test_the_review_screen_lists_only_pairs_within_the_users_units_and_merges_through_the_form(tree, make_user, login):
    mine = DuplicateCandidateFactory(first=PersonFactory(unit=tree.cc1, full_name="Phạm Thị Tư"),
                                     second=PersonFactory(unit=tree.cc1, full_name="Pham Thi Tu"))
    across = DuplicateCandidateFactory(first=PersonFactory(unit=tree.cc1, full_name="Võ Văn Năm"),
                                       second=PersonFactory(unit=tree.cc2, full_name="Vo Van Nam"))
    client = login(make_user(unit=tree.cc1))
    page = client.get(reverse("people:duplicates")).content.decode()
    assert "Phạm Thị Tư" in page and "Vo Van Nam" not in page
    assert client.get(reverse("people:duplicate", args=[across.pk])).status_code == 404
    response = client.post(reverse("people:duplicate", args=[mine.pk]), {"decision": ""})
    assert response.status_code == 200 and Person.objects.filter(pk=mine.second_id).exists()
    response = client.post(reverse("people:duplicate", args=[mine.pk]), {"decision": "keep_first"})
    assert response.status_code == 302
    assert not Person.objects.filter(pk=mine.second_id).exists()
