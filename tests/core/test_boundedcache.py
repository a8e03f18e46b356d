"""The process-local cache never holds more bytes than its bound, however many
distinct keys are written (danvan/core/boundedcache.py)."""

import pickle
import time

from django.core.cache import caches

from danvan.core.boundedcache import ENTRY_OVERHEAD, BoundedMemoryCache

KB = 1024


def bounded(name, *, max_bytes=64 * KB, max_value_bytes=16 * KB, max_entries=10_000):
    cache = BoundedMemoryCache(
        name,
        {"OPTIONS": {"MAX_BYTES": max_bytes, "MAX_VALUE_BYTES": max_value_bytes, "MAX_ENTRIES": max_entries}},
    )
    cache.clear()
    return cache


def held_bytes(cache) -> int:
    """The bytes of what the cache holds, counted afresh from its entries."""
    return sum(
        len(value) + len(key.encode()) + ENTRY_OVERHEAD for key, (value, _e) in cache._store.entries.items()
    )


def test_many_distinct_keys_never_pass_the_byte_bound():
    cache = bounded("test-many")
    for number in range(5000):
        cache.set(f"page-{number}", "x" * (100 + number % 4000))
        assert cache.size_in_bytes <= 64 * KB
    assert cache.size_in_bytes == held_bytes(cache)
    assert 0 < len(cache) < 5000


def test_the_least_recently_used_entry_goes_first():
    cache = bounded("test-lru", max_bytes=10 * KB, max_value_bytes=4 * KB)
    cache.set("old", "a" * 3000)
    cache.set("read", "b" * 3000)
    cache.get("old")  # now "read" is the least recently used
    cache.set("new", "c" * 3000)
    cache.set("newer", "d" * 3000)
    assert cache.get("old") == "a" * 3000 and cache.get("read") is None
    assert cache.size_in_bytes <= 10 * KB


def test_a_value_larger_than_the_item_bound_is_not_kept():
    cache = bounded("test-large", max_value_bytes=16 * KB)
    cache.set("page", "small")
    cache.set("page", "x" * (20 * KB))
    # The older value under the key is gone too: it would be stale.
    assert cache.get("page") is None
    assert cache.size_in_bytes == 0


def test_replacing_and_deleting_keep_the_count_exact():
    cache = bounded("test-exact")
    cache.set("a", "x" * 1000)
    cache.set("a", "y" * 10)
    assert cache.add("b", [1, 2, 3]) is True and cache.add("b", "other") is False
    cache.set("n", 1)
    assert cache.incr("n", 41) == 42 and cache.get("n") == 42
    cache.delete("b")
    assert cache.size_in_bytes == held_bytes(cache)
    assert sorted(key.split(":")[-1] for key in cache._store.entries) == ["a", "n"]
    assert len(pickle.dumps("y" * 10)) < cache.size_in_bytes


def test_an_expired_entry_is_not_served(monkeypatch):
    cache = bounded("test-expiry")
    cache.set("page", "x", timeout=10)
    clock = time.time() + 11
    monkeypatch.setattr("danvan.core.boundedcache.time.time", lambda: clock)
    assert cache.get("page") is None and cache.size_in_bytes == 0


def test_the_entry_bound_still_applies():
    cache = bounded("test-entries", max_entries=50)
    for number in range(500):
        cache.set(f"k{number}", number)
    assert len(cache) <= 50


def test_the_project_cache_is_bounded_in_bytes():
    cache = caches["default"]
    assert isinstance(cache, BoundedMemoryCache)
    for number in range(3000):
        cache.set(f"bound-{number}", "x" * 8000)
    assert cache.size_in_bytes <= cache.max_bytes
