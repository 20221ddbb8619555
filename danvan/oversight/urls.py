from django.urls import path

from danvan.oversight import views

app_name = "oversight"
urlpatterns = [
    path("missions/", views.MissionListView.as_view(), name="mission-list"),
    path("missions/new/", views.MissionCreateView.as_view(), name="mission-create"),
    path("missions/<int:pk>/", views.MissionDetailView.as_view(), name="mission-detail"),
    path("missions/<int:pk>/edit/", views.MissionUpdateView.as_view(), name="mission-update"),
    path("missions/<int:pk>/members/new/", views.MissionMemberAddView.as_view(), name="mission-member-add"),
    path("missions/<int:pk>/targets/new/", views.MissionTargetAddView.as_view(), name="mission-target-add"),
    path("missions/<int:pk>/findings/new/", views.FindingAddView.as_view(), name="finding-add"),
    path("missions/<int:pk>/follow-ups/new/", views.MissionFollowUpAddView.as_view(), name="mission-follow-up-add"),
    path("missions/<int:pk>/documents/new/", views.MissionDocumentAddView.as_view(), name="mission-document-add"),
    path("missions/<int:pk>/status/", views.MissionTransitionView.as_view(), name="mission-transition"),
    path("missions/<int:pk>/report.docx", views.MissionReportView.as_view(), name="mission-report"),
    path("mission-documents/<int:pk>/", views.MissionDocumentFileView.as_view(), name="mission-document-file"),
    path("meetings/", views.MeetingListView.as_view(), name="meeting-list"),
    path("meetings/new/", views.MeetingCreateView.as_view(), name="meeting-create"),
    path("meetings/<int:pk>/", views.MeetingDetailView.as_view(), name="meeting-detail"),
    path("meetings/<int:pk>/edit/", views.MeetingUpdateView.as_view(), name="meeting-update"),
    path("meetings/<int:pk>/attendees/new/", views.MeetingAttendeeAddView.as_view(), name="meeting-attendee-add"),
    path("meetings/<int:pk>/follow-ups/new/", views.MeetingFollowUpAddView.as_view(), name="meeting-follow-up-add"),
    path("meetings/<int:pk>/documents/new/", views.MeetingDocumentAddView.as_view(), name="meeting-document-add"),
    path("meeting-documents/<int:pk>/", views.MeetingDocumentFileView.as_view(), name="meeting-document-file"),
    path("follow-ups/", views.FollowUpListView.as_view(), name="follow-up-list"),
    path("follow-ups/mine/", views.MyOpenFollowUpsView.as_view(), name="follow-up-mine"),
    path("follow-ups/due/", views.DueSoonView.as_view(), name="follow-up-due"),
    path("follow-ups/<int:pk>/", views.FollowUpDetailView.as_view(), name="follow-up-detail"),
    path("follow-ups/<int:pk>/edit/", views.FollowUpUpdateView.as_view(), name="follow-up-update"),
    path("follow-ups/<int:pk>/progress/new/", views.ProgressAddView.as_view(), name="progress-add"),
    path("follow-ups/<int:pk>/status/", views.FollowUpTransitionView.as_view(), name="follow-up-transition"),
    path("progress-files/<int:pk>/", views.ProgressFileView.as_view(), name="progress-file"),
    path("plans/", views.SupervisionPlanListView.as_view(), name="plan-list"),
    path("plans/new/", views.SupervisionPlanCreateView.as_view(), name="plan-create"),
    path("plans/<int:pk>/", views.SupervisionPlanDetailView.as_view(), name="plan-detail"),
    path("calendar/", views.CalendarView.as_view(), name="calendar"),
]
