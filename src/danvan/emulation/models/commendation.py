"""Emulation movements, yearly registrations, the emulation and commendation
council's year-end review, commendation titles with their legal conditions,
proposals and the titles each person has been granted (Luật Thi đua, khen
thưởng 2022 and NĐ 98/2023/NĐ-CP; see docs/emulation-law.md)."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from danvan.core.models import Agency, Unit


class Movement(models.Model):
    """Phong trào thi đua, launched by a document for a period."""

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="emulation_movements", verbose_name=_("cơ quan")
    )
    name = models.CharField(_("tên phong trào"), max_length=255)
    launched_by = models.ForeignKey(
        "documents.LegalDocument",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="emulation_movements",
        verbose_name=_("văn bản phát động"),
    )
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"))
    registration_deadline = models.DateField(_("hạn đăng ký thi đua"))
    aims = models.TextField(_("mục tiêu"), blank=True)
    criteria = models.TextField(_("tiêu chí thi đua"), blank=True)
    units = models.ManyToManyField(
        Unit, blank=True, related_name="emulation_movements", verbose_name=_("đơn vị tham gia")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người tạo")
    )
    created_at = models.DateTimeField(_("lúc tạo"), auto_now_add=True)

    class Meta:
        verbose_name = _("phong trào thi đua")
        verbose_name_plural = _("phong trào thi đua")
        ordering = ["-starts_on", "pk"]

    def __str__(self) -> str:
        return self.name


class CommendationTitle(models.Model):
    """A title (danh hiệu thi đua) or a form of commendation (hình thức khen thưởng), as data."""

    class Kind(models.TextChoices):
        TITLE = "title", _("Danh hiệu thi đua")
        FORM = "form", _("Hình thức khen thưởng")

    class Subject(models.TextChoices):
        INDIVIDUAL = "individual", _("Cá nhân")
        COLLECTIVE = "collective", _("Tập thể")

    code = models.CharField(_("mã"), max_length=30, unique=True)
    name = models.CharField(_("tên"), max_length=200)
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices)
    subject = models.CharField(_("đối tượng"), max_length=12, choices=Subject.choices)
    legal_basis = models.CharField(_("căn cứ"), max_length=255)
    council_share = models.DecimalField(
        _("tỷ lệ phiếu đồng ý của hội đồng (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Tính trên tổng số thành viên hội đồng; để trống nếu không cần bỏ phiếu."),
    )
    quota_percent = models.DecimalField(
        _("số lượng tối đa (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    quota_of = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("tính trên số được đề nghị danh hiệu"),
    )
    quota_basis = models.CharField(_("căn cứ của giới hạn số lượng"), max_length=255, blank=True)
    sort = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("danh hiệu, hình thức khen thưởng")
        verbose_name_plural = _("danh hiệu, hình thức khen thưởng")
        ordering = ["sort", "code"]

    def __str__(self) -> str:
        return self.name


class CommendationCondition(models.Model):
    """One condition of a title, with its article, and how the system checks it."""

    class Check(models.TextChoices):
        AGENCY_BAND = "agency_band", _("Xếp loại đánh giá của cơ quan")
        PRIOR_TITLE = "prior_title", _("Danh hiệu đã đạt các năm trước")
        NO_DISCIPLINE = "no_discipline", _("Không bị kỷ luật trong năm")
        TASKS_DONE = "tasks_done", _("Nhiệm vụ được giao đã hoàn thành")
        MANUAL = "manual", _("Văn phòng xác nhận")

    title = models.ForeignKey(
        CommendationTitle, on_delete=models.CASCADE, related_name="conditions", verbose_name=_("danh hiệu")
    )
    code = models.CharField(_("mã"), max_length=30)
    text = models.TextField(_("điều kiện"))
    article = models.CharField(_("điều, khoản"), max_length=200)
    method = models.CharField(_("cách kiểm tra"), max_length=20, choices=Check.choices)
    parameters = models.JSONField(_("tham số"), default=dict, blank=True)
    sort = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("điều kiện khen thưởng")
        verbose_name_plural = _("điều kiện khen thưởng")
        ordering = ["title", "sort"]
        constraints = [models.UniqueConstraint(fields=["title", "code"], name="commendation_condition_code")]

    def __str__(self) -> str:
        return f"{self.text} ({self.article})"


class Registration(models.Model):
    """Đăng ký thi đua of a unit or a person for a year of a movement."""

    movement = models.ForeignKey(
        Movement, on_delete=models.PROTECT, related_name="registrations", verbose_name=_("phong trào")
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("đơn vị")
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="emulation_registrations",
        verbose_name=_("cá nhân"),
    )
    titles = models.ManyToManyField(CommendationTitle, related_name="+", verbose_name=_("danh hiệu đăng ký"))
    registered_on = models.DateField(_("ngày đăng ký"))
    is_late = models.BooleanField(_("đăng ký muộn"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người ghi")
    )

    class Meta:
        verbose_name = _("đăng ký thi đua")
        verbose_name_plural = _("đăng ký thi đua")
        ordering = ["movement", "year", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(unit__isnull=True, person__isnull=False)
                | Q(unit__isnull=False, person__isnull=True),
                name="registration_unit_or_person",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person or self.unit} {self.year}"


class DisciplineRecord(models.Model):
    """A person was disciplined in a year: they cannot be proposed for that year."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("cá nhân")
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    note = models.TextField(_("hình thức, quyết định kỷ luật"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người ghi")
    )

    class Meta:
        verbose_name = _("kỷ luật")
        verbose_name_plural = _("kỷ luật")
        ordering = ["-year", "pk"]

    def __str__(self) -> str:
        return f"{self.person} {self.year}"


class TitleRecord(models.Model):
    """A title or form granted to a person or a unit in a year (their history)."""

    title = models.ForeignKey(
        CommendationTitle, on_delete=models.PROTECT, related_name="records", verbose_name=_("danh hiệu")
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="title_records",
        verbose_name=_("cá nhân"),
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("đơn vị")
    )
    decision_number = models.CharField(_("số quyết định"), max_length=100)
    decision_date = models.DateField(_("ngày quyết định"))

    class Meta:
        verbose_name = _("danh hiệu đã đạt")
        verbose_name_plural = _("danh hiệu đã đạt")
        ordering = ["-year", "pk"]

    def __str__(self) -> str:
        return f"{self.title} {self.year}"


class CouncilMeeting(models.Model):
    """The emulation and commendation council's year-end meeting."""

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="emulation_councils", verbose_name=_("cơ quan")
    )
    year = models.PositiveSmallIntegerField(_("năm xét"))
    held_on = models.DateField(_("ngày họp"))
    chaired_by = models.CharField(_("chủ trì"), max_length=200)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người ghi")
    )

    class Meta:
        verbose_name = _("cuộc họp hội đồng thi đua, khen thưởng")
        verbose_name_plural = _("cuộc họp hội đồng thi đua, khen thưởng")
        ordering = ["-year", "pk"]

    def __str__(self) -> str:
        return f"{self.agency} {self.year}"

    @property
    def member_count(self) -> int:
        return self.members.count()

    @property
    def present_count(self) -> int:
        return self.members.filter(present=True).count()


class CouncilMember(models.Model):
    meeting = models.ForeignKey(
        CouncilMeeting, on_delete=models.CASCADE, related_name="members", verbose_name=_("cuộc họp")
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("thành viên")
    )
    present = models.BooleanField(_("có mặt"), default=True)

    class Meta:
        verbose_name = _("thành viên hội đồng")
        verbose_name_plural = _("thành viên hội đồng")
        ordering = ["meeting", "pk"]
        constraints = [models.UniqueConstraint(fields=["meeting", "person"], name="council_member_once")]

    def __str__(self) -> str:
        return str(self.person)


class Proposal(models.Model):
    """Hồ sơ đề nghị khen thưởng of an agency for a year."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Đang lập")
        SUBMITTED = "submitted", _("Đã trình")
        DECIDED = "decided", _("Đã có quyết định")

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="commendation_proposals", verbose_name=_("cơ quan")
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    meeting = models.ForeignKey(
        CouncilMeeting,
        on_delete=models.PROTECT,
        related_name="proposals",
        verbose_name=_("cuộc họp hội đồng"),
    )
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    submitted_on = models.DateField(_("ngày trình"), null=True, blank=True)
    decision_number = models.CharField(_("số quyết định"), max_length=100, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người lập")
    )

    class Meta:
        verbose_name = _("hồ sơ đề nghị khen thưởng")
        verbose_name_plural = _("hồ sơ đề nghị khen thưởng")
        ordering = ["-year", "pk"]

    def __str__(self) -> str:
        return f"{self.agency} {self.year}"


class Candidate(models.Model):
    """One collective or individual proposed for a title, with the council's vote."""

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="candidates", verbose_name=_("hồ sơ")
    )
    title = models.ForeignKey(
        CommendationTitle, on_delete=models.PROTECT, related_name="+", verbose_name=_("danh hiệu")
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="commendation_candidacies",
        verbose_name=_("cá nhân"),
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("đơn vị")
    )
    votes_for = models.PositiveSmallIntegerField(_("phiếu đồng ý tại cuộc họp"), null=True, blank=True)
    written_votes_for = models.PositiveSmallIntegerField(_("phiếu đồng ý của thành viên vắng mặt"), default=0)
    achievement = models.TextField(_("báo cáo thành tích"), blank=True)
    granted = models.BooleanField(_("được khen thưởng"), default=False)

    class Meta:
        verbose_name = _("người, tập thể được đề nghị")
        verbose_name_plural = _("người, tập thể được đề nghị")
        ordering = ["proposal", "title__sort", "pk"]

    def __str__(self) -> str:
        return str(self.person.full_name if self.person else self.unit or self.proposal.agency)

    @property
    def subject_name(self) -> str:
        if self.person_id:
            return self.person.full_name
        return self.unit.name if self.unit_id else self.proposal.agency.name

    @property
    def total_votes_for(self) -> int:
        return (self.votes_for or 0) + self.written_votes_for

    def vote_share(self, members: int) -> Decimal:
        if not members:
            return Decimal(0)
        return (Decimal(self.total_votes_for) * 100 / members).quantize(Decimal("0.01"))


class ConditionCheck(models.Model):
    class State(models.TextChoices):
        MET = "met", _("Đạt")
        NOT_MET = "not_met", _("Không đạt")
        TO_CONFIRM = "to_confirm", _("Cần xác nhận")

    candidate = models.ForeignKey(
        Candidate, on_delete=models.CASCADE, related_name="checks", verbose_name=_("người được đề nghị")
    )
    condition = models.ForeignKey(
        CommendationCondition, on_delete=models.PROTECT, related_name="+", verbose_name=_("điều kiện")
    )
    state = models.CharField(_("kết quả"), max_length=12, choices=State.choices)
    reason = models.TextField(_("lý do"), blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người xác nhận"),
    )
    note = models.TextField(_("ghi chú xác nhận"), blank=True)

    class Meta:
        verbose_name = _("kiểm tra điều kiện")
        verbose_name_plural = _("kiểm tra điều kiện")
        ordering = ["candidate", "condition__sort"]

    def __str__(self) -> str:
        return f"{self.condition_id}: {self.state}"
