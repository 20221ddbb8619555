"""The API as an attacker and as two officials at once would use it: other units' records, deletes, versions."""

import threading

import pytest
from django.db import connection
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from danvan.core.choices import Role
from danvan.movement.choices import Status
from danvan.movement.models import Initiative, Recognition, Replication
from danvan.movement.tests.factories import InitiativeFactory, RecognitionFactory


def _client(user):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


@pytest.fixture
def editor(tree, make_user):
    return make_user(tree.cc1, Role.EDITOR)


def test_replicating_into_an_initiative_of_another_unit_is_refused(tree, editor):
    mine, theirs = InitiativeFactory(unit=tree.cc1), InitiativeFactory(unit=tree.cc2, name="Mô hình của Thạnh Lộc")
    response = _client(editor).post(f"/api/v1/initiatives/{mine.pk}/replicate/",
                                    {"unit": tree.h1.pk, "adopted_on": "2024-03-01", "adopter": theirs.pk}, format="json")
    assert response.status_code == 400
    assert "adopter" in response.json()
    assert not Replication.objects.exists()


def test_a_recognised_initiative_cannot_be_deleted_through_the_api(tree, editor):
    initiative = InitiativeFactory(unit=tree.cc1, status=Status.RECOGNISED)
    RecognitionFactory(initiative=initiative)
    response = _client(editor).delete(f"/api/v1/initiatives/{initiative.pk}/")
    assert response.status_code == 400
    assert initiative.get_status_display() in str(response.json())
    assert Initiative.objects.filter(pk=initiative.pk).exists() and Recognition.objects.filter(initiative=initiative).exists()


def test_a_draft_can_be_deleted_through_the_api(tree, editor):
    initiative = InitiativeFactory(unit=tree.cc1, status=Status.DRAFT)
    assert _client(editor).delete(f"/api/v1/initiatives/{initiative.pk}/").status_code == 204
    assert not Initiative.objects.filter(pk=initiative.pk).exists()


def test_an_update_answers_with_its_etag_and_a_stale_if_match_on_the_same_field_gets_412(tree, editor, make_user):
    other = make_user(tree.cc1, Role.EDITOR, first_name="Hoa")
    initiative = InitiativeFactory(unit=tree.cc1, description="cũ")
    url = f"/api/v1/initiatives/{initiative.pk}/"
    etag = _client(editor).get(url)["ETag"]
    assert etag == f'"{initiative.version}"'
    first = _client(other).patch(url, {"description": "của Hoa"}, format="json", HTTP_IF_MATCH=etag)
    assert first.status_code == 200 and first["ETag"] != etag
    second = _client(editor).patch(url, {"description": "của tôi"}, format="json", HTTP_IF_MATCH=etag)
    assert second.status_code == 412
    body = second.json()
    assert [change["field"] for change in body["changes"]] == ["description"] and body["changes"][0]["value"] == "của Hoa"
    assert "Hoa" in body["changes"][0]["by"]
    assert Initiative.objects.get(pk=initiative.pk).description == "của Hoa"
    # A stale If-Match on a field nobody else changed is merged, not refused.
    third = _client(editor).patch(url, {"goals": "mục tiêu"}, format="json", HTTP_IF_MATCH=etag)
    assert third.status_code == 200
    stored = Initiative.objects.get(pk=initiative.pk)
    assert (stored.description, stored.goals) == ("của Hoa", "mục tiêu")


def test_a_malformed_if_match_is_a_400(tree, editor):
    initiative = InitiativeFactory(unit=tree.cc1)
    response = _client(editor).patch(f"/api/v1/initiatives/{initiative.pk}/", {"goals": "x"}, format="json", HTTP_IF_MATCH="abc")
    assert response.status_code == 400 and "If-Match" in response.json()
    assert Initiative.objects.get(pk=initiative.pk).goals != "x"


def _at_once(*calls):
    """Run ``calls`` in threads released together; return their results in order."""
    barrier, results = threading.Barrier(len(calls)), [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=10)
            results[index] = call()
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index, call)) for index, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.mark.django_db(transaction=True)
def test_concurrent_patches_of_different_fields_lose_nothing(tree, make_user):
    clients = [_client(make_user(tree.cc1, Role.EDITOR)) for _ in range(2)]
    initiative = InitiativeFactory(unit=tree.cc1)
    url = f"/api/v1/initiatives/{initiative.pk}/"
    for round_number in range(10):
        results = _at_once(lambda: clients[0].patch(url, {"description": f"d{round_number}"}, format="json"),
                           lambda: clients[1].patch(url, {"goals": f"g{round_number}"}, format="json"))
        assert [result.status_code for result in results] == [200, 200]
        stored = Initiative.objects.get(pk=initiative.pk)
        assert (stored.description, stored.goals) == (f"d{round_number}", f"g{round_number}")


@pytest.mark.django_db(transaction=True)
def test_concurrent_edits_of_the_same_field_give_one_412(tree, make_user):
    clients = [_client(make_user(tree.cc1, Role.EDITOR)) for _ in range(2)]
    initiative = InitiativeFactory(unit=tree.cc1)
    url = f"/api/v1/initiatives/{initiative.pk}/"
    for round_number in range(5):
        etag = clients[0].get(url)["ETag"]
        results = _at_once(*[lambda client=client, n=n: client.patch(url, {"description": f"{round_number}-{n}"}, format="json", HTTP_IF_MATCH=etag)
                             for n, client in enumerate(clients)])
        assert sorted(result.status_code for result in results) == [200, 412]
        winner = next(n for n, result in enumerate(results) if result.status_code == 200)
        assert Initiative.objects.get(pk=initiative.pk).description == f"{round_number}-{winner}"
