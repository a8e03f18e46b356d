"""The organisation: province, agencies, units, people and their roles, and the
working-day calendar that every legal time limit is counted on."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Exists, F, OuterRef, Q, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from danvan.core.text import search_key


def with_derived(save_kwargs: dict, *derived: str) -> dict:
    """Keep stored search and sort keys in step when a save names its fields:
    the keys were just recomputed from the row, so they are always written."""
    fields = save_kwargs.get("update_fields")
    if fields is not None:
        save_kwargs["update_fields"] = {*fields, *derived}
    return save_kwargs


class Province(models.Model):
    name = models.CharField(_("tên tỉnh, thành phố"), max_length=100, unique=True)
    code = models.CharField(_("mã"), max_length=20, unique=True)
    # Set by an organisation change (core.organisation): the last day the
    # province existed, and the province it was merged into.
    valid_to = models.DateField(_("hoạt động đến ngày"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="predecessors",
        verbose_name=_("tỉnh kế thừa"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tỉnh, thành phố")
        verbose_name_plural = _("tỉnh, thành phố")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def name_on(self, day: date | None) -> str:
        return name_on(self, day)


def name_on(owner: Province | Agency | Unit, day: date | None) -> str:
    """The name ``owner`` bore on ``day``: a renamed agency's 2024 report still
    reads with its 2024 name. Former names come in with the rename."""
    if day is None:
        return owner.name
    former = getattr(owner, "_former_names", None)
    if former is None:
        # .all() so that a prefetch_related("former_names") of a list serves it.
        former = sorted((row.until, row.name) for row in owner.former_names.all())
        owner._former_names = former
    for until, name in former:
        if day <= until:
            return name
    return owner.name


def default_reminder_days() -> list[int]:
    return [7, 1]


class AgencyQuerySet(models.QuerySet["Agency"]):
    def active(self) -> AgencyQuerySet:
        return self.filter(is_active=True)

    def existing_during(self, start: date, end: date) -> AgencyQuerySet:
        """The agencies that existed on some day of ``start``–``end``: a table of
        2024 lists the agencies of 2024, a table of 2026 their successors."""
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=end),
            Q(valid_to__isnull=True) | Q(valid_to__gte=start),
        )

    def of_province_on(self, province: Province, day: date) -> AgencyQuerySet:
        """The agencies that belonged to ``province`` on ``day``: by their dated
        memberships (``AgencyProvince``, written when a change moves an agency
        to another province), or, for one never moved, by its province. A
        province's table of 2024 reads the agencies of 31/12/2024."""
        dated = AgencyProvince.objects.filter(agency=OuterRef("pk"))
        held = dated.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=day),
            Q(valid_to__isnull=True) | Q(valid_to__gte=day),
            province=province,
        )
        return self.filter(Q(Exists(held)) | (Q(province=province) & ~Exists(dated)))


class Agency(models.Model):
    class Kind(models.TextChoices):
        DEPARTMENT = "department", _("Sở, ban, ngành")
        PROVINCIAL_COMMITTEE = "provincial_committee", _("UBND tỉnh")
        COMMUNE_COMMITTEE = "commune_committee", _("UBND xã, phường")
        OTHER = "other", _("Cơ quan khác")

    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="agencies", verbose_name=_("tỉnh")
    )
    name = models.CharField(_("tên cơ quan"), max_length=200)
    short_name = models.CharField(_("tên viết tắt"), max_length=50, blank=True)
    symbol_code = models.CharField(
        _("chữ viết tắt trong ký hiệu văn bản"),
        max_length=20,
        help_text=_("Ví dụ: SKHCN, SNV — dùng trong số, ký hiệu văn bản (…/KH-SKHCN)."),
    )
    kind = models.CharField(_("loại cơ quan"), max_length=30, choices=Kind.choices, default=Kind.DEPARTMENT)
    # The agency's identity on the citizens' pages and in the e-mails sent to them.
    address = models.CharField(_("địa chỉ trụ sở"), max_length=255, blank=True)
    hotline = models.CharField(_("số điện thoại đường dây nóng"), max_length=30, blank=True)
    email = models.EmailField(_("thư điện tử của cơ quan"), blank=True)
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    # Set by organisation changes (core.organisation): the first and last day
    # of existence, and who took over the open work when it ended.
    valid_from = models.DateField(_("hoạt động từ ngày"), null=True, blank=True)
    valid_to = models.DateField(_("hoạt động đến ngày"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="predecessors",
        verbose_name=_("cơ quan kế thừa"),
    )
    reminder_days = models.JSONField(
        _("nhắc trước hạn (số ngày)"),
        default=default_reminder_days,
        help_text=_("Ví dụ: [7, 1] — nhắc 7 ngày và 1 ngày trước hạn."),
    )
    sort_key = models.CharField(max_length=200, editable=False, db_index=True, verbose_name=_("khóa sắp xếp"))
    history = HistoricalRecords()

    objects = AgencyQuerySet.as_manager()

    class Meta:
        verbose_name = _("cơ quan")
        verbose_name_plural = _("cơ quan")
        ordering = ["sort_key"]
        constraints = [
            models.UniqueConstraint(fields=["province", "name"], name="agency_name_unique_in_province"),
            models.UniqueConstraint(
                fields=["province", "symbol_code"], name="agency_symbol_unique_in_province"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.sort_key = search_key(self.name)
        super().save(*args, **with_derived(kwargs, "sort_key"))

    def name_on(self, day: date | None) -> str:
        return name_on(self, day)


class Unit(models.Model):
    class Kind(models.TextChoices):
        LEADERSHIP = "leadership", _("Ban lãnh đạo")
        OFFICE = "office", _("Văn phòng")
        INSPECTORATE = "inspectorate", _("Thanh tra")
        DIVISION = "division", _("Phòng chuyên môn")
        SUB_DEPARTMENT = "sub_department", _("Chi cục")
        CENTER = "center", _("Trung tâm, đơn vị sự nghiệp")
        DEMOCRACY_BOARD = "democracy_board", _("Ban Chỉ đạo Quy chế dân chủ")
        PEOPLE_INSPECTION_BOARD = "people_inspection_board", _("Ban Thanh tra nhân dân")
        TRADE_UNION = "trade_union", _("Công đoàn")
        PARTY_CELL = "party_cell", _("Chi bộ, Đảng ủy")
        YOUTH_UNION = "youth_union", _("Đoàn Thanh niên")
        OTHER = "other", _("Đơn vị khác")

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="units", verbose_name=_("cơ quan")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("đơn vị cấp trên"),
    )
    code = models.CharField(_("mã đơn vị"), max_length=30)
    name = models.CharField(_("tên đơn vị"), max_length=200)
    short_name = models.CharField(_("tên viết tắt"), max_length=50, blank=True)
    kind = models.CharField(_("loại đơn vị"), max_length=30, choices=Kind.choices, default=Kind.DIVISION)
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    # Set by organisation changes (core.organisation): the first and last day
    # of existence, and who took over the open work when it ended.
    valid_from = models.DateField(_("hoạt động từ ngày"), null=True, blank=True)
    valid_to = models.DateField(_("hoạt động đến ngày"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="predecessors",
        verbose_name=_("đơn vị kế thừa"),
    )
    own_register = models.BooleanField(
        _("có sổ văn bản đi riêng"),
        default=False,
        help_text=_(
            "Chi cục, trung tâm có con dấu riêng: kế hoạch của đơn vị được đánh số theo sổ của đơn vị, "
            "ký hiệu theo tên viết tắt của đơn vị."
        ),
    )
    sort_key = models.CharField(max_length=200, editable=False, db_index=True, verbose_name=_("khóa sắp xếp"))
    history = HistoricalRecords()

    # Units that issue plans of their own, implementing the agency's.
    PLAN_ISSUING_KINDS = (Kind.SUB_DEPARTMENT, Kind.CENTER)

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        ordering = ["agency", "sort_key"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "code"], name="unit_code_unique_in_agency"),
            models.UniqueConstraint(fields=["agency", "name"], name="unit_name_unique_in_agency"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.sort_key = search_key(self.name)
        super().save(*args, **with_derived(kwargs, "sort_key"))

    def name_on(self, day: date | None) -> str:
        return name_on(self, day)

    def issues_plans(self) -> bool:
        return self.kind in self.PLAN_ISSUING_KINDS

    @property
    def symbol_code(self) -> str:
        """The unit's part of a document symbol ("KH-CCTĐC"): its short name, else its code."""
        return (self.short_name or self.code).replace(" ", "")

    def ancestors(self) -> list[Unit]:
        chain, node = [], self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return chain


class User(AbstractUser):
    """An official's account. Citizens never have one."""

    full_name = models.CharField(_("họ và tên"), max_length=150)
    position = models.CharField(_("chức vụ"), max_length=150, blank=True)
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("cơ quan"),
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="people", verbose_name=_("đơn vị")
    )
    phone = models.CharField(_("số điện thoại"), max_length=20, blank=True)
    must_change_password = models.BooleanField(_("phải đổi mật khẩu khi đăng nhập"), default=False)
    notification_digest = models.BooleanField(
        _("nhận thư tổng hợp hằng ngày"),
        default=False,
        help_text=_("Gộp các thông báo vào một thư mỗi sáng."),
    )
    sort_key = models.CharField(
        max_length=200, editable=False, db_index=True, default="", verbose_name=_("khóa sắp xếp")
    )
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    REQUIRED_FIELDS = ["email", "full_name"]

    class Meta:
        verbose_name = _("cán bộ, công chức")
        verbose_name_plural = _("cán bộ, công chức")
        ordering = ["sort_key", "username"]

    def __str__(self) -> str:
        return self.full_name or self.username

    def save(self, *args, **kwargs):
        self.sort_key = search_key(self.full_name or self.username)
        if self.unit_id and not self.agency_id:
            self.agency_id = self.unit.agency_id
        super().save(*args, **with_derived(kwargs, "sort_key"))

    def get_full_name(self) -> str:
        return self.full_name or self.username

    def get_short_name(self) -> str:
        return self.full_name.rsplit(" ", 1)[-1] if self.full_name else self.username


class Role(models.TextChoices):
    SYSTEM_ADMIN = "system_admin", _("Quản trị hệ thống")
    PROVINCE_REVIEWER = "province_reviewer", _("Cán bộ theo dõi cấp tỉnh (Sở Nội vụ, Ban Dân vận)")
    AGENCY_LEADER = "agency_leader", _("Lãnh đạo cơ quan")
    AGENCY_OFFICE = "agency_office", _("Văn phòng cơ quan")
    UNIT_HEAD = "unit_head", _("Trưởng đơn vị")
    STAFF = "staff", _("Chuyên viên")
    INSPECTOR = "inspector", _("Thanh tra")
    PEOPLE_INSPECTOR = "people_inspector", _("Thành viên Ban Thanh tra nhân dân")


# Which scope each role is held in: the whole system, a province, an agency or a unit.
ROLE_SCOPE = {
    Role.SYSTEM_ADMIN: "system",
    Role.PROVINCE_REVIEWER: "province",
    Role.AGENCY_LEADER: "agency",
    Role.AGENCY_OFFICE: "agency",
    Role.INSPECTOR: "agency",
    Role.PEOPLE_INSPECTOR: "agency",
    Role.UNIT_HEAD: "unit",
    Role.STAFF: "unit",
}


class RoleAssignmentQuerySet(models.QuerySet["RoleAssignment"]):
    def current(self) -> RoleAssignmentQuerySet:
        return self.filter(is_active=True)


class RoleAssignment(models.Model):
    """A role a person holds in one scope. A person can hold several."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="role_assignments", verbose_name=_("người dùng")
    )
    role = models.CharField(_("vai trò"), max_length=30, choices=Role.choices)
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("tỉnh")
    )
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("cơ quan")
    )
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("đơn vị"))
    is_active = models.BooleanField(_("còn hiệu lực"), default=True)
    history = HistoricalRecords()

    objects = RoleAssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("phân công vai trò")
        verbose_name_plural = _("phân công vai trò")
        constraints = [
            # One person holds a role once per scope. Written over
            # COALESCE(…, 0) so that an empty scope counts as one value on
            # every database (SQLite has no NULLS NOT DISTINCT).
            models.UniqueConstraint(
                F("user"),
                F("role"),
                Coalesce("province", Value(0)),
                Coalesce("agency", Value(0)),
                Coalesce("unit", Value(0)),
                name="role_assignment_unique_scope",
                violation_error_message=_("Người này đã có vai trò ấy ở phạm vi ấy."),
            ),
            models.CheckConstraint(
                name="role_assignment_scope_matches_role",
                condition=(
                    Q(role="system_admin", province__isnull=True, agency__isnull=True, unit__isnull=True)
                    | Q(
                        role="province_reviewer",
                        province__isnull=False,
                        agency__isnull=True,
                        unit__isnull=True,
                    )
                    | Q(
                        role__in=["agency_leader", "agency_office", "inspector", "people_inspector"],
                        province__isnull=True,
                        agency__isnull=False,
                        unit__isnull=True,
                    )
                    | Q(
                        role__in=["unit_head", "staff"],
                        province__isnull=True,
                        agency__isnull=False,
                        unit__isnull=False,
                    )
                ),
            ),
        ]

    def __str__(self) -> str:
        scope = self.unit or self.agency or self.province
        return f"{self.get_role_display()} — {scope}" if scope else str(self.get_role_display())

    @property
    def scope_label(self) -> str:
        return str(self.unit or self.agency or self.province or _("Toàn hệ thống"))


class CalendarDay(models.Model):
    """A day that differs from the normal week: an announced day off or a
    make-up working day. Statutory holidays come from the law's list; these
    rows are the government's yearly swaps, entered by an administrator."""

    class Kind(models.TextChoices):
        DAY_OFF = "day_off", _("Ngày nghỉ")
        WORKING_DAY = "working_day", _("Ngày làm việc bù")

    date = models.DateField(_("ngày"), unique=True)
    kind = models.CharField(_("loại ngày"), max_length=20, choices=Kind.choices)
    note = models.CharField(
        _("căn cứ, ghi chú"), max_length=255, help_text=_("Ví dụ: Công văn số …/BNV-CVL về nghỉ Tết.")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ngày nghỉ, ngày làm bù")
        verbose_name_plural = _("ngày nghỉ, ngày làm bù")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} — {self.get_kind_display()}"


def organisation_import_path(instance: OrganisationImport, filename: str) -> str:
    return f"imports/organisation/{instance.agency_id}/{filename}"


class OrganisationImport(models.Model):
    """One uploaded sheet of units and people, kept whether or not it was applied."""

    class Status(models.TextChoices):
        INVALID = "invalid", _("Có lỗi, chưa ghi")
        PREVIEWED = "previewed", _("Đã kiểm tra, chờ ghi")
        APPLIED = "applied", _("Đã ghi vào hệ thống")
        CANCELLED = "cancelled", _("Đã hủy")

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="organisation_imports", verbose_name=_("cơ quan")
    )
    file = models.FileField(_("tệp"), upload_to=organisation_import_path)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices)
    errors = models.JSONField(_("lỗi"), default=list, blank=True)
    summary = models.JSONField(_("kết quả"), default=dict, blank=True)
    uploaded_by = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", verbose_name=_("người tải lên")
    )
    uploaded_at = models.DateTimeField(_("thời điểm tải lên"), auto_now_add=True)
    applied_at = models.DateTimeField(_("thời điểm ghi"), null=True, blank=True)

    class Meta:
        verbose_name = _("lần nhập tổ chức từ Excel")
        verbose_name_plural = _("các lần nhập tổ chức từ Excel")
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return self.original_name

    def can_be_applied(self) -> bool:
        return self.status == self.Status.PREVIEWED


class Notification(models.Model):
    """A message to one person, shown in the app and sent by e-mail (at once
    or in the morning digest). ``key`` makes sending idempotent: a reminder
    that runs twice finds its key taken and sends nothing."""

    recipient = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("người nhận")
    )
    key = models.CharField(max_length=200, verbose_name=_("khóa chống gửi trùng"))
    text = models.TextField(_("nội dung"))
    url = models.CharField(max_length=300, blank=True, verbose_name=_("đường dẫn"))
    created_at = models.DateTimeField(auto_now_add=True, db_index=True, verbose_name=_("thời điểm tạo"))
    read_at = models.DateTimeField(null=True, blank=True, verbose_name=_("thời điểm đọc"))
    # When the mail server accepted the e-mail that carried it (at once or in the digest).
    emailed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("thời điểm gửi thư điện tử"))
    mail = models.ForeignKey(
        "OutgoingMail",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="notifications",
        verbose_name=_("thư điện tử mang thông báo"),
    )

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["recipient", "key"], name="notification_once_per_key")]

    def __str__(self) -> str:
        return self.text[:80]


class SearchEntry(models.Model):
    """One searchable record (a plan, task, report, library document,
    dialogue or petition) as the search box finds it.

    The ``*_key`` columns hold accent-free words (danvan.core.search) that the
    database's full-text index reads: FTS5 on SQLite, ``to_tsvector('simple')``
    on PostgreSQL. Nothing that names a denouncer is ever written here. Who
    may see the record is decided at query time by the permission functions,
    never stored here."""

    kind = models.CharField(_("loại bản ghi"), max_length=20)
    object_id = models.PositiveBigIntegerField(_("mã bản ghi"))
    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("cơ quan")
    )
    title = models.TextField(_("tiêu đề"))
    summary = models.TextField(_("đoạn trích"), blank=True)
    title_key = models.TextField(_("từ của tiêu đề"), default="")
    body_key = models.TextField(_("từ của nội dung"), default="")
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("mục tìm kiếm")
        verbose_name_plural = _("chỉ mục tìm kiếm")
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_once")]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"


class OutgoingMail(models.Model):
    """An e-mail waiting in the outbox: written in the transaction that made
    it, sent by the worker, marked sent only once the mail server accepted it,
    retried with a growing wait, failed after the last attempt (core/outbox.py)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ gửi")
        SENT = "sent", _("Đã gửi")
        FAILED = "failed", _("Gửi không được")

    to = models.EmailField(_("gửi tới"))
    # A citizen's e-mail: the administrator sees neither its address nor its
    # subject (a denouncer's address is who they are).
    confidential = models.BooleanField(_("thư gửi công dân"), default=False)
    subject = models.CharField(_("tiêu đề"), max_length=255)
    body = models.TextField(_("nội dung"))
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("số lần đã thử"), default=0)
    next_attempt_at = models.DateTimeField(_("thử lại lúc"), db_index=True)
    last_error = models.TextField(_("lỗi lần gần nhất"), blank=True)
    created_at = models.DateTimeField(_("thời điểm tạo"), auto_now_add=True)
    sent_at = models.DateTimeField(_("thời điểm máy chủ thư nhận"), null=True, blank=True)

    class Meta:
        verbose_name = _("thư điện tử đi")
        verbose_name_plural = _("hộp thư đi")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.shown_to()}: {self.shown_subject()[:60]}"

    def shown_to(self) -> str:
        """The recipient as the administrator reads it."""
        return str(_("(công dân, được giữ kín)")) if self.confidential else self.to

    def shown_subject(self) -> str:
        return str(_("(thư gửi công dân)")) if self.confidential else self.subject


class DailyStepRun(models.Model):
    """What one daily step did for one day: the scan runs each step on its own,
    records it here, and runs the days a step missed on its next run."""

    step = models.CharField(_("bước"), max_length=100)
    day = models.DateField(_("ngày quét"))
    ok = models.BooleanField(_("chạy xong"), default=False)
    count = models.PositiveIntegerField(_("số việc đã làm"), default=0)
    error = models.TextField(_("lỗi"), blank=True)
    late = models.BooleanField(_("chạy bù"), default=False)
    finished_at = models.DateTimeField(_("thời điểm chạy"), auto_now=True)

    class Meta:
        verbose_name = _("lần chạy bước quét hằng ngày")
        verbose_name_plural = _("các lần chạy bước quét hằng ngày")
        ordering = ["-day", "step"]
        constraints = [models.UniqueConstraint(fields=["step", "day"], name="daily_step_once_per_day")]

    def __str__(self) -> str:
        return f"{self.step} {self.day:%d/%m/%Y}"


class RateCount(models.Model):
    """How many times one address did one public thing in one window: kept in
    the database so that every process counts together (core/ratelimit.py)."""

    key = models.CharField(_("khóa"), max_length=200)
    window_start = models.DateTimeField(_("đầu khoảng thời gian"))
    count = models.PositiveIntegerField(_("số lần"), default=0)

    class Meta:
        verbose_name = _("lượt đếm giới hạn truy cập")
        verbose_name_plural = _("lượt đếm giới hạn truy cập")
        constraints = [
            models.UniqueConstraint(fields=["key", "window_start"], name="rate_count_once_per_window")
        ]

    def __str__(self) -> str:
        return f"{self.key} {self.count}"


class LeasedJobRecord(models.Model):
    """What a background job works on holds a lease: each attempt counts in
    ``attempts`` and refreshes ``heartbeat_at`` as it makes progress. A
    record being worked on whose heartbeat is older than the lease belongs to
    a worker that died; core.jobs takes it up again, a bounded number of times."""

    heartbeat_at = models.DateTimeField(_("lần cuối báo đang chạy"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("số lần thử"), default=0)

    class Meta:
        abstract = True


class ReadLogIsFixed(Exception):
    """Raised when code tries to change or remove a row of the read log."""


class SensitiveReadQuerySet(models.QuerySet["SensitiveRead"]):
    def update(self, **kwargs):
        raise ReadLogIsFixed("The read log cannot be changed.")

    def delete(self):
        raise ReadLogIsFixed("The read log cannot be removed.")


class SensitiveRead(models.Model):
    """One read of a citizen's personal data: who, when, which record, through
    which page or file, from which address. Rows are only ever added: the
    application never changes or removes one (kept for as long as the
    records they speak of; clearing them is a matter for the database
    administrator under the agency's archive rules, outside the application)."""

    person = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", verbose_name=_("người đã xem")
    )
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("cơ quan")
    )
    model = models.CharField(_("loại hồ sơ"), max_length=100)
    object_pk = models.CharField(_("mã số trong hệ thống"), max_length=64, blank=True)
    code = models.CharField(_("số hiệu hồ sơ"), max_length=100, blank=True, db_index=True)
    what = models.CharField(_("trang hoặc tệp đã mở"), max_length=100)
    address = models.GenericIPAddressField(_("địa chỉ mạng"), null=True, blank=True)
    read_at = models.DateTimeField(_("thời điểm đọc"), default=timezone.now, db_index=True)

    objects = SensitiveReadQuerySet.as_manager()

    class Meta:
        verbose_name = _("lượt đọc dữ liệu cá nhân")
        verbose_name_plural = _("nhật ký đọc dữ liệu cá nhân")
        ordering = ["-read_at", "-pk"]
        indexes = [models.Index(fields=["agency", "read_at"])]

    def __str__(self) -> str:
        return f"{self.person} {self.code or self.model} {self.read_at:%d/%m/%Y %H:%M}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ReadLogIsFixed("The read log cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ReadLogIsFixed("The read log cannot be removed.")


class ExternalIdentity(models.Model):
    """An account at the province's identity provider (OpenID Connect) that
    signs in as one person: the provider's issuer and the subject it gives
    the account, never the e-mail address. Links are made by the
    administrator; the sign-in keeps ``last_seen``."""

    issuer = models.CharField(_("nhà cung cấp định danh (issuer)"), max_length=255)
    subject = models.CharField(_("mã định danh (sub)"), max_length=255)
    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="external_identities", verbose_name=_("cán bộ")
    )
    first_seen = models.DateTimeField(_("lần đăng nhập đầu tiên"), null=True, blank=True)
    last_seen = models.DateTimeField(_("lần đăng nhập gần nhất"), null=True, blank=True)
    created_at = models.DateTimeField(_("ngày gắn"), default=timezone.now, editable=False)
    # Who linked or unlinked which identity, and when.
    history = HistoricalRecords(excluded_fields=["first_seen", "last_seen"])

    class Meta:
        verbose_name = _("tài khoản định danh")
        verbose_name_plural = _("tài khoản định danh")
        ordering = ["issuer", "subject"]
        constraints = [
            models.UniqueConstraint(fields=["issuer", "subject"], name="external_identity_unique_subject"),
        ]

    def __str__(self) -> str:
        return f"{self.subject} @ {self.issuer}"

    def save(self, *args, **kwargs):
        # The issuer as the provider's tokens name it (no trailing slash).
        self.issuer = self.issuer.strip().rstrip("/")
        self.subject = self.subject.strip()
        super().save(*args, **kwargs)


class FormerName(models.Model):
    """A name a province, agency or unit bore until a day, kept by a rename so
    that what was done under it reads as it was done."""

    province = models.ForeignKey(
        Province,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="former_names",
        verbose_name=_("tỉnh"),
    )
    agency = models.ForeignKey(
        Agency,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="former_names",
        verbose_name=_("cơ quan"),
    )
    unit = models.ForeignKey(
        Unit,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="former_names",
        verbose_name=_("đơn vị"),
    )
    name = models.CharField(_("tên cũ"), max_length=200)
    short_name = models.CharField(_("tên viết tắt cũ"), max_length=50, blank=True)
    until = models.DateField(_("dùng đến ngày"))
    change = models.ForeignKey(
        "OrganisationChange",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("theo thay đổi tổ chức"),
    )

    class Meta:
        verbose_name = _("tên cũ")
        verbose_name_plural = _("tên cũ")
        ordering = ["until"]

    def __str__(self) -> str:
        return f"{self.name} (đến {self.until:%d/%m/%Y})"


class AgencyProvince(models.Model):
    """An agency's province from one day to another: written by an
    organisation change that moves the agency (a move, a province merger), so
    that the province's tables of the years before still list it."""

    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, related_name="province_periods", verbose_name=_("cơ quan")
    )
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="agency_periods", verbose_name=_("tỉnh")
    )
    valid_from = models.DateField(_("từ ngày"), null=True, blank=True)
    valid_to = models.DateField(_("đến ngày"), null=True, blank=True)
    change = models.ForeignKey(
        "OrganisationChange",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("theo thay đổi tổ chức"),
    )

    class Meta:
        verbose_name = _("tỉnh của cơ quan theo thời gian")
        verbose_name_plural = _("tỉnh của cơ quan theo thời gian")
        ordering = ["agency", "valid_from"]

    def __str__(self) -> str:
        return f"{self.agency} — {self.province}"


class OrganisationChange(models.Model):
    """A dated decision on the organisation (Quyết định sáp nhập, chia tách,
    đổi tên, điều chuyển): written as a draft, shown with what it will move,
    applied once by an administrator. Applied changes are never edited."""

    class Kind(models.TextChoices):
        MERGE = "merge", _("Sáp nhập, hợp nhất")
        SPLIT = "split", _("Chia tách")
        RENAME = "rename", _("Đổi tên")
        MOVE = "move", _("Chuyển trực thuộc")

    class Level(models.TextChoices):
        PROVINCE = "province", _("Tỉnh, thành phố")
        AGENCY = "agency", _("Cơ quan")
        UNIT = "unit", _("Đơn vị")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Chưa áp dụng")
        APPLIED = "applied", _("Đã áp dụng")

    kind = models.CharField(_("loại thay đổi"), max_length=20, choices=Kind.choices)
    level = models.CharField(_("cấp"), max_length=20, choices=Level.choices)
    effective_on = models.DateField(_("có hiệu lực từ ngày"))
    decision = models.CharField(
        _("văn bản quyết định"),
        max_length=300,
        help_text=_("Ví dụ: Quyết định số 1234/QĐ-UBND ngày 30/6/2025 của UBND tỉnh."),
    )
    note = models.TextField(_("ghi chú"), blank=True)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    summary = models.JSONField(_("kết quả áp dụng"), default=list, blank=True)
    created_by = models.ForeignKey(
        "User", on_delete=models.PROTECT, related_name="+", verbose_name=_("người lập")
    )
    created_at = models.DateTimeField(_("thời điểm lập"), auto_now_add=True)
    applied_by = models.ForeignKey(
        "User",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người áp dụng"),
    )
    applied_at = models.DateTimeField(_("thời điểm áp dụng"), null=True, blank=True)

    class Meta:
        verbose_name = _("thay đổi tổ chức")
        verbose_name_plural = _("thay đổi tổ chức")
        ordering = ["-effective_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.decision}"

    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT


class ChangeParty(models.Model):
    """One side of a change: a predecessor (what ends or is changed) or a
    successor (what takes over), with the name a new one is created under."""

    class Side(models.TextChoices):
        BEFORE = "before", _("Trước thay đổi")
        AFTER = "after", _("Sau thay đổi")

    change = models.ForeignKey(
        OrganisationChange, on_delete=models.CASCADE, related_name="parties", verbose_name=_("thay đổi")
    )
    side = models.CharField(_("phía"), max_length=10, choices=Side.choices)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("tỉnh")
    )
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("cơ quan")
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("đơn vị")
    )
    # A successor that does not exist yet is created under these when applied.
    name = models.CharField(_("tên"), max_length=200, blank=True)
    short_name = models.CharField(_("tên viết tắt"), max_length=50, blank=True)
    code = models.CharField(_("mã, chữ viết tắt trong ký hiệu"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("bên của thay đổi tổ chức")
        verbose_name_plural = _("bên của thay đổi tổ chức")
        ordering = ["change", "side", "position"]

    def __str__(self) -> str:
        return str(self.province or self.agency or self.unit or self.name)


class ChangePerson(models.Model):
    """A person of a predecessor and where the administrator confirmed they go:
    with their roles to a successor, or staying where they were."""

    change = models.ForeignKey(
        OrganisationChange, on_delete=models.CASCADE, related_name="people", verbose_name=_("thay đổi")
    )
    person = models.ForeignKey("User", on_delete=models.PROTECT, related_name="+", verbose_name=_("người"))
    from_agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("từ cơ quan"),
    )
    from_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("từ đơn vị")
    )
    to_agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sang cơ quan"),
    )
    to_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("sang đơn vị")
    )
    roles = models.JSONField(_("vai trò chuyển theo"), default=list, blank=True)
    # The roles not confirmed: they stay where they pointed until the administrator handles them.
    roles_left = models.JSONField(_("vai trò chưa chuyển"), default=list, blank=True)
    moved = models.BooleanField(_("đã chuyển"), default=False)

    class Meta:
        verbose_name = _("người chuyển theo thay đổi tổ chức")
        verbose_name_plural = _("người chuyển theo thay đổi tổ chức")
        ordering = ["change", "person__sort_key"]
        constraints = [models.UniqueConstraint(fields=["change", "person"], name="change_person_once")]

    def __str__(self) -> str:
        return str(self.person)

    @property
    def roles_left_labels(self) -> list[str]:
        return [str(Role(role).label) for role in self.roles_left]
