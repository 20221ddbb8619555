from rest_framework import serializers

from danvan.core.api import ScopedReadOnlyViewSet
from danvan.people import services
from danvan.people.filters import PersonFilter
from danvan.people.models import Person


class PersonSerializer(serializers.ModelSerializer):
    """The citizen ID masked but for its last digits, and no ethnicity or religion, unless the user holds
    ``people.view_personal_data`` (Nghị định 13/2023, as on the pages)."""

    citizen_id = serializers.SerializerMethodField(help_text="Masked (••••••••• and the last 3 digits) without the permission to read personal data.")
    ethnicity = serializers.SerializerMethodField()
    religion = serializers.SerializerMethodField()

    class Meta:
        model = Person
        fields = ["id", "full_name", "gender", "birth_date", "birth_year", "ethnicity", "religion", "occupation_group",
                  "citizen_id", "unit", "residence_hamlet"]

    def get_citizen_id(self, person) -> str:
        return services.citizen_id_for(self.context["request"].user, person)

    def _gated(self, person, name):
        return getattr(person, f"{name}_id") if services.may_see_personal_data(self.context["request"].user, person) else None

    def get_ethnicity(self, person) -> int | None:
        return self._gated(person, "ethnicity")

    def get_religion(self, person) -> int | None:
        return self._gated(person, "religion")


class PersonViewSet(ScopedReadOnlyViewSet):
    """``?unit={id}&q=…&gender=…&occupation_group=…&birth_year=YYYY``: persons kept within the user's units."""

    queryset = Person.objects.order_by("full_name", "id")
    serializer_class = PersonSerializer
    filterset_class = PersonFilter
