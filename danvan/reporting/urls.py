from django.urls import path
from django.utils.translation import gettext_lazy as _

from danvan.core.choices import Role
from danvan.reporting import services, views
from danvan.reporting.forms import ReturnForm

app_name = "reporting"
urlpatterns = [
    path("", views.SubmissionListView.as_view(), name="submission-list"),
    path("<int:pk>/", views.SubmissionDetailView.as_view(), name="submission-detail"),
    path("<int:pk>/figures/", views.SubmissionFiguresView.as_view(), name="submission-figures"),
    path("<int:pk>/submit/", views.SubmissionStepView.as_view(step=services.submit, page_title=_("Send the report")), name="submission-submit"),
    path("<int:pk>/accept/", views.SubmissionStepView.as_view(step=services.accept, page_title=_("Accept the report"), required_role=Role.APPROVER),
         name="submission-accept"),
    path("<int:pk>/return/", views.SubmissionStepView.as_view(step=services.return_for_correction, form_class=ReturnForm,
                                                              page_title=_("Return the report for correction"), required_role=Role.APPROVER),
         name="submission-return"),
    path("<int:pk>/report.docx", views.SubmissionReportView.as_view(), name="submission-report"),
    path("<int:pk>/report.pdf", views.SubmissionReportView.as_view(as_pdf=True), name="submission-report-pdf"),
    path("completeness/", views.CompletenessView.as_view(), name="completeness"),
    path("figures/", views.RollupView.as_view(), name="rollup"),
    path("indicators/", views.CatalogueView.as_view(), name="catalogue"),
]
