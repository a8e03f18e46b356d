"""Citizens, their petitions (đơn), the complaint and denunciation cases
opened from them, and the legal time limits every step is counted against.

Time limits are data (``TimeLimitRule``), keyed by effective date: a case
keeps the rule that was in force on the day its clock started, so an amending
law becomes new rows, not new code.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from danvan.core.models import Agency, User, with_derived
from danvan.core.text import search_key

# Signatories from which a petition or a reception counts as a group
# ("đông người"): TT 05/2021/TT-TTCP, classification by number of signatories.
GROUP_SIZE = 5


class PetitionKind(models.TextChoices):
    COMPLAINT = "complaint", _("Khiếu nại")
    DENUNCIATION = "denunciation", _("Tố cáo")
    FEEDBACK = "feedback", _("Kiến nghị, phản ánh")


class TimeLimitRuleQuerySet(models.QuerySet["TimeLimitRule"]):
    def in_force(self, code: str, on: date) -> TimeLimitRuleQuerySet:
        return self.filter(code=code, effective_from__lte=on).filter(
            Q(effective_to__isnull=True) | Q(effective_to__gte=on)
        )


class TimeLimitRule(models.Model):
    """One legal time limit as written in one version of the law."""

    class Unit(models.TextChoices):
        DAYS = "days", _("ngày")
        WORKING_DAYS = "working_days", _("ngày làm việc")

    code = models.CharField(_("mã quy tắc"), max_length=80, db_index=True)
    name = models.CharField(_("tên thời hạn"), max_length=200)
    kind = models.CharField(_("loại đơn"), max_length=20, choices=PetitionKind.choices, blank=True)
    unit = models.CharField(_("đơn vị tính"), max_length=20, choices=Unit.choices)
    count = models.PositiveSmallIntegerField(_("số ngày"))
    complex_extension = models.PositiveSmallIntegerField(
        _("số ngày thêm khi phức tạp"), null=True, blank=True
    )
    especially_complex_extension = models.PositiveSmallIntegerField(
        _("số ngày thêm khi đặc biệt phức tạp"), null=True, blank=True
    )
    start_event = models.CharField(_("mốc bắt đầu tính"), max_length=100)
    legal_source = models.CharField(_("căn cứ pháp lý"), max_length=255)
    effective_from = models.DateField(_("áp dụng từ ngày"))
    effective_to = models.DateField(_("áp dụng đến ngày"), null=True, blank=True)
    history = HistoricalRecords()

    objects = TimeLimitRuleQuerySet.as_manager()

    class Meta:
        verbose_name = _("quy tắc thời hạn")
        verbose_name_plural = _("quy tắc thời hạn")
        ordering = ["code", "-effective_from"]
        constraints = [
            models.UniqueConstraint(fields=["code", "effective_from"], name="time_limit_rule_version_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.code} ({self.effective_from:%d/%m/%Y})"

    def extension_for(self, complexity: str) -> int | None:
        if complexity == Complexity.COMPLEX:
            return self.complex_extension
        if complexity == Complexity.ESPECIALLY_COMPLEX:
            return self.especially_complex_extension
        return 0


class Complexity(models.TextChoices):
    NORMAL = "normal", _("Thông thường")
    COMPLEX = "complex", _("Phức tạp")
    ESPECIALLY_COMPLEX = "especially_complex", _("Đặc biệt phức tạp")


class Citizen(models.Model):
    """A person who petitions or is received. A denunciation's sender is
    never stored here but in its vault (``DenouncerIdentity``); a citizen
    whose visit of the register opened a denunciation stays the visit's
    citizen, and no page names them (``permissions.denouncing_receptions``)."""

    full_name = models.CharField(_("họ và tên"), max_length=150)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    identity_number = models.CharField(_("số định danh, CCCD"), max_length=20, blank=True)
    phone = models.CharField(_("số điện thoại"), max_length=20, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    search_text = models.CharField(
        max_length=400, editable=False, db_index=True, default="", verbose_name=_("nội dung để tìm kiếm")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("công dân")
        verbose_name_plural = _("công dân")
        ordering = ["search_text"]

    def __str__(self) -> str:
        return self.full_name


class PetitionQuerySet(models.QuerySet["Petition"]):
    def open(self) -> PetitionQuerySet:
        return self.exclude(status__in=Petition.CLOSED_STATUSES)


class Petition(models.Model):
    """One incoming application (đơn), whatever its source (domain.md 12.2)."""

    class Source(models.TextChoices):
        IN_PERSON = "in_person", _("Trực tiếp tại nơi tiếp công dân")
        POST = "post", _("Bưu chính")
        MAILBOX = "mailbox", _("Hòm thư góp ý")
        ONLINE = "online", _("Cổng điện tử, trực tuyến")
        FORWARDED = "forwarded", _("Cơ quan, đại biểu, báo chí chuyển đến")
        LEADER = "leader", _("Lãnh đạo giao")

    class Kind(models.TextChoices):
        COMPLAINT = "complaint", _("Khiếu nại")
        DENUNCIATION = "denunciation", _("Tố cáo")
        FEEDBACK = "feedback", _("Kiến nghị, phản ánh")
        MIXED = "mixed", _("Nhiều nội dung")

    class Status(models.TextChoices):
        RECEIVED = "received", _("Mới tiếp nhận")
        CLASSIFIED = "classified", _("Đã phân loại")
        SPLIT = "split", _("Đã tách thành các đơn riêng")
        ACCEPTED = "accepted", _("Đã thụ lý")
        GUIDED = "guided", _("Đã hướng dẫn")
        FORWARDED = "forwarded", _("Đã chuyển đơn")
        RETURNED = "returned", _("Đã trả lại đơn")
        ANSWERED = "answered", _("Đã trả lời, không thụ lý")
        FILED = "filed", _("Lưu đơn")
        WITHDRAWN = "withdrawn", _("Đã rút đơn")

    CLOSED_STATUSES = (
        Status.SPLIT,
        Status.ACCEPTED,
        Status.GUIDED,
        Status.FORWARDED,
        Status.RETURNED,
        Status.ANSWERED,
        Status.FILED,
        Status.WITHDRAWN,
    )

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="petitions", verbose_name=_("cơ quan")
    )
    code = models.CharField(_("mã hồ sơ"), max_length=20, unique=True)
    received_on = models.DateField(_("ngày nhận"))
    source = models.CharField(_("nguồn đơn"), max_length=20, choices=Source.choices)
    forwarded_by = models.CharField(_("cơ quan, người chuyển đơn"), max_length=255, blank=True)
    kind = models.CharField(_("loại đơn"), max_length=20, choices=Kind.choices)
    citizen = models.ForeignKey(
        Citizen,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="petitions",
        verbose_name=_("công dân"),
    )
    signer_count = models.PositiveSmallIntegerField(_("số người ký đơn"), default=1)
    representative = models.CharField(_("người đại diện"), max_length=150, blank=True)
    subject = models.CharField(_("trích yếu"), max_length=255)
    content = models.TextField(_("nội dung"))
    skips_level = models.BooleanField(_("vượt cấp"), default=False)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.RECEIVED)
    conditions_met = models.BooleanField(_("đủ điều kiện xử lý"), null=True)
    condition_note = models.CharField(_("lý do không đủ điều kiện"), max_length=255, blank=True)
    in_jurisdiction = models.BooleanField(_("thuộc thẩm quyền"), null=True)
    competent_body = models.CharField(_("cơ quan có thẩm quyền"), max_length=255, blank=True)
    outcome_note = models.TextField(_("nội dung xử lý, trả lời"), blank=True)
    public_answer = models.TextField(_("trả lời công khai cho người gửi"), blank=True)
    notified_on = models.DateField(_("ngày thông báo cho người gửi"), null=True, blank=True)
    # The outgoing letter of the outcome (phiếu đề xuất thụ lý, phiếu chuyển
    # đơn, văn bản hướng dẫn, trả lời, trả lại): numbered from the agency's
    # yearly series when the outcome is recorded.
    letter_number = models.CharField(_("số văn bản đầu ra"), max_length=10, blank=True)
    letter_symbol = models.CharField(_("ký hiệu văn bản đầu ra"), max_length=50, blank=True)
    letter_date = models.DateField(_("ngày văn bản đầu ra"), null=True, blank=True)
    letter_signer = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người ký văn bản đầu ra"),
    )
    handler = models.ForeignKey(
        User, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("người xử lý")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="parts",
        verbose_name=_("đơn gốc"),
    )
    duplicate_of = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("trùng với đơn"),
    )
    reception = models.ForeignKey(
        "Reception",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="petitions",
        verbose_name=_("lượt tiếp công dân"),
    )
    # Accent-free keys for duplicate detection; a denouncer's key lives in the vault.
    sender_key = models.CharField(
        max_length=200, editable=False, db_index=True, blank=True, verbose_name=_("khóa nhận diện người gửi")
    )
    search_text = models.TextField(editable=False, blank=True, verbose_name=_("nội dung để tìm kiếm"))
    # The second factor of the public lookup: last four digits of the phone given.
    lookup_digits = models.CharField(
        max_length=4, editable=False, blank=True, verbose_name=_("bốn chữ số tra cứu")
    )
    # Or a keyed digest of the e-mail given (``lookup_email_key``): a citizen
    # who gave only an e-mail looks up with it; the address is not kept here.
    lookup_email = models.CharField(
        max_length=64, editable=False, blank=True, verbose_name=_("khóa tra cứu theo thư điện tử")
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("thời điểm tạo"))
    history = HistoricalRecords(excluded_fields=["lookup_digits", "lookup_email"])

    objects = PetitionQuerySet.as_manager()

    class Meta:
        verbose_name = _("đơn")
        verbose_name_plural = _("đơn")
        ordering = ["-received_on", "-pk"]
        indexes = [models.Index(fields=["agency", "status"]), models.Index(fields=["agency", "sender_key"])]

    def __str__(self) -> str:
        return self.code

    @property
    def is_group(self) -> bool:
        return self.signer_count >= GROUP_SIZE

    @property
    def is_denunciation(self) -> bool:
        return self.kind == self.Kind.DENUNCIATION

    def shows_sender(self) -> bool:
        """Whether lists name the citizen who sent it: never a denouncer."""
        return self.citizen_id is not None and not self.is_denunciation

    def is_open(self) -> bool:
        return self.status not in self.CLOSED_STATUSES

    def answer_deadline(self) -> Deadline | None:
        """The legal time limit by which the sender is next answered: the
        processing limit while the petition is processed, the resolution
        limit once accepted; None when this agency has nothing left to answer."""
        if self.status == self.Status.ACCEPTED:
            pending = self.deadlines.pending().filter(code__contains=RESOLVE_CODE_PART)
        elif self.is_open():
            pending = self.deadlines.pending().filter(code__in=ANSWER_CODES)
        else:
            return None
        return pending.select_related("rule").order_by("due_date").first()


# The limits by which the sender of a petition in processing hears of it.
ANSWER_CODES = ("petition.notify", "denunciation.initial_check", "denunciation.forward")
# What the codes of the resolution limits of an accepted case contain.
RESOLVE_CODE_PART = ".resolve"


def lookup_email_key(email: str) -> str:
    """The digest the public lookup compares an e-mail by (keyed with the
    site's secret, so the stored value names no address)."""
    normalised = email.strip().lower()
    if not normalised:
        return ""
    return hmac.new(settings.SECRET_KEY.encode(), normalised.encode(), hashlib.sha256).hexdigest()


class Case(models.Model):
    """A complaint or denunciation accepted for resolution (domain.md 12.3, 12.4)."""

    class Status(models.TextChoices):
        ACCEPTED = "accepted", _("Đã thụ lý")
        NOTIFIED = "notified", _("Đã thông báo thụ lý")
        VERIFYING = "verifying", _("Đang xác minh")
        DIALOGUE = "dialogue", _("Đối thoại")
        DECISION_DRAFT = "decision_draft", _("Dự thảo quyết định, kết luận")
        DECIDED = "decided", _("Đã ban hành quyết định, kết luận")
        SENT = "sent", _("Đã gửi quyết định, kết luận")
        EFFECTIVE = "effective", _("Quyết định có hiệu lực")
        APPEALED = "appealed", _("Khiếu nại lần hai")
        SUED = "sued", _("Khởi kiện")
        HANDLED = "handled", _("Đã xử lý kết luận")
        PUBLISHED = "published", _("Đã công khai")
        FOLLOW_UP = "follow_up", _("Theo dõi thực hiện")
        CLOSED = "closed", _("Kết thúc, lưu hồ sơ")
        SUSPENDED = "suspended", _("Tạm đình chỉ")
        TERMINATED = "terminated", _("Đình chỉ")

    class Result(models.TextChoices):
        RIGHT = "right", _("Đúng")
        PARTLY_RIGHT = "partly_right", _("Đúng một phần")
        WRONG = "wrong", _("Sai")

    petition = models.OneToOneField(
        Petition, on_delete=models.PROTECT, related_name="case", verbose_name=_("đơn")
    )
    kind = models.CharField(_("loại vụ việc"), max_length=20, choices=PetitionKind.choices)
    stage = models.PositiveSmallIntegerField(_("lần giải quyết"), default=1)
    remote_area = models.BooleanField(_("vùng sâu, vùng xa đi lại khó khăn"), default=False)
    complexity = models.CharField(
        _("mức độ"), max_length=20, choices=Complexity.choices, default=Complexity.NORMAL
    )
    complexity_reason = models.TextField(_("căn cứ xác định mức độ"), blank=True)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.ACCEPTED)
    status_before_suspension = models.CharField(
        max_length=20, choices=Status.choices, blank=True, verbose_name=_("trạng thái trước khi tạm đình chỉ")
    )
    accepted_on = models.DateField(_("ngày thụ lý"))
    handler = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người giải quyết"),
    )
    had_dialogue = models.BooleanField(_("đã đối thoại"), default=False)
    decided_on = models.DateField(_("ngày ban hành quyết định, kết luận"), null=True, blank=True)
    result = models.CharField(_("kết luận"), max_length=20, choices=Result.choices, blank=True)
    closed_on = models.DateField(_("ngày kết thúc"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("vụ việc")
        verbose_name_plural = _("vụ việc")
        ordering = ["-accepted_on", "-pk"]

    def __str__(self) -> str:
        return self.petition.code

    def is_suspended(self) -> bool:
        return self.status == self.Status.SUSPENDED


class Suspension(models.Model):
    """A tạm đình chỉ: the days from ``started_on`` to ``ended_on`` are not
    counted (Luật Tố cáo 2018 Điều 34 k2; Luật Khiếu nại as amended, Điều 11a)."""

    case = models.ForeignKey(
        Case, on_delete=models.PROTECT, related_name="suspensions", verbose_name=_("vụ việc")
    )
    started_on = models.DateField(_("ngày tạm đình chỉ"))
    ended_on = models.DateField(_("ngày tiếp tục giải quyết"), null=True, blank=True)
    reason = models.TextField(_("lý do"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tạm đình chỉ")
        verbose_name_plural = _("tạm đình chỉ")
        ordering = ["started_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["case"], condition=Q(ended_on__isnull=True), name="one_open_suspension_per_case"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case} {self.started_on:%d/%m/%Y}"


class DeadlineQuerySet(models.QuerySet["Deadline"]):
    def pending(self) -> DeadlineQuerySet:
        return self.filter(met_on__isnull=True)

    def overdue(self, today: date) -> DeadlineQuerySet:
        return self.pending().filter(due_date__lt=today)


class Deadline(models.Model):
    """A time limit computed once from a rule and stored with how it was counted."""

    petition = models.ForeignKey(
        Petition, on_delete=models.PROTECT, related_name="deadlines", verbose_name=_("đơn")
    )
    rule = models.ForeignKey(
        TimeLimitRule, on_delete=models.PROTECT, related_name="+", verbose_name=_("quy tắc thời hạn")
    )
    code = models.CharField(max_length=80, verbose_name=_("mã quy tắc"))
    start_date = models.DateField(_("ngày bắt đầu tính"))
    extension_days = models.PositiveSmallIntegerField(_("số ngày gia hạn"), default=0)
    paused_days = models.PositiveSmallIntegerField(_("số ngày tạm đình chỉ không tính"), default=0)
    due_date = models.DateField(_("hạn"))
    explanation = models.TextField(_("cách tính"))
    met_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    history = HistoricalRecords()

    objects = DeadlineQuerySet.as_manager()

    class Meta:
        verbose_name = _("thời hạn")
        verbose_name_plural = _("thời hạn")
        ordering = ["due_date"]
        constraints = [models.UniqueConstraint(fields=["petition", "code"], name="one_deadline_per_rule")]

    def __str__(self) -> str:
        return f"{self.code} {self.due_date:%d/%m/%Y}"

    def is_overdue(self, today: date) -> bool:
        return self.met_on is None and self.due_date < today

    def was_met_on_time(self) -> bool | None:
        return None if self.met_on is None else self.met_on <= self.due_date


class DenouncerIdentity(models.Model):
    """The denouncer's identity, kept apart from the case (Luật Tố cáo 2018
    Điều 8 k3, Điều 56 k2): only people granted by name may read it, and
    every read is logged."""

    petition = models.OneToOneField(
        Petition, on_delete=models.PROTECT, related_name="denouncer", verbose_name=_("đơn")
    )
    full_name = models.CharField(_("họ và tên người tố cáo"), max_length=150)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    identity_number = models.CharField(_("số định danh, CCCD"), max_length=20, blank=True)
    phone = models.CharField(_("số điện thoại"), max_length=20, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    representative = models.CharField(_("người đại diện"), max_length=150, blank=True)
    sender_key = models.CharField(
        max_length=200, editable=False, db_index=True, blank=True, verbose_name=_("khóa nhận diện người gửi")
    )

    class Meta:
        verbose_name = _("thông tin người tố cáo")
        verbose_name_plural = _("thông tin người tố cáo")

    def __str__(self) -> str:
        return str(_("Thông tin người tố cáo (bảo mật)"))


class IdentityGrant(models.Model):
    identity = models.ForeignKey(
        DenouncerIdentity,
        on_delete=models.CASCADE,
        related_name="grants",
        verbose_name=_("danh tính người tố cáo"),
    )
    person = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", verbose_name=_("người được cấp quyền")
    )
    granted_by = models.ForeignKey(
        User, on_delete=models.PROTECT, null=True, related_name="+", verbose_name=_("người cấp quyền")
    )
    granted_at = models.DateTimeField(auto_now_add=True, verbose_name=_("thời điểm cấp quyền"))

    class Meta:
        verbose_name = _("quyền xem thông tin người tố cáo")
        verbose_name_plural = _("quyền xem thông tin người tố cáo")
        constraints = [models.UniqueConstraint(fields=["identity", "person"], name="one_grant_per_person")]

    def __str__(self) -> str:
        return f"{self.person} {self.granted_at:%d/%m/%Y}"


class IdentityRead(models.Model):
    identity = models.ForeignKey(
        DenouncerIdentity,
        on_delete=models.PROTECT,
        related_name="reads",
        verbose_name=_("danh tính người tố cáo"),
    )
    person = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", verbose_name=_("người đã xem")
    )
    read_at = models.DateTimeField(auto_now_add=True, verbose_name=_("thời điểm đọc"))

    class Meta:
        verbose_name = _("lượt xem thông tin người tố cáo")
        verbose_name_plural = _("lượt xem thông tin người tố cáo")
        ordering = ["-read_at"]

    def __str__(self) -> str:
        return f"{self.person} {self.read_at:%d/%m/%Y %H:%M}"


def attachment_path(instance: Attachment, filename: str) -> str:
    return f"petitions/{instance.petition_id}/{filename}"


class Attachment(models.Model):
    petition = models.ForeignKey(
        Petition, on_delete=models.PROTECT, related_name="attachments", verbose_name=_("đơn")
    )
    file = models.FileField(_("tệp"), upload_to=attachment_path)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    content_type = models.CharField(max_length=100, verbose_name=_("kiểu nội dung"))
    size = models.PositiveIntegerField(verbose_name=_("dung lượng (byte)"))

    class Meta:
        verbose_name = _("tài liệu kèm theo")
        verbose_name_plural = _("tài liệu kèm theo")

    def __str__(self) -> str:
        return self.original_name


class Reception(models.Model):
    """One entry of the reception register (Luật Tiếp công dân 2013 Điều 25 k2)."""

    class RefusalGround(models.TextChoices):
        # Luật Tiếp công dân 2013 Điều 9.
        INCAPABLE = "incapable", _("Say rượu, dùng chất kích thích, mất năng lực hành vi (Điều 9 k1)")
        DISORDERLY = "disorderly", _("Đe dọa, xúc phạm, vi phạm nội quy nơi tiếp công dân (Điều 9 k2)")
        SETTLED = "settled", _("Vụ việc đã giải quyết đúng, đã thông báo chấm dứt (Điều 9 k3)")
        OTHER = "other", _("Trường hợp khác theo quy định của pháp luật (Điều 9 k4)")

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="receptions", verbose_name=_("cơ quan")
    )
    number = models.PositiveIntegerField(_("số thứ tự"))
    received_on = models.DateField(_("ngày tiếp"))
    citizen = models.ForeignKey(
        Citizen, on_delete=models.PROTECT, related_name="receptions", verbose_name=_("công dân")
    )
    group_size = models.PositiveSmallIntegerField(_("số người"), default=1)
    content = models.TextField(_("nội dung sự việc"))
    earlier_handling = models.TextField(_("quá trình giải quyết trước đó"), blank=True)
    request = models.TextField(_("yêu cầu, đề nghị"), blank=True)
    documents_received = models.TextField(_("tài liệu đã nhận"), blank=True)
    handling = models.TextField(_("việc tiếp nhận, xử lý"), blank=True)
    refusal_ground = models.CharField(
        _("lý do từ chối tiếp"), max_length=20, choices=RefusalGround.choices, blank=True
    )
    received_by = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", verbose_name=_("người tiếp")
    )
    schedule = models.ForeignKey(
        "ReceptionDay",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="receptions",
        verbose_name=_("lịch tiếp công dân"),
    )
    # Accent-free words of what was said and done, for the register's search;
    # the citizen's own words are in Citizen.search_text.
    search_text = models.TextField(
        editable=False, blank=True, default="", verbose_name=_("nội dung để tìm kiếm")
    )
    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        verbose_name = _("lượt tiếp công dân")
        verbose_name_plural = _("sổ tiếp công dân")
        ordering = ["-received_on", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "received_on", "number"], name="reception_number_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number} — {self.received_on:%d/%m/%Y}"

    def save(self, *args, **kwargs):
        self.search_text = search_key(
            " ".join(
                (self.content, self.earlier_handling, self.request, self.documents_received, self.handling)
            )
        )
        super().save(*args, **with_derived(kwargs, "search_text"))

    @property
    def is_group(self) -> bool:
        return self.group_size >= GROUP_SIZE

    @property
    def was_refused(self) -> bool:
        return bool(self.refusal_ground)


class ReceptionDay(models.Model):
    """A day on the leader's reception schedule (Luật Tiếp công dân 2013
    Điều 18 k2: the head of a Sở receives at least one day a month)."""

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="reception_days", verbose_name=_("cơ quan")
    )
    leader = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", verbose_name=_("lãnh đạo tiếp")
    )
    date = models.DateField(_("ngày tiếp"))
    place = models.CharField(_("địa điểm"), max_length=255)
    planned_content = models.TextField(_("nội dung dự kiến"), blank=True)
    postponed_note = models.CharField(_("thông báo hoãn"), max_length=255, blank=True)
    # Luật Tiếp công dân 2013 Điều 24 k4: posted at least 5 working days ahead.
    published_on = models.DateField(_("ngày công bố lịch"), null=True, blank=True)
    postponed_on = models.DateField(_("ngày thông báo hoãn"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("lịch tiếp công dân của lãnh đạo")
        verbose_name_plural = _("lịch tiếp công dân của lãnh đạo")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.leader} {self.date:%d/%m/%Y}"

    @property
    def is_published(self) -> bool:
        return self.published_on is not None

    @property
    def is_postponed(self) -> bool:
        return bool(self.postponed_note)
