"""The address the public pages' flood guard counts: the direct peer, or behind a trusted proxy the right-most
address of X-Forwarded-For that is not a trusted proxy; the count kept in Django's cache."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from danvan.core import ratelimit


def address(remote, forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return ratelimit.client_address(RequestFactory().get("/", **meta))


def test_without_trusted_proxies_forwarded_for_is_never_read(settings):
    settings.DANVAN_TRUSTED_PROXIES = []
    assert address("203.0.113.7", "198.51.100.1") == "203.0.113.7"


def test_a_peer_that_is_not_a_trusted_proxy_is_the_client_whatever_it_writes(settings):
    settings.DANVAN_TRUSTED_PROXIES = ["10.0.0.0/8", "2001:db8::1"]
    assert address("203.0.113.7", "198.51.100.1, 10.0.0.1") == "203.0.113.7"


@pytest.mark.parametrize("forwarded, client", [
    ("198.51.100.1", "198.51.100.1"),
    ("6.6.6.6, 198.51.100.1", "198.51.100.1"),  # what the client wrote lies left of what the proxy appended
    ("6.6.6.6, 198.51.100.1, 10.1.2.3", "198.51.100.1"),  # two proxies of ours: the right-most untrusted one
    ("  198.51.100.1 ,10.0.0.9 ", "198.51.100.1"),
    ("2001:db8::5", "2001:db8::5"),
    ("", "10.0.0.2"),  # a proxy that sent nothing more: the proxy itself
    ("10.0.0.3", "10.0.0.3"),  # only proxies of ours: the farthest one
    ("198.51.100.1, nonsense", "10.0.0.2"),  # not an address: never a name the client chooses
])
def test_behind_a_trusted_proxy_the_right_most_untrusted_address_is_the_client(settings, forwarded, client):
    settings.DANVAN_TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert address("10.0.0.2", forwarded) == client


def test_the_count_is_kept_in_django_s_cache():
    cache.clear()
    assert ratelimit.hit("test", "a", 2, 60) and ratelimit.hit("test", "a", 2, 60)
    assert not ratelimit.hit("test", "a", 2, 60)
    assert ratelimit.hit("test", "b", 2, 60)
    cache.clear()  # whatever cache settings.CACHES names holds the count: emptying it forgets it
    assert ratelimit.hit("test", "a", 2, 60)
    cache.clear()
