from danvan.core.forms import ScopedModelForm
from danvan.people.models import Person, Position


class PersonForm(ScopedModelForm):
    class Meta:
        model = Person
        fields = ["full_name", "gender", "birth_year", "unit", "note"]


class PositionForm(ScopedModelForm):
    class Meta:
        model = Position
        fields = ["organization", "title", "valid_from", "valid_to"]
