from danvan.core.forms import ScopedModelForm
from danvan.people.models import Person, Position


class PersonForm(ScopedModelForm):
    class Meta:
        model = Person
        fields = ["full_name", "gender", "birth_date", "birth_year", "ethnicity", "religion", "occupation_group", "citizen_id", "unit",
                  "residence_hamlet", "note"]


class PositionForm(ScopedModelForm):
    class Meta:
        model = Position
        fields = ["organization", "title", "valid_from", "valid_to"]
