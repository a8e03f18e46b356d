"""«Dân vận khéo» models (domain §10.1, §12.11): a registration campaign, the
models units register in it, their progress reports, the council's review,
the recognition decision and the replications of a recognised model."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from danvan.core.models import Agency, Province, Unit
from danvan.documents.models import LegalDocument


class Field(models.TextChoices):
    """The four fields of a model (domain §10.1)."""

    ECONOMY = "economy", _("Kinh tế")
    CULTURE_SOCIETY = "culture_society", _("Văn hóa – xã hội")
    DEFENCE_SECURITY = "defence_security", _("Quốc phòng – an ninh")
    POLITICAL_SYSTEM = "political_system", _("Xây dựng hệ thống chính trị")


class Level(models.TextChoices):
    GRASSROOTS = "grassroots", _("Cơ sở")
    SECTOR = "sector", _("Ngành")
    PROVINCE = "province", _("Tỉnh")


class Campaign(models.Model):
    """A year's registration of models, opened by an agency for its units or
    by the province for every agency."""

    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="+", verbose_name=_("tỉnh"))
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="dvk_campaigns",
        verbose_name=_("cơ quan phát động"),
        help_text=_("Để trống khi tỉnh phát động cho mọi cơ quan."),
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    title = models.CharField(_("tên đợt đăng ký"), max_length=255)
    deadline = models.DateField(_("hạn đăng ký"))
    report_dates = models.JSONField(_("các ngày báo cáo tiến độ"), default=list, blank=True)
    expected_units = models.ManyToManyField(
        Unit, blank=True, related_name="+", verbose_name=_("đơn vị phải đăng ký")
    )
    expected_agencies = models.ManyToManyField(
        Agency, blank=True, related_name="+", verbose_name=_("cơ quan phải đăng ký")
    )
    council = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="dvk_councils", verbose_name=_("hội đồng bình xét")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("người phát động"),
    )
    created_at = models.DateTimeField(_("thời điểm phát động"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("đợt đăng ký mô hình «Dân vận khéo»")
        verbose_name_plural = _("đợt đăng ký mô hình «Dân vận khéo»")
        ordering = ["-year", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_provincial(self) -> bool:
        return self.agency_id is None

    def report_days(self) -> list[date]:
        return [date.fromisoformat(value) for value in self.report_dates]

    def is_past_deadline(self, day: date) -> bool:
        return day > self.deadline


class Criterion(models.Model):
    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("đợt đăng ký")
    )
    name = models.CharField(_("tiêu chí"), max_length=255)
    max_points = models.DecimalField(_("điểm tối đa"), max_digits=5, decimal_places=2)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("tiêu chí bình xét")
        verbose_name_plural = _("tiêu chí bình xét")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.name


class RecognitionDecision(models.Model):
    """The decision that recognises models (or not): an issued document of the agency."""

    campaign = models.ForeignKey(
        Campaign, on_delete=models.PROTECT, related_name="decisions", verbose_name=_("đợt đăng ký")
    )
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="+", verbose_name=_("cơ quan ban hành")
    )
    number = models.CharField(_("số, ký hiệu"), max_length=100)
    signed_on = models.DateField(_("ngày ký"))
    level = models.CharField(_("cấp công nhận"), max_length=20, choices=Level.choices)
    document = models.ForeignKey(
        LegalDocument,
        on_delete=models.PROTECT,
        related_name="dvk_decisions",
        verbose_name=_("văn bản trong thư viện"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người ghi")
    )
    created_at = models.DateTimeField(_("thời điểm ghi"), auto_now_add=True)

    class Meta:
        verbose_name = _("quyết định công nhận mô hình")
        verbose_name_plural = _("quyết định công nhận mô hình")
        ordering = ["-signed_on", "-pk"]

    def __str__(self) -> str:
        return str(self.document)


class GoodPractice(models.Model):
    """A «Dân vận khéo» model registered by a unit (or a person) of an agency."""

    class Status(models.TextChoices):
        REGISTERED = "registered", _("Đã đăng ký")
        IN_PROGRESS = "in_progress", _("Đang thực hiện")
        REPORTED = "reported", _("Đã báo cáo kết quả")
        PROPOSED = "proposed", _("Đề nghị công nhận")
        RECOGNISED = "recognised", _("Được công nhận")
        NOT_RECOGNISED = "not_recognised", _("Không được công nhận")
        REPLICATED = "replicated", _("Đã nhân rộng")
        WITHDRAWN = "withdrawn", _("Đã rút đăng ký")

    campaign = models.ForeignKey(
        Campaign, on_delete=models.PROTECT, related_name="practices", verbose_name=_("đợt đăng ký")
    )
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="good_practices", verbose_name=_("cơ quan")
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("đơn vị")
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cá nhân đăng ký"),
    )
    name = models.CharField(_("tên mô hình"), max_length=255)
    address = models.CharField(_("địa chỉ thực hiện"), max_length=255)
    field = models.CharField(_("lĩnh vực"), max_length=30, choices=Field.choices)
    level = models.CharField(_("cấp"), max_length=20, choices=Level.choices)
    aims = models.TextField(_("mục tiêu"))
    content = models.TextField(_("nội dung"))
    participants = models.TextField(_("lực lượng tham gia"))
    starts_on = models.DateField(_("ngày bắt đầu"))
    ends_on = models.DateField(_("ngày kết thúc"))
    expected_results = models.TextField(_("kết quả dự kiến"))
    responsible = models.CharField(_("người phụ trách"), max_length=255)
    tasks = models.ManyToManyField(
        "plans.Task", blank=True, related_name="good_practices", verbose_name=_("nhiệm vụ của kế hoạch")
    )
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status.choices, default=Status.REGISTERED
    )
    is_late = models.BooleanField(_("đăng ký sau hạn"), default=False)
    late_reason = models.TextField(_("lý do đăng ký sau hạn"), blank=True)
    origin = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replications",
        verbose_name=_("mô hình gốc được nhân rộng"),
    )
    average_score = models.DecimalField(
        _("điểm bình quân"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    recognition = models.ForeignKey(
        RecognitionDecision,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="practices",
        verbose_name=_("quyết định công nhận"),
    )
    results = models.TextField(_("kết quả, hiệu quả"), blank=True)
    search_text = models.TextField(editable=False, default="", verbose_name=_("nội dung để tìm kiếm"))
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người đăng ký")
    )
    registered_at = models.DateTimeField(_("thời điểm đăng ký"), auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        verbose_name = _("mô hình «Dân vận khéo»")
        verbose_name_plural = _("mô hình «Dân vận khéo»")
        ordering = ["-campaign__year", "name", "pk"]

    def __str__(self) -> str:
        return self.name

    def holder_name(self) -> str:
        if self.unit_id:
            return self.unit.name
        if self.person_id:
            return self.person.full_name or self.person.username
        return self.agency.name

    def is_recognised(self) -> bool:
        return self.status in (self.Status.RECOGNISED, self.Status.REPLICATED)


class ModelEvent(models.Model):
    """One step of a model's life: who moved it, when, from what to what."""

    practice = models.ForeignKey(
        GoodPractice, on_delete=models.CASCADE, related_name="events", verbose_name=_("mô hình")
    )
    from_status = models.CharField(
        _("từ trạng thái"), max_length=20, choices=GoodPractice.Status.choices, blank=True
    )
    to_status = models.CharField(_("sang trạng thái"), max_length=20, choices=GoodPractice.Status.choices)
    note = models.TextField(_("ghi chú"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("người thực hiện"),
    )
    at = models.DateTimeField(_("thời điểm"), auto_now_add=True)

    class Meta:
        verbose_name = _("bước của mô hình")
        verbose_name_plural = _("lịch sử mô hình")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.practice} — {self.get_to_status_display()}"


class ProgressReport(models.Model):
    practice = models.ForeignKey(
        GoodPractice, on_delete=models.CASCADE, related_name="reports", verbose_name=_("mô hình")
    )
    period = models.CharField(_("kỳ báo cáo"), max_length=100)
    figures = models.TextField(_("số liệu"), blank=True)
    text = models.TextField(_("nội dung báo cáo"))
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người báo cáo")
    )
    reported_at = models.DateTimeField(_("thời điểm báo cáo"), auto_now_add=True)

    class Meta:
        verbose_name = _("báo cáo tiến độ mô hình")
        verbose_name_plural = _("báo cáo tiến độ mô hình")
        ordering = ["reported_at", "pk"]

    def __str__(self) -> str:
        return f"{self.practice} — {self.period}"


def evidence_path(instance: Evidence, filename: str) -> str:
    return f"emulation/dvk/{instance.report.practice_id}/{instance.report_id}/{filename}"


class Evidence(models.Model):
    report = models.ForeignKey(
        ProgressReport, on_delete=models.CASCADE, related_name="evidence", verbose_name=_("báo cáo")
    )
    file = models.FileField(_("tệp"), upload_to=evidence_path)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    size = models.PositiveBigIntegerField(_("dung lượng"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người tải lên")
    )
    uploaded_at = models.DateTimeField(_("thời điểm tải lên"), auto_now_add=True)

    class Meta:
        verbose_name = _("minh chứng")
        verbose_name_plural = _("minh chứng")
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.original_name


class Score(models.Model):
    """One council member's points for one model on one criterion."""

    practice = models.ForeignKey(
        GoodPractice, on_delete=models.CASCADE, related_name="scores", verbose_name=_("mô hình")
    )
    criterion = models.ForeignKey(
        Criterion, on_delete=models.PROTECT, related_name="scores", verbose_name=_("tiêu chí")
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("thành viên hội đồng"),
    )
    points = models.DecimalField(_("điểm"), max_digits=5, decimal_places=2)
    scored_at = models.DateTimeField(_("thời điểm chấm"), auto_now=True)

    class Meta:
        verbose_name = _("điểm bình xét")
        verbose_name_plural = _("điểm bình xét")
        constraints = [
            models.UniqueConstraint(
                fields=["practice", "criterion", "member"], name="dvk_score_once_per_member"
            )
        ]

    def __str__(self) -> str:
        return f"{self.practice} — {self.criterion}: {self.points}"
