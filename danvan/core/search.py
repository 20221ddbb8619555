"""Global search across the record types that apps register, ignoring diacritics and case."""

import dataclasses
import re

from django.db.models import Case, F, IntegerField, Q, Value, When
from django.db.models.functions import Length

from danvan.core.paging import page_of
from danvan.core.scoping import Scope
from danvan.core.text import fold

_REGISTRY = []
RESULTS_PER_GROUP = 10


@dataclasses.dataclass(frozen=True)
class Searchable:
    model: type
    label: str
    select_related: tuple = ()


@dataclasses.dataclass
class SearchGroup:
    label: str
    results: list
    more: bool


def register(model, label, select_related=()):
    _REGISTRY.append(Searchable(model, label, tuple(select_related)))


# Abbreviations officials type for a unit's type word.
ABBREVIATIONS = {"tx": "thi xa", "tp": "thanh pho", "tt": "thi tran", "tdp": "to dan pho", "kp": "khu pho"}
_PUNCTUATION = re.compile(r"(?<![\w])[.,;:()]+|[.,;:()]+(?![\w])")


def search_words(query):
    """The folded words of ``query`` with abbreviated type words spelt out ("tx" → "thi xa")."""
    words = _PUNCTUATION.sub(" ", fold(query)).split()
    return " ".join(ABBREVIATIONS.get(word, word) for word in words).split()


def _at_word_start(text):
    """``text`` where a word of the folded search text begins: "yen" finds "thanh yen", not "huyen"."""
    return Q(search_text__startswith=text) | Q(search_text__contains=f" {text}")


def search_queryset(queryset, query):
    """Records whose folded text has a word beginning with each folded word of ``query``."""
    for word in search_words(query):
        queryset = queryset.filter(_at_word_start(word))
    return queryset


def _name_pattern(model, phrase, tail):
    """A regex for the search text starting with ``phrase`` after an optional type word (``search_prefix_words``)."""
    prefixes = "|".join(re.escape(word) for word in getattr(model, "search_prefix_words", ()))
    optional_prefix = f"(?:(?:{prefixes}) )?" if prefixes else ""
    return f"^{optional_prefix}{re.escape(phrase)}{tail}"


def _begins_with_name(model, phrase):
    """What every text ``_name_pattern`` matches begins with: the phrase, or a type word and a space."""
    query = Q(search_text__startswith=phrase)
    for word in getattr(model, "search_prefix_words", ()):
        query |= Q(search_text__startswith=f"{word} ")
    return query


def ranked_search(queryset, query):
    """``search_queryset`` with the best matches first: the exact name, then the name's beginning, then the
    words in the order typed, then the rest; among equals current records before legacy ones, shorter first."""
    words = search_words(query)
    found = search_queryset(queryset, query)
    if not words:
        return found
    model, phrase = queryset.model, " ".join(words)
    # The regexes are tried only where a LIKE says the text could begin so: SQLite calls back into Python
    # for each regex, which for a province's 700 matching people cost 40 ms.
    # That LIKE is written once, the two regexes under it: a unit's 17 type words made it the bulk of the
    # query to compile and to evaluate, twice.
    in_order = Case(When(_at_word_start(phrase), then=Value(2)), default=Value(3), output_field=IntegerField())
    rank = Case(
        When(_begins_with_name(model, phrase), then=Case(
            When(search_text__regex=_name_pattern(model, phrase, "(?: [0-9]+)?$"), then=Value(0)),
            When(search_text__regex=_name_pattern(model, phrase, "(?: |$)"), then=Value(1)),
            default=in_order, output_field=IntegerField(),
        )),
        default=in_order, output_field=IntegerField(),
    )
    order = [F("search_rank").asc()]
    if any(field.name == "valid_to" for field in model._meta.fields):
        order.append(F("valid_to").asc(nulls_first=True))
    return found.annotate(search_rank=rank, search_length=Length("search_text")).order_by(*order, "search_length", "search_text", "pk")


def search_everything(user, query):
    if not search_words(query):
        return []
    scope = Scope.for_user(user)
    groups = []
    for searchable in _REGISTRY:
        queryset = scope.filter(searchable.model.objects.all(), searchable.model.scope_path)
        found = page_of(ranked_search(queryset, query).select_related(*searchable.select_related), 0, RESULTS_PER_GROUP + 1)
        if found:
            groups.append(SearchGroup(searchable.label, found[:RESULTS_PER_GROUP], len(found) > RESULTS_PER_GROUP))
    return groups
