"""Seed 000 in the demo: huyện Năm Căn "phát triển mới 1.873 đoàn viên, hội viên, nâng tổng số toàn huyện có 22.896"."""

import datetime
import time

import pytest

from danvan.core.statistics import Reach
from danvan.members.queries import MemberQuestion, member_stats
from danvan.units.models import Unit

YEAR = (datetime.date(2018, 1, 1), datetime.date(2018, 12, 31))


def _stats(unit):
    return member_stats(MemberQuestion(Reach.of(unit), *YEAR))


def test_nam_can_counts_1873_new_and_22896_members_in_2018_and_so_does_todays_ca_mau(demo_world):
    district = Unit.objects.get(name="Năm Căn", level=2, valid_to__isnull=False)
    today_ca_mau = Unit.objects.get(name="Cà Mau", level=1, valid_to__isnull=True)
    for unit in (district, today_ca_mau):
        stats = _stats(unit)
        assert (stats["new"], stats["memberships"]) == (1_873, 22_896), unit
        assert stats["persons"] < stats["memberships"] * 0.9, unit  # a share of persons in two or three organisations
        assert stats["left"] > 0 and stats["net_growth"] == 1_873 - stats["left"]
    rates = {row["name"]: row["rate"] for row in _stats(district)["by_organization"]}
    assert all("/" in rate and "%" in rate for rate in rates.values()) and len(rates) == 4
