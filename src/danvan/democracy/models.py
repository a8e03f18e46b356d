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
from danvan.plans.models import Plan, Task

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


# --- The People's Inspection Board (Luật 10/2022 Điều 60–63, NĐ 59/2023 Điều 21–22) ---

# Điều 60 k1: 3–9 members; not organised where the agency has this many staff or fewer.
BOARD_MIN_MEMBERS = 3
BOARD_MAX_MEMBERS = 9
BOARD_SMALL_AGENCY = 7
# Điều 60 k3: the term lasts 2 years.
BOARD_TERM_YEARS = 2
# NĐ 59/2023 Điều 21 k1: the trade union recognises the election within 5 working days.
RECOGNITION_WORKING_DAYS = 5
# NĐ 59/2023 Điều 21 k2: 9 members or more → at most 2 vice-chairs.
MAX_VICE_CHAIRS = 2
# NĐ 59/2023 Điều 22 k2: the inspected party is notified at least 5 working days ahead.
NOTICE_WORKING_DAYS = 5
# Luật 10/2022 Điều 63 k1 c: the head answers a recommendation within 15 days.
ANSWER_DAYS = 15


class InspectionBoard(models.Model):
    """One term of an agency's People's Inspection Board."""

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="inspection_boards", verbose_name=_("cơ quan")
    )
    elected_on = models.DateField(_("ngày hội nghị bầu"))
    staff_count = models.PositiveIntegerField(_("số cán bộ, công chức, viên chức, người lao động"))
    term_end = models.DateField(_("hết nhiệm kỳ"))
    recognition_due = models.DateField(_("hạn công đoàn công nhận kết quả bầu"))
    recognition_explanation = models.TextField(_("cách tính hạn công nhận"))
    recognised_on = models.DateField(_("ngày công đoàn công nhận"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người ghi")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Ban Thanh tra nhân dân")
        verbose_name_plural = _("Ban Thanh tra nhân dân")
        ordering = ["-elected_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.agency} — {self.elected_on:%d/%m/%Y}"

    def recognition_is_late(self, today: date | None = None) -> bool:
        if self.recognised_on is not None:
            return self.recognised_on > self.recognition_due
        return today is not None and today > self.recognition_due


class BoardMember(models.Model):
    class Post(models.TextChoices):
        CHAIR = "chair", _("Trưởng ban")
        VICE_CHAIR = "vice_chair", _("Phó Trưởng ban")
        MEMBER = "member", _("Thành viên")

    board = models.ForeignKey(
        InspectionBoard, on_delete=models.CASCADE, related_name="members", verbose_name=_("ban")
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("thành viên")
    )
    post = models.CharField(
        _("chức danh trong ban"), max_length=20, choices=Post.choices, default=Post.MEMBER
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("thành viên Ban Thanh tra nhân dân")
        verbose_name_plural = _("thành viên Ban Thanh tra nhân dân")
        ordering = ["board", "post", "person__full_name"]
        constraints = [models.UniqueConstraint(fields=["board", "person"], name="one_seat_per_person")]

    def __str__(self) -> str:
        return f"{self.person} — {self.get_post_display()}"


def inspection_path(instance: BoardInspection, filename: str) -> str:
    return f"democracy/{instance.board.agency_id}/ban-ttnd/{instance.pk}/{filename}"


class BoardInspection(models.Model):
    """One inspection by the Board (NĐ 59/2023 Điều 22 k2)."""

    board = models.ForeignKey(
        InspectionBoard, on_delete=models.PROTECT, related_name="inspections", verbose_name=_("ban")
    )
    subject = models.CharField(_("nội dung kiểm tra"), max_length=500)
    inspected_party = models.CharField(_("đơn vị, cá nhân được kiểm tra"), max_length=255)
    planned_on = models.DateField(_("ngày dự kiến kiểm tra"))
    notice_latest = models.DateField(_("thông báo chậm nhất ngày"))
    notice_explanation = models.TextField(_("cách tính hạn thông báo"))
    notified_on = models.DateField(_("ngày thông báo cho bên được kiểm tra"), null=True, blank=True)
    result = models.TextField(_("kết quả kiểm tra (bằng văn bản)"), blank=True)
    result_file = models.FileField(_("tệp kết quả"), upload_to=inspection_path, blank=True)
    result_file_name = models.CharField(_("tên tệp kết quả"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người ghi")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("cuộc kiểm tra của Ban Thanh tra nhân dân")
        verbose_name_plural = _("cuộc kiểm tra của Ban Thanh tra nhân dân")
        ordering = ["-planned_on", "-pk"]

    def __str__(self) -> str:
        return self.subject

    def notice_is_late(self) -> bool:
        return self.notified_on is not None and self.notified_on > self.notice_latest


class BoardRecommendation(models.Model):
    """A recommendation to the head, answered within 15 days (Luật 10/2022 Điều 63 k1)."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Chờ trả lời")
        ANSWERED = "answered", _("Đã trả lời")

    inspection = models.ForeignKey(
        BoardInspection,
        on_delete=models.PROTECT,
        related_name="recommendations",
        verbose_name=_("cuộc kiểm tra"),
    )
    text = models.TextField(_("nội dung kiến nghị"))
    sent_on = models.DateField(_("ngày gửi người đứng đầu"))
    answer_due = models.DateField(_("hạn trả lời"))
    answer_explanation = models.TextField(_("cách tính hạn trả lời"))
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.WAITING)
    answer = models.TextField(_("nội dung trả lời"), blank=True)
    answered_on = models.DateField(_("ngày trả lời"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người trả lời"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người ghi")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kiến nghị của Ban Thanh tra nhân dân")
        verbose_name_plural = _("kiến nghị của Ban Thanh tra nhân dân")
        ordering = ["answer_due", "pk"]

    def __str__(self) -> str:
        return self.text[:80]

    def is_late(self, today: date | None = None) -> bool:
        if self.answered_on is not None:
            return self.answered_on > self.answer_due
        return today is not None and today > self.answer_due


# --- The staff conference (Luật 10/2022 Điều 49–52) -------------------------------

# Điều 51 k2: under this many staff, all staff attend; from it (or dispersed), delegates may.
DELEGATES_FROM_STAFF = 100
# Điều 52 k3: the resolution's implementation is checked every 6 months.
CHECK_MONTHS = (6, 12)


class AgendaKind(models.TextChoices):
    """The items of the yearly conference: Luật 10/2022 Điều 51 k4."""

    POLICY = "policy", _("Kiểm điểm việc thực hiện chủ trương, chính sách của Đảng, pháp luật của Nhà nước")
    PREVIOUS_RESOLUTION = (
        "previous_resolution",
        _("Kiểm điểm việc thực hiện nghị quyết hội nghị năm trước và quy chế dân chủ của cơ quan"),
    )
    ACCOUNTABILITY = "accountability", _("Trách nhiệm giải trình của người đứng đầu về kế hoạch công tác năm")
    EMULATION = "emulation", _("Tổng kết thi đua, khen thưởng; phát động, ký giao ước thi đua năm sau")
    BOARD_REPORT = "board_report", _("Báo cáo hoạt động của Ban Thanh tra nhân dân")
    DECISIONS = "decisions", _("Các nội dung cán bộ bàn và quyết định (Điều 49)")
    DISCLOSURES = "disclosures", _("Công khai thông tin, tham gia ý kiến về các nội dung của Điều 53")
    OTHER = "other", _("Nội dung khác")


class StaffConference(models.Model):
    class ConvenedBy(models.TextChoices):
        HEAD = "head", _("Người đứng đầu cơ quan")
        UNION = "union", _("Ban Chấp hành công đoàn cơ quan")
        STAFF = "staff", _("Ít nhất một phần ba tổng số cán bộ, công chức, viên chức, người lao động")

    class Form(models.TextChoices):
        ALL_STAFF = "all_staff", _("Hội nghị toàn thể")
        DELEGATES = "delegates", _("Hội nghị đại biểu")

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="staff_conferences", verbose_name=_("cơ quan")
    )
    work_year = models.PositiveIntegerField(_("năm công tác"))
    held_on = models.DateField(_("ngày tổ chức"))
    deadline = models.DateField(_("hạn tổ chức"))
    deadline_explanation = models.TextField(_("cách tính hạn tổ chức"))
    convened_by = models.CharField(_("triệu tập theo đề nghị của"), max_length=20, choices=ConvenedBy.choices)
    proposers = models.PositiveIntegerField(_("số người đề nghị triệu tập"), null=True, blank=True)
    form = models.CharField(_("hình thức"), max_length=20, choices=Form.choices, default=Form.ALL_STAFF)
    dispersed = models.BooleanField(_("cơ quan có đơn vị ở phân tán"), default=False)
    staff_count = models.PositiveIntegerField(_("tổng số cán bộ, công chức, viên chức, người lao động"))
    expected = models.PositiveIntegerField(_("số người được triệu tập (cán bộ hoặc đại biểu)"))
    present = models.PositiveIntegerField(_("số người có mặt"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người ghi")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("hội nghị cán bộ, công chức, viên chức, người lao động")
        verbose_name_plural = _("hội nghị cán bộ, công chức, viên chức, người lao động")
        ordering = ["-work_year", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "work_year"], name="one_staff_conference_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.agency} — {self.work_year}"

    def is_quorate(self) -> bool:
        """At least two thirds of those called present (Điều 51 k3), in whole numbers."""
        return self.present * 3 >= self.expected * 2

    def is_late(self) -> bool:
        return self.held_on > self.deadline


class AgendaItem(models.Model):
    conference = models.ForeignKey(
        StaffConference, on_delete=models.CASCADE, related_name="items", verbose_name=_("hội nghị")
    )
    kind = models.CharField(_("loại nội dung (Điều 51)"), max_length=30, choices=AgendaKind.choices)
    title = models.CharField(_("nội dung"), max_length=500)
    position = models.PositiveIntegerField(_("thứ tự"), default=0)
    votes_for = models.PositiveIntegerField(_("tán thành"), null=True, blank=True)
    votes_against = models.PositiveIntegerField(_("không tán thành"), null=True, blank=True)
    abstentions = models.PositiveIntegerField(_("không biểu quyết"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("nội dung hội nghị")
        verbose_name_plural = _("nội dung hội nghị")
        ordering = ["conference", "position", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def voted(self) -> bool:
        return self.votes_for is not None

    def passes(self) -> bool:
        """More than half of those present vote for it (Điều 51 k3)."""
        return self.votes_for is not None and self.votes_for * 2 > self.conference.present


class ResolutionCheck(models.Model):
    """The head and the trade union check the resolution's implementation (Điều 52 k3)."""

    conference = models.ForeignKey(
        StaffConference, on_delete=models.CASCADE, related_name="checks", verbose_name=_("hội nghị")
    )
    due = models.DateField(_("kiểm tra vào ngày"))
    months = models.PositiveIntegerField(_("số tháng sau hội nghị"))
    checked_on = models.DateField(_("ngày kiểm tra"), null=True, blank=True)
    result = models.TextField(_("kết quả kiểm tra"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kiểm tra thực hiện nghị quyết")
        verbose_name_plural = _("kiểm tra thực hiện nghị quyết")
        ordering = ["conference", "due"]

    def __str__(self) -> str:
        return f"{self.conference} — {self.due:%d/%m/%Y}"


# --- Coordination with the Fatherland Front and the socio-political organisations -----
# QĐ 217-QĐ/TW and 218-QĐ/TW (12/12/2013): their supervision, social criticism and comments.

# The default time for the agency's written answer to a supervision recommendation, when the
# organisation's document sets none: 15 days from receipt, the time Nghị quyết liên tịch
# 403/2017/NQLT-UBTVQH14-CP-ĐCTUBTWMTTQVN gives a supervised body to answer (article to be
# checked against the text); the organisation's own due date, when its document sets one, wins.
SUPERVISION_ANSWER_DAYS = 15


class OrganisationKind(models.TextChoices):
    FATHERLAND_FRONT = "fatherland_front", _("Ủy ban Mặt trận Tổ quốc Việt Nam")
    LABOUR_FEDERATION = "labour_federation", _("Liên đoàn Lao động")
    WOMEN_UNION = "women_union", _("Hội Liên hiệp Phụ nữ")
    YOUTH_UNION = "youth_union", _("Đoàn Thanh niên Cộng sản Hồ Chí Minh")
    FARMERS_UNION = "farmers_union", _("Hội Nông dân")
    VETERANS = "veterans", _("Hội Cựu chiến binh")
    TRADE_UNION = "trade_union", _("Công đoàn cơ quan")
    OTHER = "other", _("Tổ chức khác")


class Organisation(models.Model):
    """The Fatherland Front or a socio-political organisation the agency works with."""

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="partner_organisations", verbose_name=_("cơ quan")
    )
    kind = models.CharField(_("loại tổ chức"), max_length=30, choices=OrganisationKind.choices)
    name = models.CharField(_("tên tổ chức"), max_length=255)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tổ chức phối hợp")
        verbose_name_plural = _("tổ chức phối hợp")
        ordering = ["agency", "kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "name"], name="one_organisation_name_per_agency")
        ]

    def __str__(self) -> str:
        return self.name


class CoordinationProgramme(models.Model):
    """A coordination programme or regulation (chương trình, quy chế phối hợp) signed with one organisation."""

    class Kind(models.TextChoices):
        PROGRAMME = "programme", _("Chương trình phối hợp")
        REGULATION = "regulation", _("Quy chế phối hợp")

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="coordination_programmes", verbose_name=_("cơ quan")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="programmes", verbose_name=_("tổ chức")
    )
    kind = models.CharField(_("loại văn bản"), max_length=20, choices=Kind.choices, default=Kind.PROGRAMME)
    title = models.CharField(_("tên chương trình, quy chế"), max_length=500)
    number = models.CharField(_("số, ký hiệu"), max_length=100, blank=True)
    signed_on = models.DateField(_("ngày ký"))
    document = models.ForeignKey(
        LegalDocument,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("văn bản trong thư viện"),
    )
    content = models.TextField(_("nội dung phối hợp"), blank=True)
    valid_from = models.DateField(_("thực hiện từ ngày"))
    valid_until = models.DateField(_("thực hiện đến ngày"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người ghi")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("chương trình phối hợp")
        verbose_name_plural = _("chương trình phối hợp")
        ordering = ["-signed_on", "-pk"]

    def __str__(self) -> str:
        return self.title

    def is_in_force(self, today: date) -> bool:
        return self.valid_from <= today and (self.valid_until is None or today <= self.valid_until)


class JointActivity(models.Model):
    """One joint activity of a programme: a task of a plan, or its own dated activity."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Chưa thực hiện")
        DONE = "done", _("Đã thực hiện")
        CANCELLED = "cancelled", _("Không thực hiện")

    programme = models.ForeignKey(
        CoordinationProgramme,
        on_delete=models.CASCADE,
        related_name="activities",
        verbose_name=_("chương trình phối hợp"),
    )
    title = models.CharField(_("hoạt động"), max_length=500)
    task = models.ForeignKey(
        Task,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("nhiệm vụ của kế hoạch"),
    )
    planned_on = models.DateField(_("ngày dự kiến"), null=True, blank=True)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    done_on = models.DateField(_("ngày thực hiện"), null=True, blank=True)
    note = models.TextField(_("kết quả, ghi chú"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("hoạt động phối hợp")
        verbose_name_plural = _("hoạt động phối hợp")
        ordering = ["programme", "planned_on", "pk"]

    def __str__(self) -> str:
        return self.title

    def is_overdue(self, today: date) -> bool:
        return (
            self.task_id is None
            and self.status == self.Status.PLANNED
            and self.planned_on is not None
            and self.planned_on < today
        )


class SupervisionFinding(models.Model):
    """The organisation's supervision, social criticism or comments sent to the agency, and its answer."""

    class Kind(models.TextChoices):
        SUPERVISION = "supervision", _("Giám sát")
        CRITICISM = "criticism", _("Phản biện xã hội")
        COMMENT = "comment", _("Góp ý")

    class Status(models.TextChoices):
        WAITING = "waiting", _("Chờ trả lời")
        ANSWERED = "answered", _("Đã trả lời")

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="supervision_findings", verbose_name=_("cơ quan")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="findings", verbose_name=_("tổ chức")
    )
    kind = models.CharField(_("hình thức"), max_length=20, choices=Kind.choices, default=Kind.SUPERVISION)
    number = models.CharField(_("số, ký hiệu văn bản của tổ chức"), max_length=100, blank=True)
    received_on = models.DateField(_("ngày nhận"))
    content = models.TextField(_("nội dung giám sát, phản biện, góp ý"))
    recommendations = models.TextField(_("kiến nghị"))
    answer_due = models.DateField(_("hạn trả lời"))
    answer_explanation = models.TextField(_("cách tính hạn trả lời"))
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.WAITING)
    answer = models.TextField(_("nội dung trả lời"), blank=True)
    answered_on = models.DateField(_("ngày trả lời"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người trả lời"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người ghi")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kết quả giám sát, phản biện, góp ý")
        verbose_name_plural = _("kết quả giám sát, phản biện, góp ý")
        ordering = ["-received_on", "-pk"]

    def __str__(self) -> str:
        return self.content[:80]

    def is_late(self, today: date | None = None) -> bool:
        if self.answered_on is not None:
            return self.answered_on > self.answer_due
        return today is not None and today > self.answer_due


# --- The agency's democracy regulation (quy chế thực hiện dân chủ ở cơ quan) ------------

# The documents every agency's regulation must follow; a newer one calls for a revision:
# Luật Thực hiện dân chủ ở cơ sở 10/2022/QH15, NĐ 59/2023/NĐ-CP guiding its Chương IV, and
# Luật 97/2025/QH15 amending the law. Keys as danvan.documents.models.number_key writes them.
REGULATION_LAWS = ("10/2022/QH15", "59/2023/NĐ-CP", "97/2025/QH15")


def regulation_path(instance: RegulationVersion, filename: str) -> str:
    return f"democracy/{instance.agency_id}/quy-che/{instance.version}/{filename}"


class RegulationVersion(models.Model):
    """One version of the agency's democracy regulation; version N+1 supersedes N."""

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="regulation_versions", verbose_name=_("cơ quan")
    )
    version = models.PositiveIntegerField(_("lần ban hành"))
    number = models.CharField(_("số, ký hiệu"), max_length=100)
    issued_on = models.DateField(_("ngày ban hành"))
    decision = models.CharField(_("quyết định ban hành"), max_length=500)
    document = models.ForeignKey(
        LegalDocument,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("văn bản trong thư viện"),
    )
    grounds = models.ManyToManyField(
        LegalDocument, blank=True, related_name="+", verbose_name=_("căn cứ sửa đổi")
    )
    reason = models.TextField(_("lý do sửa đổi"), blank=True)
    supersedes = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="superseded_by",
        verbose_name=_("thay thế bản"),
    )
    file = models.FileField(_("tệp"), upload_to=regulation_path, blank=True)
    original_name = models.CharField(_("tên tệp"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người ghi")
    )
    created_at = models.DateTimeField(_("thời điểm ghi"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("quy chế thực hiện dân chủ ở cơ quan")
        verbose_name_plural = _("quy chế thực hiện dân chủ ở cơ quan")
        ordering = ["agency", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "version"], name="one_regulation_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.number} ({self.issued_on:%d/%m/%Y})"


class RegulationTrigger(models.Model):
    """The office marks a library document as requiring the agency's regulation to be revised."""

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="regulation_triggers", verbose_name=_("cơ quan")
    )
    document = models.ForeignKey(
        LegalDocument, on_delete=models.PROTECT, related_name="+", verbose_name=_("văn bản")
    )
    marked_on = models.DateField(_("ngày ghi nhận"))
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người ghi")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("văn bản yêu cầu sửa đổi quy chế dân chủ")
        verbose_name_plural = _("văn bản yêu cầu sửa đổi quy chế dân chủ")
        ordering = ["agency", "-marked_on"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "document"], name="one_regulation_trigger_per_document")
        ]

    def __str__(self) -> str:
        return str(self.document)


# --- Consultations of staff (tham gia ý kiến, Luật 10/2022 Điều 53–55) ------------


class ConsultationTopic(models.TextChoices):
    """What staff comment on before the head decides (Điều 53)."""

    POLICY = "policy", _("Chủ trương, giải pháp thực hiện chính sách, pháp luật")
    WORK_PLAN = "work_plan", _("Kế hoạch công tác hằng năm của cơ quan")
    EMULATION = "emulation", _("Phong trào thi đua, khen thưởng")
    REVIEW = "review", _("Báo cáo sơ kết, tổng kết")
    ORGANISATION = (
        "organisation",
        _(
            "Tổ chức bộ máy; phòng, chống tham nhũng, tiêu cực, thực hành tiết kiệm, chống lãng phí, quan liêu"
        ),
    )
    PERSONNEL = "personnel", _("Kế hoạch tuyển dụng, đào tạo, bồi dưỡng, bổ nhiệm")
    BENEFITS = "benefits", _("Chế độ, chính sách đối với cán bộ, công chức, viên chức, người lao động")
    REGULATION = "regulation", _("Dự thảo quy chế thực hiện dân chủ ở cơ quan")
    SPENDING = "spending", _("Quy chế chi tiêu nội bộ, quản lý, sử dụng tài sản công")
    OTHER = "other", _("Nội dung khác theo quy định của pháp luật")


class ConsultationForm(models.TextChoices):
    """How staff are asked (Điều 54)."""

    DIRECT = "direct", _("Trực tiếp hoặc thông qua người đứng đầu đơn vị")
    CONFERENCE = "conference", _("Tại hội nghị cán bộ, công chức, viên chức, người lao động")
    MEETING = "meeting", _("Tổ chức cuộc họp, hội nghị")
    WRITTEN = "written", _("Gửi phiếu lấy ý kiến, dự thảo văn bản đến đơn vị, cá nhân")
    BOX = "box", _("Hòm thư góp ý, đường dây nóng")
    PORTAL = "portal", _("Cổng thông tin điện tử, mạng nội bộ của cơ quan")
    UNION = "union", _("Thông qua tổ chức công đoàn")


# The forms in which a comment may come without a name (a suggestion box, the intranet).
ANONYMOUS_FORMS = (ConsultationForm.BOX, ConsultationForm.PORTAL)


def consultation_path(instance: Consultation, filename: str) -> str:
    return f"democracy/{instance.agency_id}/y-kien/{filename}"


class Consultation(models.Model):
    """The head asks staff to comment on a draft before deciding (Điều 55 k1)."""

    class Audience(models.TextChoices):
        ALL_STAFF = "all_staff", _("Toàn thể cán bộ, công chức, viên chức, người lao động")
        UNITS = "units", _("Các đơn vị được chọn")

    class Status(models.TextChoices):
        OPEN = "open", _("Đang lấy ý kiến")
        PUBLISHED = "published", _("Đã công khai tiếp thu, giải trình")

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="consultations", verbose_name=_("cơ quan")
    )
    topic = models.CharField(
        _("nội dung lấy ý kiến (Điều 53)"), max_length=30, choices=ConsultationTopic.choices
    )
    title = models.CharField(_("dự thảo, vấn đề lấy ý kiến"), max_length=500)
    content = models.TextField(_("nội dung, yêu cầu"), blank=True)
    forms = models.JSONField(_("hình thức lấy ý kiến (Điều 54)"), default=list)
    audience = models.CharField(
        _("lấy ý kiến của"), max_length=20, choices=Audience.choices, default=Audience.ALL_STAFF
    )
    units = models.ManyToManyField(
        Unit, blank=True, related_name="+", verbose_name=_("đơn vị được lấy ý kiến")
    )
    plan = models.ForeignKey(
        Plan,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dự thảo kế hoạch"),
    )
    opens_on = models.DateField(_("ngày bắt đầu lấy ý kiến"))
    deadline = models.DateField(_("hạn góp ý"))
    draft_file = models.FileField(_("tệp dự thảo"), upload_to=consultation_path, blank=True)
    draft_file_name = models.CharField(_("tên tệp dự thảo"), max_length=255, blank=True)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.OPEN)
    summary = models.TextField(_("tổng hợp ý kiến"), blank=True)
    explanation = models.TextField(_("tiếp thu, giải trình của người đứng đầu"), blank=True)
    published_on = models.DateField(_("ngày công khai tiếp thu, giải trình"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người tạo")
    )
    created_at = models.DateTimeField(_("thời điểm tạo"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("lấy ý kiến cán bộ")
        verbose_name_plural = _("lấy ý kiến cán bộ")
        ordering = ["-opens_on", "-pk"]

    def __str__(self) -> str:
        return self.title

    def forms_display(self) -> list[str]:
        labels = dict(ConsultationForm.choices)
        return [str(labels.get(code, code)) for code in self.forms]

    def allows_anonymous(self) -> bool:
        return any(code in ANONYMOUS_FORMS for code in self.forms)

    def is_open_on(self, day: date) -> bool:
        return self.status == self.Status.OPEN and self.opens_on <= day <= self.deadline


class ConsultationComment(models.Model):
    """One comment received. An anonymous comment keeps no trace of its sender:
    no author, no unit, and no history row (which would name the acting person)."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="comments", verbose_name=_("lấy ý kiến")
    )
    text = models.TextField(_("nội dung ý kiến"))
    received_on = models.DateField(_("ngày nhận"))
    anonymous = models.BooleanField(_("ý kiến không ghi tên"), default=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người góp ý"),
    )
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("đơn vị góp ý"),
    )

    class Meta:
        verbose_name = _("ý kiến góp ý")
        verbose_name_plural = _("ý kiến góp ý")
        ordering = ["received_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(anonymous=False) | models.Q(author__isnull=True, unit__isnull=True),
                name="anonymous_comment_names_nobody",
            )
        ]

    def __str__(self) -> str:
        return self.text[:80]

    def sender(self) -> str:
        if self.anonymous:
            return str(_("Ý kiến không ghi tên"))
        if self.unit_id:
            return self.unit.name
        return self.author.full_name or self.author.username if self.author_id else ""


# --- The Board's work programmes and reports (Luật 10/2022 Điều 62, NĐ 59/2023 Điều 22) ---


class BoardPeriod(models.TextChoices):
    """The Board works and reports per quarter, 6 months and year (NĐ 59/2023 Điều 22 k1, k4)."""

    QUARTER = "quarter", _("Quý")
    HALF_YEAR = "half_year", _("6 tháng")
    YEAR = "year", _("Năm")


class BoardProgramme(models.Model):
    """The Board's work programme (chương trình công tác) for one period."""

    board = models.ForeignKey(
        InspectionBoard, on_delete=models.PROTECT, related_name="programmes", verbose_name=_("ban")
    )
    period = models.CharField(_("kỳ"), max_length=20, choices=BoardPeriod.choices)
    year = models.PositiveIntegerField(_("năm"))
    number = models.PositiveSmallIntegerField(_("số thứ tự của kỳ trong năm"), default=1)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người ghi")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("chương trình công tác của Ban Thanh tra nhân dân")
        verbose_name_plural = _("chương trình công tác của Ban Thanh tra nhân dân")
        ordering = ["-starts_on", "period", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "period", "year", "number"], name="one_board_programme_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_period_display()} {self.number}/{self.year}"


class BoardProgrammeItem(models.Model):
    programme = models.ForeignKey(
        BoardProgramme, on_delete=models.CASCADE, related_name="items", verbose_name=_("chương trình")
    )
    position = models.PositiveIntegerField(_("thứ tự"), default=0)
    content = models.CharField(_("nội dung công tác"), max_length=500)

    class Meta:
        verbose_name = _("nội dung chương trình công tác")
        verbose_name_plural = _("nội dung chương trình công tác")
        ordering = ["programme", "position", "pk"]

    def __str__(self) -> str:
        return self.content


def board_report_path(instance: BoardReport, filename: str) -> str:
    return f"democracy/{instance.board.agency_id}/ban-ttnd/bao-cao/{instance.pk}/{filename}"


class BoardReport(models.Model):
    """The Board's report of its work for one period (báo cáo kết quả hoạt động)."""

    class SubmittedTo(models.TextChoices):
        UNION = "union", _("Ban Chấp hành công đoàn cơ quan")
        CONFERENCE = "conference", _("Hội nghị cán bộ, công chức, viên chức, người lao động")

    board = models.ForeignKey(
        InspectionBoard, on_delete=models.PROTECT, related_name="reports", verbose_name=_("ban")
    )
    period = models.CharField(_("kỳ"), max_length=20, choices=BoardPeriod.choices)
    year = models.PositiveIntegerField(_("năm"))
    number = models.PositiveSmallIntegerField(_("số thứ tự của kỳ trong năm"), default=1)
    ends_on = models.DateField(_("ngày cuối kỳ"))
    due = models.DateField(_("hạn báo cáo"))
    due_explanation = models.TextField(_("cách tính hạn báo cáo"))
    submitted_to = models.CharField(
        _("gửi đến"), max_length=20, choices=SubmittedTo.choices, default=SubmittedTo.UNION
    )
    submitted_on = models.DateField(_("ngày gửi báo cáo"), null=True, blank=True)
    content = models.TextField(_("nội dung báo cáo"), blank=True)
    file = models.FileField(_("tệp báo cáo"), upload_to=board_report_path, blank=True)
    file_name = models.CharField(_("tên tệp báo cáo"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người ghi")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("báo cáo kết quả hoạt động của Ban Thanh tra nhân dân")
        verbose_name_plural = _("báo cáo kết quả hoạt động của Ban Thanh tra nhân dân")
        ordering = ["due", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "period", "year", "number"], name="one_board_report_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_period_display()} {self.number}/{self.year}"

    def is_overdue(self, today: date | None = None) -> bool:
        if self.submitted_on is not None:
            return self.submitted_on > self.due
        return today is not None and today > self.due


class StaffPetition(models.Model):
    """A staff member's petition or report (kiến nghị, phản ánh) received by the Board
    (Luật 10/2022 Điều 61 k8). A sender who asks for it keeps their name from
    everyone but the Board's members."""

    class Status(models.TextChoices):
        RECEIVED = "received", _("Đã tiếp nhận")
        VERIFYING = "verifying", _("Đang xác minh")
        RECOMMENDED = "recommended", _("Đã kiến nghị người đứng đầu")
        ANSWERED = "answered", _("Đã trả lời người gửi")
        CLOSED = "closed", _("Đã kết thúc")

    board = models.ForeignKey(
        InspectionBoard, on_delete=models.PROTECT, related_name="staff_petitions", verbose_name=_("ban")
    )
    received_on = models.DateField(_("ngày tiếp nhận"))
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người gửi")
    )
    keep_name_confidential = models.BooleanField(_("đề nghị giữ bí mật họ tên"), default=False)
    content = models.TextField(_("nội dung kiến nghị, phản ánh"))
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.RECEIVED)
    verification = models.TextField(_("kết quả xác minh"), blank=True)
    recommendation = models.ForeignKey(
        BoardRecommendation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff_petitions",
        verbose_name=_("kiến nghị gửi người đứng đầu"),
    )
    answer = models.TextField(_("nội dung trả lời người gửi"), blank=True)
    answered_on = models.DateField(_("ngày trả lời người gửi"), null=True, blank=True)
    closed_on = models.DateField(_("ngày kết thúc"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người ghi")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kiến nghị, phản ánh của cán bộ gửi Ban Thanh tra nhân dân")
        verbose_name_plural = _("kiến nghị, phản ánh của cán bộ gửi Ban Thanh tra nhân dân")
        ordering = ["-received_on", "-pk"]

    def __str__(self) -> str:
        return self.content[:80]


# --- Written ballot when the conference cannot gather (Luật 10/2022 Điều 50) ---

# Điều 50: after the conference fails to gather its quorum this many times.
FAILED_ATTEMPTS_FOR_BALLOT = 2


class ConferenceAttempt(models.Model):
    """One attempt to hold the yearly conference, with how many came."""

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="conference_attempts", verbose_name=_("cơ quan")
    )
    work_year = models.PositiveIntegerField(_("năm công tác"))
    held_on = models.DateField(_("ngày triệu tập"))
    expected = models.PositiveIntegerField(_("số người được triệu tập"))
    present = models.PositiveIntegerField(_("số người có mặt"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người ghi")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("lần triệu tập hội nghị")
        verbose_name_plural = _("lần triệu tập hội nghị")
        ordering = ["agency", "work_year", "held_on", "pk"]

    def __str__(self) -> str:
        return f"{self.agency} — {self.held_on:%d/%m/%Y}"

    def is_quorate(self) -> bool:
        """The same rule as the conference: two thirds of those called (Điều 51 k3)."""
        return self.present * 3 >= self.expected * 2


class WrittenBallot(models.Model):
    """Opinions collected in writing (phiếu lấy ý kiến) instead of the conference (Điều 50)."""

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="written_ballots", verbose_name=_("cơ quan")
    )
    work_year = models.PositiveIntegerField(_("năm công tác"))
    opened_on = models.DateField(_("ngày phát phiếu"))
    staff_count = models.PositiveIntegerField(_("tổng số cán bộ, công chức, viên chức, người lao động"))
    union_agreed = models.BooleanField(_("đã thống nhất với Ban Chấp hành công đoàn"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người ghi")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("lấy ý kiến bằng phiếu")
        verbose_name_plural = _("lấy ý kiến bằng phiếu")
        ordering = ["-work_year", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "work_year"], name="one_written_ballot_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.agency} — {self.work_year}"


class BallotItem(models.Model):
    ballot = models.ForeignKey(
        WrittenBallot, on_delete=models.CASCADE, related_name="items", verbose_name=_("đợt lấy ý kiến")
    )
    position = models.PositiveIntegerField(_("thứ tự"), default=0)
    title = models.CharField(_("nội dung lấy ý kiến"), max_length=500)
    returned = models.PositiveIntegerField(_("số phiếu thu về"), null=True, blank=True)
    votes_for = models.PositiveIntegerField(_("số phiếu tán thành"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("nội dung lấy ý kiến bằng phiếu")
        verbose_name_plural = _("nội dung lấy ý kiến bằng phiếu")
        ordering = ["ballot", "position", "pk"]

    def __str__(self) -> str:
        return self.title

    def passes(self) -> bool:
        """More than half of all staff agree in writing (counted against staff, not ballots)."""
        return self.votes_for is not None and self.votes_for * 2 > self.ballot.staff_count
