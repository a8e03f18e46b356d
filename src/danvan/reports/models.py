"""Periodic reporting (chế độ báo cáo): the periods with their data cut-off
dates (Nghị định 09/2019/NĐ-CP Điều 12, or the province's own), the requests
an upper level sends down, and the reports that answer them — a unit's to its
agency office, an agency's to the province. Every saved text is kept as a
version; a sent report is locked until it is returned."""

from __future__ import annotations

from copy import copy
from datetime import date

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from danvan.core.models import Agency, Province, Unit, User
from danvan.reports.periods import PeriodKind, period_label


class CutOffRule(models.Model):
    """A province's own cut-off day for a kind of period. Without one, the
    national rule applies: from the 15th of the month before the period to the
    14th of its last month. Day 0 means calendar periods (1st to month end)."""

    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="cut_off_rules", verbose_name=_("tỉnh")
    )
    kind = models.CharField(_("loại kỳ"), max_length=20, choices=PeriodKind.choices)
    cut_off_day = models.PositiveSmallIntegerField(
        _("ngày chốt số liệu"),
        help_text=_("Ngày chốt trong tháng cuối kỳ (1–28); 0 là hết tháng (kỳ theo tháng dương lịch)."),
    )
    source = models.CharField(_("căn cứ"), max_length=255)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("quy định chốt số liệu của tỉnh")
        verbose_name_plural = _("quy định chốt số liệu của tỉnh")
        constraints = [
            models.UniqueConstraint(fields=["province", "kind"], name="cut_off_rule_once_per_kind"),
            models.CheckConstraint(condition=Q(cut_off_day__lte=28), name="cut_off_day_in_month"),
        ]

    def __str__(self) -> str:
        return f"{self.province} — {self.get_kind_display()}: {self.cut_off_day}"


class ReportingPeriod(models.Model):
    """One reporting period of a province with its data window (start–end)."""

    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="reporting_periods", verbose_name=_("tỉnh")
    )
    kind = models.CharField(_("loại kỳ"), max_length=20, choices=PeriodKind.choices)
    year = models.PositiveSmallIntegerField(_("năm"))
    number = models.PositiveSmallIntegerField(
        _("số thứ tự kỳ"), default=0, help_text=_("Tháng 1–12, quý 1–4.")
    )
    start = models.DateField(_("từ ngày (chốt số liệu)"))
    end = models.DateField(_("đến ngày (chốt số liệu)"))
    rule = models.CharField(_("cách xác định"), max_length=255)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kỳ báo cáo")
        verbose_name_plural = _("kỳ báo cáo")
        ordering = ["-year", "-end"]
        constraints = [
            models.UniqueConstraint(fields=["province", "kind", "year", "number"], name="period_once"),
            models.CheckConstraint(condition=Q(end__gte=F("start")), name="period_ends_after_start"),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return period_label(self.kind, self.year, self.number)


class ReportRequest(models.Model):
    """An upper level asks for reports of a period by a date: the province asks
    agencies, an agency office asks its units."""

    class Level(models.TextChoices):
        AGENCIES = "agencies", _("Cơ quan báo cáo tỉnh")
        UNITS = "units", _("Đơn vị báo cáo cơ quan")

    class Kind(models.TextChoices):
        PERIODIC = "periodic", _("Báo cáo định kỳ")
        THEMATIC = "thematic", _("Báo cáo chuyên đề")
        AD_HOC = "ad_hoc", _("Báo cáo đột xuất")

    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="report_requests", verbose_name=_("tỉnh")
    )
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="unit_report_requests",
        verbose_name=_("cơ quan yêu cầu"),
        help_text=_("Với yêu cầu gửi các đơn vị: cơ quan của các đơn vị."),
    )
    level = models.CharField(_("cấp báo cáo"), max_length=20, choices=Level.choices)
    kind = models.CharField(_("loại báo cáo"), max_length=20, choices=Kind.choices, default=Kind.PERIODIC)
    period = models.ForeignKey(
        ReportingPeriod, on_delete=models.PROTECT, related_name="requests", verbose_name=_("kỳ báo cáo")
    )
    title = models.CharField(_("tên báo cáo"), max_length=300)
    note = models.TextField(_("yêu cầu về nội dung"), blank=True)
    due_date = models.DateField(_("hạn nộp"))
    recipient = models.CharField(_("nơi nhận báo cáo"), max_length=255, blank=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("phục vụ yêu cầu cấp trên"),
    )
    source_deadline = models.ForeignKey(
        "plans.PlanDeadline",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="report_requests",
        verbose_name=_("theo hạn trong kế hoạch"),
    )
    data_start = models.DateField(_("số liệu từ ngày"), null=True, blank=True)
    data_end = models.DateField(
        _("số liệu đến ngày"),
        null=True,
        blank=True,
        help_text=_("Khi hạn nộp trước ngày chốt của kỳ: số liệu tính đến ngày chốt liền trước hạn nộp."),
    )
    data_rule = models.CharField(_("cách xác định số liệu"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", verbose_name=_("người tạo")
    )
    created_at = models.DateTimeField(_("thời điểm tạo"), auto_now_add=True)

    class Meta:
        verbose_name = _("yêu cầu báo cáo")
        verbose_name_plural = _("yêu cầu báo cáo")
        ordering = ["-due_date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(level="agencies", agency__isnull=True) | Q(level="units", agency__isnull=False),
                name="request_level_matches_agency",
            ),
            models.UniqueConstraint(
                fields=["source_deadline"],
                condition=Q(source_deadline__isnull=False),
                name="one_request_per_plan_deadline",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @cached_property
    def data_period(self) -> ReportingPeriod:
        """The period as this request counts its figures: the period itself,
        or its window kept before this request's due date (never saved)."""
        if self.data_end is None:
            return self.period
        window = copy(self.period)
        window.start = self.data_start or self.period.start
        window.end = self.data_end
        window.rule = self.data_rule or self.period.rule
        return window


class Report(models.Model):
    """A unit's report to its agency, or an agency's report to the province."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Chưa nộp")
        SUBMITTED = "submitted", _("Đã nộp")
        RETURNED = "returned", _("Bị trả lại")
        APPROVED = "approved", _("Đã duyệt và gửi")

    SECTIONS = ("results", "shortcomings", "lessons", "next_tasks", "proposals")

    request = models.ForeignKey(
        ReportRequest, on_delete=models.PROTECT, related_name="reports", verbose_name=_("yêu cầu báo cáo")
    )
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="reports", verbose_name=_("cơ quan")
    )
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("đơn vị"),
    )
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.PENDING)
    results = models.TextField(_("Kết quả đạt được"), blank=True)
    shortcomings = models.TextField(_("Hạn chế, nguyên nhân"), blank=True)
    lessons = models.TextField(_("Bài học kinh nghiệm"), blank=True)
    next_tasks = models.TextField(_("Phương hướng, nhiệm vụ kỳ tới"), blank=True)
    proposals = models.TextField(_("Kiến nghị, đề xuất"), blank=True)
    figures = models.JSONField(_("số liệu tại thời điểm gửi"), default=dict, blank=True)
    revision = models.PositiveIntegerField(default=0, verbose_name=_("lần lưu"))
    composed_from = models.ForeignKey(
        ReportRequest,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="composed_reports",
        verbose_name=_("tổng hợp từ báo cáo các đơn vị"),
    )
    number = models.CharField(_("số"), max_length=20, blank=True)
    symbol = models.CharField(_("ký hiệu"), max_length=50, blank=True)
    issue_date = models.DateField(_("ngày ban hành"), null=True, blank=True)
    recipients = models.JSONField(_("nơi nhận"), default=list, blank=True)
    signer_authority = models.CharField(_("thẩm quyền ký"), max_length=100, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=100, blank=True)
    signer_name = models.CharField(_("người ký"), max_length=100, blank=True)
    return_comment = models.TextField(_("ý kiến khi trả lại"), blank=True)
    approved_missing = models.JSONField(
        _("duyệt dù còn thiếu báo cáo của"),
        default=list,
        blank=True,
        help_text=_("Các đơn vị chưa nộp báo cáo khi lãnh đạo chọn duyệt."),
    )
    first_sent_at = models.DateTimeField(_("lần gửi đầu"), null=True, blank=True)
    sent_at = models.DateTimeField(_("thời điểm gửi"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        User, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("người trình")
    )
    approved_by = models.ForeignKey(
        User, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("người duyệt")
    )
    updated_by = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người sửa gần nhất"),
    )
    updated_at = models.DateTimeField(_("cập nhật lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("báo cáo")
        verbose_name_plural = _("báo cáo")
        ordering = ["request", "unit__sort_key", "agency__sort_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "unit"], condition=Q(unit__isnull=False), name="one_report_per_unit"
            ),
            models.UniqueConstraint(
                fields=["request", "agency"], condition=Q(unit__isnull=True), name="one_report_per_agency"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.request} — {self.unit or self.agency}"

    @property
    def respondent(self) -> Unit | Agency:
        return self.unit or self.agency

    @property
    def respondent_name(self) -> str:
        """The respondent's name on the report's issue date, else at the end
        of the period: a renamed agency's 2024 report reads with its 2024
        name (lists prefetch ``agency__former_names`` and ``unit__former_names``)."""
        return self.respondent.name_on(self.issue_date or self.request.period.end)

    @property
    def is_agency_report(self) -> bool:
        return self.unit_id is None

    def is_locked(self) -> bool:
        """Sent reports are read-only until returned. An agency report waits
        for its leader (submitted) or has gone to the province (approved)."""
        return self.status in (self.Status.SUBMITTED, self.Status.APPROVED)

    def sections(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in self.SECTIONS}

    def days_late(self, today: date) -> int:
        """Days past the due date: of the first sending, or of today while unsent."""
        return days_late(self.first_sent_at, self.request.due_date, today)

    def timeliness(self, today: date) -> tuple[str, str]:
        """(code, label): on time, late by N days, not yet due, or overdue unsent."""
        return timeliness(self.first_sent_at, self.request.due_date, today)


def days_late(first_sent_at, due_date: date, today: date) -> int:
    day = timezone.localtime(first_sent_at).date() if first_sent_at else today
    return max((day - due_date).days, 0)


def timeliness(first_sent_at, due_date: date, today: date) -> tuple[str, str]:
    late = days_late(first_sent_at, due_date, today)
    if first_sent_at:
        if late:
            return "late", gettext("Nộp muộn %(days)s ngày") % {"days": late}
        return "on_time", gettext("Đúng hạn")
    if late:
        return "overdue", gettext("Quá hạn, chưa nộp")
    return "waiting", gettext("Chưa đến hạn")


class ReportVersion(models.Model):
    """Every saved text of a report, in order; nothing typed is lost."""

    class Event(models.TextChoices):
        SAVED = "saved", _("Lưu nháp")
        AUTOSAVED = "autosaved", _("Tự động lưu")
        CONFLICT = "conflict", _("Bản lưu trùng lúc (giữ lại)")
        SUBMITTED = "submitted", _("Nộp báo cáo")
        RETURNED = "returned", _("Trả lại")
        APPROVED = "approved", _("Duyệt và gửi")

    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="versions", verbose_name=_("báo cáo")
    )
    number = models.PositiveIntegerField(_("phiên bản"))
    event = models.CharField(_("sự kiện"), max_length=20, choices=Event.choices)
    sections = models.JSONField(_("nội dung"), default=dict)
    comment = models.TextField(_("ý kiến"), blank=True)
    created_by = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", verbose_name=_("người tạo")
    )
    created_at = models.DateTimeField(_("thời điểm"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("phiên bản báo cáo")
        verbose_name_plural = _("phiên bản báo cáo")
        ordering = ["report", "number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="report_version_number_once")
        ]

    def __str__(self) -> str:
        return f"{self.report} v{self.number}"


def report_attachment_path(instance: ReportAttachment, filename: str) -> str:
    return f"reports/{instance.report.agency_id}/{instance.report_id}/{filename}"


class ReportAttachment(models.Model):
    report = models.ForeignKey(
        Report, on_delete=models.PROTECT, related_name="attachments", verbose_name=_("báo cáo")
    )
    file = models.FileField(_("tệp"), upload_to=report_attachment_path)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    size = models.PositiveBigIntegerField(_("dung lượng"))
    uploaded_by = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", verbose_name=_("người tải lên")
    )
    uploaded_at = models.DateTimeField(_("thời điểm tải lên"), auto_now_add=True)

    class Meta:
        verbose_name = _("tệp đính kèm báo cáo")
        verbose_name_plural = _("tệp đính kèm báo cáo")
        ordering = ["uploaded_at"]

    def __str__(self) -> str:
        return self.original_name
