from django.urls import path

from danvan.units import views

app_name = "units"
urlpatterns = [
    path("", views.UnitBrowserView.as_view(), name="browser"),
    path("list/", views.UnitListView.as_view(), name="list"),
    path("lookup/", views.UnitLookupView.as_view(), name="lookup"),
    path("new/", views.HamletCreateView.as_view(), name="create"),
    path("import/", views.HamletImportView.as_view(), name="import"),
    path("<int:pk>/", views.UnitDetailView.as_view(), name="detail"),
    path("<int:pk>/children/", views.UnitChildrenView.as_view(), name="children"),
    path("<int:pk>/edit/", views.UnitUpdateView.as_view(), name="update"),
]
