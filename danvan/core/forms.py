"""Form base: every choice of a related record is limited to what the user may reach."""

from django import forms

from danvan.core.widgets import AutocompleteSelect


class DateInput(forms.DateInput):
    input_type = "text"

    def __init__(self, attrs=None):
        super().__init__(attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric", **(attrs or {})}, format="%d/%m/%Y")


def limit_choices_to_scope(form, user):
    """Limit every record choice by its model's own ``visible_to``; dates typed dd/mm/yyyy; big tables searched."""
    for field in form.fields.values():
        queryset = getattr(field, "queryset", None)
        if queryset is not None and hasattr(queryset, "visible_to"):
            field.queryset = queryset.visible_to(user)
        if isinstance(field, forms.DateField):
            field.widget = DateInput()
        lookup = getattr(getattr(queryset, "model", None), "lookup_url_name", None)
        if lookup and isinstance(field, forms.ModelChoiceField) and not isinstance(field, forms.ModelMultipleChoiceField):
            field.widget = AutocompleteSelect(lookup)
            field.widget.choices = field.choices


class ScopedForm(forms.Form):
    """A plain form (a workflow step, a batch action) with the same limits as ScopedModelForm."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        limit_choices_to_scope(self, user)


class ScopedModelForm(forms.ModelForm):
    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        limit_choices_to_scope(self, user)
