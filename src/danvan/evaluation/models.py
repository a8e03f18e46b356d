"""A province's criteria sets as data: the tree of criteria and the classification rules."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
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
    # The window in which agencies submit their self-assessment each year, as day and month ("10/12").
    submit_from = models.CharField(_("gửi bản tự chấm từ ngày (ngày/tháng)"), max_length=5, blank=True)
    submit_until = models.CharField(_("gửi bản tự chấm đến ngày (ngày/tháng)"), max_length=5, blank=True)
    answer_days = models.PositiveIntegerField(_("số ngày cơ quan được phản hồi kết quả thẩm định"), default=5)
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
    # The code of a figure the system computes for this leaf (core.indicators), proposed as its score.
    indicator = models.CharField(_("số liệu từ hệ thống"), max_length=80, blank=True)
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


class Assessment(models.Model):
    """One agency's yearly assessment against the set that covers it: self, reviewed and final scores."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Đang tự chấm")
        SUBMITTED = "submitted", _("Đã gửi, chờ thẩm định")
        REVIEWED = "reviewed", _("Đã thẩm định, chờ cơ quan phản hồi")
        ANSWERED = "answered", _("Cơ quan đã phản hồi")
        FINAL = "final", _("Đã có kết quả chính thức")

    criteria_set = models.ForeignKey(
        CriteriaSet, on_delete=models.PROTECT, related_name="assessments", verbose_name=_("bộ tiêu chí")
    )
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="assessments", verbose_name=_("cơ quan")
    )
    year = models.PositiveIntegerField(_("năm đánh giá"))
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    events = models.JSONField(_("sự việc ảnh hưởng xếp loại"), default=list, blank=True)
    self_total = models.DecimalField(_("điểm tự chấm"), max_digits=7, decimal_places=2, null=True, blank=True)
    self_band = models.CharField(_("tự xếp loại"), max_length=100, blank=True)
    reviewed_total = models.DecimalField(
        _("điểm thẩm định"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    final_total = models.DecimalField(
        _("điểm chính thức"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    final_band = models.CharField(_("xếp loại chính thức"), max_length=100, blank=True)
    classification = models.JSONField(_("căn cứ xếp loại"), default=dict, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người mở")
    )
    opened_at = models.DateTimeField(_("ngày mở"), auto_now_add=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("lãnh đạo duyệt, gửi"),
    )
    submitted_at = models.DateTimeField(_("ngày gửi"), null=True, blank=True)
    submitted_late = models.BooleanField(_("gửi sau thời hạn"), default=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người thẩm định"),
    )
    reviewed_at = models.DateTimeField(_("ngày thẩm định"), null=True, blank=True)
    answer_due = models.DateField(_("hạn phản hồi"), null=True, blank=True)
    answer = models.TextField(_("ý kiến phản hồi của cơ quan"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người phản hồi"),
    )
    answered_at = models.DateTimeField(_("ngày phản hồi"), null=True, blank=True)
    finalised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người công nhận kết quả"),
    )
    finalised_at = models.DateTimeField(_("ngày công nhận kết quả"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("bản tự đánh giá, chấm điểm")
        verbose_name_plural = _("bản tự đánh giá, chấm điểm")
        ordering = ["-year", "agency__name"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="evaluation_one_assessment_a_year")
        ]

    def __str__(self) -> str:
        return f"{self.agency} – {self.year}"


class Reviewer(models.Model):
    """A named member of the province's review council, who sees only the assessments given to them."""

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="reviewers", verbose_name=_("bản đánh giá")
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("thành viên hội đồng"),
    )
    position = models.CharField(_("chức danh trong hội đồng"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("thành viên hội đồng thẩm định")
        verbose_name_plural = _("thành viên hội đồng thẩm định")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "person"], name="evaluation_reviewer_once")
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.assessment}"


class LeafScore(models.Model):
    """A leaf's score as the agency entered it, as the reviewer changed it, and as finalised."""

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="scores", verbose_name=_("bản đánh giá")
    )
    node = models.ForeignKey(
        CriteriaNode, on_delete=models.PROTECT, related_name="+", verbose_name=_("tiêu chí")
    )
    entered = models.JSONField(_("số liệu tự chấm"), null=True, blank=True)
    points = models.DecimalField(_("điểm tự chấm"), max_digits=7, decimal_places=2, null=True, blank=True)
    explanation = models.TextField(_("giải trình"), blank=True)
    proposal = models.JSONField(_("số liệu hệ thống đề xuất"), null=True, blank=True)
    proposal_accepted = models.BooleanField(_("dùng số liệu đề xuất"), null=True, blank=True)
    override_reason = models.TextField(_("lý do không dùng số liệu đề xuất"), blank=True)
    scored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người chấm"),
    )
    scored_at = models.DateTimeField(_("ngày chấm"), null=True, blank=True)
    reviewed_entered = models.JSONField(_("số liệu thẩm định"), null=True, blank=True)
    reviewed_points = models.DecimalField(
        _("điểm thẩm định"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    review_reason = models.TextField(_("lý do thay đổi"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người thẩm định"),
    )
    reviewed_at = models.DateTimeField(_("ngày thẩm định"), null=True, blank=True)
    final_points = models.DecimalField(
        _("điểm chính thức"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("điểm tiêu chí")
        verbose_name_plural = _("điểm tiêu chí")
        ordering = ["assessment", "node__position"]
        constraints = [models.UniqueConstraint(fields=["assessment", "node"], name="evaluation_leaf_once")]

    def __str__(self) -> str:
        return f"{self.assessment} – {self.node.code}"


class Evidence(models.Model):
    """What proves a leaf's score: a link to something already in the system, or an uploaded file."""

    score = models.ForeignKey(
        LeafScore, on_delete=models.CASCADE, related_name="evidence", verbose_name=_("điểm tiêu chí")
    )
    title = models.CharField(_("tên tài liệu"), max_length=500)
    link_kind = models.CharField(_("loại đối tượng"), max_length=50, blank=True)
    link_id = models.PositiveIntegerField(_("mã đối tượng"), null=True, blank=True)
    file = models.FileField(_("tệp"), upload_to="evaluation/%Y/", blank=True)
    file_name = models.CharField(_("tên tệp"), max_length=255, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người thêm")
    )
    added_at = models.DateTimeField(_("ngày thêm"), auto_now_add=True)

    class Meta:
        verbose_name = _("tài liệu kiểm chứng")
        verbose_name_plural = _("tài liệu kiểm chứng")
        ordering = ["score", "pk"]

    def __str__(self) -> str:
        return self.title


class ResultsDecision(models.Model):
    """The province's decision recognising a year's evaluation results, issued
    by signing it: the Chairman of the provincial People's Committee signs
    its PDF with the committee's certificate. Each signed PDF, with who
    signed and when, is a documents.SignedCopy of this row."""

    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="+", verbose_name=_("tỉnh"))
    year = models.PositiveIntegerField(_("năm đánh giá"))
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="+", verbose_name=_("cơ quan ban hành")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("người ký lần đầu"),
    )
    created_at = models.DateTimeField(_("thời điểm ký lần đầu"), auto_now_add=True)

    class Meta:
        verbose_name = _("quyết định công nhận kết quả đánh giá")
        verbose_name_plural = _("quyết định công nhận kết quả đánh giá")
        ordering = ["-year", "province"]
        constraints = [
            models.UniqueConstraint(fields=["province", "year"], name="evaluation_decision_once_a_year")
        ]

    def __str__(self) -> str:
        return gettext("Quyết định công nhận kết quả đánh giá năm %(year)s") % {"year": self.year}
