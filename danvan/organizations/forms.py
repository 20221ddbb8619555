from danvan.core.forms import ScopedModelForm
from danvan.organizations.models import Organization, OrganizationLink


class OrganizationForm(ScopedModelForm):
    class Meta:
        model = Organization
        fields = ["name", "kind", "unit", "valid_from", "valid_to", "successor"]


class OrganizationLinkForm(ScopedModelForm):
    class Meta:
        model = OrganizationLink
        fields = ["parent", "valid_from", "valid_to"]
