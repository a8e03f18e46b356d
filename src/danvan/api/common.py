"""What the API's lists and details share: the filters callers use
(agency, year, status, changed since), and ETag / If-None-Match so that a
caller polling for changes is answered 304 when nothing changed."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter
from rest_framework import exceptions, status
from rest_framework.response import Response

AGENCY = OpenApiParameter("co_quan", int, description="Mã số (id) của cơ quan")
YEAR = OpenApiParameter("nam", int, description="Năm")
UPDATED_SINCE = OpenApiParameter(
    "cap_nhat_tu",
    str,
    description="Chỉ những bản ghi thay đổi từ thời điểm này (ISO 8601, ví dụ 2026-01-31T08:00:00+07:00)",
)


def status_parameter(choices) -> OpenApiParameter:
    return OpenApiParameter("trang_thai", str, enum=list(choices.values), description="Trạng thái")


def number_param(request, name: str, *, low: int = 1, high: int = 2**31 - 1) -> int | None:
    value = request.query_params.get(name, "")
    if value == "":
        return None
    if not value.isdigit() or not low <= int(value) <= high:
        raise exceptions.ValidationError({name: [_("Giá trị phải là một số nguyên dương.")]})
    return int(value)


def choice_param(request, name: str, choices) -> str | None:
    value = request.query_params.get(name, "")
    if value == "":
        return None
    if value not in choices.values:
        raise exceptions.ValidationError(
            {name: [_("«%(value)s» không phải là một lựa chọn hợp lệ.") % {"value": value}]}
        )
    return value


def since_param(request) -> datetime | None:
    value = request.query_params.get("cap_nhat_tu", "")
    if value == "":
        return None
    try:
        moment = parse_datetime(value)
    except ValueError:
        moment = None
    if moment is None:
        raise exceptions.ValidationError(
            {"cap_nhat_tu": [_("Thời điểm sai định dạng: dùng ISO 8601, ví dụ 2026-01-31T08:00:00+07:00.")]}
        )
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def changed_since(queryset: QuerySet, moment: datetime | None) -> QuerySet:
    """Rows whose history (django-simple-history) has a change at or after ``moment``."""
    if moment is None:
        return queryset
    changed = queryset.model.history.filter(history_date__gte=moment).values("id")
    return queryset.filter(pk__in=changed)


class ETagMixin:
    """A strong ETag of the answer's body on every successful GET; a caller
    sending it back in If-None-Match is answered 304 with no body."""

    def finalize_response(self, request, response, *args, **kwargs):
        if (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and isinstance(response, Response)
        ):
            body = json.dumps(response.data, sort_keys=True, default=str, ensure_ascii=False)
            digest = hashlib.sha256(body.encode("utf-8")).hexdigest()[:32]
            tag = f'"{digest}"'
            asked = [part.strip() for part in request.headers.get("If-None-Match", "").split(",")]
            if tag in asked or "*" in asked:
                response = Response(status=status.HTTP_304_NOT_MODIFIED)
            response["ETag"] = tag
        response = super().finalize_response(request, response, *args, **kwargs)
        return response
