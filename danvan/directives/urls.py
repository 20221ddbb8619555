from django.urls import path

from danvan.directives import views

app_name = "directives"
urlpatterns = [
    path("", views.DirectiveListView.as_view(), name="list"),
    path("new/", views.DirectiveCreateView.as_view(), name="create"),
    path("obligations/", views.ObligationStatusView.as_view(), name="obligations"),
    path("<int:pk>/", views.DirectiveDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.DirectiveUpdateView.as_view(), name="update"),
    path("<int:pk>/file/", views.DirectiveFileView.as_view(), name="file"),
    path("<int:pk>/matrix/", views.DirectiveMatrixView.as_view(), name="matrix"),
    path("<int:pk>/report.docx", views.DirectiveReportView.as_view(), name="report"),
    path("<int:pk>/report.pdf", views.DirectiveReportView.as_view(as_pdf=True), name="report-pdf"),
    path("<int:pk>/implementations/new/", views.ImplementationCreateView.as_view(), name="implementation-create"),
    path("<int:pk>/obligations/new/", views.ObligationCreateView.as_view(), name="obligation-create"),
    path("implementations/<int:pk>/edit/", views.ImplementationUpdateView.as_view(), name="implementation-update"),
    path("obligations/<int:pk>/edit/", views.ObligationUpdateView.as_view(), name="obligation-update"),
    path("obligations/<int:pk>/fulfilments/new/", views.FulfilmentCreateView.as_view(), name="fulfilment-create"),
]
