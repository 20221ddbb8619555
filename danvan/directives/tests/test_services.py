"""The register refuses what the issue lists as bad input, saves nothing, and says why in Vietnamese."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from danvan.core.choices import Role
from danvan.directives import services
from danvan.directives.choices import DirectiveType
from danvan.directives.models import Directive, Implementation, ObligationFulfilment
from danvan.directives.tests.factories import DirectiveFactory, ObligationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(tree, make_user):
    return make_user(tree.lp2, role=Role.EDITOR)


def new(unit, **fields):
    return Directive(unit=unit, subject="Về công tác dân vận", issued_on=datetime.date(2013, 8, 29), **fields)


def test_register_parses_the_symbol(tree, editor):
    directive = services.register_directive(editor, new(tree.ld2), symbol="25-nq/tw")
    directive.refresh_from_db()
    assert (directive.number, directive.doc_type, directive.issuer_code, directive.symbol) == (25, "nq", "TW", "25-NQ/TW")
    assert str(directive) == "Nghị quyết 25-NQ/TW"
    assert list(Directive.objects.with_symbol("25-NQ/TW")) == [directive]


@pytest.mark.parametrize("symbol", ["25NQ/TW", "25-XX/TW"])
def test_malformed_symbol_is_refused_on_the_field(tree, editor, symbol):
    with pytest.raises(ValidationError) as error:
        services.register_directive(editor, new(tree.ld2), symbol=symbol)
    assert "symbol" in error.value.message_dict
    assert symbol.split("-")[-1].split("/")[0] in error.value.message_dict["symbol"][0]
    assert not Directive.objects.exists()


def test_reference_without_symbol_needs_a_type(tree, editor):
    with pytest.raises(ValidationError) as error:
        services.register_directive(editor, new(tree.ld2, number=20))
    assert "doc_type" in error.value.message_dict
    programme = services.register_directive(editor, new(tree.ld2, number=20, doc_type=DirectiveType.PROGRAMME, issuer_code="Huyện ủy"))
    assert str(programme) == "Chương trình hành động số 20 của Huyện ủy"


def test_chain_of_implementation(tree, editor):
    resolution = services.register_directive(editor, new(tree.ld2), symbol="25-NQ/TW")
    programme = services.register_directive(editor, new(tree.ld2, number=20, doc_type=DirectiveType.PROGRAMME), implements=resolution)
    commune = services.register_directive(editor, new(tree.lc2), symbol="13-CT/ĐU", implements=programme)
    assert Implementation.objects.get(document=commune).unit == tree.lc2
    assert services.implemented_ancestor_ids(commune) == {programme.pk, resolution.pk}


def test_a_directive_cannot_implement_itself(tree, editor):
    directive = DirectiveFactory(unit=tree.ld2)
    with pytest.raises(ValidationError) as error:
        services.record_implementation(editor, directive, tree.ld2, document=directive)
    assert "document" in error.value.message_dict
    assert not Implementation.objects.exists()


def test_a_link_that_closes_a_cycle_is_refused(tree, editor):
    resolution, programme, commune = (DirectiveFactory(unit=tree.ld2) for _ in range(3))
    services.record_implementation(editor, resolution, tree.ld2, document=programme)
    services.record_implementation(editor, programme, tree.lc2, document=commune)
    with pytest.raises(ValidationError) as error:
        services.record_implementation(editor, commune, tree.ld2, document=resolution)
    assert "document" in error.value.message_dict
    assert Implementation.objects.count() == 2


def test_register_and_implementation_are_written_together_or_not_at_all(tree, editor):
    directive = DirectiveFactory(unit=tree.ld2)
    Implementation.objects.create(directive=directive, unit=tree.ld2, document=DirectiveFactory(unit=tree.ld2))
    child = DirectiveFactory(unit=tree.ld2)
    services.record_implementation(editor, directive, tree.ld2, document=child)
    # Registering the parent as implementing its own implementer fails: the new directive is not kept either.
    before = Directive.objects.count()
    with pytest.raises(ValidationError):
        services.register_directive(editor, new(tree.ld2), symbol="99-NQ/TW", implements=Directive(pk=-1, unit=tree.ld2))
    assert Directive.objects.count() == before


def test_a_register_outside_the_users_scope_is_refused(tree, make_user):
    commune_editor = make_user(tree.lc2, role=Role.EDITOR)
    with pytest.raises(ValidationError):
        services.register_directive(commune_editor, new(tree.ld2), symbol="25-NQ/TW")
    assert not Directive.objects.exists()


def test_implementation_needs_a_document_or_description(tree, editor):
    with pytest.raises(ValidationError) as error:
        services.record_implementation(editor, DirectiveFactory(unit=tree.ld2), tree.lc2)
    assert "description" in error.value.message_dict


def test_fulfilment_rules(tree, editor):
    obligation = ObligationFactory(directive__unit=tree.ld2, level=3, first_year=2017)
    with pytest.raises(ValidationError) as error:
        services.record_fulfilment(editor, obligation, tree.ld2, 2018, description="Đối thoại")
    assert "unit" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.record_fulfilment(editor, obligation, tree.lc2, 2016, description="Đối thoại")
    assert "year" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.record_fulfilment(editor, obligation, tree.lc2, 2018)
    assert "description" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.record_fulfilment(editor, obligation, tree.lc2, 2018, description="x", fulfilled_on=datetime.date(2019, 1, 2))
    assert "fulfilled_on" in error.value.message_dict
    # Any record can fulfil it: here a directive of the commune stands in for another app's dialogue.
    record = DirectiveFactory(unit=tree.lc2)
    fulfilment = services.record_fulfilment(editor, obligation, tree.lc2, 2018, record=record)
    assert ObligationFulfilment.objects.get().record == record == fulfilment.record
