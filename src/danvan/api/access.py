"""What a caller of the API may reach, on top of the apps' permission functions.

A signed-in page session acts as its person, like the pages. A bearer token
(danvan/api/auth.py) acts as its person too, and is narrowed twice: each
endpoint names the scope it needs to read and to write (``api_scopes``), and
a registered client reads only its agencies: their objects are "not found"
(404) to it, exactly as another agency's objects are to a person."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.throttling import SimpleRateThrottle

from danvan.api.auth import Caller


def caller_of(request) -> Caller | None:
    auth = getattr(request, "auth", None)
    return auth if isinstance(auth, Caller) else None


# An endpoint open to every token (the caller's own identity, ``me``).
ANY_TOKEN = "*"  # noqa: S105 — a marker, not a secret


def needed_scope(request, view) -> str | None:
    scopes = getattr(view, "api_scopes", {})
    return scopes.get("read" if request.method in SAFE_METHODS else "write")


class MissingScope(exceptions.PermissionDenied):
    default_code = "thieu_pham_vi"


class HasScope(BasePermission):
    """Signed in; for a bearer token, holding the scope the endpoint names.
    An endpoint that names none is for the pages' session only."""

    def has_permission(self, request, view) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False
        caller = caller_of(request)
        if caller is None:
            return True
        scope = needed_scope(request, view)
        if scope is None:
            raise MissingScope(_("Địa chỉ này không dùng được bằng mã truy cập API."))
        if scope != ANY_TOKEN and scope not in caller.scopes:
            raise MissingScope(_("Mã truy cập thiếu phạm vi quyền «%(scope)s».") % {"scope": scope})
        return True


def reachable_agencies(request) -> frozenset[int] | None:
    """The agencies a registered client may read, or None (no narrowing)."""
    caller = caller_of(request)
    return caller.agencies if caller else None


def within_reach(request, queryset: QuerySet, field: str = "agency") -> QuerySet:
    agencies = reachable_agencies(request)
    if agencies is None:
        return queryset
    return queryset.filter(**{f"{field}__in": agencies})


def check_reach(request, agency_id: int | None) -> None:
    agencies = reachable_agencies(request)
    if agencies is not None and agency_id not in agencies:
        raise Http404


class TokenRateThrottle(SimpleRateThrottle):
    """A limit on how often one token calls (``DANVAN_API_RATE``, by default
    1200 a minute): a looping program slows down, the pages are not touched."""

    scope = "token"

    def get_cache_key(self, request, view):
        caller = caller_of(request)
        if caller is None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": caller.label}
