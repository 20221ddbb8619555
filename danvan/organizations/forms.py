from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.choices import Level
from danvan.core.forms import ScopedForm, ScopedModelForm
from danvan.organizations import services
from danvan.organizations.models import Organization, OrganizationKind, OrganizationLink

Unit = Organization._meta.get_field("unit").related_model


class OrganizationForm(ScopedModelForm):
    class Meta:
        model = Organization
        fields = ["name", "kind", "unit", "valid_from", "valid_to", "successor"]


class OrganizationLinkForm(ScopedModelForm):
    class Meta:
        model = OrganizationLink
        fields = ["parent", "valid_from", "valid_to"]


def _standard_kind_choices():
    names = dict(OrganizationKind.objects.values_list("code", "name"))
    return [(code, names.get(code, prefix)) for code, prefix in [*services.COMMUNE_BODIES, services.HAMLET_BODY]]


class ChosenOnPreview(forms.MultipleHiddenInput):
    """Renders nothing: the preview's table has a checkbox per commune, ticked, for the official to untick."""

    def render(self, *args, **kwargs):
        return ""


class StandardOrganizationsForm(ScopedForm):
    """Where (a province, a district or a commune within reach; then, on the preview, which of its communes)
    and which standard bodies to set up."""

    area = forms.ModelChoiceField(
        label=_("Province, district or commune"), queryset=Unit.objects.current().filter(level__lte=Level.COMMUNE),
        help_text=_("Every current commune within it is set up; the preview lets you leave some out."),
    )
    kinds = forms.MultipleChoiceField(label=_("Organisations to set up"), choices=_standard_kind_choices,
                                      widget=forms.CheckboxSelectMultiple)
    communes = forms.ModelMultipleChoiceField(label=_("Communes"), queryset=Unit.objects.current().filter(level=Level.COMMUNE),
                                              required=False, widget=ChosenOnPreview)

    def clean(self):
        cleaned = super().clean()
        area, chosen = cleaned.get("area"), cleaned.get("communes")
        if area is not None:
            within = services.standard_communes([area])
            # Creating after the preview: the ticked communes are the choice, even none; else the whole area.
            previewed = bool(self.data.get("previewed")) and "create" in self.data
            cleaned["communes"] = within.filter(pk__in=[commune.pk for commune in chosen or []]) if previewed else within
        return cleaned
