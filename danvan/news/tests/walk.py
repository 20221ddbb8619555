"""Builders for the URL walk: an article (a draft, which only its unit may read) and a photo of one, with a marker."""

from danvan.news.tests.factories import ArticleFactory, PhotoFactory


def _article(unit, marker, pk):
    return ArticleFactory(id=pk, unit=unit, title=marker, lead=marker, byline=marker)


def _photo(unit, marker, pk):
    return PhotoFactory(id=pk, article=ArticleFactory(unit=unit, title=marker), caption=marker)


def walk_builders():
    from danvan.news.models import Article, ArticlePhoto

    return {Article: _article, ArticlePhoto: _photo}
