"""Limits on what one address may do on the public pages, counted in the
database so that every gunicorn process and every machine count together,
and the client's address as a reverse proxy passes it on.

``client_address`` believes ``X-Forwarded-For`` only when the request comes
from an address listed in DANVAN_TRUSTED_PROXIES; it then takes the last
address in the header that is not itself a trusted proxy, so a citizen cannot
pick their own address by sending the header. Without trusted proxies the
address is the connection's own.
"""

from __future__ import annotations

import ipaddress
from datetime import datetime

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone

from danvan.core.models import RateCount
from danvan.core.sql import column, written_out


def _trusted(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    return any(ip in ipaddress.ip_network(net, strict=False) for net in settings.DANVAN_TRUSTED_PROXIES)


def client_address(request) -> str:
    """The citizen's address, through the configured proxies."""
    remote = request.META.get("REMOTE_ADDR", "")
    if not settings.DANVAN_TRUSTED_PROXIES or not _trusted(remote):
        return remote
    forwarded = [
        part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()
    ]
    for address in reversed(forwarded):
        if not _trusted(address):
            try:
                return str(ipaddress.ip_address(address))
            except ValueError:
                return remote
    return remote


def _window_start(now: datetime, seconds: int) -> datetime:
    stamp = int(now.timestamp()) // seconds * seconds
    return datetime.fromtimestamp(stamp, tz=now.tzinfo or timezone.get_current_timezone())


@written_out
def _count_sql(quote) -> str:
    """One statement that counts one more and says how many: the row is made
    by the first and counted on by every later one, each process together."""
    table = quote(RateCount._meta.db_table)
    key, start, count = (quote(column(RateCount, name)) for name in ("key", "window_start", "count"))
    return (
        f"INSERT INTO {table} ({key}, {start}, {count}) VALUES (%s, %s, 1) "  # noqa: S608
        f"ON CONFLICT ({key}, {start}) DO UPDATE SET {count} = {table}.{count} + 1 RETURNING {count}"
    )


def hit(key: str, *, limit: int, window_seconds: int, now: datetime | None = None) -> bool:
    """Count one more; True when this one is over ``limit`` in its window.

    Each public lookup and submission counts, so on a database that can
    (PostgreSQL, SQLite 3.35+) the count is one statement, not a transaction
    of three."""
    start = _window_start(now or timezone.now(), window_seconds)
    key = key[:200]
    if connection.features.can_return_columns_from_insert:
        with connection.cursor() as cursor:
            window = RateCount._meta.get_field("window_start").get_db_prep_value(start, connection)
            cursor.execute(_count_sql(), [key, window])
            return cursor.fetchone()[0] > limit
    for _attempt in range(3):
        try:
            with transaction.atomic():
                updated = RateCount.objects.filter(key=key, window_start=start).update(count=F("count") + 1)
                if not updated:
                    RateCount.objects.create(key=key, window_start=start, count=1)
                count = RateCount.objects.filter(key=key, window_start=start).values_list("count", flat=True)[
                    0
                ]
            return count > limit
        except IntegrityError:
            # Another process made the row first: count on it.
            continue
    return True


def forget_old_counts(*, before: datetime) -> int:
    deleted, _ = RateCount.objects.filter(window_start__lt=before).delete()
    return deleted


def over_limit(request, scope: str, *, limit: int, window_seconds: int) -> bool:
    """``scope`` ("petitions:submit") for the request's client address."""
    return hit(f"{scope}:{client_address(request)}", limit=limit, window_seconds=window_seconds)
