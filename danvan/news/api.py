from rest_framework import serializers

from danvan.core.api import ScopedModelViewSet
from danvan.news import services
from danvan.news.filters import ArticleFilter
from danvan.news.models import Article
from danvan.oversight.api import TransitionActionMixin


class ArticleSerializer(serializers.ModelSerializer):
    class Meta:
        model = Article
        fields = ["id", "unit", "title", "slug", "lead", "body", "byline", "categories", "tags", "published_at", "status",
                  "version", "missions", "meetings", "dialogues", "decisions", "initiatives"]
        read_only_fields = ["slug", "status", "version"]


class ArticleViewSet(TransitionActionMixin, ScopedModelViewSet):
    """Articles of the writer's units, drafts included; ``…/{id}/transition/`` submits, returns or publishes one."""

    queryset = Article.objects.prefetch_related(*Article.LINKS, "categories").order_by("-published_at", "-id")
    serializer_class = ArticleSerializer
    filterset_class = ArticleFilter
    move = staticmethod(services.move_article)
    workflow = services.ARTICLE_FLOW

    def write(self, instance, extra):
        return services.write_article(self.request.user, instance, links={name: extra[name] for name in Article.LINKS if name in extra},
                                      categories=extra.get("categories"))
