from django.db.models import Q

from danvan.core.filters import ScopedFilterSet
from danvan.core.search import search_queryset
from danvan.people.models import DuplicateCandidate, Person


class PersonFilter(ScopedFilterSet):
    class Meta:
        model = Person
        fields = ["q", "unit", "gender", "occupation_group", "birth_year"]


class DuplicateFilter(ScopedFilterSet):
    class Meta:
        model = DuplicateCandidate
        fields = ["q", "unit", "rule"]

    def filter_text(self, queryset, name, value):
        named = search_queryset(Person.objects.all(), value).values("pk")
        return queryset.filter(Q(first__in=named) | Q(second__in=named))
