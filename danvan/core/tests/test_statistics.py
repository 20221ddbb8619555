"""Statistics sections: apps add their figures to a unit's statistics without the movement importing them."""

import types

import pytest

from danvan.core import statistics
from danvan.core.choices import Role

SPAN = types.SimpleNamespace(from_year=2016, to_year=2020)


@pytest.fixture
def sections(monkeypatch):
    """An empty registry for one test, the real one restored afterwards."""
    monkeypatch.setattr(statistics, "_SECTIONS", {})
    return statistics


def test_sections_are_merged_in_registration_order_with_the_units_and_span_asked(sections):
    asked = []
    sections.register("a", lambda units, span: asked.append((units, span.from_year)) or {"a": 1})
    sections.register("b", lambda units, span: {"b": {"x": 2}})
    assert list(sections.sections_for([7, 8], SPAN)) == ["a", "b"]
    assert sections.sections_for([7, 8], SPAN) == {"a": 1, "b": {"x": 2}}
    assert asked[0] == ([7, 8], 2016)


def test_registering_a_name_again_replaces_the_section(sections):
    sections.register("a", lambda units, span: {"a": 1})
    sections.register("a", lambda units, span: {"a": 2})
    assert sections.sections_for(None, SPAN) == {"a": 2}


def test_a_section_may_not_hide_a_figure_of_the_caller_or_of_another_section(sections):
    sections.register("a", lambda units, span: {"registered": 0})
    with pytest.raises(ValueError, match="registered"):
        sections.sections_for(None, SPAN, taken={"registered": 5})
    sections.register("a", lambda units, span: {"x": 0})
    sections.register("b", lambda units, span: {"x": 1})
    with pytest.raises(ValueError, match="'b'"):
        sections.sections_for(None, SPAN)


def test_in_units_restricts_only_when_units_are_named():
    assert statistics.in_units("unit", None).children == []
    assert statistics.in_units("unit", [1]).children == [("unit__in", [1])]


def test_awards_registers_its_commendation_counts_in_the_movement_statistics(tree, make_user, login):
    from danvan.awards.tests.factories import ProposalFactory, RecipientFactory
    from danvan.organizations.tests.factories import OrganizationFactory
    from danvan.people.tests.factories import PersonFactory

    assert "awards" in statistics._SECTIONS
    body = OrganizationFactory(unit=tree.lc2)
    RecipientFactory(decision__issuing_body=body)
    RecipientFactory(decision__issuing_body=body, kind="individual", organization=None, person=PersonFactory())
    RecipientFactory(decision__issuing_body=OrganizationFactory(unit=tree.cc3))  # another province
    proposal = ProposalFactory(proposing_body=OrganizationFactory(unit=tree.lc2), addressed_to=body)
    proposal.recipients.create(kind="collective", organization=body)
    client = login(make_user(unit=tree.cp, role=Role.VIEWER))
    stats = client.get("/api/v1/initiatives/stats/", {"unit": tree.cp.pk, "from_year": 2016, "to_year": 2020}).json()
    assert (stats["commended"], stats["commended_by_recipient"], stats["proposed_for_commendation"]) == (
        2, {"collective": 1, "individual": 1}, 1)
    page = client.get("/movement/stats/", {"unit": tree.cp.pk, "from_year": 2016, "to_year": 2020})
    assert page.context["stats"]["commended"] == 2
