"""Read-side questions of the news: what an article links to, "Tin khác", thumbnails, the showcase's sample."""

from django.db.models import Case, IntegerField, Min, Value, When

from danvan.movement.models import Initiative
from danvan.news.models import Article, ArticlePhoto

OTHER_ARTICLES = 6
SHOWCASE_SAMPLE = 6


def links_of(article):
    """(label, records) of each kind of record the article reports, kinds without records left out."""
    found = []
    for name in Article.LINKS:
        records = list(getattr(article, name).all())
        if records:
            found.append((Article._meta.get_field(name).verbose_name, records))
    return found


def articles_linked_to(user, record):
    """Articles reporting ``record``: published ones, and the user's own units' drafts."""
    field = {"Mission": "missions", "Meeting": "meetings", "Dialogue": "dialogues", "CommendationDecision": "decisions",
             "Initiative": "initiatives"}[type(record).__name__]
    linked = Article.objects.filter(**{field: record})
    return list((linked.published() | linked.visible_to(user)).distinct().select_related("unit").order_by("-published_at", "-id")[:20])


def other_articles(article):
    """"Tin khác": the latest other published articles of the same unit, then of anywhere when the unit has few; one query."""
    same_unit = Case(When(unit_id=article.unit_id, then=Value(1)), default=Value(0), output_field=IntegerField())
    return list(Article.objects.published().exclude(pk=article.pk).select_related("unit")
                .order_by(same_unit.desc(), "-published_at", "-id")[:OTHER_ARTICLES])


def with_thumbnails(articles):
    """``articles`` (a page of them), each with ``thumbnail_id``: its first photo's, or None; one query."""
    articles = list(articles)
    ids = [article.pk for article in articles]
    firsts = ArticlePhoto.objects.filter(article_id__in=ids).values("article_id").annotate(first=Min("pk")) if ids else []
    found = {row["article_id"]: row["first"] for row in firsts}
    for article in articles:
        article.thumbnail_id = found.get(article.pk)
    return articles


def showcase_sample():
    return list(Initiative.objects.on_showcase().select_related("unit").order_by("-recognised_on", "-pk")[:SHOWCASE_SAMPLE])
