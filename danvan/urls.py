from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("danvan.core.urls")),
    path("accounts/users/", include("danvan.accounts.user_urls")),
    path("accounts/", include("danvan.accounts.urls")),
    path("catalogues/", include("danvan.catalogue_urls")),
    path("units/", include("danvan.units.urls")),
    path("organizations/", include("danvan.organizations.urls")),
    path("people/", include("danvan.people.urls")),
    path("movement/", include("danvan.movement.urls")),
    path("awards/", include("danvan.awards.urls")),
    path("directives/", include("danvan.directives.urls")),
    path("oversight/", include("danvan.oversight.urls")),
    path("engagement/", include("danvan.engagement.urls")),
    path("members/", include("danvan.members.urls")),
    path("members/import/", include("danvan.members.import_urls")),
    path("reporting/", include("danvan.reporting.urls")),
    path("ingest/", include("danvan.ingest.urls")),
    path("articles/", include("danvan.news.urls")),
    path("news/", include("danvan.news.portal_urls")),
    path("api/v1/", include("danvan.api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
