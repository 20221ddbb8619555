"""Hot cases, repeat petitions and escalation: scoping of every relation, settle and reopen, merge rules,
the overviews that show a case until it is settled, pages and API for each role and another unit."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from danvan.core.choices import Role
from danvan.core.tests.cases import ApiCases, MARKER, PageCases
from danvan.engagement import services
from danvan.engagement.models import HotCase, HotCaseEvent, Petition
from danvan.engagement.tests.factories import HotCaseEventFactory, HotCaseFactory, PetitionFactory, chair_of
from danvan.people.tests.factories import PersonFactory

OPENED = datetime.date(2025, 9, 1)


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


def vietnamese_message(error, field=None):
    messages = error.value.message_dict[field] if field else error.value.messages
    assert messages and not any(message.isascii() for message in messages), messages
    return " ".join(messages)


# --- the case itself ------------------------------------------------------------------------------

@pytest.mark.django_db
def test_a_case_takes_its_leaders_title_and_refuses_someone_without_one(tree, make_user):
    editor = make_user(tree.cc1)
    case = services.record_case(editor, HotCase(unit=tree.cc1, name="Chợ Mỹ Lồng", leader=chair_of(tree.cc1, "Chủ tịch UBND xã"), opened_on=OPENED))
    assert case.leader_title == "Chủ tịch UBND xã" and not case.settled
    with pytest.raises(ValidationError) as error:
        services.record_case(editor, HotCase(unit=tree.cc1, name="Lò bún", leader=PersonFactory(unit=tree.cc1), opened_on=OPENED))
    assert "không giữ chức vụ" in vietnamese_message(error, "leader")
    assert HotCase.objects.count() == 1


@pytest.mark.django_db
def test_a_case_of_another_unit_or_led_from_another_unit_is_refused(tree, make_user):
    editor = make_user(tree.cc1)
    for case in (HotCase(unit=tree.cc2, name="Ngoài phạm vi", leader=chair_of(tree.cc2), opened_on=OPENED),
                 HotCase(unit=tree.cc1, name="Người ngoài", leader=chair_of(tree.cc2), opened_on=OPENED)):
        with pytest.raises(ValidationError) as error:
            services.record_case(editor, case)
        vietnamese_message(error)
    assert not HotCase.objects.exists()


@pytest.mark.django_db
def test_settle_and_reopen(tree, make_user):
    editor = make_user(tree.cc1)
    case = HotCaseFactory(unit=tree.cc1)
    with pytest.raises(ValidationError) as error:
        services.settle_case(editor, case, "  ")
    assert vietnamese_message(error, "settlement")
    with pytest.raises(ValidationError) as error:
        services.settle_case(editor, case, "Đã bố trí lại sạp", on=OPENED - datetime.timedelta(days=1))
    vietnamese_message(error, "settled_on")
    with pytest.raises(ValidationError):
        services.settle_case(editor, case, "Đã bố trí lại sạp", on=datetime.date.today() + datetime.timedelta(days=1))
    case.refresh_from_db()
    assert not case.settled
    services.settle_case(editor, case, "Đã bố trí lại sạp cho tiểu thương", on=datetime.date(2025, 10, 1))
    case.refresh_from_db()
    assert case.settled and case.settled_on == datetime.date(2025, 10, 1)
    with pytest.raises(ValidationError) as error:
        services.settle_case(editor, case, "Lần nữa")
    assert "01/10/2025" in vietnamese_message(error)
    with pytest.raises(ValidationError) as error:
        services.add_case_event(editor, case, "Họp dân")
    vietnamese_message(error)
    with pytest.raises(ValidationError) as error:
        services.reopen_case(editor, case, "")
    vietnamese_message(error, "reason")
    services.reopen_case(editor, case, "Tiểu thương tiếp tục phản ánh")
    case.refresh_from_db()
    assert not case.settled and case.settlement == ""
    assert "Tiểu thương tiếp tục phản ánh" in case.events.get().text
    with pytest.raises(ValidationError):
        services.reopen_case(editor, case, "Lần nữa")


@pytest.mark.django_db
def test_the_timeline_records_who_and_refuses_an_empty_or_early_entry(tree, make_user):
    editor = make_user(tree.cc1)
    case = HotCaseFactory(unit=tree.cc1)
    event = services.add_case_event(editor, case, "Tổ công tác đối thoại với tiểu thương", on=datetime.date(2025, 9, 5))
    assert event.recorded_by == editor
    for text, on, field in (("", None, "text"), ("Sớm quá", OPENED - datetime.timedelta(days=3), "date")):
        with pytest.raises(ValidationError) as error:
            services.add_case_event(editor, case, text, on=on)
        vietnamese_message(error, field)
    assert case.events.count() == 1


@pytest.mark.django_db
def test_a_viewer_changes_nothing(tree, make_user):
    case = HotCaseFactory(unit=tree.cc1)
    viewer = make_user(tree.cc1, role=Role.VIEWER)
    for step in (lambda: services.settle_case(viewer, case, "Xong"), lambda: services.add_case_event(viewer, case, "Họp")):
        with pytest.raises(Exception):
            step()
    case.refresh_from_db()
    assert not case.settled and not HotCaseEvent.objects.exists()


# --- petitions in a case, repeats, escalation -----------------------------------------------------

@pytest.mark.django_db
def test_a_petition_joins_a_case_of_its_unit_or_above_only(tree, make_user):
    editor = make_user(tree.cp)
    petition = PetitionFactory(unit=tree.cc1)
    services.link_petition(editor, petition, HotCaseFactory(unit=tree.cp))
    other_commune = HotCaseFactory(unit=tree.cc2)
    with pytest.raises(ValidationError) as error:
        services.link_petition(editor, petition, other_commune)
    assert "Thạnh Lộc" in vietnamese_message(error, "case")
    petition.refresh_from_db()
    assert petition.case.unit == tree.cp
    services.link_petition(editor, petition, None)
    petition.refresh_from_db()
    assert petition.case is None


@pytest.mark.django_db
def test_another_units_records_in_each_related_field_are_refused(tree, make_user):
    editor = make_user(tree.cc1)
    mine, theirs = PetitionFactory(unit=tree.cc1), PetitionFactory(unit=tree.cc2)
    their_case, my_case = HotCaseFactory(unit=tree.cc2), HotCaseFactory(unit=tree.cc1)
    attempts = [
        (lambda: services.link_petition(editor, mine, their_case), "case"),
        (lambda: services.link_petition(editor, theirs, my_case), "case"),
        (lambda: services.merge_petitions(editor, mine, [theirs]), "repeats"),
        (lambda: services.merge_petitions(editor, theirs, [mine]), "repeats"),
    ]
    for attempt, field in attempts:
        with pytest.raises(ValidationError) as error:
            attempt()
        vietnamese_message(error, field)
    assert not Petition.objects.filter(case__isnull=False).exists() and not Petition.objects.filter(repeat_of__isnull=False).exists()
    with pytest.raises(ValidationError):
        services.add_case_event(editor, their_case, "Không phải của tôi")
    assert not HotCaseEvent.objects.exists()


@pytest.mark.django_db
def test_repeats_are_merged_once_and_counted_once(tree, make_user):
    editor = make_user(tree.cp)
    keep, first, second = (PetitionFactory(unit=tree.cc1) for _ in range(3))
    services.merge_petitions(editor, first, [second])
    services.merge_petitions(editor, keep, [first])
    assert set(keep.repeats.values_list("pk", flat=True)) == {first.pk, second.pk}  # never a chain
    assert list(Petition.objects.distinct_cases()) == [keep]
    for repeats in ([keep], []):
        with pytest.raises(ValidationError) as error:
            services.merge_petitions(editor, keep, repeats)
        vietnamese_message(error, "repeats")
    with pytest.raises(ValidationError):
        services.merge_petitions(editor, first, [PetitionFactory(unit=tree.cc1)])  # first is itself merged
    second.refresh_from_db()
    services.unmerge_petition(editor, second)
    assert Petition.objects.distinct_cases().count() == 3


@pytest.mark.django_db
def test_a_merge_across_units_is_refused(tree, make_user):
    editor = make_user(tree.cp)
    keep, elsewhere = PetitionFactory(unit=tree.cc1), PetitionFactory(unit=tree.cc2)
    with pytest.raises(ValidationError) as error:
        services.merge_petitions(editor, keep, [elsewhere])
    assert "Thạnh Lộc" in vietnamese_message(error, "repeats")
    elsewhere.refresh_from_db()
    assert elsewhere.repeat_of is None


@pytest.mark.django_db
def test_the_petition_page_shows_repeats_escalation_and_its_case(tree, make_user, login):
    client = login(make_user(tree.cc1))
    case = HotCaseFactory(unit=tree.cc1, name="Lò bún ấp Nghĩa Huấn")
    keep = PetitionFactory(unit=tree.cc1, is_escalated=True, case=case)
    repeat = PetitionFactory(unit=tree.cc1, repeat_of=keep)
    page = client.get(keep.get_absolute_url()).content.decode()
    assert "Vượt cấp" in page and "Đơn trùng" in page and reverse("engagement:petition-detail", args=[repeat.pk]) in page
    assert "Lò bún ấp Nghĩa Huấn" in page
    assert "Lò bún ấp Nghĩa Huấn" in client.get(case.get_absolute_url()).content.decode().replace("\n", " ")
    assert keep.content[:40] in client.get(case.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_pages_merge_and_group_and_show_refusals(tree, make_user, login):
    client = login(make_user(tree.cc1))
    keep, repeat = PetitionFactory(unit=tree.cc1), PetitionFactory(unit=tree.cc1)
    theirs = PetitionFactory(unit=tree.cc2)
    merge = reverse("engagement:petition-merge", args=[keep.pk])
    response = client.post(merge, {"repeats": [theirs.pk]})
    assert response.status_code == 200 and "Ẩnđánhdấu" not in response.content.decode()
    assert not Petition.objects.filter(repeat_of__isnull=False).exists()
    assert client.post(merge, {"repeats": [repeat.pk]}).status_code == 302
    repeat.refresh_from_db()
    assert repeat.repeat_of == keep
    case = HotCaseFactory(unit=tree.cc1)
    group = reverse("engagement:petition-case", args=[keep.pk])
    assert client.post(group, {"case": HotCaseFactory(unit=tree.cc2).pk}).status_code == 200
    assert client.post(group, {"case": case.pk}).status_code == 302
    keep.refresh_from_db()
    assert keep.case == case
    settle = reverse("engagement:case-settle", args=[case.pk])
    response = client.post(settle, {"settlement": ""})
    assert response.status_code == 200 and "Hãy ghi" in response.content.decode()
    assert client.post(settle, {"settlement": "Đã giải quyết dứt điểm", "settled_on": "01/10/2025"}).status_code == 302
    assert HotCase.objects.get(pk=case.pk).settled


# --- the overviews --------------------------------------------------------------------------------

@pytest.mark.django_db
def test_an_unsettled_case_stays_on_the_overviews_of_its_units_until_settled(tree, make_user, login):
    case = HotCaseFactory(unit=tree.h1, name="Lò bún ấp Mới")
    HotCaseFactory(unit=tree.cc2, name="Vụ việc xã khác")
    client = login(make_user(tree.cc1))
    pages = [reverse("core:home"), reverse("core:inbox"), reverse("units:detail", args=[tree.cc1.pk])]
    for url in pages:
        page = client.get(url).content.decode()
        assert "Lò bún ấp Mới" in page or "vụ việc" in page.lower(), url
        assert "Vụ việc xã khác" not in page, url
    for url in pages[1:]:
        assert "Lò bún ấp Mới" in client.get(url).content.decode(), url
    services.settle_case(make_user(tree.cc1), case, "Đã di dời lò bún", on=datetime.date(2025, 10, 1))
    for url in pages[1:]:
        assert "Lò bún ấp Mới" not in client.get(url).content.decode(), url


# --- pages and API as each role and another unit (core/tests/cases.py) -----------------------------

class HotCaseFixtures:
    model = HotCase
    unchecked = ("read_version",)

    def make(self, tree, unit):
        return HotCaseFactory(unit=unit, name=MARKER)

    def shown(self, record):
        return record.name


class TestHotCasePages(HotCaseFixtures, PageCases):
    list_route, detail_route = "engagement:case-list", "engagement:case-detail"
    create_route, update_route = "engagement:case-create", "engagement:case-update"

    def create_data(self, tree):
        return {"unit": tree.cc1.pk, "name": "Chợ Mỹ Lồng", "description": "Tiểu thương phản ánh", "leader": chair_of(tree.cc1).pk,
                "opened_on": "01/09/2025"}

    def update_data(self, tree, record):
        return {"unit": record.unit_id, "name": "Chợ Mỹ Lồng (bố trí lại sạp)", "description": "", "leader": record.leader_id,
                "opened_on": "02/09/2025", "read_version": record.version}


class TestHotCaseApi(HotCaseFixtures, ApiCases):
    api_url = "/api/v1/hot-cases/"

    def create_data(self, tree):
        return {"unit": tree.cc1.pk, "name": "Chợ Mỹ Lồng", "leader": chair_of(tree.cc1).pk, "opened_on": "2025-09-01"}

    def update_data(self, tree, record):
        return {"name": "Chợ Mỹ Lồng (bố trí lại sạp)", "opened_on": "2025-09-02"}


@pytest.mark.django_db
def test_the_api_lists_a_units_cases_and_takes_each_step(tree, make_user, login):
    client = login(make_user(tree.cc1))
    case = HotCaseFactory(unit=tree.cc1)
    HotCaseFactory(unit=tree.cc2)
    rows = client.get(f"/api/v1/hot-cases/?unit={tree.cc1.pk}").json()["results"]
    assert [(row["id"], row["settled"]) for row in rows] == [(case.pk, False)] and {"name", "leader", "opened_on", "settled_on"} <= set(rows[0])
    url = f"/api/v1/hot-cases/{case.pk}/"
    assert client.get(f"{url}settle/").json()["id"] == case.pk
    response = client.post(f"{url}event/", {"text": ""}, content_type="application/json")
    assert response.status_code == 400 and not HotCaseEvent.objects.exists()
    assert client.post(f"{url}event/", {"text": "Họp dân", "date": "2025-09-03"}, content_type="application/json").status_code == 200
    response = client.post(f"{url}settle/", {"settlement": "x" * 30_000}, content_type="application/json")
    assert response.status_code == 400
    response = client.post(f"{url}settle/", {"settlement": "Đã giải quyết", "settled_on": "2025-10-01"}, content_type="application/json")
    assert response.status_code == 200 and response.json()["settled"] is True
    assert client.get(f"/api/v1/hot-cases/?settled=false&unit={tree.cc1.pk}").json()["results"] == []
    other = HotCaseFactory(unit=tree.cc2)
    assert client.post(f"/api/v1/hot-cases/{other.pk}/settle/", {"settlement": "x"}, content_type="application/json").status_code == 404
    assert not HotCase.objects.get(pk=other.pk).settled


@pytest.mark.django_db
def test_the_api_merges_repeats_within_scope_only(tree, make_user, login):
    client = login(make_user(tree.cc1))
    keep, repeat, theirs = PetitionFactory(unit=tree.cc1), PetitionFactory(unit=tree.cc1), PetitionFactory(unit=tree.cc2)
    url = f"/api/v1/petitions/{keep.pk}/merge/"
    for payload in ({"repeats": [theirs.pk]}, {"repeats": list(range(1, 500))}, {"repeats": []}, {"repeats": "x"}):
        assert client.post(url, payload, content_type="application/json").status_code == 400, payload
    assert not Petition.objects.filter(repeat_of__isnull=False).exists()
    assert client.post(url, {"repeats": [repeat.pk]}, content_type="application/json").status_code == 200
    assert client.get(f"/api/v1/petitions/{repeat.pk}/").json()["repeat_of"] == keep.pk
    response = client.post(f"/api/v1/petitions/{keep.pk}/case/", {"case": HotCaseFactory(unit=tree.cc2).pk}, content_type="application/json")
    assert response.status_code == 400
    assert HotCaseEventFactory._meta.model.objects.count() == 0


# --- unmerge (tách khỏi vụ việc) -----------------------------------------------------------------

@pytest.mark.django_db
def test_a_merged_petition_is_taken_out_on_its_page_and_the_step_is_in_its_history(tree, make_user, login):
    editor = make_user(tree.cc1)
    client = login(editor)
    keep, repeat = PetitionFactory(unit=tree.cc1), PetitionFactory(unit=tree.cc1)
    services.merge_petitions(editor, keep, [repeat])
    from danvan.core.audit import history
    logged = len(history(repeat))
    url = reverse("engagement:petition-unmerge", args=[repeat.pk])
    assert url in client.get(repeat.get_absolute_url()).content.decode()
    assert client.post(url, {}).status_code == 302
    repeat.refresh_from_db()
    assert repeat.repeat_of is None
    assert Petition.objects.distinct_cases().filter(pk__in=[keep.pk, repeat.pk]).count() == 2
    assert len(history(repeat)) == logged + 1 and history(repeat)[0].changes  # audited as the other steps are
    response = client.post(url, {})  # not merged any more: refused on the form, in Vietnamese
    assert response.status_code == 200 and "không được gộp" in response.content.decode()


@pytest.mark.django_db
def test_unmerge_is_scoped_and_refused_when_not_merged(tree, make_user, login):
    keep, repeat = PetitionFactory(unit=tree.cc2), PetitionFactory(unit=tree.cc2)
    services.merge_petitions(make_user(tree.cc2), keep, [repeat])
    with pytest.raises(ValidationError):
        services.unmerge_petition(make_user(tree.cc1), repeat)
    with pytest.raises(ValidationError) as refused:
        services.unmerge_petition(make_user(tree.cc2), keep)
    assert "repeat_of" in refused.value.message_dict
    client = login(make_user(tree.cc1))
    assert client.post(reverse("engagement:petition-unmerge", args=[repeat.pk]), {}).status_code == 404
    assert client.post(f"/api/v1/petitions/{repeat.pk}/unmerge/", {}, content_type="application/json").status_code == 404
    repeat.refresh_from_db()
    assert repeat.repeat_of == keep


@pytest.mark.django_db
def test_the_api_unmerges_a_merged_petition(tree, make_user, login):
    editor = make_user(tree.cc1)
    client = login(editor)
    keep, repeat = PetitionFactory(unit=tree.cc1), PetitionFactory(unit=tree.cc1)
    services.merge_petitions(editor, keep, [repeat])
    url = f"/api/v1/petitions/{repeat.pk}/unmerge/"
    response = client.post(url, {}, content_type="application/json")
    assert response.status_code == 200 and response.json()["repeat_of"] is None
    assert client.post(url, {}, content_type="application/json").status_code == 400
