from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.core.choices import Level


class UnitType(models.TextChoices):
    """The word a unit's name is said with ("xã Hiệp Tùng"); each belongs to one level."""

    PROVINCE = "tinh", _("province (tỉnh)")
    CENTRAL_CITY = "thanh_pho_tw", _("centrally-run city (thành phố)")
    DISTRICT = "huyen", _("rural district (huyện)")
    URBAN_DISTRICT = "quan", _("urban district (quận)")
    TOWN = "thi_xa", _("town (thị xã)")
    PROVINCIAL_CITY = "thanh_pho", _("provincial city (thành phố)")
    COMMUNE = "xa", _("commune (xã)")
    WARD = "phuong", _("ward (phường)")
    TOWNSHIP = "thi_tran", _("township (thị trấn)")
    SPECIAL_ZONE = "dac_khu", _("special zone (đặc khu)")
    AP = "ap", _("hamlet (ấp)")
    THON = "thon", _("hamlet (thôn)")
    XOM = "xom", _("hamlet (xóm)")
    KHOM = "khom", _("hamlet (khóm)")
    BAN = "ban", _("hamlet (bản)")
    RESIDENTIAL_GROUP = "to_dan_pho", _("residential group (tổ dân phố)")
    QUARTER = "khu_pho", _("quarter (khu phố)")


# The word as written before a name, for display and for parsing official names.
TYPE_WORDS = {
    UnitType.PROVINCE: "tỉnh",
    UnitType.CENTRAL_CITY: "thành phố",
    UnitType.DISTRICT: "huyện",
    UnitType.URBAN_DISTRICT: "quận",
    UnitType.TOWN: "thị xã",
    UnitType.PROVINCIAL_CITY: "thành phố",
    UnitType.COMMUNE: "xã",
    UnitType.WARD: "phường",
    UnitType.TOWNSHIP: "thị trấn",
    UnitType.SPECIAL_ZONE: "đặc khu",
    UnitType.AP: "ấp",
    UnitType.THON: "thôn",
    UnitType.XOM: "xóm",
    UnitType.KHOM: "khóm",
    UnitType.BAN: "bản",
    UnitType.RESIDENTIAL_GROUP: "tổ dân phố",
    UnitType.QUARTER: "khu phố",
}

TYPE_LEVEL = {
    UnitType.PROVINCE: Level.PROVINCE,
    UnitType.CENTRAL_CITY: Level.PROVINCE,
    UnitType.DISTRICT: Level.DISTRICT,
    UnitType.URBAN_DISTRICT: Level.DISTRICT,
    UnitType.TOWN: Level.DISTRICT,
    UnitType.PROVINCIAL_CITY: Level.DISTRICT,
    UnitType.COMMUNE: Level.COMMUNE,
    UnitType.WARD: Level.COMMUNE,
    UnitType.TOWNSHIP: Level.COMMUNE,
    UnitType.SPECIAL_ZONE: Level.COMMUNE,
}
HAMLET_TYPES = [t for t in UnitType if t not in TYPE_LEVEL]
for _hamlet_type in HAMLET_TYPES:
    TYPE_LEVEL[_hamlet_type] = Level.HAMLET


class SuccessionKind(models.TextChoices):
    MERGE = "merge", _("merged into")
    RENAME = "rename", _("renamed to")
    SPLIT = "split", _("split into")
