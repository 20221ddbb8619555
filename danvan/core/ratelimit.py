"""How often something may happen per key in a window, counted in Django's cache: the public pages' guard
against flooding (no account to hold responsible, no outside service to ask).

The count lives in Django's default cache (``settings.CACHES``): each process's memory unless a shared cache
is configured. ``danvan serve`` (waitress) serves from one process, so its count is the server's; several
processes (or servers) behind a balancer each count apart unless they share a cache (README, "Behind a
reverse proxy"). A count is kept per window of ``seconds`` starting at its first hit.

The client is the direct peer (REMOTE_ADDR), unless that peer is one of ``settings.DANVAN_TRUSTED_PROXIES``:
then the right-most address of X-Forwarded-For that is not itself a trusted proxy. Whatever a client writes
into X-Forwarded-For lies to the left of what the proxies append, so it is never taken for the client.
"""

import functools
import hashlib
import ipaddress

from django.conf import settings
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


@functools.lru_cache(maxsize=8)
def _networks(entries):
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


def _address(text):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _trusted(address, networks):
    return address is not None and any(address.version == network.version and address in network for network in networks)


def client_address(request):
    """The address the request came from: REMOTE_ADDR, or behind a trusted proxy the right-most untrusted
    address of X-Forwarded-For (a spoofed header from anyone else is not read)."""
    peer = request.META.get("REMOTE_ADDR", "")
    networks = _networks(tuple(getattr(settings, "DANVAN_TRUSTED_PROXIES", ()) or ()))
    if not networks or not _trusted(_address(peer), networks):
        return peer
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    for hop in reversed(hops):
        address = _address(hop)
        if address is None:
            # Not an address: a trusted proxy appends the peer it saw, so this was written by the client or a
            # proxy that is not ours. Count it under the last trusted proxy rather than under a chosen name.
            return peer
        if not _trusted(address, networks):
            return str(address)
        peer = str(address)
    return peer
