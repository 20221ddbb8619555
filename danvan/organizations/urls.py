from django.urls import path

from danvan.organizations import views

app_name = "organizations"
urlpatterns = [
    path("", views.OrganizationListView.as_view(), name="list"),
    path("new/", views.OrganizationCreateView.as_view(), name="create"),
    path("import/", views.OrganizationImportView.as_view(), name="import"),
    path("standard/", views.StandardOrganizationsView.as_view(), name="standard"),
    path("lookup/", views.OrganizationLookupView.as_view(), name="lookup"),
    path("<int:pk>/", views.OrganizationDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.OrganizationUpdateView.as_view(), name="update"),
    path("<int:pk>/parents/new/", views.OrganizationLinkCreateView.as_view(), name="link-create"),
]
