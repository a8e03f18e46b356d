"""Petition figures for other systems: counts by kind, status and
timeliness, never a petition, a citizen or a denouncer. Petitions
themselves (with their senders) stay on the pages and the session API."""

from __future__ import annotations

from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from danvan.api.access import reachable_agencies
from danvan.api.common import AGENCY, ETagMixin, number_param
from danvan.petitions import selectors


class KindFiguresSerializer(serializers.Serializer):
    kind = serializers.CharField()
    label = serializers.CharField()
    received = serializers.IntegerField()
    processed_on_time = serializers.IntegerField()
    resolved_on_time = serializers.IntegerField()
    overdue = serializers.IntegerField()


class StatusCountSerializer(serializers.Serializer):
    kind = serializers.CharField()
    kind_label = serializers.CharField()
    status = serializers.CharField()
    status_label = serializers.CharField()
    count = serializers.IntegerField()


class PetitionFiguresSerializer(serializers.Serializer):
    start = serializers.DateField()
    end = serializers.DateField()
    agency = serializers.IntegerField(allow_null=True)
    by_kind = KindFiguresSerializer(many=True)
    by_status = StatusCountSerializer(many=True)


# The days _day takes: an ISO date of the years 1990 to 2100.
DAY = {"type": "string", "format": "date", "pattern": "^(199[0-9]|20[0-9][0-9]|2100)-[0-9]{2}-[0-9]{2}$"}


def _day(request, name: str, default: date) -> date:
    if name not in request.query_params:
        return default
    value = request.query_params[name]
    try:
        day = date.fromisoformat(value)
    except ValueError:
        day = None
    if day is None or not 1990 <= day.year <= 2100:
        raise exceptions.ValidationError({name: [_("Ngày sai định dạng: dùng YYYY-MM-DD, năm 1990–2100.")]})
    return day


class PetitionFiguresView(ETagMixin, APIView):
    """Petitions received in a span of days (this year by default): by kind,
    how many were processed and resolved on time and how many are overdue;
    and how many are in each status."""

    api_scopes = {"read": "petitions:read"}

    @extend_schema(
        parameters=[
            OpenApiParameter("tu_ngay", DAY, description="Nhận từ ngày (YYYY-MM-DD, năm 1990–2100)"),
            OpenApiParameter(
                "den_ngay", DAY, description="Nhận đến ngày (YYYY-MM-DD, năm 1990–2100, không trước tu_ngay)"
            ),
            AGENCY,
        ],
        responses=PetitionFiguresSerializer,
    )
    def get(self, request):
        today = timezone.localdate()
        start = _day(request, "tu_ngay", date(today.year, 1, 1))
        end = _day(request, "den_ngay", today)
        if end < start:
            raise exceptions.ValidationError({"den_ngay": [_("Ngày kết thúc phải sau ngày bắt đầu.")]})
        agencies = reachable_agencies(request)
        agency = number_param(request, "co_quan")
        if agency is not None:
            agencies = frozenset({agency}) & agencies if agencies is not None else frozenset({agency})
        data = {
            "start": start,
            "end": end,
            "agency": agency,
            "by_kind": [
                vars(row)
                for row in selectors.figures(
                    request.user, start=start, end=end, today=today, agencies=agencies
                )
            ],
            "by_status": selectors.status_counts(request.user, start=start, end=end, agencies=agencies),
        }
        return Response(PetitionFiguresSerializer(data).data)
