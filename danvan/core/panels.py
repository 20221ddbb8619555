"""Panels an app adds to another app's record page, so the record shows what refers to it.

The movement's model shows the commendations it received, though ``awards`` depends on ``movement``
and not the other way round. Apps register a builder in their ``AppConfig.ready``; a builder takes
the user and the record and returns HTML, or "" when it has nothing to show.
"""

from collections import defaultdict

from django.utils.safestring import mark_safe

_BUILDERS = defaultdict(list)


def register(model_label, build):
    _BUILDERS[model_label].append(build)


def panels_for(user, record):
    return [mark_safe(html) for build in _BUILDERS[record._meta.label] if (html := build(user, record))]
