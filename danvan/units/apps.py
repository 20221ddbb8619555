from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UnitsConfig(AppConfig):
    name = "danvan.units"
    label = "units"
    verbose_name = _("Administrative units")

    def ready(self):
        from danvan.core import search
        from danvan.units.models import Unit

        search.register(Unit, _("Units"), select_related=("parent",))
