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


# --- a cache shared by several processes (DANVAN_CACHE_URL) ---------------------------------------

DB_CACHE = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "danvan_cache_test"}}


def as_two_processes(monkeypatch):
    """Two handles on the default cache, as two server processes each open their own: returns a function that
    counts one hit through the first or the second."""
    from django.core.cache import caches

    handles = {}

    def hit(process):
        # Each process opens its handle at its first request.
        if process not in handles:
            handles[process] = caches.create_connection("default")
        monkeypatch.setattr(ratelimit, "cache", handles[process])
        return ratelimit.hit("test", "203.0.113.7", 3, 60)

    return hit


@pytest.mark.django_db
def test_with_the_database_cache_the_count_is_shared_by_two_processes(settings, monkeypatch):
    from danvan.cli import ensure_cache_table

    settings.CACHES = DB_CACHE
    assert ensure_cache_table()  # what `danvan migrate` and `danvan serve` do when db:// is chosen
    hit = as_two_processes(monkeypatch)
    assert [hit(0), hit(1), hit(0), hit(1), hit(0)] == [True, True, True, False, False]


def test_in_each_process_s_memory_two_processes_count_apart(settings, monkeypatch):
    from django.core.cache.backends import locmem

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    hit = as_two_processes(monkeypatch)
    assert [hit(0), hit(0), hit(0), hit(0)] == [True, True, True, False]
    for memory in (locmem._caches, locmem._expire_info, locmem._locks):
        memory.clear()  # the second process has its own memory: the first one's count is not there
    assert hit(1)


def test_the_cache_url_names_django_s_own_backends():
    from django.core.exceptions import ImproperlyConfigured

    from danvan.settings import cache_settings

    assert cache_settings("")["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert cache_settings(" db:// ")["default"] == {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "danvan_cache"}
    try:
        import redis  # noqa: F401
    except ImportError:
        with pytest.raises(ImproperlyConfigured, match="redis"):
            cache_settings("redis://127.0.0.1:6379/0")
    else:
        assert cache_settings("redis://127.0.0.1:6379/0")["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    with pytest.raises(ImproperlyConfigured, match="DANVAN_CACHE_URL"):
        cache_settings("memcached://127.0.0.1:11211")
