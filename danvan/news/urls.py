from django.urls import path

from danvan.news import views

app_name = "news"
urlpatterns = [
    path("", views.ArticleListView.as_view(), name="list"),
    path("new/", views.ArticleCreateView.as_view(), name="create"),
    path("<int:pk>/", views.ArticleDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.ArticleUpdateView.as_view(), name="update"),
    path("<int:pk>/move/", views.ArticleMoveView.as_view(), name="move"),
    path("<int:pk>/photos/new/", views.PhotoAddView.as_view(), name="photo-add"),
    path("photos/<int:pk>/", views.PhotoFileView.as_view(), name="photo"),
]
