"""The legal-document library (every document a plan cites, once), the
agency's own Word templates for outgoing documents, and the register that
numbers the outgoing documents."""

from __future__ import annotations

import re

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from danvan.core.models import with_derived
from danvan.core.text import search_key


def number_key(number: str) -> str:
    """'77-Kl/TU' and '77-KL/TU ' are one document number."""
    return re.sub(r"\s+", "", number).upper()


class ValidityStatus(models.TextChoices):
    IN_FORCE = "in_force", _("Còn hiệu lực")
    AMENDED = "amended", _("Được sửa đổi, bổ sung")
    REPLACED = "replaced", _("Được thay thế")
    EXPIRED = "expired", _("Hết hiệu lực")


class LegalDocument(models.Model):
    doc_type = models.CharField(_("loại văn bản"), max_length=60)
    number = models.CharField(_("số, ký hiệu"), max_length=100, blank=True)
    number_key = models.CharField(
        max_length=100, editable=False, db_index=True, verbose_name=_("khóa số, ký hiệu")
    )
    name = models.CharField(_("tên (văn bản không số)"), max_length=255, blank=True)
    date = models.DateField(_("ngày ban hành"), null=True, blank=True)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=255, blank=True)
    title = models.TextField(_("trích yếu"), blank=True)
    search_text = models.TextField(editable=False, default="", verbose_name=_("nội dung để tìm kiếm"))
    validity_status = models.CharField(
        _("tình trạng hiệu lực"),
        max_length=20,
        choices=ValidityStatus.choices,
        default=ValidityStatus.IN_FORCE,
    )
    validity_from = models.DateField(_("từ ngày"), null=True, blank=True)
    replaced_by = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="replaces", verbose_name=_("văn bản thay thế")
    )
    validity_source = models.CharField(_("nguồn xác định hiệu lực"), max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = _("thư viện văn bản")
        ordering = ["-date", "number_key"]

    def __str__(self) -> str:
        if self.number:
            return f"{self.doc_type} số {self.number}"
        return self.name or self.doc_type

    def save(self, *args, **kwargs):
        self.number_key = number_key(self.number)
        self.search_text = search_key(
            " ".join([self.doc_type, "số", self.number, self.name, self.issuer, self.title])
        )
        super().save(*args, **with_derived(kwargs, "number_key", "search_text"))


def output_template_path(instance: OutputTemplate, filename: str) -> str:
    return f"output-templates/{instance.agency_id}/{instance.kind}/{filename}"


class OutputTemplate(models.Model):
    """An agency's own Word template for an outgoing document. The newest one
    of a kind is used; without one, Danvan's default template is."""

    class Kind(models.TextChoices):
        PLAN = "plan", _("Kế hoạch")
        REPORT = "report", _("Báo cáo")

    agency = models.ForeignKey(
        "core.Agency", on_delete=models.PROTECT, related_name="output_templates", verbose_name=_("cơ quan")
    )
    kind = models.CharField(_("loại văn bản"), max_length=20, choices=Kind.choices, default=Kind.PLAN)
    file = models.FileField(_("tệp mẫu"), upload_to=output_template_path)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    uploaded_by = models.ForeignKey(
        "core.User", on_delete=models.PROTECT, related_name="+", verbose_name=_("người tải lên")
    )
    uploaded_at = models.DateTimeField(_("thời điểm tải lên"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("mẫu văn bản của cơ quan")
        verbose_name_plural = _("mẫu văn bản của cơ quan")
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.original_name}"


class NumberSeries(models.Model):
    """The running number of an agency's outgoing documents in one year (NĐ
    30/2020: one series per issuing body and year, restarting at 01 on 1
    January), shared by every kind of document the agency issues."""

    agency = models.ForeignKey(
        "core.Agency", on_delete=models.PROTECT, related_name="+", verbose_name=_("cơ quan")
    )
    year = models.PositiveSmallIntegerField(verbose_name=_("năm"))
    last_number = models.PositiveIntegerField(default=0, verbose_name=_("số đã cấp gần nhất"))

    class Meta:
        verbose_name = _("dãy số văn bản")
        verbose_name_plural = _("dãy số văn bản")
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="document_series_per_agency_year")
        ]

    def __str__(self) -> str:
        return f"{self.agency} {self.year}: {self.last_number}"
