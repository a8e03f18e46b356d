"""Reports: those agencies have sent upward (approved by their leader), for
a national or provincial reporting system, with the text of each section and
the figures as they were when sent; the report requests the caller answers
or follows; and units' reports, which a unit's head sends to its office
through the same permission and service as the report's page."""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, generics, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from danvan.api.access import check_reach, reachable_agencies, within_reach
from danvan.api.common import (
    AGENCY,
    UPDATED_SINCE,
    YEAR_NUMBER,
    ETagMixin,
    choice_param,
    number_param,
    since_param,
    status_parameter,
)
from danvan.core.services import DomainError
from danvan.reports import permissions, services
from danvan.reports.models import Report, ReportingPeriod, ReportRequest
from danvan.reports.periods import PeriodKind
from danvan.reports.permissions import sent_reports

READ_REPORTS = {"read": "reports:read"}


class PeriodSerializer(serializers.ModelSerializer):
    label = serializers.CharField()

    class Meta:
        model = ReportingPeriod
        fields = ["kind", "year", "number", "label", "start", "end"]


class SentReportSerializer(serializers.ModelSerializer):
    agency = serializers.CharField(source="agency.name")
    agency_code = serializers.CharField(source="agency.symbol_code")
    title = serializers.CharField(source="request.title")
    period = PeriodSerializer(source="request.period")
    due_date = serializers.DateField(source="request.due_date")
    timeliness = serializers.SerializerMethodField()
    sections = serializers.SerializerMethodField()

    class Meta:
        model = Report
        fields = [
            "id",
            "agency",
            "agency_code",
            "title",
            "period",
            "number",
            "symbol",
            "issue_date",
            "due_date",
            "sent_at",
            "timeliness",
            "signer_title",
            "signer_name",
            "sections",
            "figures",
        ]

    def get_timeliness(self, report: Report) -> dict:
        code, label = report.timeliness(timezone.localdate())
        return {"code": code, "label": str(label), "days_late": report.days_late(timezone.localdate())}

    def get_sections(self, report: Report) -> dict[str, str]:
        return report.sections()


def sent_reports_for(person):
    return sent_reports(person).select_related("agency", "request__period").order_by("-sent_at", "-pk")


YEAR = OpenApiParameter("nam", YEAR_NUMBER, description="Năm của kỳ báo cáo")
KIND = OpenApiParameter("ky", str, enum=PeriodKind.values, description="Loại kỳ")


class SentReportListView(ETagMixin, generics.ListAPIView):
    """Reports sent upward that the caller may read, newest first."""

    api_scopes = READ_REPORTS
    serializer_class = SentReportSerializer

    @extend_schema(parameters=[YEAR, KIND])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        reports = within_reach(self.request, sent_reports_for(self.request.user))
        year = number_param(self.request, "nam", high=9999)
        if year is not None:
            reports = reports.filter(request__period__year=year)
        kind = choice_param(self.request, "ky", PeriodKind)
        if kind:
            reports = reports.filter(request__period__kind=kind)
        return reports


class SentReportDetailView(ETagMixin, generics.RetrieveAPIView):
    api_scopes = READ_REPORTS
    serializer_class = SentReportSerializer
    lookup_url_kwarg = "report_id"

    def get_queryset(self):
        return within_reach(self.request, sent_reports_for(self.request.user))


# --- Report requests -------------------------------------------------------------


class ReportRequestSerializer(serializers.ModelSerializer):
    agency = serializers.IntegerField(source="agency_id", allow_null=True)
    level_label = serializers.CharField(source="get_level_display")
    kind_label = serializers.CharField(source="get_kind_display")
    period = PeriodSerializer()

    class Meta:
        model = ReportRequest
        fields = [
            "id",
            "province",
            "agency",
            "level",
            "level_label",
            "kind",
            "kind_label",
            "title",
            "note",
            "period",
            "due_date",
            "recipient",
            "data_start",
            "data_end",
            "created_at",
        ]


def _requests(request):
    requests = permissions.visible_report_requests(request.user)
    agencies = reachable_agencies(request)
    if agencies is not None:
        # A client reads the requests its agencies send or answer.
        answered = Report.objects.filter(agency__in=agencies).values("request_id")
        requests = requests.filter(Q(agency__in=agencies) | Q(pk__in=answered))
    agency = number_param(request, "co_quan")
    if agency is not None:
        requests = requests.filter(Q(agency_id=agency) | Q(reports__agency_id=agency)).distinct()
    year = number_param(request, "nam", high=9999)
    if year is not None:
        requests = requests.filter(period__year=year)
    since = since_param(request)
    if since is not None:
        requests = requests.filter(created_at__gte=since)
    return requests.select_related("period").order_by("-due_date", "-pk")


class ReportRequestListView(ETagMixin, generics.ListAPIView):
    """Report requests the caller answers or follows, latest due date first."""

    api_scopes = READ_REPORTS
    serializer_class = ReportRequestSerializer

    @extend_schema(parameters=[AGENCY, YEAR, UPDATED_SINCE])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return _requests(self.request)


class ReportRequestDetailView(ETagMixin, generics.RetrieveAPIView):
    api_scopes = READ_REPORTS
    serializer_class = ReportRequestSerializer
    lookup_url_kwarg = "request_id"

    def get_queryset(self):
        return _requests(self.request)


# --- Units' reports --------------------------------------------------------------


class UnitReportSerializer(serializers.ModelSerializer):
    request = serializers.IntegerField(source="request_id")
    agency = serializers.IntegerField(source="agency_id")
    unit = serializers.IntegerField(source="unit_id")
    unit_name = serializers.CharField(source="unit.name")
    title = serializers.CharField(source="request.title")
    due_date = serializers.DateField(source="request.due_date")
    status_label = serializers.CharField(source="get_status_display")
    timeliness = serializers.SerializerMethodField()

    class Meta:
        model = Report
        fields = [
            "id",
            "request",
            "agency",
            "unit",
            "unit_name",
            "title",
            "due_date",
            "status",
            "status_label",
            "revision",
            *Report.SECTIONS,
            "return_comment",
            "sent_at",
            "updated_at",
            "timeliness",
        ]

    def get_timeliness(self, report: Report) -> dict:
        code, label = report.timeliness(timezone.localdate())
        return {"code": code, "label": str(label), "days_late": report.days_late(timezone.localdate())}


def _unit_reports(request):
    reports = within_reach(request, permissions.visible_reports(request.user).filter(unit__isnull=False))
    agency = number_param(request, "co_quan")
    if agency is not None:
        reports = reports.filter(agency_id=agency)
    year = number_param(request, "nam", high=9999)
    if year is not None:
        reports = reports.filter(request__period__year=year)
    state = choice_param(request, "trang_thai", Report.Status)
    if state:
        reports = reports.filter(status=state)
    since = since_param(request)
    if since is not None:
        reports = reports.filter(Q(updated_at__gte=since) | Q(sent_at__gte=since))
    return reports.select_related("request__period", "unit", "agency").order_by("-request__due_date", "-pk")


class UnitReportListView(ETagMixin, generics.ListAPIView):
    """Units' reports the caller may read: their own units', and their
    agency's once sent (for its office and leader)."""

    api_scopes = READ_REPORTS
    serializer_class = UnitReportSerializer

    @extend_schema(parameters=[AGENCY, YEAR, status_parameter(Report.Status), UPDATED_SINCE])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return _unit_reports(self.request)


def unit_report_in_reach(request, report_id: int) -> Report:
    report = permissions.get_report_for_user(request.user, report_id)
    check_reach(request, report.agency_id)
    if report.unit_id is None:
        raise exceptions.NotFound
    return report


class UnitReportDetailView(ETagMixin, generics.RetrieveAPIView):
    api_scopes = READ_REPORTS
    serializer_class = UnitReportSerializer

    def get_object(self):
        return unit_report_in_reach(self.request, self.kwargs["report_id"])


class SubmitSerializer(serializers.Serializer):
    """The report's text, if it is written with the submission; ``revision``
    is the report's revision the text was written on (as read from the report)."""

    results = serializers.CharField(required=False, allow_blank=True, help_text="Kết quả đạt được")
    shortcomings = serializers.CharField(required=False, allow_blank=True, help_text="Hạn chế, nguyên nhân")
    lessons = serializers.CharField(required=False, allow_blank=True, help_text="Bài học kinh nghiệm")
    next_tasks = serializers.CharField(
        required=False, allow_blank=True, help_text="Phương hướng, nhiệm vụ kỳ tới"
    )
    proposals = serializers.CharField(required=False, allow_blank=True, help_text="Kiến nghị, đề xuất")
    revision = serializers.IntegerField(required=False, min_value=0, help_text="Lần lưu mà nội dung dựa vào")

    def validate(self, data):
        if any(name in data for name in Report.SECTIONS) and "revision" not in data:
            raise serializers.ValidationError(
                {"revision": [_("Gửi kèm nội dung thì phải có lần lưu (revision).")]}
            )
        return data


class UnitReportSubmitView(APIView):
    """Send a unit's report to its agency's office (the unit's head), with
    its text if written now: the report page's permission and services."""

    api_scopes = {"write": "reports:write"}

    @extend_schema(request=SubmitSerializer, responses={200: UnitReportSerializer})
    def post(self, request, report_id: int):
        report = unit_report_in_reach(request, report_id)
        if not permissions.can_submit_report(request.user, report):
            if report.is_locked():
                raise exceptions.PermissionDenied(
                    _("Báo cáo đã gửi nên không nộp lại được. Chỉ nộp lại khi báo cáo bị trả lại.")
                )
            raise exceptions.PermissionDenied(_("Bạn không có quyền nộp báo cáo này."))
        body = SubmitSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        try:
            if any(name in data for name in Report.SECTIONS):
                sections = {name: data.get(name, getattr(report, name)) for name in Report.SECTIONS}
                report = services.save_report(
                    report=report, sections=sections, base_revision=data["revision"], by=request.user
                )
            report = services.submit_report(report=report, by=request.user)
        except services.ReportConflict:
            return Response(
                {
                    "detail": _(
                        "Báo cáo đã được người khác lưu sau lần lưu bạn dựa vào; hãy đọc lại rồi gửi."
                    ),
                    "ma": "xung_dot",
                },
                status=status.HTTP_409_CONFLICT,
            )
        except DomainError as error:
            raise exceptions.ValidationError({"detail": error.message}) from None
        report = Report.objects.select_related("request__period", "unit", "agency").get(pk=report.pk)
        return Response(UnitReportSerializer(report).data)
