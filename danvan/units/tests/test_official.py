"""Loading the official unit lists.

THESE ARE THE SLOW TESTS (about 20 s each): they load the real lists, some 13,000 units
(the first twice). Every other test uses the small fake trees of ``conftest.py``.
"""

import random

import pytest
from django.db import models
from django.urls import reverse

from danvan.core.text import fold
from danvan.units.choices import UnitType
from danvan.units.models import Unit, UnitSuccession
from danvan.units.services import LoadReport, load_official_units

pytestmark = pytest.mark.django_db


def test_load_official_units():
    report = load_official_units()
    official = Unit.objects.filter(official_key__isnull=False)
    assert official.legacy().filter(level=1).count() == 63
    assert official.legacy().filter(level=2).count() == 696
    assert official.current().filter(level=1).count() == 34
    assert official.current().filter(level=3).count() == 3321
    assert official.current().filter(level=2).count() == 0  # no districts after the reform
    assert report.created == official.count()
    assert report.successions_created == UnitSuccession.objects.count() > 0

    # Paths follow parents all the way down.
    commune = official.legacy().filter(level=3).select_related("parent__parent").first()
    assert commune.path == commune.parent.parent.path + commune.parent.path[-8:] + commune.path[-8:]
    assert commune.parent.level == 2 and commune.parent.parent.level == 1

    # Codes were reused by the reform: today's 91 is An Giang, the legacy 91 Kiên Giang.
    assert official.current().get(level=1, code="91").name == "An Giang"
    assert official.legacy().get(level=1, code="91").name == "Kiên Giang"
    kien_giang = official.legacy().get(level=1, code="91")
    assert "An Giang" in {unit.name for unit in kien_giang.successors.all()}

    # A legacy commune has a succession to a current commune.
    link = UnitSuccession.objects.filter(predecessor__level=3, predecessor__valid_to__isnull=False).select_related("successor").first()
    assert link is not None
    assert link.successor.level == 3 and link.successor.valid_to is None
    legacy_communes = official.legacy().filter(level=3)
    with_successor = legacy_communes.filter(successions_as_predecessor__isnull=False).distinct().count()
    assert with_successor > 0.95 * legacy_communes.count()

    # A second run changes nothing.
    count, successions = official.count(), UnitSuccession.objects.count()
    again = load_official_units()
    assert again == LoadReport()
    assert not again.changed
    assert (official.count(), UnitSuccession.objects.count()) == (count, successions)

    # The keys were taken before the insert: every path ends with its own key, and a unit added later
    # gets a key after them (on PostgreSQL the sequence moved on).
    assert not official.exclude(path__endswith=models.functions.LPad(models.functions.Cast("pk", models.CharField()), 8, models.Value("0"))).exists()
    hamlet = Unit.objects.create(name="Mới", type=UnitType.AP, parent=commune)
    assert hamlet.pk > official.aggregate(models.Max("pk"))["pk__max"]


def test_a_changed_official_unit_is_updated_in_place():
    load_official_units()
    unit = Unit.objects.filter(official_key__isnull=False, level=3).order_by("pk").first()
    Unit.objects.filter(pk=unit.pk).update(name="Tên cũ", search_text="ten cu")
    report = load_official_units()
    assert (report.created, report.updated) == (0, 1)
    unit.refresh_from_db()
    assert unit.name != "Tên cũ" and fold(unit.name) in unit.search_text


def _typed(unit, with_type_word):
    """What an official types for ``unit``: the name without diacritics, with or without its type word."""
    return fold(f"{unit.type_word} {unit.name}" if with_type_word else unit.name)


def test_search_finds_the_typed_official_unit_first(national_admin, login):
    """200 units drawn with a fixed seed, half typed with their type word, through ``GET /api/v1/units/?search=``.

    Where the typed text names several units alike (fifteen "xã Tân Thành", today's and the old "tỉnh Cà Mau"),
    any of them first counts: the era and parent shown beside each tell them apart.
    """
    load_official_units()
    units = list(Unit.objects.filter(official_key__isnull=False).exclude(level=4).order_by("official_key"))
    drawn = random.Random(2025).sample(units, 200)
    client = login(national_admin)
    first, top_three = 0, 0
    for n, unit in enumerate(drawn):
        with_type_word = n % 2 == 0
        typed = _typed(unit, with_type_word)
        found = client.get(reverse("api:unit-list"), {"search": typed, "page_size": 3}).json()["results"]
        alike = [fold(f"{row['type']} {row['name']}" if with_type_word else row["name"]) == typed for row in found]
        first += bool(alike[:1] and alike[0])
        top_three += any(row["id"] == unit.pk for row in found) or any(alike)
    print(f"search quality: first {first}/200, top three {top_three}/200")
    assert first >= 190 and top_three == 200
