"""The demo world put back between tests is the one the services built."""

import pytest
from django.apps import apps

from danvan.demo.tests.snapshot import DemoSnapshot
from danvan.movement.models import Initiative
from danvan.units.models import Unit

pytestmark = pytest.mark.django_db(transaction=True)


def _row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_the_restored_demo_world_is_the_built_one():
    snapshot = DemoSnapshot()
    snapshot.restore_or_build()
    built = _row_counts()
    kept = Initiative.objects.order_by("pk").first()
    assert built["movement.Initiative"] > 100 and built["units.Unit"] > 10_000

    Initiative.objects.filter(pk=kept.pk).update(name="Đã sửa trong một bài kiểm thử")
    Initiative.objects.exclude(pk=kept.pk).filter(status=kept.status).delete()
    assert _row_counts() != built
    snapshot.restore_or_build()

    assert _row_counts() == built
    assert Initiative.objects.get(pk=kept.pk).name == kept.name
    # Keys go on after the restored rows: a new record takes a fresh one.
    commune = Unit.objects.filter(level=3).first()
    hamlet = Unit.objects.create(name="Ấp mới sau khi khôi phục", type="ap", parent=commune)
    assert hamlet.pk > max(Unit.objects.exclude(pk=hamlet.pk).values_list("pk", flat=True))
