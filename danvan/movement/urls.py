from django.urls import path

from danvan.movement import views

app_name = "movement"
urlpatterns = [
    path("", views.InitiativeListView.as_view(), name="list"),
    path("new/", views.InitiativeCreateView.as_view(), name="create"),
    path("lookup/", views.InitiativeLookupView.as_view(), name="lookup"),
    path("import/", views.ImportView.as_view(), name="import"),
    path("stats/", views.StatsView.as_view(), name="stats"),
    path("formalism/", views.FormalismListView.as_view(), name="formalism"),
    path("appraisal/", views.AppraisalBatchView.as_view(), name="appraisal-batch"),
    path("showcase/", views.ShowcaseView.as_view(), name="showcase"),
    path("showcase/<int:pk>/", views.ShowcaseDetailView.as_view(), name="showcase-detail"),
    path("showcase/photos/<int:pk>/", views.PublicPhotoView.as_view(), name="public-photo"),
    path("<int:pk>/", views.InitiativeDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.InitiativeUpdateView.as_view(), name="update"),
    path("<int:pk>/move/", views.InitiativeMoveView.as_view(), name="move"),
    path("<int:pk>/appraise/", views.AppraisalAddView.as_view(), name="appraise"),
    path("appraisals/<int:pk>/record.docx", views.AppraisalRecordView.as_view(), name="appraisal-record"),
    path("appraisals/<int:pk>/record.pdf", views.AppraisalRecordView.as_view(as_pdf=True), name="appraisal-record-pdf"),
    path("<int:pk>/recognise/", views.RecognitionAddView.as_view(), name="recognise"),
    path("<int:pk>/results/new/", views.ResultAddView.as_view(), name="result-add"),
    path("<int:pk>/attachments/new/", views.AttachmentAddView.as_view(), name="attachment-add"),
    path("<int:pk>/replications/new/", views.ReplicationAddView.as_view(), name="replication-add"),
    path("files/<int:pk>/", views.AttachmentFileView.as_view(), name="file"),
]
