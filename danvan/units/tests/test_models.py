"""Unit paths, levels and lineage as the rest of the platform relies on them."""

import pytest
from django.urls import reverse

from danvan.units.models import Unit
from danvan.units.tests.factories import HamletFactory

pytestmark = pytest.mark.django_db


def test_path_and_level_follow_the_parent(tree):
    assert tree.lh1.path == tree.lp1.path + f"{tree.ld1.pk:08d}{tree.lc1.pk:08d}{tree.lh1.pk:08d}"
    assert [tree.lp1.level, tree.ld1.level, tree.lc1.level, tree.lh1.level] == [1, 2, 3, 4]
    assert list(Unit.objects.ancestors(tree.lh1)) == [tree.lp1, tree.ld1, tree.lc1]
    assert set(Unit.objects.descendants(tree.ld1)) == {tree.lc1, tree.lh1}
    assert tree.lh1.full_name() == "ấp Cũ, xã Minh Hòa, huyện Châu Thành, tỉnh Kiên Giang"


def test_moving_a_unit_moves_its_whole_subtree(tree):
    deep = HamletFactory(parent=tree.lc1)
    tree.lc1.parent = tree.ld2
    tree.lc1.save()
    for unit in (tree.lc1, tree.lh1, deep):
        unit.refresh_from_db()
    assert tree.lc1.path == tree.ld2.path + f"{tree.lc1.pk:08d}"
    assert tree.lh1.path.startswith(tree.lc1.path) and deep.path.startswith(tree.lc1.path)
    assert set(Unit.objects.descendants(tree.ld1)) == set()


def test_validity_and_lineage(tree):
    assert set(Unit.objects.legacy().filter(level=1)) == {tree.lp1, tree.lp2}
    assert set(Unit.objects.current().filter(level=1)) == {tree.cp, tree.cp2}
    assert list(tree.lc2.successors.all()) == [tree.cc1]
    assert list(tree.cc1.predecessors.all()) == [tree.lc2]
    assert tree.lc2.is_legacy and not tree.cc1.is_legacy


def test_unit_pages_show_lineage(tree, national_admin, login):
    client = login(national_admin)
    legacy = client.get(reverse("units:detail", args=[tree.lc2.pk]))
    assert list(legacy.context["successors"]) == [tree.cc1]
    assert "xã Bình An" in legacy.content.decode()
    browser = client.get(reverse("units:browser"))
    assert set(browser.context["legacy_roots"]) == {tree.lp1, tree.lp2}
    assert set(browser.context["current_roots"]) == {tree.cp, tree.cp2}
    children = client.get(reverse("units:children", args=[tree.cp.pk]))
    assert set(children.context["children"]) == {tree.cc1, tree.cc2}


def test_browser_of_a_commune_user_shows_its_commune_and_legacy_predecessor(tree, make_user, login):
    response = login(make_user(tree.cc1)).get(reverse("units:browser"))
    assert response.context["current_roots"] == [tree.cc1]
    assert response.context["legacy_roots"] == [tree.lc2]
