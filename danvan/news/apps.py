from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "danvan.news"
    label = "news"
    verbose_name = _("News")

    def ready(self):
        from danvan.core import panels, search
        from danvan.news.models import Article
        from danvan.news.views import linked_articles

        search.register(Article, _("News articles"), select_related=("unit",))
        for label in ("oversight.Mission", "oversight.Meeting", "engagement.Dialogue", "awards.CommendationDecision",
                      "movement.Initiative"):
            panels.register(label, linked_articles)
