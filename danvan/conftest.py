"""Shared fixtures: a small fake unit tree across the 2025 reform, users on it, logged-in clients."""

import types

import pytest
from django.test import Client

from danvan.accounts.tests.factories import UserFactory
from danvan.core.choices import Role
from danvan.units.choices import UnitType
from danvan.units.tests.factories import (
    CommuneFactory,
    HamletFactory,
    LegacyCommuneFactory,
    LegacyDistrictFactory,
    LegacyProvinceFactory,
    ProvinceFactory,
    UnitSuccessionFactory,
    LEGACY_END,
)


@pytest.fixture
def tree(db):
    """Two legacy provinces and two current ones, linked by succession like the 2025 reform.

    Legacy (until 30/06/2025)                 Current (from 01/07/2025)
    tỉnh Kiên Giang (lp1) ── merged into ──▶ tỉnh An Giang (cp)
      huyện Châu Thành (ld1)                   xã Bình An (cc1) ◀── xã Mong Thọ (lc2)
        xã Minh Hòa (lc1)                        ấp Mới (h1)
          ấp Cũ (lh1)                          xã Thạnh Lộc (cc2)
    tỉnh Cà Mau (lp2)                        tỉnh Cà Mau (cp2)
      huyện Năm Căn (ld2)                      xã Đất Mũi (cc3) ◀── xã Hàm Rồng (lc3)
        xã Mong Thọ (lc2), xã Hàm Rồng (lc3)
    """
    t = types.SimpleNamespace()
    t.lp1 = LegacyProvinceFactory(name="Kiên Giang", code="91")
    t.ld1 = LegacyDistrictFactory(name="Châu Thành", parent=t.lp1)
    t.lc1 = LegacyCommuneFactory(name="Minh Hòa", parent=t.ld1)
    t.lh1 = HamletFactory(name="Cũ", parent=t.lc1, valid_to=LEGACY_END)
    t.lp2 = LegacyProvinceFactory(name="Cà Mau", code="96")
    t.ld2 = LegacyDistrictFactory(name="Năm Căn", parent=t.lp2)
    t.lc2 = LegacyCommuneFactory(name="Mong Thọ", parent=t.ld2)
    t.lc3 = LegacyCommuneFactory(name="Hàm Rồng", parent=t.ld2)

    t.cp = ProvinceFactory(name="An Giang", code="91")
    t.cc1 = CommuneFactory(name="Bình An", parent=t.cp)
    t.h1 = HamletFactory(name="Mới", parent=t.cc1)
    t.cc2 = CommuneFactory(name="Thạnh Lộc", parent=t.cp, type=UnitType.WARD)
    t.cp2 = ProvinceFactory(name="Cà Mau", code="96")
    t.cc3 = CommuneFactory(name="Đất Mũi", parent=t.cp2)

    UnitSuccessionFactory(predecessor=t.lp1, successor=t.cp)
    UnitSuccessionFactory(predecessor=t.lc2, successor=t.cc1)
    UnitSuccessionFactory(predecessor=t.lc3, successor=t.cc3)
    UnitSuccessionFactory(predecessor=t.lp2, successor=t.cp2)
    return t


@pytest.fixture
def make_user(db):
    def make(unit=None, role=Role.EDITOR, **kwargs):
        return UserFactory(unit=unit, role=role, **kwargs)

    return make


@pytest.fixture
def login(db):
    """``login(user)`` gives a test client logged in as ``user`` (axes needs a request, so no password login)."""

    def make(user, **kwargs):
        client = Client(**kwargs)
        client.force_login(user)
        return client

    return make


@pytest.fixture
def national_admin(make_user):
    """A national administrator: no unit, the administrator role."""
    return make_user(unit=None, role=Role.ADMINISTRATOR, username="quantri")


@pytest.fixture
def browser():
    """Debian's headless Chromium through Playwright (tests marked ``browser``)."""
    import os

    from playwright.sync_api import sync_playwright

    from danvan.core.tests.browser import CHROMIUM, CHROMIUM_ARGS

    # Playwright's sync API runs an event loop in this thread; the ORM calls the live server
    # makes happen in the server's own threads. Only for this test: a later one that starts
    # `danvan check --deploy` must not inherit the switch (the check rightly refuses it).
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(autouse=True, scope="session")
def _fast_password_hashing():
    """PBKDF2 costs a third of a second a user; tests need no real hashing strength."""
    from django.test.utils import override_settings

    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture
def demo_world(transactional_db):
    """The demo world, as ``danvan demo`` builds it: built once per test run, put back before each test that asks
    (the browser journeys change it, and the transactional test case empties the database after each)."""
    from danvan.demo.tests.snapshot import SNAPSHOT

    SNAPSHOT.restore_or_build()
