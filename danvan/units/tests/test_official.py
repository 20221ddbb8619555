"""Loading the official unit lists.

THIS IS THE SLOW TEST (about 20 s): it loads the real lists, some 13,000 units,
twice. Every other test uses the small fake trees of ``conftest.py``.
"""

import pytest

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
