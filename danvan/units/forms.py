from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import ScopedForm, ScopedModelForm
from danvan.units.choices import HAMLET_TYPES, UnitType
from danvan.units.models import Unit


class UnitForm(ScopedModelForm):
    class Meta:
        model = Unit
        fields = ["type", "name", "code", "parent", "valid_from", "valid_to"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = self.fields["parent"].queryset.filter(level__lte=3).order_by("level", "name")


class HamletForm(UnitForm):
    """Users add hamlets (ấp, thôn, xóm …) under a commune; official units come from the lists."""

    type = forms.ChoiceField(label=_("type"), choices=[(t.value, t.label) for t in HAMLET_TYPES], initial=UnitType.AP)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = self.fields["parent"].queryset.filter(level=3)
        self.fields["parent"].label = _("commune")


class UnitPickForm(ScopedForm):
    """The "which unit?" box of report pages (statistics, appraisal sessions), searched by name."""

    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.all(), required=False)
