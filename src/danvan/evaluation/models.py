"""A province's criteria sets as data: the tree of criteria and the classification rules."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from danvan.core.models import Agency, Province
from danvan.documents.models import LegalDocument


class CriteriaSet(models.Model):
    """The criteria a province scores its agencies by, for the years it applies to."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        IN_USE = "in_use", _("Đang áp dụng")
        ARCHIVED = "archived", _("Đã thay thế")

    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="criteria_sets", verbose_name=_("tỉnh")
    )
    name = models.CharField(_("tên bộ tiêu chí"), max_length=255)
    document_number = models.CharField(_("số, ký hiệu văn bản ban hành"), max_length=100, blank=True)
    document_date = models.DateField(_("ngày ban hành"), null=True, blank=True)
    legal_document = models.ForeignKey(
        LegalDocument,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="criteria_sets",
        verbose_name=_("văn bản trong thư viện"),
    )
    years = models.JSONField(_("năm áp dụng"), default=list, blank=True)
    agency_kinds = models.JSONField(_("loại cơ quan được đánh giá"), default=list, blank=True)
    effective_from = models.DateField(_("hiệu lực từ ngày"), null=True, blank=True)
    effective_to = models.DateField(_("hiệu lực đến ngày"), null=True, blank=True)
    replaces = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replaced_by",
        verbose_name=_("thay thế bộ tiêu chí"),
    )
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    version = models.PositiveIntegerField(_("phiên bản"), default=1)
    declared_max = models.DecimalField(
        _("tổng điểm tiêu chí chính"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    floor_total_at_zero = models.BooleanField(_("tổng điểm không dưới 0"), default=True)
    rescale_when_excluded = models.BooleanField(_("quy đổi khi có tiêu chí không áp dụng"), default=False)
    rules = models.JSONField(_("quy định xếp loại"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người tạo")
    )
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("bộ tiêu chí đánh giá")
        verbose_name_plural = _("bộ tiêu chí đánh giá")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.name

    def agency_kind_labels(self) -> list[str]:
        labels = dict(Agency.Kind.choices)
        return [str(labels.get(kind, kind)) for kind in self.agency_kinds]

    def covers(self, agency: Agency) -> bool:
        return agency.province_id == self.province_id and agency.kind in self.agency_kinds


class CriteriaNode(models.Model):
    """One line of the set's tree: a group, a criterion or a sub-criterion; leaves are scored."""

    class Kind(models.TextChoices):
        BASE = "base", _("Tiêu chí chính")
        BONUS = "bonus", _("Điểm thưởng")
        PENALTY = "penalty", _("Điểm trừ")

    class WhenNotApplicable(models.TextChoices):
        REFUSED = "refused", _("Không được áp dụng")
        FULL_POINTS = "full", _("Tính đủ điểm")
        EXCLUDED = "excluded", _("Không tính vào điểm tối đa")

    criteria_set = models.ForeignKey(
        CriteriaSet, on_delete=models.CASCADE, related_name="nodes", verbose_name=_("bộ tiêu chí")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("tiêu chí cha"),
    )
    position = models.PositiveIntegerField(_("thứ tự"))
    code = models.CharField(_("mã"), max_length=20)
    key = models.CharField(_("mã đầy đủ"), max_length=200)
    name = models.TextField(_("tên tiêu chí"))
    max_points = models.DecimalField(_("điểm tối đa"), max_digits=7, decimal_places=2)
    kind = models.CharField(_("loại điểm"), max_length=10, choices=Kind.choices, default=Kind.BASE)
    method = models.CharField(_("cách chấm điểm"), max_length=30, blank=True)
    parameters = models.JSONField(_("tham số cách chấm"), default=dict, blank=True)
    cap_at_max = models.BooleanField(_("không vượt điểm tối đa"), default=False)
    when_not_applicable = models.CharField(
        _("khi không áp dụng"),
        max_length=10,
        choices=WhenNotApplicable.choices,
        default=WhenNotApplicable.REFUSED,
    )
    evidence = models.TextField(_("tài liệu kiểm chứng"), blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tiêu chí")
        verbose_name_plural = _("tiêu chí")
        ordering = ["criteria_set", "position"]
        constraints = [
            models.UniqueConstraint(fields=["criteria_set", "key"], name="evaluation_node_key_unique_in_set")
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.name[:80]}"

    @property
    def depth(self) -> int:
        return self.key.count("/") + 1
