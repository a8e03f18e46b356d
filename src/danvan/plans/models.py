"""Plans (Kế hoạch) and what they hold: tasks, targets, dated obligations and
the documents they cite. A plan starts as a draft, written by hand or
imported from the agency's own Word or PDF file."""

from __future__ import annotations

import calendar
from datetime import date

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from danvan.core.models import Agency, LeasedJobRecord, Unit, User, with_derived
from danvan.core.text import search_key
from danvan.documents.models import LegalDocument
from danvan.plans import recurrence


class Plan(models.Model):
    class Kind(models.TextChoices):
        YEARLY = "yearly", _("Kế hoạch năm")
        QUARTERLY = "quarterly", _("Kế hoạch quý")
        THEMATIC = "thematic", _("Kế hoạch chuyên đề")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        SUBMITTED = "submitted", _("Trình lãnh đạo")
        RETURNED = "returned", _("Trả lại để sửa")
        ISSUED = "issued", _("Đã ban hành")
        CLOSED = "closed", _("Đã kết thúc")

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="plans", verbose_name=_("cơ quan")
    )
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plans",
        verbose_name=_("đơn vị ban hành"),
        help_text=_("Kế hoạch của một chi cục, trung tâm thuộc cơ quan, thực hiện kế hoạch của cơ quan."),
    )
    kind = models.CharField(_("loại kế hoạch"), max_length=20, choices=Kind.choices, default=Kind.YEARLY)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    title = models.TextField(_("trích yếu"))
    number = models.CharField(_("số"), max_length=20, blank=True)
    symbol = models.CharField(_("ký hiệu"), max_length=50, blank=True)
    place = models.CharField(_("địa danh"), max_length=100, blank=True)
    issue_date = models.DateField(_("ngày ban hành"), null=True, blank=True)
    period_year = models.PositiveSmallIntegerField(_("năm"), null=True, blank=True)
    period_quarter = models.PositiveSmallIntegerField(_("quý"), null=True, blank=True)
    period_half = models.PositiveSmallIntegerField(_("6 tháng"), null=True, blank=True)
    purposes = models.TextField(_("mục đích, yêu cầu"), blank=True)
    implementation = models.TextField(_("tổ chức thực hiện"), blank=True)
    recipients = models.JSONField(_("nơi nhận"), default=list, blank=True)
    signer_authority = models.CharField(_("thẩm quyền ký"), max_length=100, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=100, blank=True)
    signer_name = models.CharField(_("người ký"), max_length=100, blank=True)
    citations = models.ManyToManyField(
        LegalDocument,
        through="PlanCitation",
        related_name="plans",
        verbose_name=_("căn cứ, văn bản trích dẫn"),
    )
    higher_plan = models.CharField(
        _("kế hoạch cấp trên được cụ thể hóa"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: Kế hoạch số 1026/KH-UBND ngày 25/3/2022 của UBND tỉnh."),
    )
    implements = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="implementing_plans",
        verbose_name=_("thực hiện kế hoạch cấp trên"),
    )
    implementation_due = models.DateField(
        _("hạn các cơ quan ban hành kế hoạch thực hiện"),
        null=True,
        blank=True,
        help_text=_("Với kế hoạch của tỉnh: ngày các cơ quan phải ban hành kế hoạch thực hiện."),
    )
    review_comment = models.TextField(_("ý kiến của lãnh đạo"), blank=True)
    copied_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="copies",
        verbose_name=_("sao chép từ"),
    )
    created_by = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", verbose_name=_("người tạo")
    )
    created_at = models.DateTimeField(_("thời điểm tạo"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("thời điểm trình"), null=True, blank=True)
    issued_at = models.DateTimeField(_("thời điểm ban hành"), null=True, blank=True)
    issued_by = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người ban hành"),
    )
    search_text = models.TextField(editable=False, default="", verbose_name=_("nội dung để tìm kiếm"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kế hoạch")
        verbose_name_plural = _("kế hoạch")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.search_text = search_key(f"{self.title} {self.number}/{self.symbol}")
        super().save(*args, **with_derived(kwargs, "search_text"))

    def is_editable(self) -> bool:
        """Only a draft or a returned plan is edited in place; an issued plan
        changes by amendment."""
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)

    @property
    def reference(self) -> str:
        """'Số 12/KH-SNV', or the symbol alone while the number is blank."""
        if self.number and self.symbol:
            return f"{self.number}/{self.symbol}"
        return f"…/{self.symbol}" if self.symbol else ""

    def period_end(self) -> date | None:
        """The last day of the plan's year, half or quarter; None without a year."""
        if not self.period_year:
            return None
        month = 3 * self.period_quarter if self.period_quarter else 6 * (self.period_half or 2)
        return date(self.period_year, month, calendar.monthrange(self.period_year, month)[1])

    def names_day(self) -> date:
        """The day the plan reads its agency's and unit's names on: its issue
        date, else its period's end, else today."""
        return self.issue_date or self.period_end() or timezone.localdate()

    @property
    def agency_name(self) -> str:
        """The agency's name of the plan's time: a closed 2024 plan of an
        agency renamed since reads with its 2024 name (lists prefetch
        ``agency__former_names``)."""
        return self.agency.name_on(self.names_day())


class PlanCitation(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, verbose_name=_("kế hoạch"))
    document = models.ForeignKey(LegalDocument, on_delete=models.PROTECT, verbose_name=_("văn bản"))
    order = models.PositiveSmallIntegerField(default=0, verbose_name=_("thứ tự"))

    class Meta:
        verbose_name = _("căn cứ của kế hoạch")
        verbose_name_plural = _("căn cứ của kế hoạch")
        ordering = ["order"]
        constraints = [models.UniqueConstraint(fields=["plan", "document"], name="plan_cites_document_once")]

    def __str__(self) -> str:
        return f"{self.plan} — {self.document}"


class Task(models.Model):
    """One numbered content item of a plan (nhiệm vụ)."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Chưa thực hiện")
        IN_PROGRESS = "in_progress", _("Đang thực hiện")
        DONE = "done", _("Hoàn thành")
        OVERDUE = "overdue", _("Quá hạn")
        CANCELLED = "cancelled", _("Đã hủy")

    class TimingKind(models.TextChoices):
        # The values are those of plans.recurrence, which reads them from the plan's words.
        ONGOING = "ongoing", _("Thường xuyên (báo cáo mỗi kỳ)")
        DUE_DATE = "due_date", _("Có hạn hoàn thành")
        MONTHLY = "monthly", _("Định kỳ hằng tháng")
        MONTHLY_DAY = "monthly_day", _("Trước một ngày cố định hằng tháng")
        QUARTERLY = "quarterly", _("Định kỳ hằng quý")
        HALF_YEARLY = "half_yearly", _("Định kỳ 6 tháng")
        YEARLY = "yearly", _("Định kỳ hằng năm")
        AFTER_ISSUE = "after_issue", _("Số ngày làm việc sau khi ban hành")
        AS_SET_ABOVE = "as_set_above", _("Theo thời gian cấp trên quy định")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="tasks", verbose_name=_("kế hoạch"))
    order = models.PositiveSmallIntegerField(default=0, verbose_name=_("thứ tự"))
    section = models.CharField(_("mục"), max_length=255, blank=True)
    heading = models.TextField(_("nội dung"))
    lead_text = models.CharField(_("đơn vị chủ trì (như văn bản ghi)"), max_length=255, blank=True)
    lead_unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_tasks",
        verbose_name=_("đơn vị chủ trì"),
    )
    timing = models.CharField(_("thời gian thực hiện"), max_length=255, blank=True)
    timing_kind = models.CharField(
        _("loại thời hạn"), max_length=20, choices=TimingKind.choices, default=TimingKind.ONGOING
    )
    timing_day = models.PositiveSmallIntegerField(
        _("ngày trong tháng"),
        null=True,
        blank=True,
        help_text=_("Với nhiệm vụ «trước ngày … hằng tháng»: ngày đến hạn của mỗi tháng."),
    )
    due_date = models.DateField(_("hạn hoàn thành"), null=True, blank=True)
    due_rule = models.CharField(_("cách tính hạn"), max_length=255, blank=True)
    due_working_days = models.PositiveSmallIntegerField(
        _("số ngày làm việc kể từ ngày ban hành"),
        null=True,
        blank=True,
        help_text=_("Hạn tính theo lịch ngày làm việc khi kế hoạch được ban hành."),
    )
    target = models.ForeignKey(
        "Target",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("chỉ tiêu phục vụ"),
    )
    supporting_units = models.ManyToManyField(
        Unit, blank=True, related_name="supported_tasks", verbose_name=_("đơn vị phối hợp")
    )
    assignee = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assigned_tasks",
        verbose_name=_("người thực hiện"),
    )
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED
    )
    percent = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    cancel_reason = models.TextField(_("lý do hủy"), blank=True)
    completed_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    search_text = models.TextField(editable=False, default="", verbose_name=_("nội dung để tìm kiếm"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        ordering = ["plan", "order"]
        indexes = [
            models.Index(fields=["status", "due_date"], name="task_status_due"),
            models.Index(fields=["plan", "status"], name="task_plan_status"),
            # The task board's visibility, filter and order in one index, so
            # PostgreSQL finds a page of tasks without reading the rows it skips.
            models.Index(
                fields=["plan", "assignee", "lead_unit", "due_date", "order", "id"], name="task_board"
            ),
        ]

    def __str__(self) -> str:
        return self.heading

    def save(self, *args, **kwargs):
        self.search_text = search_key(self.heading)
        super().save(*args, **with_derived(kwargs, "search_text"))

    def is_open(self) -> bool:
        return self.status not in (self.Status.DONE, self.Status.CANCELLED)

    def is_overdue(self, today) -> bool:
        return self.is_open() and self.due_date is not None and self.due_date < today

    def days_left(self, today) -> int | None:
        return (self.due_date - today).days if self.due_date else None

    def structured_timing(self) -> recurrence.Timing:
        return recurrence.Timing(
            kind=self.timing_kind,
            day=self.timing_day,
            due_date=self.due_date if self.timing_kind == self.TimingKind.DUE_DATE else None,
            working_days=self.due_working_days,
        )

    def is_recurring(self) -> bool:
        return self.timing_kind in recurrence.RECURRING

    def timing_label(self) -> str:
        """The timing in words, as the plan page and the Word file print it
        when the plan's own words are blank."""
        return recurrence.describe(self.structured_timing(), due_date=self.due_date)


class TaskOccurrence(models.Model):
    """One period of a recurring task (the task of March, of Quý II) with its
    own due date, progress and status."""

    task = models.ForeignKey(
        Task, on_delete=models.CASCADE, related_name="occurrences", verbose_name=_("nhiệm vụ")
    )
    period_start = models.DateField(_("từ ngày"))
    period_end = models.DateField(_("đến ngày"))
    label = models.CharField(_("kỳ"), max_length=60)
    due_date = models.DateField(_("hạn của kỳ"))
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Task.Status.choices, default=Task.Status.NOT_STARTED
    )
    percent = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    completed_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    created_at = models.DateTimeField(_("thời điểm tạo"), auto_now_add=True)

    class Meta:
        verbose_name = _("kỳ thực hiện nhiệm vụ")
        verbose_name_plural = _("các kỳ thực hiện nhiệm vụ")
        ordering = ["task", "period_start"]
        constraints = [
            models.UniqueConstraint(fields=["task", "period_start"], name="task_occurrence_once_per_period")
        ]
        indexes = [models.Index(fields=["status", "due_date"], name="occurrence_status_due")]

    def __str__(self) -> str:
        return f"{self.task} — {self.label}"

    def is_open(self) -> bool:
        return self.status not in (Task.Status.DONE, Task.Status.CANCELLED)


class TargetAssessment(models.TextChoices):
    """How a target stands: reached, not reached, or not measurable yet
    (no figure to reach or no result measured)."""

    MET = "met", _("Đạt")
    NOT_MET = "not_met", _("Chưa đạt")
    NO_DATA = "no_data", _("Chưa có số liệu")


class Target(models.Model):
    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="targets", verbose_name=_("kế hoạch")
    )
    order = models.PositiveSmallIntegerField(default=0, verbose_name=_("thứ tự"))
    text = models.TextField(_("chỉ tiêu"))
    percent = models.DecimalField(_("tỷ lệ (%)"), max_digits=5, decimal_places=2, null=True, blank=True)
    current_value = models.DecimalField(
        _("kết quả hiện tại (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    measured_on = models.DateField(_("ngày cập nhật kết quả"), null=True, blank=True)
    # A target whose value the system counts (plans.measures): the source's code and its document.
    measured_by = models.CharField(_("cách tính kết quả"), max_length=60, blank=True)
    document = models.ForeignKey(
        LegalDocument,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("văn bản gắn với chỉ tiêu"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        ordering = ["plan", "order"]

    def __str__(self) -> str:
        return self.text

    def is_met(self) -> bool:
        return self.assessment() == TargetAssessment.MET

    def assessment(self) -> TargetAssessment:
        if self.percent is None or self.current_value is None:
            return TargetAssessment.NO_DATA
        return TargetAssessment.MET if self.current_value >= self.percent else TargetAssessment.NOT_MET


class PlanDeadline(models.Model):
    """A dated obligation the plan sets: who reports what to whom by when."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="deadlines", verbose_name=_("kế hoạch")
    )
    order = models.PositiveSmallIntegerField(default=0, verbose_name=_("thứ tự"))
    due_date = models.DateField(_("hạn"))
    action = models.TextField(_("việc phải làm"))
    units = models.JSONField(_("đơn vị thực hiện"), default=list, blank=True)
    recipient = models.CharField(_("nơi nhận"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("hạn trong kế hoạch")
        verbose_name_plural = _("hạn trong kế hoạch")
        ordering = ["plan", "due_date", "order"]

    def __str__(self) -> str:
        return f"{self.due_date:%d/%m/%Y} — {self.action}"


class DeadlineDuty(models.Model):
    """A plan deadline as one owner's dated item: a unit's, or the office's
    when the plan names the office or nobody. The daily scan reminds its owner
    before the day, on the day and once overdue, until it is done or followed
    elsewhere (a report deadline becomes a report request, which reminds)."""

    class Status(models.TextChoices):
        OPEN = "open", _("Chưa thực hiện")
        DONE = "done", _("Đã thực hiện")
        FOLLOWED = "followed", _("Theo dõi qua yêu cầu báo cáo")

    deadline = models.ForeignKey(
        PlanDeadline, on_delete=models.CASCADE, related_name="duties", verbose_name=_("hạn trong kế hoạch")
    )
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="deadline_duties",
        verbose_name=_("đơn vị thực hiện"),
        help_text=_("Để trống: Văn phòng cơ quan thực hiện."),
    )
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.OPEN)
    followed_in = models.CharField(_("theo dõi tại"), max_length=300, blank=True)
    done_at = models.DateTimeField(_("thời điểm thực hiện"), null=True, blank=True)
    done_by = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người xác nhận"),
    )

    class Meta:
        verbose_name = _("việc theo hạn của kế hoạch")
        verbose_name_plural = _("việc theo hạn của kế hoạch")
        ordering = ["deadline__due_date", "deadline__order", "unit__sort_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["deadline", "unit"], condition=models.Q(unit__isnull=False), name="duty_once_per_unit"
            ),
            models.UniqueConstraint(
                fields=["deadline"], condition=models.Q(unit__isnull=True), name="duty_once_for_office"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.deadline} — {self.owner_label}"

    @property
    def owner_label(self) -> str:
        return self.unit.name if self.unit else str(_("Văn phòng cơ quan"))

    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


def plan_import_path(instance: PlanImport, filename: str) -> str:
    return f"imports/plans/{instance.agency_id}/{filename}"


class PlanImport(LeasedJobRecord):
    """One uploaded plan file and what reading it found. The file is kept
    unless reading refused it: then the row alone says what was refused
    (name, hash) and why. A plan exists only once a person saves the review."""

    class Status(models.TextChoices):
        PROCESSING = "processing", _("Đang đọc tệp")
        READY = "ready", _("Chờ kiểm tra")
        FAILED = "failed", _("Không đọc được")
        SAVED = "saved", _("Đã tạo kế hoạch")
        CANCELLED = "cancelled", _("Đã hủy")

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="plan_imports", verbose_name=_("cơ quan")
    )
    file = models.FileField(_("tệp"), upload_to=plan_import_path, blank=True)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    sha256 = models.CharField(max_length=64, db_index=True, verbose_name=_("mã băm SHA-256"))
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status.choices, default=Status.PROCESSING
    )
    progress = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    error = models.TextField(_("lỗi"), blank=True)
    extraction = models.JSONField(_("kết quả đọc"), null=True, blank=True)
    text = models.TextField(_("văn bản đọc được"), blank=True)
    # The file's digital signatures as checked on upload (documents.signatures.pades.SignatureCheck).
    signatures = models.JSONField(_("chữ ký số trên tệp"), default=list, blank=True)
    plan = models.OneToOneField(
        Plan,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="source_import",
        verbose_name=_("kế hoạch"),
    )
    uploaded_by = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", verbose_name=_("người tải lên")
    )
    uploaded_at = models.DateTimeField(_("thời điểm tải lên"), auto_now_add=True)

    class Meta:
        verbose_name = _("lần nhập kế hoạch")
        verbose_name_plural = _("các lần nhập kế hoạch")
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return self.original_name

    def is_reviewable(self) -> bool:
        return self.status == self.Status.READY


def evidence_path(instance: TaskUpdate, filename: str) -> str:
    return f"evidence/{instance.task.plan.agency_id}/{instance.task_id}/{filename}"


class TaskUpdate(models.Model):
    """A progress report on a task, confirmed by the lead unit's head."""

    task = models.ForeignKey(
        Task, on_delete=models.CASCADE, related_name="updates", verbose_name=_("nhiệm vụ")
    )
    occurrence = models.ForeignKey(
        TaskOccurrence,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="updates",
        verbose_name=_("kỳ thực hiện"),
    )
    status = models.CharField(_("trạng thái"), max_length=20, choices=Task.Status.choices)
    percent = models.PositiveSmallIntegerField(_("tiến độ (%)"))
    note = models.TextField(_("kết quả thực hiện"))
    reported_on = models.DateField(_("ngày báo cáo"))
    evidence = models.FileField(_("minh chứng"), upload_to=evidence_path, blank=True)
    evidence_name = models.CharField(_("tên tệp minh chứng"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", verbose_name=_("người tạo")
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("thời điểm tạo"))
    confirmed_by = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người xác nhận"),
    )
    confirmed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("thời điểm xác nhận"))

    class Meta:
        verbose_name = _("cập nhật tiến độ")
        verbose_name_plural = _("cập nhật tiến độ")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.task} — {self.percent}%"


class TaskComment(models.Model):
    task = models.ForeignKey(
        Task, on_delete=models.CASCADE, related_name="comments", verbose_name=_("nhiệm vụ")
    )
    author = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+", verbose_name=_("người viết"))
    text = models.TextField(_("ý kiến"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("thời điểm tạo"))

    class Meta:
        verbose_name = _("ý kiến về nhiệm vụ")
        verbose_name_plural = _("ý kiến về nhiệm vụ")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.text[:60]


class PlanAmendment(models.Model):
    """A document amending an issued plan (văn bản sửa đổi, bổ sung kế
    hoạch): the office drafts its changes and the reason, the leader decides
    it, and it takes its own number in the agency's register. Its changes
    reach the plan and its tasks only when it is issued; tasks already under
    way keep their progress and their history."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        SUBMITTED = "submitted", _("Trình lãnh đạo")
        RETURNED = "returned", _("Trả lại để sửa")
        ISSUED = "issued", _("Đã ban hành")

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="amendments", verbose_name=_("kế hoạch")
    )
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    reason = models.TextField(_("lý do sửa đổi, bổ sung"))
    number = models.CharField(_("số"), max_length=20, blank=True)
    symbol = models.CharField(_("ký hiệu"), max_length=50, blank=True)
    issue_date = models.DateField(_("ngày ban hành"), null=True, blank=True)
    review_comment = models.TextField(_("ý kiến của lãnh đạo"), blank=True)
    created_by = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", verbose_name=_("người soạn")
    )
    created_at = models.DateTimeField(_("thời điểm tạo"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("thời điểm trình"), null=True, blank=True)
    decided_by = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người quyết định"),
    )
    decided_at = models.DateTimeField(_("thời điểm quyết định"), null=True, blank=True)

    class Meta:
        verbose_name = _("văn bản sửa đổi, bổ sung kế hoạch")
        verbose_name_plural = _("văn bản sửa đổi, bổ sung kế hoạch")
        ordering = ["plan", "created_at"]
        constraints = [
            # One amendment is written at a time: the next starts from the plan it leaves.
            models.UniqueConstraint(
                fields=["plan"],
                condition=~models.Q(status="issued"),
                name="plan_one_open_amendment",
            )
        ]

    def __str__(self) -> str:
        return str(_("Sửa đổi, bổ sung %(plan)s") % {"plan": self.plan})

    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)

    @property
    def reference(self) -> str:
        return f"{self.number}/{self.symbol}" if self.number else ""


class AmendmentChange(models.Model):
    """One change an amendment makes: a task added, a task changed (content,
    lead unit, timing, due date), a task cancelled, or the plan's own text.
    ``values`` holds what the change sets, as typed; ``before`` what the task
    or plan held when the amendment was issued, so the versions page can say
    what changed in words."""

    class Kind(models.TextChoices):
        ADD = "add", _("Bổ sung nhiệm vụ")
        CHANGE = "change", _("Sửa đổi nhiệm vụ")
        CANCEL = "cancel", _("Bãi bỏ nhiệm vụ")
        PLAN = "plan", _("Sửa đổi nội dung kế hoạch")

    amendment = models.ForeignKey(
        PlanAmendment, on_delete=models.CASCADE, related_name="changes", verbose_name=_("văn bản sửa đổi")
    )
    order = models.PositiveSmallIntegerField(default=0, verbose_name=_("thứ tự"))
    kind = models.CharField(_("loại thay đổi"), max_length=10, choices=Kind.choices)
    task = models.ForeignKey(
        Task,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="amendment_changes",
        verbose_name=_("nhiệm vụ"),
        help_text=_("Với nhiệm vụ bổ sung: nhiệm vụ được tạo khi văn bản được ban hành."),
    )
    values = models.JSONField(_("nội dung thay đổi"), default=dict, blank=True)
    before = models.JSONField(_("nội dung trước khi thay đổi"), default=dict, blank=True)

    class Meta:
        verbose_name = _("nội dung sửa đổi, bổ sung")
        verbose_name_plural = _("nội dung sửa đổi, bổ sung")
        ordering = ["amendment", "order", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.task or self.values.get('heading', '')}"


class HigherItemLink(models.Model):
    """A task of an agency's plan that takes up a content item of the higher
    plan it implements (the province's). Proposed by matching their words,
    kept only once the agency's office confirms it."""

    task = models.ForeignKey(
        Task, on_delete=models.CASCADE, related_name="higher_links", verbose_name=_("nhiệm vụ của cơ quan")
    )
    higher_task = models.ForeignKey(
        Task,
        on_delete=models.CASCADE,
        related_name="takeup_links",
        verbose_name=_("nội dung của kế hoạch cấp trên"),
    )
    proposed = models.BooleanField(_("do hệ thống gợi ý"), default=False)
    confirmed_by = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", verbose_name=_("người xác nhận")
    )
    confirmed_at = models.DateTimeField(_("thời điểm xác nhận"), auto_now_add=True)

    class Meta:
        verbose_name = _("nhiệm vụ triển khai nội dung của kế hoạch cấp trên")
        verbose_name_plural = _("nhiệm vụ triển khai nội dung của kế hoạch cấp trên")
        constraints = [models.UniqueConstraint(fields=["task", "higher_task"], name="higher_item_link_once")]

    def __str__(self) -> str:
        return f"{self.task} → {self.higher_task}"
