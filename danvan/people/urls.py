from django.urls import path

from danvan.people import views

app_name = "people"
urlpatterns = [
    path("", views.PersonListView.as_view(), name="list"),
    path("new/", views.PersonCreateView.as_view(), name="create"),
    path("import/", views.PersonImportView.as_view(), name="import"),
    path("lookup/", views.PersonLookupView.as_view(), name="lookup"),
    path("<int:pk>/", views.PersonDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.PersonUpdateView.as_view(), name="update"),
    path("<int:pk>/positions/new/", views.PositionCreateView.as_view(), name="position-create"),
    path("positions/<int:pk>/edit/", views.PositionUpdateView.as_view(), name="position-update"),
    path("<int:pk>/data/", views.PersonDataView.as_view(), name="data"),
    path("duplicates/", views.DuplicateListView.as_view(), name="duplicates"),
    path("duplicates/<int:pk>/", views.DuplicateReviewView.as_view(), name="duplicate"),
]
