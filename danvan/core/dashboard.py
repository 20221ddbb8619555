"""The overview page: each app contributes a panel of a few figures about the user's units.

Apps register a builder in their ``AppConfig.ready`` (as they register search);
a builder takes the user and returns a ``Panel``.
"""

import dataclasses

_BUILDERS = []


@dataclasses.dataclass(frozen=True)
class Figure:
    label: str
    value: int
    url: str = ""
    tone: str = ""  # "warn" or "bad" draws attention to what needs doing


@dataclasses.dataclass(frozen=True)
class Panel:
    title: str
    url: str
    figures: list
    note: str = ""
    charts: tuple = ()  # danvan.core.charts.Chart, drawn under the figures


def register(order, build):
    _BUILDERS.append((order, build))
    _BUILDERS.sort(key=lambda pair: pair[0])


def panels_for(user):
    return [build(user) for _, build in _BUILDERS]
