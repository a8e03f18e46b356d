"""Pages kept for the person who asked for them, until the data changes.

The agency dashboard, the task list and a plan page are opened far more often
than their data changes (an office reloads its dashboard all day; units report
a few times a week). The pages kept are named in one place, ``KEPT_PAGES``
below, and ``keep_pages(urlpatterns)`` in the project's ``urls.py`` wraps
their views; no view, selector or template knows of the cache, so it can be
replaced or removed here alone. A kept page lives in the "pages" cache (bounded
in bytes in each process, see core/boundedcache.py; a page too large for it is
rendered every time) under a key made of everything the page can depend on:

* the person, their number of unread notifications and whether they signed in
  with a second factor, the page's address and query, the language, the
  HTMX headers (a partial is not the whole page), the CSRF secret of their
  browser (the page's forms carry a token made from it) and today's date
  (overdue and "due in N days" change at midnight);
* the data version: ``DataVersion.number``, raised after the commit of any
  write to the project's tables by any process, plus a counter of this
  process's own writes, raised at once (a page rendered inside a transaction
  that has not committed yet must not be served after it either).

Writes are seen where they happen, in the database layer: every INSERT,
UPDATE or DELETE that Django sends, ORM save, queryset update, bulk create or
raw SQL alike. Sessions, login attempts, the task queue and notifications are
not the data of these pages (the unread count is in the key) and do not count.

A page is not kept when it carried a message ("Đã lưu…"), when the response is
anything but a 200 HTML page, when it says ``Cache-Control: no-store`` (the
pages of citizens' personal data: petitions, the reception register, the
denouncer's identity), or when the browser has no CSRF cookie yet. A
kept page lives at most PAGE_SECONDS, so anything the key does not name (the
time of day) is at most that old. ``DANVAN_PAGE_CACHE=False`` turns it off.
"""

from __future__ import annotations

import functools
import hashlib
import re

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.messages.storage.session import SessionStorage
from django.core.cache import caches
from django.db import DatabaseError, connection, transaction
from django.db.backends.signals import connection_created
from django.db.models import F
from django.dispatch import receiver
from django.http import HttpResponse
from django.urls import URLPattern, URLResolver
from django.utils import timezone
from django.utils.translation import get_language

from danvan.core.models import DataVersion
from danvan.core.sql import written_out

PAGE_SECONDS = 300

# The pages kept, by URL name: opened often, changed seldom, the same for a
# person all day. Nothing else in the code refers to the cache.
KEPT_PAGES = frozenset({"plans:dashboard", "plans:task_list", "plans:my_tasks", "plans:plan_detail"})

_WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?`?(\w+)', re.IGNORECASE)
_NOT_PAGE_DATA = (
    "django_session",
    "django_migrations",
    "axes_",
    "django_tasks",
    "core_dataversion",
    "core_notification",
)

# This process's own writes, counted as they happen.
_local_writes = 0


def _record_write(sql: str, database) -> None:
    global _local_writes
    match = _WRITE.match(sql)
    if match is None or match.group(1).lower().startswith(_NOT_PAGE_DATA):
        return
    _local_writes += 1
    # One raise per transaction, after it commits (at once outside one).
    pending = database.run_on_commit if database.in_atomic_block else ()
    if not any(callback is _raise_version for _sids, callback, _robust in pending):
        transaction.on_commit(_raise_version, using=database.alias)


def _watch_writes(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    if isinstance(sql, str):
        _record_write(sql, context["connection"])
    return result


def _raise_version() -> None:
    try:
        if DataVersion.objects.filter(pk=1).update(number=F("number") + 1) == 0:
            DataVersion.objects.get_or_create(pk=1)
    except DatabaseError:
        # Before the migration that makes the table (migrate writes too).
        return


@receiver(connection_created)
def _watch_connection(sender, connection, **kwargs) -> None:
    if _watch_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(_watch_writes)


@written_out
def _version_sql(quote) -> str:
    return f"SELECT {quote('number')} FROM {quote(DataVersion._meta.db_table)} WHERE id = 1"  # noqa: S608


def data_version() -> tuple[int, int]:
    """The committed data version and this process's own write count (read on
    every kept page)."""
    with connection.cursor() as cursor:
        cursor.execute(_version_sql())
        row = cursor.fetchone()
    return (row[0] if row else 0, _local_writes)


def _has_messages(request) -> bool:
    storage = getattr(request, "_messages", None)
    if storage is None:
        return False
    return (
        bool(request.COOKIES.get(CookieStorage.cookie_name)) or SessionStorage.session_key in request.session
    )


def page_key(request) -> str | None:
    """The cache key of this request's page, or None when it must not be kept."""
    person = request.user
    secret = request.META.get("CSRF_COOKIE")
    if request.method != "GET" or not person.is_authenticated or not secret or _has_messages(request):
        return None
    htmx = sorted((name, value) for name, value in request.headers.items() if name.lower().startswith("hx-"))
    verified = getattr(person, "is_verified", None)
    parts = (
        person.pk,
        getattr(person, "nav_unread", None),
        verified() if callable(verified) else None,
        request.get_full_path(),
        get_language(),
        htmx,
        secret,
        timezone.localdate().isoformat(),
        data_version(),
    )
    return "danvan:page:" + hashlib.sha256(repr(parts).encode()).hexdigest()


def _keepable(request, response) -> bool:
    storage = getattr(request, "_messages", None)
    carried_message = storage is not None and (storage.used or storage._queued_messages)
    return (
        response.status_code == 200
        and not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
        and not response.cookies
        and not carried_message
        and "no-store" not in response.get("Cache-Control", "")
    )


def cached_page(view):
    """Keep the page a view renders for a GET, as described above."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not getattr(settings, "DANVAN_PAGE_CACHE", True):
            return view(request, *args, **kwargs)
        key = page_key(request)
        if key is None:
            return view(request, *args, **kwargs)
        kept = caches["pages"].get(key)
        if kept is not None:
            content, content_type = kept
            return HttpResponse(content, content_type=content_type)
        response = view(request, *args, **kwargs)
        if _keepable(request, response):
            caches["pages"].set(key, (response.content, response["Content-Type"]), PAGE_SECONDS)
        return response

    wrapper.kept_page = True
    return wrapper


def keep_pages(urlpatterns: list, names=KEPT_PAGES, namespace: str = "") -> list:
    """Wrap the views of the pages named in ``names`` (``app:url_name``) with
    ``cached_page``, through included URL modules too, and give back the
    patterns. Every name must be found, so a renamed page is not silently
    dropped from the cache."""
    found = _wrap(urlpatterns, frozenset(names), namespace)
    missing = set(names) - found
    if missing:
        raise LookupError(f"Kept pages not found among the URLs: {', '.join(sorted(missing))}")
    return urlpatterns


def _wrap(patterns, names, namespace) -> set[str]:
    found: set[str] = set()
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            found |= _wrap(pattern.url_patterns, names, inner)
        elif isinstance(pattern, URLPattern) and pattern.name and f"{namespace}{pattern.name}" in names:
            if not getattr(pattern.callback, "kept_page", False):  # a URL module read twice
                pattern.callback = cached_page(pattern.callback)
            found.add(f"{namespace}{pattern.name}")
    return found
