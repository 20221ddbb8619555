"""Form base: every choice of a related record is limited to what the user may reach."""

from django import forms

from danvan.core.scoping import Scope
from danvan.core.widgets import AutocompleteSelect


class DateInput(forms.DateInput):
    input_type = "text"

    def __init__(self, attrs=None):
        super().__init__(attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric", **(attrs or {})}, format="%d/%m/%Y")


class ScopedModelForm(forms.ModelForm):
    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        scope = Scope.for_user(user)
        for field in self.fields.values():
            queryset = getattr(field, "queryset", None)
            if queryset is not None and hasattr(queryset, "visible_to"):
                field.queryset = scope.filter(queryset, queryset.model.scope_path)
            if isinstance(field, forms.DateField):
                field.widget = DateInput()
            lookup = getattr(getattr(queryset, "model", None), "lookup_url_name", None)
            if lookup and isinstance(field, forms.ModelChoiceField) and not isinstance(field, forms.ModelMultipleChoiceField):
                field.widget = AutocompleteSelect(lookup)
                field.widget.choices = field.choices
