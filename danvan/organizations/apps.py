from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizationsConfig(AppConfig):
    name = "danvan.organizations"
    label = "organizations"
    verbose_name = _("Organisations")

    def ready(self):
        from danvan.core import search
        from danvan.core.documents import issuers
        from danvan.organizations import documents
        from danvan.organizations.models import Organization

        issuers.register(documents.describe)

        search.register(Organization, _("Organisations"), select_related=("unit", "kind"))
