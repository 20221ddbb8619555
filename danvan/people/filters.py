from danvan.core.filters import ScopedFilterSet
from danvan.people.models import Person


class PersonFilter(ScopedFilterSet):
    class Meta:
        model = Person
        fields = ["q", "unit"]
