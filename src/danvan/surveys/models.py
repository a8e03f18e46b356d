"""Satisfaction surveys an agency's office builds and publishes for citizens,
and the answers citizens send without an account.

A survey is a list of questions of four kinds (a 1–5 scale, one choice,
several choices, a short text), aimed at a unit, an administrative procedure
or a period. It is drafted, published at a public link and a QR code, then
closed. A response is one device's answers to one survey: the device is known
only by a keyed hash of a random token kept in the browser's signed cookie,
a response to the survey about petition handling by a keyed hash of the
petition it was invited for; no address, name or petition is stored with it.
"""

from __future__ import annotations

from datetime import date

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from danvan.core.models import Agency, Unit, User

SCALE = range(1, 6)  # the 1–5 scale: 1 very dissatisfied … 5 very satisfied
SATISFIED = (4, 5)  # the marks that count as satisfied in the satisfaction rate
TEXT_LIMIT = 500  # characters of a short text answer
CONTACT_LIMIT = 200


class Survey(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Đang soạn")
        PUBLISHED = "published", _("Đang nhận ý kiến")
        CLOSED = "closed", _("Đã kết thúc")

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="surveys", verbose_name=_("cơ quan")
    )
    title = models.CharField(_("tên phiếu khảo sát"), max_length=255)
    intro = models.TextField(_("lời giới thiệu"), blank=True)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    # What the survey is about: a unit, a procedure (its name or code), a period; any of them.
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="surveys",
        verbose_name=_("đơn vị được khảo sát"),
    )
    procedure = models.CharField(_("thủ tục hành chính"), max_length=255, blank=True)
    procedure_code = models.CharField(_("mã thủ tục"), max_length=50, blank=True)
    starts_on = models.DateField(_("từ ngày"), null=True, blank=True)
    ends_on = models.DateField(_("đến ngày"), null=True, blank=True)
    about_petitions = models.BooleanField(_("khảo sát người gửi đơn về việc giải quyết đơn"), default=False)
    allow_contact = models.BooleanField(_("cho người trả lời để lại cách liên hệ"), default=False)
    slug = models.CharField(_("mã đường dẫn"), max_length=12, unique=True)
    created_by = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", verbose_name=_("người tạo")
    )
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    published_on = models.DateField(_("ngày công bố"), null=True, blank=True)
    closed_on = models.DateField(_("ngày kết thúc"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("phiếu khảo sát")
        verbose_name_plural = _("phiếu khảo sát")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    def accepts_answers(self, today: date) -> bool:
        """Published, and today within its period when it has one."""
        if self.status != self.Status.PUBLISHED:
            return False
        if self.starts_on and today < self.starts_on:
            return False
        return not (self.ends_on and today > self.ends_on)


class Question(models.Model):
    class Kind(models.TextChoices):
        SCALE = "scale", _("Thang điểm 1–5")
        ONE = "one", _("Chọn một")
        MANY = "many", _("Chọn nhiều")
        TEXT = "text", _("Trả lời ngắn")

    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="questions", verbose_name=_("phiếu khảo sát")
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    kind = models.CharField(_("loại câu hỏi"), max_length=10, choices=Kind.choices)
    text = models.CharField(_("câu hỏi"), max_length=300)
    required = models.BooleanField(_("bắt buộc trả lời"), default=True)
    choices = models.JSONField(_("các lựa chọn"), default=list, blank=True)
    # The number (1–12) of the satisfaction criterion (domain §5.4) the question asks, when it does.
    criterion = models.PositiveSmallIntegerField(_("tiêu chí hài lòng"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("câu hỏi khảo sát")
        verbose_name_plural = _("câu hỏi khảo sát")
        ordering = ["survey", "order", "pk"]

    def __str__(self) -> str:
        return self.text

    def has_choices(self) -> bool:
        return self.kind in (self.Kind.ONE, self.Kind.MANY)


class Response(models.Model):
    """One device's (or one invited petition's) answers to one survey."""

    survey = models.ForeignKey(
        Survey, on_delete=models.PROTECT, related_name="responses", verbose_name=_("phiếu khảo sát")
    )
    submitted_at = models.DateTimeField(_("thời điểm gửi"), auto_now_add=True)
    submitted_on = models.DateField(_("ngày gửi"), db_index=True)
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("đơn vị")
    )
    device_key = models.CharField(_("dấu thiết bị"), max_length=64, blank=True)
    petition_key = models.CharField(_("dấu đơn được mời"), max_length=64, blank=True)
    contact = models.CharField(_("cách liên hệ"), max_length=CONTACT_LIMIT, blank=True)

    class Meta:
        verbose_name = _("phiếu trả lời")
        verbose_name_plural = _("phiếu trả lời")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "device_key"],
                condition=~Q(device_key=""),
                name="survey_one_answer_per_device",
            ),
            models.UniqueConstraint(
                fields=["survey", "petition_key"],
                condition=~Q(petition_key=""),
                name="survey_one_answer_per_petition",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.survey} — {self.submitted_on:%d/%m/%Y}"


class Answer(models.Model):
    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, related_name="answers", verbose_name=_("phiếu trả lời")
    )
    question = models.ForeignKey(
        Question, on_delete=models.PROTECT, related_name="answers", verbose_name=_("câu hỏi")
    )
    scale = models.PositiveSmallIntegerField(_("mức đánh giá"), null=True, blank=True)
    choices = models.JSONField(_("lựa chọn"), default=list, blank=True)  # the options' positions
    text = models.TextField(_("trả lời"), blank=True)

    class Meta:
        verbose_name = _("câu trả lời")
        verbose_name_plural = _("câu trả lời")
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="survey_answer_once_per_question")
        ]

    def __str__(self) -> str:
        return f"{self.question}: {self.scale or self.choices or self.text}"
