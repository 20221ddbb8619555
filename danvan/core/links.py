"""A record's page address without resolving its URL pattern once per row.

A list of 50 petitions called ``reverse()`` 50 times, a few milliseconds of the page, for addresses
that differ only by the id: the pattern is resolved once per name, with a stand-in id, and each
record's id takes the stand-in's place.
"""

import functools

from django.urls import get_script_prefix, get_urlconf, reverse

# No table reaches this id, so it stands in the reversed address exactly once, where the id goes.
_ID_STAND_IN = 987_654_321_987_654_321


@functools.lru_cache(maxsize=256)
def _around_id(name, script_prefix, urlconf):
    before, after = reverse(name, args=[_ID_STAND_IN], urlconf=urlconf).split(str(_ID_STAND_IN))
    return before, after


def record_url(name, pk):
    """``reverse(name, args=[pk])`` for a record's id; the address changes with the script prefix a proxy sets."""
    if type(pk) is not int:
        return reverse(name, args=[pk])
    before, after = _around_id(name, get_script_prefix(), get_urlconf())
    return f"{before}{pk}{after}"
