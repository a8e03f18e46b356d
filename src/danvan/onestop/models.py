"""The one-stop (một cửa) figures of an agency, imported from the province's
one-stop system: per period, the dossiers of each procedure and unit; the
register of late dossiers with their apology letters (Mẫu 04); and the
agency's settings (how an apology counts, the columns of its exports)."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from danvan.core.models import Agency


class OnestopSetting(models.Model):
    """One agency's choices for its one-stop figures."""

    agency = models.OneToOneField(
        Agency, on_delete=models.CASCADE, related_name="onestop_setting", verbose_name=_("Cơ quan")
    )
    # spec/domain.md §5.3: whether a dossier returned after the original date is
    # still late when an apology letter was sent in time is unconfirmed: by
    # default it stays late.
    apology_clears_late = models.BooleanField(
        _("Hồ sơ trễ hạn đã gửi phiếu xin lỗi đúng hạn được tính là không trễ"), default=False
    )
    # The columns the office confirmed at the last import, per kind of sheet:
    # {"statistics": {"late": "qua han", ...}, "late": {...}} (headers without accents).
    column_mapping = models.JSONField(_("Cách ghép cột đã lưu"), default=dict, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Cài đặt số liệu một cửa")
        verbose_name_plural = _("Cài đặt số liệu một cửa")

    def __str__(self) -> str:
        return str(self.agency)


class StatisticsPeriod(models.Model):
    """The figures of one period (from–to) as the one-stop system exported them."""

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="onestop_periods", verbose_name=_("Cơ quan")
    )
    starts_on = models.DateField(_("Từ ngày"))
    ends_on = models.DateField(_("Đến ngày"))
    source_name = models.CharField(_("Tệp đã nhập"), max_length=255, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("Người nhập")
    )
    imported_at = models.DateTimeField(_("Ngày nhập"), auto_now=True)

    class Meta:
        verbose_name = _("Kỳ số liệu một cửa")
        verbose_name_plural = _("Kỳ số liệu một cửa")
        ordering = ["agency", "starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "starts_on", "ends_on"], name="onestop_one_period"),
        ]

    def __str__(self) -> str:
        return f"{self.starts_on:%d/%m/%Y}–{self.ends_on:%d/%m/%Y}"


class StatisticsRow(models.Model):
    """One procedure at one unit in a period."""

    period = models.ForeignKey(
        StatisticsPeriod, on_delete=models.CASCADE, related_name="rows", verbose_name=_("Kỳ")
    )
    procedure = models.CharField(_("Thủ tục hành chính"), max_length=500)
    unit_name = models.CharField(_("Đơn vị"), max_length=255, blank=True)
    received = models.PositiveIntegerField(_("Tiếp nhận"), default=0)
    early = models.PositiveIntegerField(_("Trước hạn"), default=0)
    on_time = models.PositiveIntegerField(_("Đúng hạn"), default=0)
    late = models.PositiveIntegerField(_("Quá hạn"), default=0)
    in_progress = models.PositiveIntegerField(_("Đang giải quyết"), default=0)
    withdrawn = models.PositiveIntegerField(_("Rút hồ sơ"), default=0)
    source_row = models.PositiveIntegerField(_("Dòng trong tệp"), default=0)

    class Meta:
        verbose_name = _("Dòng số liệu một cửa")
        verbose_name_plural = _("Dòng số liệu một cửa")
        ordering = ["period", "source_row", "pk"]

    def __str__(self) -> str:
        return self.procedure

    @property
    def settled(self) -> int:
        return self.early + self.on_time + self.late


class LateDossier(models.Model):
    """A dossier returned, or to be returned, after its appointed date.

    The applicant is a citizen or an organisation: their name is read only by
    the agency's own staff (onestop.permissions)."""

    class Cause(models.TextChoices):
        OFFICIAL = "official", _("Do lỗi của cán bộ, công chức")
        OTHER = "other", _("Không do lỗi của cán bộ, công chức")

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="late_dossiers", verbose_name=_("Cơ quan")
    )
    code = models.CharField(_("Mã hồ sơ"), max_length=60)
    procedure = models.CharField(_("Thủ tục hành chính"), max_length=500)
    unit_name = models.CharField(_("Đơn vị giải quyết"), max_length=255, blank=True)
    applicant = models.CharField(_("Tổ chức, cá nhân nộp hồ sơ"), max_length=255)
    received_on = models.DateField(_("Ngày tiếp nhận"), null=True, blank=True)
    due_date = models.DateField(_("Ngày hẹn trả"))
    returned_on = models.DateField(_("Ngày trả kết quả"), null=True, blank=True)
    cause = models.CharField(_("Nguyên nhân"), max_length=20, choices=Cause.choices, default=Cause.OTHER)
    reason = models.TextField(_("Lý do chậm trả"), blank=True)
    apology_sent_on = models.DateField(_("Ngày gửi phiếu xin lỗi (Mẫu 04)"), null=True, blank=True)
    apology_by_system = models.BooleanField(_("Phiếu xin lỗi do hệ thống một cửa gửi"), default=False)
    new_due_date = models.DateField(_("Ngày hẹn trả mới"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("Người ghi")
    )
    created_at = models.DateTimeField(_("Ngày ghi"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Hồ sơ trễ hạn")
        verbose_name_plural = _("Hồ sơ trễ hạn")
        ordering = ["agency", "-due_date", "code"]
        constraints = [models.UniqueConstraint(fields=["agency", "code"], name="onestop_one_late_dossier")]

    def __str__(self) -> str:
        return self.code

    @property
    def apology_deadline(self):
        """Mẫu 04 is sent no later than 01 day before the due date (spec/domain.md §5.2)."""
        return self.due_date - timedelta(days=1)

    def apology_in_time(self) -> bool:
        return self.apology_sent_on is not None and self.apology_sent_on <= self.apology_deadline

    def kept_new_date(self) -> bool:
        """Apologised in time with a new date, and returned by it (or not returned yet)."""
        if not self.apology_in_time() or self.new_due_date is None:
            return False
        return self.returned_on is None or self.returned_on <= self.new_due_date
