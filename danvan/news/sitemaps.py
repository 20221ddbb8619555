from django.contrib.sitemaps import Sitemap

from danvan.news.models import Article


class ArticleSitemap(Sitemap):
    changefreq = "weekly"
    limit = 5000

    def items(self):
        return Article.objects.published().only("pk", "slug", "published_at").order_by("-published_at", "-id")

    def location(self, item):
        return item.public_url()

    def lastmod(self, item):
        return item.published_at
