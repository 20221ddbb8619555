from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "danvan.people"
    label = "people"
    verbose_name = _("People")

    def ready(self):
        from danvan.core import search
        from danvan.people.models import Person

        search.register(Person, _("People"), select_related=("unit",))
