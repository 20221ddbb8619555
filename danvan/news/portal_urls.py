"""The public portal: no login, published articles only."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from danvan.news import feeds, views
from danvan.news.sitemaps import ArticleSitemap

app_name = "portal"
urlpatterns = [
    path("", views.PortalHomeView.as_view(), name="home"),
    path("feed/", feeds.ArticleFeed(), name="feed"),
    path("feed/atom/", feeds.AtomArticleFeed(), name="feed-atom"),
    path("sitemap.xml", sitemap, {"sitemaps": {"news": ArticleSitemap}}, name="sitemap"),
    path("unit/<int:pk>/", views.PortalUnitView.as_view(), name="unit"),
    path("unit/<int:pk>/feed/", feeds.UnitFeed(), name="unit-feed"),
    path("category/<slug:slug>/", views.PortalCategoryView.as_view(), name="category"),
    path("category/<slug:slug>/feed/", feeds.CategoryFeed(), name="category-feed"),
    path("photos/<int:pk>/", views.PortalPhotoView.as_view(), name="photo"),
    path("photos/<int:pk>/thumbnail/", views.PortalPhotoView.as_view(thumbnail=True), name="thumbnail"),
    path("<int:pk>-<slug:slug>/", views.PortalArticleView.as_view(), name="article"),
]
