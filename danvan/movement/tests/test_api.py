"""The movement's API: scoping, transitions refused with 400/403, and the statistics keys of the issue."""



from danvan.awards.tests.factories import RecipientFactory
from danvan.core.choices import Role
from danvan.movement.choices import InitiativeKind, RecognitionLevel, Status
from danvan.movement.models import Initiative
from danvan.movement.tests.factories import FieldFactory, InitiativeFactory, PhaseFactory, RecognitionFactory, ReplicationFactory
from danvan.organizations.tests.factories import OrganizationFactory

STATS = "/api/v1/initiatives/stats/"


def test_the_list_shows_only_initiatives_in_scope(tree, make_user, login):
    mine = InitiativeFactory(unit=tree.lc1)
    InitiativeFactory(unit=tree.lc2)
    client = login(make_user(unit=tree.lc1, role=Role.VIEWER))
    assert [row["id"] for row in client.get("/api/v1/initiatives/").json()["results"]] == [mine.pk]


def test_creating_through_the_api_uses_the_registration_rules(tree, make_user, login):
    client = login(make_user(unit=tree.lc1, role=Role.EDITOR))
    owner = OrganizationFactory(unit=tree.lc1)
    payload = {"name": "Tổ dần đổi công", "kind": "model", "holder": "collective", "fields": [FieldFactory().pk],
               "owner_organization": owner.pk, "unit": tree.lc1.pk, "phase": PhaseFactory().pk, "registration_year": 2018}
    assert client.post("/api/v1/initiatives/", payload, content_type="application/json").status_code == 201
    duplicate = client.post("/api/v1/initiatives/", {**payload, "name": "TO DAN DOI CONG"}, content_type="application/json")
    assert duplicate.status_code == 400 and "name" in duplicate.json()
    bad_year = client.post("/api/v1/initiatives/", {**payload, "name": "Khác", "registration_year": 2023}, content_type="application/json")
    assert bad_year.status_code == 400 and "registration_year" in bad_year.json()
    assert Initiative.objects.count() == 1
    confirmed = client.post("/api/v1/initiatives/", {**payload, "confirm_duplicate": True}, content_type="application/json")
    assert confirmed.status_code == 201 and confirmed.json()["status"] == Status.DRAFT


def test_a_transition_is_a_post_refused_with_400_or_403(tree, make_user, login):
    initiative = InitiativeFactory(unit=tree.lc1, status=Status.SUBMITTED)
    url = f"/api/v1/initiatives/{initiative.pk}/transition/"
    editor = login(make_user(unit=tree.lc1, role=Role.EDITOR))
    assert editor.post(url, {"action": "approve"}).status_code == 403
    approver = login(make_user(unit=tree.lc1, role=Role.APPROVER))
    refused = approver.post(url, {"action": "end", "note": "x"})
    assert refused.status_code == 400 and refused.json()["detail"]
    no_reason = approver.post(url, {"action": "return"})
    assert no_reason.status_code == 400 and "note" in no_reason.json()
    done = approver.post(url, {"action": "approve"})
    assert done.status_code == 200 and done.json()["status"] == Status.REGISTERED


def test_recognition_above_the_approvers_level_is_refused(tree, make_user, login):
    initiative = InitiativeFactory(unit=tree.lc1, status=Status.UNDER_APPRAISAL)
    client = login(make_user(unit=tree.lc1, role=Role.APPROVER))
    url = f"/api/v1/initiatives/{initiative.pk}/recognise/"
    refused = client.post(url, {"level": RecognitionLevel.DISTRICT, "year": 2019, "decided_on": "2019-12-01"})
    assert refused.status_code == 400 and "level" in refused.json()
    assert client.post(url, {"level": RecognitionLevel.COMMUNE, "year": 2019, "decided_on": "2019-12-01", "outstanding": True}).status_code == 201
    assert client.get("/api/v1/recognitions/").json()["count"] == 1


def test_another_communes_initiative_answers_404(tree, make_user, login):
    elsewhere = InitiativeFactory(unit=tree.lc2, status=Status.SUBMITTED)
    client = login(make_user(unit=tree.lc1, role=Role.APPROVER))
    assert client.post(f"/api/v1/initiatives/{elsewhere.pk}/transition/", {"action": "approve"}).status_code == 404


def test_stats_have_the_keys_of_the_issue_and_count_legacy_records_under_the_current_province(tree, make_user, login):
    # Legacy xã Mong Thọ (lc2) became part of today's xã Bình An, in today's tỉnh An Giang (cp).
    InitiativeFactory.create_batch(3, unit=tree.lc2, registration_year=2019)
    InitiativeFactory(unit=tree.lc2, registration_year=2016, kind=InitiativeKind.EXEMPLAR, holder="individual")
    InitiativeFactory(unit=tree.lc2, registration_year=2019, status=Status.DRAFT)  # not registered
    InitiativeFactory(unit=tree.lc3, registration_year=2019)  # another province
    InitiativeFactory(unit=tree.lc2, registration_year=2014, phase=PhaseFactory(start_year=2011, end_year=2015))
    recognised = RecognitionFactory(initiative__unit=tree.lc2, initiative__registration_year=2018, year=2019, outstanding=True)
    RecognitionFactory(initiative=recognised.initiative, level=RecognitionLevel.DISTRICT, year=2020)
    ReplicationFactory(origin=recognised.initiative, unit=tree.cc1)
    ReplicationFactory(origin=recognised.initiative, unit=tree.h1)
    RecipientFactory(decision__issuing_body=OrganizationFactory(unit=tree.lc2))
    client = login(make_user(unit=tree.cp, role=Role.VIEWER))
    stats = client.get(STATS, {"unit": tree.cp.pk, "from_year": 2016, "to_year": 2020}).json()
    assert stats["registered"] == 5
    assert stats["recognized_by_level"] == {"commune": 1, "district": 1, "province": 0, "central": 0}
    assert stats["by_kind"] == {"model": 4, "exemplar": 1}
    assert stats["by_holder"] == {"collective": 4, "individual": 1}
    assert stats["by_field"]["kinh-te"] == 5
    assert (stats["replicated"], stats["replication_places"], stats["outstanding"], stats["commended"]) == (1, 2, 1, 1)
    assert stats["previous_period"]["registered"] == 1 and stats["previous_period"]["change"] == 4
    assert stats["typical"][0]["name"] == recognised.initiative.name


def test_stats_of_a_unit_outside_the_scope_answer_404_and_bad_years_400(tree, make_user, login):
    client = login(make_user(unit=tree.lc1, role=Role.VIEWER))
    assert client.get(STATS, {"unit": tree.lc2.pk}).status_code == 404
    assert client.get(STATS, {"unit": tree.lc1.pk, "from_year": "abc"}).status_code == 400
    assert client.get(STATS, {"unit": tree.lc1.pk, "from_year": 2020, "to_year": 2016}).status_code == 400


def test_stats_cost_a_fixed_number_of_queries_whatever_the_data(tree, make_user, login):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login(make_user(unit=tree.cp, role=Role.VIEWER))
    counts = []
    for size in (2, 6):
        for _ in range(size):
            recognition = RecognitionFactory(initiative__unit=tree.lc2, year=2019, outstanding=True)
            ReplicationFactory(origin=recognition.initiative, unit=tree.cc1)
            RecipientFactory(decision__issuing_body=OrganizationFactory(unit=tree.lc2), initiative=recognition.initiative)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(STATS, {"unit": tree.cp.pk, "from_year": 2016, "to_year": 2020}).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 18
