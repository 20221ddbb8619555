"""A select for large scoped tables: type a few letters, pick from what the server finds."""

from django import forms
from django.urls import reverse


class AutocompleteSelect(forms.Select):
    """Renders only the chosen option plus a search box that asks ``lookup_url_name`` for matches.

    A province has thousands of units and organisations; a plain <select> of all of
    them would make every form slow to load and impossible to use on a phone.
    """

    template_name = "core/widgets/autocomplete.html"

    def __init__(self, lookup_url_name, attrs=None, within=None):
        super().__init__(attrs)
        self.lookup_url_name = lookup_url_name
        self.within = within  # the form's unit field: the lookup then offers only what sits on that unit

    def optgroups(self, name, value, attrs=None):
        chosen = {str(v) for v in value if v not in (None, "")}
        self.choices = self._chosen_choices(chosen)
        return super().optgroups(name, value, attrs)

    def _chosen_choices(self, chosen):
        """Only the chosen rows, read by their keys: walking the choices would load the whole scoped table."""
        queryset = getattr(self.choices, "queryset", None)
        if queryset is None:
            return [choice for choice in self.choices if str(choice[0]) in chosen]
        field = self.choices.field
        key = field.to_field_name or "pk"
        possible = [value for value in chosen if value.isdigit() and len(value) < 19] if key in ("pk", "id") else list(chosen)
        checked = getattr(field, "chosen_record", None)  # the record the field's cleaning read (IdModelChoiceField)
        if checked is not None and possible == [str(field.prepare_value(checked))]:
            rows = [checked]
        else:
            rows = queryset.filter(**{f"{key}__in": possible}) if possible else queryset.none()
        return [(field.prepare_value(row), getattr(row, "choice_label", None) or field.label_from_instance(row)) for row in rows]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["lookup_url"] = reverse(self.lookup_url_name)
        context["widget"]["within"] = self.within
        chosen = [option for group in context["widget"]["optgroups"] for option in group[1] if option["selected"]]
        context["widget"]["chosen"] = chosen[0] if chosen else None
        return context
