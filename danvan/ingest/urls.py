from django.urls import path

from danvan.ingest import views

app_name = "ingest"
urlpatterns = [
    path("", views.DocumentListView.as_view(), name="list"),
    path("upload/", views.UploadView.as_view(), name="upload"),
    path("batches/<int:pk>/", views.BatchView.as_view(), name="batch"),
    path("batches/<int:pk>/progress/", views.BatchProgressView.as_view(), name="batch-progress"),
    path("documents/<int:pk>/", views.DocumentView.as_view(), name="document"),
    path("documents/<int:pk>/file/", views.DocumentFileView.as_view(), name="document-file"),
    path("documents/<int:pk>/create/", views.CreateRecordsView.as_view(), name="create-records"),
    path("items/<int:pk>/", views.ItemView.as_view(), name="item"),
]
