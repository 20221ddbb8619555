from django.urls import path

from danvan.core import views
from danvan.core.documents import views as documents

app_name = "core"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("inbox/", views.InboxView.as_view(), name="inbox"),
    path("documents/", documents.DocumentListView.as_view(), name="document-list"),
    path("documents/<int:pk>/", documents.DocumentDetailView.as_view(), name="document-detail"),
    path("documents/<int:pk>/download.docx", documents.DocumentDownloadView.as_view(), name="document-download"),
    path("documents/<int:pk>/download.pdf", documents.DocumentPdfView.as_view(), name="document-download-pdf"),
]
