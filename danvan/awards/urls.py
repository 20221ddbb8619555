from django.urls import path

from danvan.awards import views

app_name = "awards"
urlpatterns = [
    path("", views.DecisionListView.as_view(), name="decision-list"),
    path("new/", views.DecisionCreateView.as_view(), name="decision-create"),
    path("<int:pk>/", views.DecisionDetailView.as_view(), name="decision-detail"),
    path("<int:pk>/decision.docx", views.DecisionDocumentView.as_view(), name="decision-docx"),
    path("<int:pk>/decision.pdf", views.DecisionDocumentView.as_view(as_pdf=True), name="decision-pdf"),
    path("<int:pk>/recipients/new/", views.RecipientAddView.as_view(), name="recipient-add"),
    path("certificates/<int:pk>/", views.CertificateView.as_view(), name="certificate"),
    path("certificates/<int:pk>/certificate.docx", views.CertificateDocumentView.as_view(), name="certificate-docx"),
    path("certificates/<int:pk>/certificate.pdf", views.CertificateDocumentView.as_view(as_pdf=True), name="certificate-pdf"),
    path("proposals/", views.ProposalListView.as_view(), name="proposal-list"),
    path("proposals/new/", views.ProposalCreateView.as_view(), name="proposal-create"),
    path("proposals/<int:pk>/", views.ProposalDetailView.as_view(), name="proposal-detail"),
    path("proposals/<int:pk>/accept/", views.ProposalAcceptView.as_view(), name="proposal-accept"),
    path("proposals/<int:pk>/decline/", views.ProposalDeclineView.as_view(), name="proposal-decline"),
]
