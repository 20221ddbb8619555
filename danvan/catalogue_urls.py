"""The national catalogues an administrator reads and a national administrator edits (``core.catalogue_views``)."""

from danvan.awards.models import CommendationForm
from danvan.core.catalogue_views import catalogue_urls
from danvan.core.workdays.models import CalendarDay, CalendarYear
from danvan.movement.models import Criterion, Field, Phase
from danvan.organizations.models import OrganizationKind
from danvan.people.models import Ethnicity, Religion

app_name = "catalogues"
urlpatterns = [
    *catalogue_urls(Criterion, "criteria", ["holder", "order", "name", "max_score"]),
    *catalogue_urls(Phase, "phases", ["name", "start_year", "end_year"]),
    *catalogue_urls(Field, "fields", ["order", "code", "name"]),
    *catalogue_urls(CommendationForm, "commendation-forms", ["order", "code", "name"]),
    *catalogue_urls(OrganizationKind, "organization-kinds", ["code", "name", "category", "document_title", "valid_from", "valid_to"]),
    *catalogue_urls(CalendarDay, "announced-days", ["date", "kind", "name", "basis"]),
    *catalogue_urls(CalendarYear, "calendar-years", ["year", "announcement"]),
    *catalogue_urls(Ethnicity, "ethnicities", ["order", "code", "name", "minority"]),
    *catalogue_urls(Religion, "religions", ["order", "code", "name"]),
]
