"""How often something may happen per key in a window, counted in Django's cache: the public pages' guard
against flooding (no account to hold responsible, no outside service to ask).

The cache is each process's memory unless settings.CACHES names a shared one; waitress serves from one
process, so the count is the server's. A count is kept per window of ``seconds`` starting at its first hit.
"""

import hashlib

from django.core.cache import cache


def _key(scope, ident):
    # Hashed: an IP address kept in the cache is still personal data, and cache keys must be short and plain.
    return "ratelimit:" + hashlib.sha256(f"{scope}\0{ident}".encode()).hexdigest()


def hit(scope, ident, limit, seconds):
    """Count one more event for ``ident``; False once more than ``limit`` happened within ``seconds``."""
    key = _key(scope, ident)
    if cache.add(key, 1, seconds):
        return limit >= 1
    try:
        return cache.incr(key) <= limit
    except ValueError:  # expired between add and incr: this is the window's first event
        cache.add(key, 1, seconds)
        return limit >= 1


def client_address(request):
    """The address the request came from. X-Forwarded-For is not read: a client writes what it wants there."""
    return request.META.get("REMOTE_ADDR", "")
