"""Dialogues (đối thoại) of the agency's leader with citizens or businesses.

A dialogue is planned (notice: date, place, content), held, and recorded in
minutes with the structure of Luật Khiếu nại 2011 Điều 30 k2–k5 (domain.md
1.6, 10.4): the participants' opinions, the result, signatures or the reason
someone did not sign. Each commitment made there becomes a plan task with a
lead unit and a due date, so it is followed up like any other task.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from danvan.core.models import Agency, User


class Dialogue(models.Model):
    class Kind(models.TextChoices):
        CITIZENS = "citizens", _("Đối thoại với công dân")
        BUSINESSES = "businesses", _("Đối thoại với doanh nghiệp")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Đã lên lịch")
        HELD = "held", _("Đã tổ chức, có biên bản")

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="dialogues", verbose_name=_("cơ quan")
    )
    kind = models.CharField(_("hình thức đối thoại"), max_length=20, choices=Kind.choices)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    held_on = models.DateField(_("ngày đối thoại"))
    place = models.CharField(_("địa điểm"), max_length=255)
    leader = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", verbose_name=_("lãnh đạo chủ trì")
    )
    subject = models.CharField(_("nội dung đối thoại"), max_length=255)
    participants = models.TextField(_("thành phần tham dự"))
    # Minutes (biên bản), Luật Khiếu nại 2011 Điều 30 k3.
    opinions = models.TextField(_("ý kiến của những người tham gia"), blank=True)
    result = models.TextField(_("kết quả đối thoại"), blank=True)
    all_signed = models.BooleanField(_("những người tham gia đã ký biên bản"), default=False)
    unsigned_reason = models.TextField(_("lý do có người không ký biên bản"), blank=True)
    minutes_on = models.DateField(_("ngày lập biên bản"), null=True, blank=True)
    # Draft plan that receives the commitments as tasks; replaced by a new
    # one once it has gone to the leader, since an issued plan changes only
    # by amendment.
    follow_up_plan = models.ForeignKey(
        "plans.Plan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kế hoạch thực hiện sau đối thoại"),
    )
    created_by = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", verbose_name=_("người tạo")
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("thời điểm tạo"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("buổi đối thoại")
        verbose_name_plural = _("buổi đối thoại")
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["agency", "held_on"])]

    def __str__(self) -> str:
        return f"{self.subject} ({self.held_on:%d/%m/%Y})"

    def is_held(self) -> bool:
        return self.status == self.Status.HELD


class DialogueIssue(models.Model):
    """One issue raised at the dialogue and the answer given on the spot."""

    dialogue = models.ForeignKey(
        Dialogue, on_delete=models.CASCADE, related_name="issues", verbose_name=_("buổi đối thoại")
    )
    order = models.PositiveSmallIntegerField(default=0, verbose_name=_("thứ tự"))
    raised_by = models.CharField(_("người nêu ý kiến"), max_length=255)
    question = models.TextField(_("vấn đề nêu ra"))
    answer = models.TextField(_("trả lời, giải đáp"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("vấn đề nêu tại buổi đối thoại")
        verbose_name_plural = _("vấn đề nêu tại buổi đối thoại")
        ordering = ["dialogue", "order"]

    def __str__(self) -> str:
        return self.question[:80]


class Commitment(models.Model):
    """What the leader promised to do; followed up as a plan task."""

    dialogue = models.ForeignKey(
        Dialogue, on_delete=models.PROTECT, related_name="commitments", verbose_name=_("buổi đối thoại")
    )
    issue = models.ForeignKey(
        DialogueIssue,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="commitments",
        verbose_name=_("vấn đề liên quan"),
    )
    text = models.TextField(_("nội dung cam kết"))
    task = models.OneToOneField(
        "plans.Task", on_delete=models.PROTECT, related_name="dialogue_commitment", verbose_name=_("nhiệm vụ")
    )
    created_by = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", verbose_name=_("người tạo")
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("thời điểm tạo"))

    class Meta:
        verbose_name = _("cam kết tại buổi đối thoại")
        verbose_name_plural = _("cam kết tại buổi đối thoại")
        ordering = ["dialogue", "pk"]

    def __str__(self) -> str:
        return self.text[:80]
