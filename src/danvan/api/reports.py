"""Read-only API of the reports agencies have sent upward (approved by their
leader), for a national or provincial reporting system: the text of each
section and the figures as they were when sent."""

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers

from danvan.reports.models import Report, ReportingPeriod
from danvan.reports.permissions import sent_reports


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


YEAR = OpenApiParameter("nam", int, description="Năm của kỳ báo cáo")
KIND = OpenApiParameter("ky", str, description="Loại kỳ: month, quarter, half, nine_months, year")


class SentReportListView(generics.ListAPIView):
    """Reports sent upward that the caller may read, newest first."""

    serializer_class = SentReportSerializer

    @extend_schema(parameters=[YEAR, KIND])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        reports = sent_reports_for(self.request.user)
        year = self.request.query_params.get("nam", "")
        if year.isdigit():
            reports = reports.filter(request__period__year=int(year))
        kind = self.request.query_params.get("ky")
        if kind:
            reports = reports.filter(request__period__kind=kind)
        return reports


class SentReportDetailView(generics.RetrieveAPIView):
    serializer_class = SentReportSerializer
    lookup_url_kwarg = "report_id"

    def get_queryset(self):
        return sent_reports_for(self.request.user)
