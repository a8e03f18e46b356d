"""A process-local cache bounded in bytes, not only in entries.

Django's ``LocMemCache`` bounds the number of entries (``MAX_ENTRIES``), but a
kept page is tens to hundreds of kilobytes: 1,000 of them can hold hundreds of
megabytes in each gunicorn worker, and a worker's memory then grows with the
number of distinct people and pages until the entry bound is reached. This
backend counts the bytes it holds (the pickled value and the key, plus a fixed
overhead per entry) and evicts the least recently used entries until a new one
fits under ``MAX_BYTES``; a value larger than ``MAX_VALUE_BYTES`` is not kept
at all (the caller renders it anew next time, as on a miss). ``MAX_ENTRIES``
still applies. Expired entries go first when room is needed, and are dropped
when read.

The entries live in a module-level store per ``LOCATION``, shared by every
thread of the process (Django makes one cache object per thread), under one
lock.
"""

from __future__ import annotations

import pickle
import threading
import time
from collections import OrderedDict

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache

# What a dictionary slot, the key's str and the bytes object cost beyond their
# contents, roughly, on CPython 3.11 (64-bit).
ENTRY_OVERHEAD = 200


class _Store:
    def __init__(self) -> None:
        self.entries: OrderedDict[str, tuple[bytes, float | None]] = OrderedDict()  # newest last
        self.bytes = 0
        self.lock = threading.Lock()


_stores: dict[str, _Store] = {}
_stores_lock = threading.Lock()


def _size(key: str, pickled: bytes) -> int:
    return len(pickled) + len(key.encode()) + ENTRY_OVERHEAD


class BoundedMemoryCache(BaseCache):
    pickle_protocol = pickle.HIGHEST_PROTOCOL

    def __init__(self, name: str, params: dict) -> None:
        super().__init__(params)
        options = params.get("OPTIONS", {})
        self.max_bytes = int(options.get("MAX_BYTES", 16 * 1024 * 1024))
        self.max_value_bytes = min(int(options.get("MAX_VALUE_BYTES", 1024 * 1024)), self.max_bytes)
        with _stores_lock:
            self._store = _stores.setdefault(name, _Store())

    # --- the figures the tests and the benchmark read ------------------------------

    @property
    def size_in_bytes(self) -> int:
        return self._store.bytes

    def __len__(self) -> int:
        return len(self._store.entries)

    # --- internals, under the store's lock ---------------------------------------------

    def _expired(self, expiry: float | None, now: float) -> bool:
        return expiry is not None and expiry <= now

    def _live(self, key: str, now: float) -> bytes | None:
        entry = self._store.entries.get(key)
        if entry is None:
            return None
        if self._expired(entry[1], now):
            self._remove(key)
            return None
        return entry[0]

    def _remove(self, key: str) -> bool:
        entry = self._store.entries.pop(key, None)
        if entry is None:
            return False
        self._store.bytes -= _size(key, entry[0])
        return True

    def _make_room(self, needed: int, now: float) -> None:
        store = self._store
        if store.bytes + needed > self.max_bytes or len(store.entries) >= self._max_entries:
            for key in [key for key, (_value, expiry) in store.entries.items() if self._expired(expiry, now)]:
                self._remove(key)
        while store.entries and (
            store.bytes + needed > self.max_bytes or len(store.entries) >= self._max_entries
        ):
            self._remove(next(iter(store.entries)))  # the least recently used

    def _put(self, key: str, pickled: bytes, timeout, now: float) -> bool:
        self._remove(key)
        size = _size(key, pickled)
        if len(pickled) > self.max_value_bytes or size > self.max_bytes:
            return False
        self._make_room(size, now)
        expiry = self.get_backend_timeout(timeout)
        self._store.entries[key] = (pickled, expiry)
        self._store.bytes += size
        return True

    # --- the cache API -------------------------------------------------------------

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        pickled = pickle.dumps(value, self.pickle_protocol)
        now = time.time()
        with self._store.lock:
            if self._live(key, now) is not None:
                return False
            return self._put(key, pickled, timeout, now)

    def get(self, key, default=None, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._store.lock:
            pickled = self._live(key, time.time())
            if pickled is None:
                return default
            self._store.entries.move_to_end(key)
        return pickle.loads(pickled)  # noqa: S301 - written by this process only

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        pickled = pickle.dumps(value, self.pickle_protocol)
        with self._store.lock:
            self._put(key, pickled, timeout, time.time())

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._store.lock:
            pickled = self._live(key, time.time())
            if pickled is None:
                return False
            self._store.entries[key] = (pickled, self.get_backend_timeout(timeout))
            self._store.entries.move_to_end(key)
            return True

    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        now = time.time()
        with self._store.lock:
            pickled = self._live(key, now)
            if pickled is None:
                raise ValueError(f"Key '{key}' not found")
            expiry = self._store.entries[key][1]
            value = pickle.loads(pickled) + delta  # noqa: S301 - written by this process only
            self._remove(key)
            new = pickle.dumps(value, self.pickle_protocol)
            size = _size(key, new)
            self._make_room(size, now)
            self._store.entries[key] = (new, expiry)
            self._store.bytes += size
        return value

    def has_key(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._store.lock:
            return self._live(key, time.time()) is not None

    def delete(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._store.lock:
            return self._remove(key)

    def clear(self):
        with self._store.lock:
            self._store.entries.clear()
            self._store.bytes = 0
