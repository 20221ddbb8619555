"""The official unit lists, read from the PyPI packages that ship them.

``vietnamadminunits`` holds the 63-province list in force until 30/06/2025 and
the conversion from it to the 2025 list; ``vietnam-provinces`` holds the current
34-province list with its official codes. Both are read as plain records here;
``services.load_official_units`` writes them.
"""

import dataclasses
import re
import datetime
import importlib.util
import json
import sqlite3
import unicodedata
from functools import cache
from pathlib import Path

import vietnam_provinces

from danvan.core.text import _LETTER_MAP, _SPACES
from danvan.units.choices import SuccessionKind, UnitType

LEGACY_END = datetime.date(2025, 6, 30)
REFORM_START = datetime.date(2025, 7, 1)

_TYPE_BY_WORD = {
    "tỉnh": UnitType.PROVINCE,
    "thành phố trung ương": UnitType.CENTRAL_CITY,
    "quận": UnitType.URBAN_DISTRICT,
    "huyện": UnitType.DISTRICT,
    "thị xã": UnitType.TOWN,
    "thành phố": UnitType.PROVINCIAL_CITY,
    "xã": UnitType.COMMUNE,
    "phường": UnitType.WARD,
    "thị trấn": UnitType.TOWNSHIP,
    "đặc khu": UnitType.SPECIAL_ZONE,
}


@dataclasses.dataclass(frozen=True)
class OfficialUnit:
    key: str
    code: str
    name: str
    type: str
    parent_key: str | None
    valid_from: datetime.date | None
    valid_to: datetime.date | None


@dataclasses.dataclass(frozen=True)
class OfficialSuccession:
    predecessor_key: str
    successor_key: str
    kind: str


def _strip_type(full_name, type_word):
    return full_name[len(type_word):].strip() if full_name.lower().startswith(type_word) else full_name


def _legacy_province_type(full_name):
    return UnitType.CENTRAL_CITY if full_name.startswith("Thành phố") else UnitType.PROVINCE


def legacy_key(level, code):
    return f"legacy:{level}:{code}"


def current_key(level, code):
    return f"2025:{level}:{code}"


# ``vietnamadminunits``' data files, read without importing the package: its __init__ builds the address
# parsers, which the load never uses, and that takes longer than writing the units.
_ADMINUNITS_DATA = Path(importlib.util.find_spec("vietnamadminunits").submodule_search_locations[0]) / "data"


def query(sql):
    """Rows of the package's dataset, read by column name (``vietnamadminunits.database.query`` copies each into
    a dict)."""
    connection = sqlite3.connect(_ADMINUNITS_DATA / "dataset.db")
    try:
        connection.row_factory = sqlite3.Row
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


@cache
def _converter():
    """The package's conversion tables from the 63 provinces to the 34 (``vietnamadminunits.converter.converter_2025``)."""
    with open(_ADMINUNITS_DATA / "converter_2025.json", encoding="utf-8") as handle:
        return json.load(handle)


@cache
def _legacy_rows():
    return query(
        "SELECT province, district, ward, provinceCode, districtCode, wardCode, districtType, wardType,"
        " provinceKey, districtKey, wardKey FROM admin_units_legacy"
    )


def legacy_units():
    """Provinces, districts and communes valid until 30/06/2025, parents first."""
    provinces, districts, communes = {}, {}, {}
    for row in _legacy_rows():
        # A province or district repeats on each of its communes' rows: the first row gives it.
        if row["provinceCode"] not in provinces:
            province_type = _legacy_province_type(row["province"])
            provinces[row["provinceCode"]] = OfficialUnit(
                legacy_key("province", row["provinceCode"]), row["provinceCode"],
                _strip_type(row["province"], "thành phố" if province_type == UnitType.CENTRAL_CITY else "tỉnh"),
                province_type, None, None, LEGACY_END,
            )
        if row["districtCode"] not in districts:
            district_word = row["districtType"].lower()
            districts[row["districtCode"]] = OfficialUnit(
                legacy_key("district", row["districtCode"]), row["districtCode"],
                _strip_type(row["district"], district_word), _TYPE_BY_WORD[district_word],
                legacy_key("province", row["provinceCode"]), None, LEGACY_END,
            )
        if row["wardCode"]:
            ward_word = row["wardType"].lower()
            communes[row["wardCode"]] = OfficialUnit(
                legacy_key("commune", row["wardCode"]), row["wardCode"],
                _strip_type(row["ward"], ward_word), _TYPE_BY_WORD[ward_word],
                legacy_key("district", row["districtCode"]), None, LEGACY_END,
            )
    return [*provinces.values(), *districts.values(), *communes.values()]


@cache
def _current_divisions():
    with open(vietnam_provinces.NESTED_DIVISIONS_JSON_PATH, encoding="utf-8") as handle:
        return json.load(handle)


def current_units():
    """The 34 provinces and 3,321 communes valid from 01/07/2025, parents first."""
    provinces, communes = [], []
    for province in _current_divisions():
        province_type = _TYPE_BY_WORD[province["division_type"]]
        province_code = f"{province['code']:02d}"
        provinces.append(OfficialUnit(
            current_key("province", province_code), province_code,
            _strip_type(province["name"], "thành phố" if province_type == UnitType.CENTRAL_CITY else "tỉnh"),
            province_type, None, REFORM_START, None,
        ))
        for ward in province["wards"]:
            ward_type = _TYPE_BY_WORD[ward["division_type"]]
            ward_code = f"{ward['code']:05d}"
            communes.append(OfficialUnit(
                current_key("commune", ward_code), ward_code, _strip_type(ward["name"], ward["division_type"]),
                ward_type, current_key("province", province_code), REFORM_START, None,
            ))
    return [*provinces, *communes]


def successions():
    """Lineage from each legacy province and commune to the 2025 unit(s) it became."""
    legacy_province_by_key, legacy_commune_by_key = {}, {}
    for row in _legacy_rows():
        legacy_province_by_key[row["provinceKey"]] = legacy_key("province", row["provinceCode"])
        ward_part = row["wardKey"] or ""
        legacy_code_key = (
            legacy_key("commune", row["wardCode"]) if row["wardCode"] else legacy_key("district", row["districtCode"])
        )
        legacy_commune_by_key[f"{row['provinceKey']}_{row['districtKey']}_{ward_part}"] = legacy_code_key
    current_province_by_key, current_commune_by_key = _current_keys()
    converter = _converter()
    DICT_PROVINCE, DICT_PROVINCE_WARD_NO_DIVIDED, DICT_PROVINCE_WARD_DIVIDED = (  # noqa: N806 (the package's names)
        converter["DICT_PROVINCE"], converter["DICT_PROVINCE_WARD_NO_DIVIDED"], converter["DICT_PROVINCE_WARD_DIVIDED"])

    links = []
    for new_province, old_provinces in DICT_PROVINCE.items():
        kind = SuccessionKind.MERGE if len(old_provinces) > 1 else SuccessionKind.RENAME
        for old_province in old_provinces:
            links.append(OfficialSuccession(legacy_province_by_key[old_province], current_province_by_key[new_province], kind))
    for new_province, wards in DICT_PROVINCE_WARD_NO_DIVIDED.items():
        for new_ward, old_wards in wards.items():
            successor = current_commune_by_key.get((new_province, fold_key(new_ward)))
            kind = SuccessionKind.MERGE if len(old_wards) > 1 else SuccessionKind.RENAME
            for old_ward in old_wards:
                if successor and old_ward in legacy_commune_by_key:
                    links.append(OfficialSuccession(legacy_commune_by_key[old_ward], successor, kind))
    for new_province, old_wards in DICT_PROVINCE_WARD_DIVIDED.items():
        for old_ward, new_wards in old_wards.items():
            for new_ward in new_wards:
                successor = current_commune_by_key.get((new_province, fold_key(new_ward["newWardKey"])))
                if successor and old_ward in legacy_commune_by_key:
                    links.append(OfficialSuccession(legacy_commune_by_key[old_ward], successor, SuccessionKind.SPLIT))
    return list(dict.fromkeys(links))


def fold_key(key):
    """The converter's keys are folded names without spaces or apostrophes ("Ea H'leo"); a few still carry diacritics."""
    return _NOT_KEY.sub("", key.lower() if key.isascii() else fold_name(key))


_NOT_KEY = re.compile(r"[^a-z0-9]")


class _FoldedCharacters(dict):
    """Each character as ``core.text.fold`` leaves it before lower-casing, worked out once per character.

    NFD decomposes character by character and only reorders combining marks, which folding drops, so
    folding a text character by character gives what ``fold`` gives."""

    def __missing__(self, code):
        decomposed = unicodedata.normalize("NFD", chr(code).translate(_LETTER_MAP))
        value = self[code] = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        return value


_FOLDED_CHARACTERS = _FoldedCharacters()


def fold_name(text):
    """``core.text.fold(text)``, five times faster over the 28,000 names of a load."""
    return _SPACES.sub(" ", (text or "").translate(_FOLDED_CHARACTERS).lower()).strip()


def _current_keys():
    """Map the converter's (province key, ward key) to our current units' keys.

    The converter's own codes differ from the official current list for about a
    hundred wards, so wards are matched by province and folded name instead.
    """
    province_code_by_key, ward_by_province_and_name = {}, {}
    for row in query("SELECT DISTINCT provinceKey, provinceCode, province, wardKey, ward FROM admin_units"):
        province_code_by_key[row["provinceKey"]] = row["provinceCode"]
        ward_by_province_and_name[(row["provinceCode"], fold_key(row["ward"]))] = row["wardKey"]
    current_by_province_and_name = {}
    for province in _current_divisions():
        for ward in province["wards"]:
            current_by_province_and_name[(f"{province['code']:02d}", fold_key(ward["name"]))] = current_key(
                "commune", f"{ward['code']:05d}"
            )
    province_keys = {key: current_key("province", code) for key, code in province_code_by_key.items()}
    first_province_key_by_code = {}
    for key, code in province_code_by_key.items():
        first_province_key_by_code.setdefault(code, key)
    commune_keys = {}
    for (province_code, folded_name), ward_key in ward_by_province_and_name.items():
        unit_key = current_by_province_and_name.get((province_code, folded_name))
        if unit_key:
            province_key = first_province_key_by_code[province_code]
            commune_keys[(province_key, fold_key(ward_key))] = unit_key
    return province_keys, commune_keys
