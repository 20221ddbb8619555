"""The document symbol grammar, with no database."""

import pytest

from danvan.directives.choices import DirectiveType as T
from danvan.directives.symbols import Symbol, SymbolError, parse_reference, parse_symbol


@pytest.mark.parametrize(
    ("text", "number", "type_", "issuer"),
    [
        ("25-NQ/TW", 25, T.RESOLUTION, "TW"),
        ("13-CT/ĐU", 13, T.DIRECTIVE, "ĐU"),
        ("1029-CV/TU", 1029, T.OFFICIAL_LETTER, "TU"),
        ("2242-QĐ/TU", 2242, T.DECISION, "TU"),
        ("217-QD/TW", 217, T.DECISION, "TW"),
        ("106-QĐi/HU", 106, T.REGULATION, "HU"),
        ("20-CTr/HU", 20, T.PROGRAMME, "HU"),
        ("120-KH/HU", 120, T.PLAN, "HU"),
        ("911-TB/TU", 911, T.NOTICE, "TU"),
        ("34-PL/UBTVQH", 34, T.ORDINANCE, "UBTVQH"),
        ("61-ĐA/HU", 61, T.SCHEME, "HU"),
        (" 25 - NQ / TW ", 25, T.RESOLUTION, "TW"),
    ],
)
def test_party_symbols_are_parsed(text, number, type_, issuer):
    parsed = parse_symbol(text)
    assert (parsed.number, parsed.type, parsed.issuer) == (number, type_, issuer)


def test_state_form_with_year():
    assert parse_symbol("04/2015/NĐ-CP") == Symbol(4, T.DECREE, "CP", 2015)
    assert parse_symbol("04/2015/NĐ-CP").text == "04/2015/NĐ-CP".replace("04", "4")


@pytest.mark.parametrize("text", ["25NQ/TW", "25-XX/TW", "NQ/TW", "25-NQ", "-NQ/TW", "25-NQ/", "hai lăm-NQ/TW", ""])
def test_malformed_symbols_are_refused(text):
    with pytest.raises(SymbolError):
        parse_symbol(text)


def test_d_and_đ_spell_the_same_symbol():
    assert parse_symbol("13-CT/ĐU").key == parse_symbol("13-CT/DU").key
    assert parse_symbol("13-CT/ĐU").key != parse_symbol("13-CT/HU").key
    assert parse_symbol("20-CTr/HU").key != parse_symbol("20-CT/HU").key


def test_canonical_text():
    assert parse_symbol("106-qđi/hu").text == "106-QĐi/HU"


@pytest.mark.parametrize(
    ("text", "number", "type_", "issuer"),
    [
        ("Chương trình hành động số 20 của Huyện ủy", 20, T.PROGRAMME, "Huyện ủy"),
        ("Kế hoạch 17 của Ban Thường vụ Huyện ủy", 17, T.PLAN, "Ban Thường vụ Huyện ủy"),
        ("Đề án 61", 61, T.SCHEME, ""),
        ("Quy định số 106 của Ban Thường vụ Huyện ủy", 106, T.REGULATION, "Ban Thường vụ Huyện ủy"),
        ("Nghị quyết số 25-NQ/TW", 25, T.RESOLUTION, "TW"),
    ],
)
def test_numbered_references_without_symbol(text, number, type_, issuer):
    parsed = parse_reference(text)
    assert (parsed.number, parsed.type, parsed.issuer) == (number, type_, issuer)


@pytest.mark.parametrize("text", ["Tờ trình số 5", "số 20", "Chương trình hành động"])
def test_unknown_references_are_refused(text):
    with pytest.raises(SymbolError):
        parse_reference(text)
