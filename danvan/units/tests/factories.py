"""Factories for units: small fake trees, never the official lists (those are slow)."""

import datetime
import itertools

import factory

from danvan.units.choices import SuccessionKind, UnitType
from danvan.units.models import Unit, UnitSuccession

LEGACY_END = datetime.date(2025, 6, 30)
REFORM_START = datetime.date(2025, 7, 1)

_official_keys = itertools.count(1)


class UnitFactory(factory.django.DjangoModelFactory):
    """A unit; ``save`` sets its level and path, so give the parent first."""

    class Meta:
        model = Unit

    name = factory.Sequence(lambda n: f"Đơn vị {n}")
    code = ""
    type = UnitType.COMMUNE
    parent = None
    valid_from = None
    valid_to = None


class OfficialUnitFactory(UnitFactory):
    """A unit as the official lists give it: it has an ``official_key``."""

    official_key = factory.LazyFunction(lambda: f"test:{next(_official_keys)}")
    code = factory.Sequence(lambda n: f"T{n:05d}")


class LegacyProvinceFactory(OfficialUnitFactory):
    type = UnitType.PROVINCE
    valid_to = LEGACY_END


class LegacyDistrictFactory(OfficialUnitFactory):
    type = UnitType.DISTRICT
    valid_to = LEGACY_END
    parent = factory.SubFactory(LegacyProvinceFactory)


class LegacyCommuneFactory(OfficialUnitFactory):
    type = UnitType.COMMUNE
    valid_to = LEGACY_END
    parent = factory.SubFactory(LegacyDistrictFactory)


class ProvinceFactory(OfficialUnitFactory):
    type = UnitType.PROVINCE
    valid_from = REFORM_START


class CommuneFactory(OfficialUnitFactory):
    type = UnitType.COMMUNE
    valid_from = REFORM_START
    parent = factory.SubFactory(ProvinceFactory)


class HamletFactory(UnitFactory):
    """Hamlets are added by users: no official key."""

    type = UnitType.AP
    parent = factory.SubFactory(CommuneFactory)
    name = factory.Sequence(lambda n: f"Ấp {n}")


class UnitSuccessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = UnitSuccession

    predecessor = factory.SubFactory(LegacyCommuneFactory)
    successor = factory.SubFactory(CommuneFactory)
    kind = SuccessionKind.MERGE
    date = REFORM_START
