"""The writers' list and the portal's pages cost the same queries for three articles as for nine, photos included."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from danvan.core.choices import Role
from danvan.news.tests.factories import PhotoFactory, PublishedArticleFactory

pytestmark = pytest.mark.django_db


def queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def add(tree, n):
    for _ in range(n):
        PhotoFactory(article=PublishedArticleFactory(unit=tree.cc1))


@pytest.mark.parametrize("name", ["news:list", "portal:home", "portal:unit", "portal:article"])
def test_a_page_costs_the_same_queries_for_three_times_the_articles(tree, make_user, login, client, name):
    reader = login(make_user(tree.cc1, Role.EDITOR)) if name == "news:list" else client
    add(tree, 3)
    first = PublishedArticleFactory(unit=tree.cc1)
    url = {"portal:unit": lambda: reverse(name, args=[tree.cc1.pk]), "portal:article": first.public_url}.get(name, lambda: reverse(name))()
    few = queries(reader, url)
    add(tree, 6)
    assert queries(reader, url) == few
