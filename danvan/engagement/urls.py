from django.urls import path

from danvan.engagement import views

app_name = "engagement"
urlpatterns = [
    path("dialogues/", views.DialogueListView.as_view(), name="dialogue-list"),
    path("dialogues/new/", views.DialogueCreateView.as_view(), name="dialogue-create"),
    path("dialogues/<int:pk>/", views.DialogueDetailView.as_view(), name="dialogue-detail"),
    path("dialogues/<int:pk>/edit/", views.DialogueUpdateView.as_view(), name="dialogue-update"),
]
