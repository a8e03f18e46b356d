"""Democracy at the agency (Luật Thực hiện dân chủ ở cơ sở 10/2022/QH15, Chương IV):
briefings of staff on directives and the law, what the head discloses to staff
(Điều 46–48) and staff's requests for what was not disclosed (Điều 48 k4)."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from danvan.core.models import Agency, Unit
from danvan.documents.models import LegalDocument
from danvan.plans.models import Plan

# Luật 10/2022 Điều 48 k1–k2: a posting stays at least this many consecutive days.
POSTING_DAYS = 20
# Luật 10/2022 Điều 47 k2: disclosed no later than this many working days after the decision.
DISCLOSURE_WORKING_DAYS = 5


class Briefing(models.Model):
    """One session in which staff are briefed on (quán triệt, học tập) one or more documents."""

    class Form(models.TextChoices):
        CONFERENCE = "conference", _("Hội nghị trực tiếp")
        ONLINE = "online", _("Hội nghị trực tuyến")
        SELF_STUDY = "self_study", _("Tự nghiên cứu, có bài kiểm tra")

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="briefings", verbose_name=_("cơ quan")
    )
    title = models.CharField(_("tên buổi quán triệt"), max_length=255)
    held_on = models.DateField(_("ngày tổ chức"))
    form = models.CharField(_("hình thức"), max_length=20, choices=Form.choices, default=Form.CONFERENCE)
    presenter_text = models.CharField(_("người trình bày"), max_length=255, blank=True)
    presenter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người trình bày (cán bộ của cơ quan)"),
    )
    documents = models.ManyToManyField(
        LegalDocument, related_name="briefings", verbose_name=_("văn bản được quán triệt")
    )
    units = models.ManyToManyField(Unit, blank=True, related_name="+", verbose_name=_("đơn vị tham dự"))
    makes_up = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="make_ups",
        verbose_name=_("buổi bù cho buổi"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người tạo")
    )
    created_at = models.DateTimeField(_("thời điểm tạo"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("buổi quán triệt")
        verbose_name_plural = _("buổi quán triệt")
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def presenter_name(self) -> str:
        return self.presenter.full_name if self.presenter_id else self.presenter_text


class Attendance(models.Model):
    """One expected person's attendance at a briefing."""

    class Status(models.TextChoices):
        EXPECTED = "expected", _("Chưa ghi nhận")
        PRESENT = "present", _("Có mặt")
        ABSENT = "absent", _("Vắng")
        MADE_UP = "made_up", _("Đã học bù")

    BRIEFED = (Status.PRESENT, Status.MADE_UP)

    briefing = models.ForeignKey(
        Briefing, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("buổi quán triệt")
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người tham dự")
    )
    status = models.CharField(_("tình trạng"), max_length=20, choices=Status.choices, default=Status.EXPECTED)
    reason = models.CharField(_("lý do vắng"), max_length=255, blank=True)
    made_up_in = models.ForeignKey(
        Briefing,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("học bù tại buổi"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("điểm danh")
        verbose_name_plural = _("điểm danh")
        ordering = ["briefing", "person__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["briefing", "person"], name="one_attendance_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.get_status_display()}"


def material_path(instance: BriefingMaterial, filename: str) -> str:
    return f"democracy/{instance.briefing.agency_id}/{instance.briefing_id}/{filename}"


class BriefingMaterial(models.Model):
    briefing = models.ForeignKey(
        Briefing, on_delete=models.CASCADE, related_name="materials", verbose_name=_("buổi quán triệt")
    )
    file = models.FileField(_("tệp"), upload_to=material_path)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    size = models.PositiveBigIntegerField(_("dung lượng"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người tải lên")
    )
    uploaded_at = models.DateTimeField(_("thời điểm tải lên"), auto_now_add=True)

    class Meta:
        verbose_name = _("tài liệu quán triệt")
        verbose_name_plural = _("tài liệu quán triệt")
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.original_name


class DisclosureKind(models.TextChoices):
    """What the head discloses to staff: Luật 10/2022 Điều 46 k1–k12."""

    POLICY = "policy", _("1. Chủ trương, chính sách, pháp luật liên quan đến tổ chức, hoạt động của cơ quan")
    WORK_PLAN = "work_plan", _("2. Kế hoạch công tác năm, quý, tháng")
    BUDGET = "budget", _("3. Dự toán, thực hiện, quyết toán ngân sách; kiến nghị của Kiểm toán nhà nước")
    ASSETS = "assets", _("4. Tiêu chuẩn, định mức và việc sử dụng tài sản công")
    INVESTMENT = "investment", _("5. Phân bổ, tiến độ, giải ngân vốn đầu tư công")
    PERSONNEL = (
        "personnel",
        _(
            "6. Tuyển dụng, đào tạo, điều động, bổ nhiệm, đánh giá, khen thưởng, kỷ luật…; đề án, dự thảo văn bản"
        ),
    )
    CORRUPTION = "corruption", _("7. Kết luận vụ việc tham nhũng, lãng phí; bản kê khai tài sản, thu nhập")
    INSPECTIONS = (
        "inspections",
        _("8. Kết quả thanh tra, giải quyết khiếu nại, tố cáo, kiến nghị trong cơ quan"),
    )
    INTERNAL_RULES = "internal_rules", _("9. Nội quy, quy chế, quy tắc ứng xử của cơ quan")
    CONSULTATION = (
        "consultation",
        _("10. Tổng hợp ý kiến của cán bộ và giải trình của người đứng đầu (Điều 53)"),
    )
    SUPERIOR = "superior", _("11. Chỉ đạo của cấp trên liên quan đến cơ quan")
    OTHER = "other", _("12. Nội dung khác theo pháp luật, quy chế dân chủ của cơ quan")


class DisclosureForm(models.TextChoices):
    """How it is disclosed: Luật 10/2022 Điều 47 k1."""

    POSTING = "posting", _("Niêm yết tại trụ sở")
    PORTAL = "portal", _("Đăng trên hệ thống thông tin nội bộ, cổng thông tin điện tử")
    CONFERENCE = "conference", _("Thông báo tại hội nghị cán bộ, công chức, viên chức")
    WRITTEN_NOTICE = "written_notice", _("Thông báo bằng văn bản đến toàn thể cán bộ, công chức, viên chức")
    UNIT_HEADS = "unit_heads", _("Thông báo qua người đứng đầu đơn vị")
    PARTY_UNION = "party_union", _("Thông báo bằng văn bản tới tổ chức đảng, công đoàn")
    OTHER = "other", _("Hình thức khác theo quy chế dân chủ của cơ quan")


# The forms whose posting must last POSTING_DAYS (Điều 48 k1–k2).
POSTED_FORMS = (DisclosureForm.POSTING, DisclosureForm.PORTAL)


class Disclosure(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Chờ công khai")
        DISCLOSED = "disclosed", _("Đã công khai")

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="disclosures", verbose_name=_("cơ quan")
    )
    kind = models.CharField(_("nội dung công khai (Điều 46)"), max_length=30, choices=DisclosureKind.choices)
    subject = models.CharField(_("quyết định, văn bản được công khai"), max_length=500)
    decision_date = models.DateField(_("ngày của quyết định, văn bản"))
    plan = models.ForeignKey(
        Plan,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kế hoạch trong hệ thống"),
    )
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.PROPOSED)
    forms = models.JSONField(_("hình thức công khai (Điều 47)"), default=list, blank=True)
    disclosed_on = models.DateField(_("ngày công khai"), null=True, blank=True)
    posted_from = models.DateField(_("niêm yết từ ngày"), null=True, blank=True)
    posted_until = models.DateField(_("niêm yết đến ngày"), null=True, blank=True)
    due_date = models.DateField(_("hạn công khai"))
    due_explanation = models.TextField(_("cách tính hạn công khai"))
    posting_end = models.DateField(_("niêm yết ít nhất đến ngày"), null=True, blank=True)
    posting_explanation = models.TextField(_("cách tính thời gian niêm yết"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người ghi"),
    )
    created_at = models.DateTimeField(_("thời điểm ghi"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("nội dung công khai")
        verbose_name_plural = _("nội dung công khai")
        ordering = ["-decision_date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan"], condition=models.Q(plan__isnull=False), name="one_disclosure_per_plan"
            )
        ]

    def __str__(self) -> str:
        return self.subject

    def form_labels(self) -> list[str]:
        labels = dict(DisclosureForm.choices)
        return [str(labels.get(code, code)) for code in self.forms]

    def needs_posting(self) -> bool:
        """Posted or put online, and not also sent as a written notice to all staff (Điều 48 k2)."""
        return DisclosureForm.WRITTEN_NOTICE not in self.forms and any(f in self.forms for f in POSTED_FORMS)

    def is_late(self, today: date | None = None) -> bool:
        if self.disclosed_on is not None:
            return self.disclosed_on > self.due_date
        return today is not None and today > self.due_date

    def is_short(self) -> bool:
        return (
            self.needs_posting()
            and self.posting_end is not None
            and self.posted_until is not None
            and self.posted_until < self.posting_end
        )


class DisclosureRequest(models.Model):
    """A staff member asks for information not disclosed, expired or out of reach (Điều 48 k4)."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Chờ trả lời")
        ANSWERED = "answered", _("Đã trả lời")

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="disclosure_requests", verbose_name=_("cơ quan")
    )
    subject = models.TextField(_("thông tin đề nghị cung cấp"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người đề nghị")
    )
    requested_on = models.DateField(_("ngày đề nghị"))
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.WAITING)
    answer = models.TextField(_("nội dung trả lời"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người trả lời"),
    )
    answered_on = models.DateField(_("ngày trả lời"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("đề nghị cung cấp thông tin")
        verbose_name_plural = _("đề nghị cung cấp thông tin")
        ordering = ["-requested_on", "-pk"]

    def __str__(self) -> str:
        return self.subject[:80]
