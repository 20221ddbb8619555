"""The national catalogues: any administrator reads them, only a national administrator changes them, validated."""

import pytest
from django.urls import reverse

from danvan.core.choices import Role
from danvan.movement.models import Criterion, Phase

SLUGS = ["criteria", "phases", "fields", "commendation-forms", "organization-kinds"]


@pytest.fixture
def national_page(national_admin, login):
    return login(national_admin)


@pytest.mark.parametrize("slug", SLUGS)
def test_every_catalogue_lists_its_seeded_entries_to_an_administrator(national_page, slug):
    response = national_page.get(reverse(f"catalogues:{slug}"))
    assert response.status_code == 200 and response.context["rows"]
    assert reverse(f"catalogues:{slug}-create") in response.content.decode()


@pytest.mark.parametrize("role", [Role.VIEWER, Role.EDITOR, Role.APPROVER])
def test_below_administrator_the_catalogues_are_refused(tree, make_user, login, role):
    page = login(make_user(tree.cp, role=role))
    for slug in SLUGS:
        assert page.get(reverse(f"catalogues:{slug}")).status_code == 403


def test_a_provincial_administrator_reads_but_does_not_change_them(tree, make_user, login):
    page = login(make_user(tree.cp, role=Role.ADMINISTRATOR))
    listed = page.get(reverse("catalogues:criteria"))
    assert listed.status_code == 200 and reverse("catalogues:criteria-create") not in listed.content.decode()
    criterion = Criterion.objects.first()
    assert page.get(reverse("catalogues:criteria-create")).status_code == 403
    response = page.post(reverse("catalogues:criteria-update", args=[criterion.pk]),
                         {"holder": "collective", "order": 1, "name": "Đổi tên", "max_score": 10})
    assert response.status_code == 403
    criterion.refresh_from_db()
    assert criterion.name != "Đổi tên"


def test_a_national_administrator_adds_and_edits_a_criterion(national_page):
    count = Criterion.objects.count()
    response = national_page.post(reverse("catalogues:criteria-create"),
                                  {"holder": "collective", "order": 6, "name": "Có sổ theo dõi kết quả", "max_score": 20})
    assert response.status_code == 302
    criterion = Criterion.objects.get(name="Có sổ theo dõi kết quả")
    assert (Criterion.objects.count(), criterion.max_score) == (count + 1, 20)
    response = national_page.post(reverse("catalogues:criteria-update", args=[criterion.pk]),
                                  {"holder": "individual", "order": 6, "name": "Có sổ theo dõi", "max_score": 15})
    assert response.status_code == 302
    criterion.refresh_from_db()
    assert (criterion.holder, criterion.name, criterion.max_score) == ("individual", "Có sổ theo dõi", 15)


@pytest.mark.parametrize("payload, field", [
    ({"holder": "nobody"}, "holder"), ({"max_score": -1}, "max_score"), ({"max_score": 10**9}, "max_score"),
    ({"name": ""}, "name"), ({"name": "x" * 5000}, "name"), ({"order": "abc"}, "order"),
])
def test_a_criterion_is_validated_beside_its_field_and_nothing_is_written(national_page, payload, field):
    count = Criterion.objects.count()
    response = national_page.post(reverse("catalogues:criteria-create"),
                                  {"holder": "collective", "order": 1, "name": "Tiêu chí", "max_score": 10, **payload})
    assert response.status_code == 200 and field in response.context["form"].errors
    assert Criterion.objects.count() == count


def test_a_phase_ending_before_it_starts_or_a_duplicate_is_refused(national_page):
    count = Phase.objects.count()
    response = national_page.post(reverse("catalogues:phases-create"), {"name": "2031–2030", "start_year": 2031, "end_year": 2030})
    assert "end_year" in response.context["form"].errors
    response = national_page.post(reverse("catalogues:phases-create"), {"name": "lại", "start_year": 2016, "end_year": 2020})
    assert response.context["form"].errors
    assert Phase.objects.count() == count
    response = national_page.post(reverse("catalogues:phases-create"), {"name": "2031–2035", "start_year": 2031, "end_year": 2035})
    assert response.status_code == 302 and Phase.objects.count() == count + 1


def test_an_unknown_entry_is_not_found(national_page):
    assert national_page.get(reverse("catalogues:criteria-update", args=[987654])).status_code == 404
