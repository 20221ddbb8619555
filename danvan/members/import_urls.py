from django.urls import path

from danvan.members import import_views

app_name = "member-imports"
urlpatterns = [
    path("", import_views.MembershipImportView.as_view(), name="import"),
    path("<int:pk>/", import_views.ImportRunView.as_view(), name="run"),
    path("<int:pk>/progress/", import_views.ImportRunProgressView.as_view(), name="progress"),
]
