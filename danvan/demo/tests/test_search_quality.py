"""Search quality on the demo's organisations and people (issue 9, point 3): 50 names drawn with a fixed seed,
typed without diacritics into the organisation and person boxes, as the national administrator."""

import html
import random
import re

import pytest

from danvan.accounts.models import User
from danvan.core.text import fold
from danvan.demo import build as demo
from danvan.organizations.models import Organization
from danvan.people.models import Person

pytestmark = pytest.mark.django_db


def _shown(page):
    """The names the autocomplete offers, in order."""
    return [fold(html.unescape(re.sub(r"<.*", "", label)).strip()) for label in re.findall(r'data-ac-value="\d+">(.*?)</button>', page, re.S)]


def test_the_demos_organisations_and_people_are_found_first_as_typed(client):
    demo.build()
    client.force_login(User.objects.get(username="admin"))
    rng = random.Random(2025)
    drawn = [("/organizations/lookup/", org.name) for org in rng.sample(list(Organization.objects.order_by("pk")), 25)]
    drawn += [("/people/lookup/", person.full_name) for person in rng.sample(list(Person.objects.order_by("pk")), 25)]
    first, top_three, misses = 0, 0, []
    for url, name in drawn:
        typed = fold(name)
        shown = _shown(client.get(url, {"q": typed}).content.decode())
        first += bool(shown) and shown[0] == typed
        top_three += typed in shown[:3]
        if not shown or shown[0] != typed:
            misses.append((typed, shown[:3]))
    print(f"demo search quality: first {first}/50, top three {top_three}/50; not first: {misses}")
    assert first >= 48 and top_three == 50, misses
