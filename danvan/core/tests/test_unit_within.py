"""``unit_within``: the one check of "this unit lies within that one", legacy predecessors included."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from danvan.core.scoping import Scope, unit_within


def test_a_unit_is_within_itself_its_ancestors_and_the_current_unit_it_became_part_of(tree):
    assert unit_within(tree.h1, tree.h1)
    assert unit_within(tree.h1, tree.cc1) and unit_within(tree.h1, tree.cp)
    assert unit_within(tree.lh1, tree.cp)  # ấp Cũ: Kiên Giang's past is An Giang's
    assert unit_within(tree.lc2, tree.cc1)  # xã Mong Thọ merged into xã Bình An


def test_a_unit_is_not_within_a_sibling_a_descendant_another_province_or_nothing(tree):
    assert not unit_within(tree.cc2, tree.cc1)
    assert not unit_within(tree.cc1, tree.h1)
    assert not unit_within(tree.cc3, tree.cp)
    assert not unit_within(tree.lc3, tree.cc1)  # Hàm Rồng went to Đất Mũi
    assert not unit_within(tree.cc1, tree.lc2)  # a legacy unit reaches no current one
    assert not unit_within(None, tree.cp) and not unit_within(tree.cp, None)


def test_inside_the_own_subtree_costs_no_query(tree):
    with CaptureQueriesContext(connection) as queries:
        assert unit_within(tree.h1, tree.cp)
    assert len(queries) == 0


def test_of_unit_is_the_scope_a_user_of_that_unit_gets_without_a_role(tree, make_user):
    user = make_user(unit=tree.cc1)
    assert Scope.of_unit(tree.cc1).paths == Scope.for_user(user).paths
    assert not Scope.of_unit(tree.cc1).allows("viewer")
