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
from rest_framework import exceptions, pagination, status
from rest_framework.response import Response

# The bounds number_param keeps: what the schema says a caller may send is
# what the endpoint takes, and anything else is refused with 400.
ID_NUMBER = {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}
YEAR_NUMBER = {"type": "integer", "minimum": 1, "maximum": 9999}


def id_parameter(name: str, description: str) -> OpenApiParameter:
    return OpenApiParameter(name, ID_NUMBER, description=description)


AGENCY = id_parameter("co_quan", "Mã số (id) của cơ quan")
YEAR = OpenApiParameter("nam", YEAR_NUMBER, description="Năm")
# A moment of the years 1990 to 2100: PostgreSQL refuses a comparison with a
# moment such as year 212 at offset -22:33, which would abort the request.
SINCE = {"type": "string", "format": "date-time", "pattern": "^(199[0-9]|20[0-9][0-9]|2100)-"}
UPDATED_SINCE = OpenApiParameter(
    "cap_nhat_tu",
    SINCE,
    description="Chỉ những bản ghi thay đổi từ thời điểm này (ISO 8601, ví dụ 2026-01-31T08:00:00+07:00)",
)


def status_parameter(choices) -> OpenApiParameter:
    return OpenApiParameter("trang_thai", str, enum=list(choices.values), description="Trạng thái")


def number_param(request, name: str, *, low: int = 1, high: int = 2**31 - 1) -> int | None:
    # A filter not sent is no filter; one sent empty is a malformed value, as the schema says.
    if name not in request.query_params:
        return None
    value = request.query_params[name]
    # ASCII digits only: str.isdigit() also takes "²", which int() refuses.
    if not (value.isascii() and value.isdigit()) or not low <= int(value) <= high:
        raise exceptions.ValidationError({name: [_("Giá trị phải là một số nguyên dương.")]})
    return int(value)


def choice_param(request, name: str, choices) -> str | None:
    if name not in request.query_params:
        return None
    value = request.query_params[name]
    if value not in choices.values:
        raise exceptions.ValidationError(
            {name: [_("«%(value)s» không phải là một lựa chọn hợp lệ.") % {"value": value}]}
        )
    return value


def since_param(request) -> datetime | None:
    if "cap_nhat_tu" not in request.query_params:
        return None
    value = request.query_params["cap_nhat_tu"]
    try:
        moment = parse_datetime(value)
    except ValueError:
        moment = None
    if moment is None or not 1990 <= moment.year <= 2100:
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


class PageNotFound(exceptions.NotFound):
    default_code = "trang_khong_co"


class PageNumberPagination(pagination.PageNumberPagination):
    """REST framework's pages of 50, read as the schema states the page: a
    positive whole number, else 400 as any other malformed parameter. A page
    past the list's end is 404 with the code ``trang_khong_co``: it stays 404,
    as REST framework answers it, because that page is a thing that does not
    exist, not a malformed request (a caller paging on while rows are
    archived asks a well-formed question, and the schema cannot know the
    list's length)."""

    def get_page_number(self, request, paginator):
        if self.page_query_param not in request.query_params:
            return 1
        return number_param(request, self.page_query_param)

    def paginate_queryset(self, queryset, request, view=None):
        try:
            return super().paginate_queryset(queryset, request, view)
        except exceptions.NotFound:
            page = request.query_params.get(self.page_query_param, "")
            raise PageNotFound(_("Danh sách không có trang «%(page)s».") % {"page": page}) from None

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["schema"] = dict(ID_NUMBER)
                parameter["description"] = _("Số trang, từ 1 (50 dòng một trang)")
        return parameters


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
