"""Global search across the record types that apps register, ignoring diacritics and case."""

import dataclasses

from danvan.core.scoping import Scope
from danvan.core.text import fold_terms

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


def search_queryset(queryset, query):
    """Records whose folded text contains every folded word of ``query``."""
    for term in fold_terms(query):
        queryset = queryset.filter(search_text__contains=term)
    return queryset


def search_everything(user, query):
    if not fold_terms(query):
        return []
    scope = Scope.for_user(user)
    groups = []
    for searchable in _REGISTRY:
        queryset = scope.filter(searchable.model.objects.all(), searchable.model.scope_path)
        found = list(search_queryset(queryset, query).select_related(*searchable.select_related)[: RESULTS_PER_GROUP + 1])
        if found:
            groups.append(SearchGroup(searchable.label, found[:RESULTS_PER_GROUP], len(found) > RESULTS_PER_GROUP))
    return groups
