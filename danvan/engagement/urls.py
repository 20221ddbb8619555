from django.urls import path

from danvan.engagement import views

app_name = "engagement"
urlpatterns = [
    path("dialogues/", views.DialogueListView.as_view(), name="dialogue-list"),
    path("dialogues/new/", views.DialogueCreateView.as_view(), name="dialogue-create"),
    path("dialogues/<int:pk>/", views.DialogueDetailView.as_view(), name="dialogue-detail"),
    path("dialogues/<int:pk>/edit/", views.DialogueUpdateView.as_view(), name="dialogue-update"),
    path("dialogues/<int:pk>/notice.docx", views.DialogueNoticeView.as_view(), name="dialogue-notice"),
    path("dialogues/<int:pk>/notice.pdf", views.DialogueNoticeView.as_view(as_pdf=True), name="dialogue-notice-pdf"),
    path("petitions/", views.PetitionListView.as_view(), name="petition-list"),
    path("petitions/stats/", views.StatsView.as_view(), name="stats"),
    # ?year=YYYY&period=m01…m12|q1|6m|9m|year: the KL 215-KL/TW report of the unit's Party committee.
    path("units/<int:pk>/reception-report.docx", views.ReceptionReportView.as_view(), name="reception-report"),
    path("units/<int:pk>/reception-report.pdf", views.ReceptionReportView.as_view(as_pdf=True), name="reception-report-pdf"),
    path("petitions/new/", views.PetitionCreateView.as_view(), name="petition-create"),
    path("petitions/<int:pk>/", views.PetitionDetailView.as_view(), name="petition-detail"),
    path("petitions/<int:pk>/edit/", views.PetitionUpdateView.as_view(), name="petition-update"),
    path("petitions/<int:pk>/transfer/", views.PetitionTransferView.as_view(), name="petition-transfer"),
    path("petitions/<int:pk>/accept/", views.PetitionAcceptView.as_view(), name="petition-accept"),
    path("petitions/<int:pk>/return/", views.PetitionReturnView.as_view(), name="petition-return"),
    path("petitions/<int:pk>/answer/", views.PetitionAnswerView.as_view(), name="petition-answer"),
    path("petitions/<int:pk>/close/", views.PetitionCloseView.as_view(), name="petition-close"),
    # Public, no login: a citizen writes to a commune and follows the petition with its tracking code.
    path("public/petition/", views.PublicPetitionView.as_view(), name="public-petition"),
    path("public/petition/sent/", views.PublicSubmittedView.as_view(), name="public-submitted"),
    path("public/petition/track/", views.PublicTrackView.as_view(), name="public-track"),
    path("status-labels/", views.StatusLabelListView.as_view(), name="status-label-list"),
    path("status-labels/new/", views.StatusLabelCreateView.as_view(), name="status-label-create"),
    path("status-labels/<int:pk>/edit/", views.StatusLabelUpdateView.as_view(), name="status-label-update"),
]

urlpatterns += [
    path("hot-cases/", views.HotCaseListView.as_view(), name="case-list"),
    path("hot-cases/new/", views.HotCaseCreateView.as_view(), name="case-create"),
    path("hot-cases/<int:pk>/", views.HotCaseDetailView.as_view(), name="case-detail"),
    path("hot-cases/<int:pk>/edit/", views.HotCaseUpdateView.as_view(), name="case-update"),
    path("hot-cases/<int:pk>/event/", views.HotCaseEventView.as_view(), name="case-event"),
    path("hot-cases/<int:pk>/settle/", views.HotCaseSettleView.as_view(), name="case-settle"),
    path("hot-cases/<int:pk>/reopen/", views.HotCaseReopenView.as_view(), name="case-reopen"),
    path("petitions/<int:pk>/case/", views.PetitionCaseView.as_view(), name="petition-case"),
    path("petitions/<int:pk>/merge/", views.PetitionMergeView.as_view(), name="petition-merge"),
    path("petitions/<int:pk>/unmerge/", views.PetitionUnmergeView.as_view(), name="petition-unmerge"),
]
