"""Hamlets' pages as anonymous, as each role, and as a user of another unit (``core/tests/cases.py``)."""

from danvan.core.tests.cases import PageCases
from danvan.units.models import Unit


class TestHamletPages(PageCases):
    model = Unit
    list_route, detail_route, create_route, update_route = "units:list", "units:detail", "units:create", "units:update"

    def create_data(self, tree):
        return {"type": "ap", "name": "Ấp Hòa Bình", "code": "H7-01", "parent": tree.cc1.pk, "valid_from": "01/07/2025"}

    def update_data(self, tree, record):
        return {"type": "thon", "name": "Thôn Hòa Bình", "code": "H7-02", "parent": tree.cc1.pk, "valid_from": "02/07/2025",
                "read_version": getattr(record, "version", "")}
