from django.urls import path

from danvan.core import views

app_name = "core"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("inbox/", views.InboxView.as_view(), name="inbox"),
]
