from django.urls import path

from danvan.accounts import user_views as views

app_name = "users"
urlpatterns = [
    path("", views.UserListView.as_view(), name="list"),
    path("new/", views.UserCreateView.as_view(), name="create"),
    path("<int:pk>/", views.UserUpdateView.as_view(), name="update"),
    path("<int:pk>/active/", views.UserActiveView.as_view(), name="active"),
    path("<int:pk>/password/", views.UserPasswordView.as_view(), name="password"),
]
