"""The public pages' limits count every process together, in the database,
and per citizen behind a reverse proxy."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.test import RequestFactory
from django.utils import timezone

from danvan.core import ratelimit
from danvan.core.models import RateCount
from danvan.core.ratelimit import client_address, forget_old_counts, hit


def _request(remote: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_the_forwarded_header_is_ignored_without_trusted_proxies(settings):
    settings.DANVAN_TRUSTED_PROXIES = []
    assert client_address(_request("198.51.100.4", "203.0.113.7")) == "198.51.100.4"


def test_behind_a_trusted_proxy_the_citizen_is_the_last_untrusted_address(settings):
    settings.DANVAN_TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/8"]
    # The citizen wrote "1.1.1.1" themselves; nginx appended their real address.
    assert client_address(_request("127.0.0.1", "1.1.1.1, 203.0.113.7")) == "203.0.113.7"
    assert client_address(_request("127.0.0.1", "203.0.113.7, 10.1.2.3")) == "203.0.113.7"
    # A request not from a proxy cannot choose its address.
    assert client_address(_request("198.51.100.4", "203.0.113.7")) == "198.51.100.4"
    # Rubbish in the header: the proxy's own address is counted.
    assert client_address(_request("127.0.0.1", "not-an-address")) == "127.0.0.1"


def test_a_count_is_over_only_past_the_limit_and_a_new_window_starts_afresh(db):
    now = timezone.now()
    assert [hit("k", limit=2, window_seconds=900, now=now) for _ in range(3)] == [False, False, True]
    assert hit("k", limit=2, window_seconds=900, now=now + timedelta(seconds=900)) is False
    assert hit("other", limit=2, window_seconds=900, now=now) is False


def test_old_counts_are_forgotten(db):
    now = timezone.now()
    hit("k", limit=2, window_seconds=900, now=now - timedelta(days=2))
    hit("k", limit=2, window_seconds=900, now=now)
    assert forget_old_counts(before=now - timedelta(days=1)) == 1
    assert RateCount.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_requests_from_one_address_get_exactly_the_limit(settings):
    if connection.vendor == "sqlite":
        pytest.skip("the in-memory SQLite test database is one connection per thread")
    settings.DANVAN_TRUSTED_PROXIES = ["127.0.0.1"]
    results, start = [], threading.Barrier(12)

    def one():
        start.wait()
        results.append(
            ratelimit.over_limit(
                _request("127.0.0.1", "203.0.113.9"), "petitions:submit", limit=5, window_seconds=900
            )
        )
        connection.close()

    threads = [threading.Thread(target=one) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count(False) == 5 and results.count(True) == 7


def test_a_count_is_one_statement(db, django_assert_num_queries):
    if not connection.features.can_return_columns_from_insert:
        pytest.skip("this database cannot return what an INSERT wrote")
    now = timezone.now()
    hit("k", limit=2, window_seconds=900, now=now)
    # 1: the upsert that adds one and returns the count.
    with django_assert_num_queries(1):
        assert hit("k", limit=2, window_seconds=900, now=now) is False
    assert RateCount.objects.get().count == 2


def test_without_returning_inserts_the_count_is_a_transaction_and_counts_the_same(db, monkeypatch):
    if connection.vendor != "sqlite":
        # Only SQLite before 3.35 takes this way; PostgreSQL's own inserts need RETURNING.
        pytest.skip("the way of SQLite before 3.35")
    monkeypatch.setattr(type(connection.features), "can_return_columns_from_insert", False)
    now = timezone.now()
    assert [hit("k", limit=2, window_seconds=900, now=now) for _ in range(3)] == [False, False, True]
    assert RateCount.objects.get().count == 3
