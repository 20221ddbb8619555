from django.urls import path

from danvan.members import views

app_name = "members"
urlpatterns = [
    path("", views.MembershipListView.as_view(), name="list"),
    path("new/", views.MembershipCreateView.as_view(), name="create"),
    path("stats/", views.StatsView.as_view(), name="stats"),
    path("<int:pk>/", views.MembershipDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.MembershipUpdateView.as_view(), name="update"),
    path("<int:pk>/transfer/", views.MembershipTransferView.as_view(), name="transfer"),
    path("<int:pk>/leave/", views.MembershipLeaveView.as_view(), name="leave"),
    path("persons/<int:pk>/", views.PersonMembershipsView.as_view(), name="person"),
    path("populations/", views.EligiblePopulationListView.as_view(), name="population-list"),
    path("populations/new/", views.EligiblePopulationCreateView.as_view(), name="population-create"),
    path("populations/<int:pk>/edit/", views.EligiblePopulationUpdateView.as_view(), name="population-update"),
]
