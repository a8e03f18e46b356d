"""The legal-document library (every document a plan cites, once), the
agency's own Word templates for outgoing documents, the register that
numbers the outgoing documents, and their digital signatures: the agency's
certificate, the authorities trusted when checking signatures, and the
signed copies."""

from __future__ import annotations

import re

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
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
    unit = models.ForeignKey(
        "core.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("đơn vị có sổ riêng"),
    )
    year = models.PositiveSmallIntegerField(verbose_name=_("năm"))
    last_number = models.PositiveIntegerField(default=0, verbose_name=_("số đã cấp gần nhất"))

    class Meta:
        verbose_name = _("dãy số văn bản")
        verbose_name_plural = _("dãy số văn bản")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year"],
                condition=models.Q(unit__isnull=True),
                name="document_series_per_agency_year",
            ),
            models.UniqueConstraint(
                fields=["unit", "year"],
                condition=models.Q(unit__isnull=False),
                name="document_series_per_unit_year",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency} {self.year}: {self.last_number}"


def signing_bundle_path(instance: SigningCertificate, filename: str) -> str:
    return f"signing/{instance.agency_id}/{filename}"


class SigningCertificate(models.Model):
    """The agency's certificate for signing its outgoing documents: a PKCS#12
    bundle (key and certificate) kept in the private storage, its passphrase
    encrypted (documents.signatures.keys), and the seal image printed in the
    visible signature. The newest active one signs; earlier ones stay, since
    the signed copies name the certificate that signed them."""

    agency = models.ForeignKey(
        "core.Agency",
        on_delete=models.PROTECT,
        related_name="signing_certificates",
        verbose_name=_("cơ quan"),
    )
    bundle = models.FileField(_("tệp chứng thư số"), upload_to=signing_bundle_path)
    sealed_passphrase = models.TextField(editable=False, verbose_name=_("mật khẩu (đã mã hóa)"))
    seal = models.FileField(_("hình con dấu"), upload_to=signing_bundle_path, blank=True)
    holder = models.CharField(_("chủ thể chứng thư"), max_length=255)
    subject = models.CharField(_("tên phân biệt (DN)"), max_length=500)
    issuer = models.CharField(_("nơi cấp"), max_length=500)
    serial = models.CharField(_("số hiệu chứng thư"), max_length=64)
    fingerprint = models.CharField(_("dấu vân tay SHA-256"), max_length=64)
    not_before = models.DateTimeField(_("hiệu lực từ"))
    not_after = models.DateTimeField(_("hiệu lực đến"))
    is_active = models.BooleanField(_("đang dùng"), default=True)
    uploaded_by = models.ForeignKey(
        "core.User", on_delete=models.PROTECT, related_name="+", verbose_name=_("người cấu hình")
    )
    uploaded_at = models.DateTimeField(_("thời điểm cấu hình"), auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["sealed_passphrase"])

    class Meta:
        verbose_name = _("chứng thư số của cơ quan")
        verbose_name_plural = _("chứng thư số của cơ quan")
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.holder} ({self.serial})"


class TrustedAuthority(models.Model):
    """An authority whose certificates the system trusts when it checks the
    signatures of documents that come in (the Ban Cơ yếu Chính phủ's root
    for state bodies, a licensed CA's root): its certificate, in PEM."""

    name = models.CharField(_("tên"), max_length=255)
    certificate = models.TextField(_("chứng thư (PEM)"))
    subject = models.CharField(_("tên phân biệt (DN)"), max_length=500)
    fingerprint = models.CharField(_("dấu vân tay SHA-256"), max_length=64, unique=True)
    not_after = models.DateTimeField(_("hiệu lực đến"))
    is_active = models.BooleanField(_("đang tin cậy"), default=True)
    added_by = models.ForeignKey(
        "core.User", on_delete=models.PROTECT, related_name="+", verbose_name=_("người thêm")
    )
    added_at = models.DateTimeField(_("thời điểm thêm"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tổ chức cấp chứng thư tin cậy")
        verbose_name_plural = _("tổ chức cấp chứng thư tin cậy")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


def signed_copy_path(instance: SignedCopy, filename: str) -> str:
    return f"signed/{instance.agency_id}/{filename}"


class SignedCopy(models.Model):
    """An outgoing document signed as a PDF: of which document (a plan, a
    report, a letter, a decision: the app that issues it names it), by whom,
    when, with which certificate. The file is kept and never changed."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, verbose_name=_("loại văn bản"))
    object_id = models.PositiveBigIntegerField(_("mã văn bản"))
    document = GenericForeignKey("content_type", "object_id")
    document.verbose_name = _("văn bản")  # GenericForeignKey takes no label of its own
    agency = models.ForeignKey(
        "core.Agency", on_delete=models.PROTECT, related_name="+", verbose_name=_("cơ quan")
    )
    title = models.CharField(_("văn bản"), max_length=500)
    file = models.FileField(_("tệp đã ký"), upload_to=signed_copy_path)
    sha256 = models.CharField(max_length=64, verbose_name=_("mã băm SHA-256"))
    certificate = models.ForeignKey(
        SigningCertificate,
        on_delete=models.PROTECT,
        related_name="signed_copies",
        verbose_name=_("chứng thư số"),
    )
    certificate_subject = models.CharField(_("chủ thể chứng thư"), max_length=500)
    certificate_serial = models.CharField(_("số hiệu chứng thư"), max_length=64)
    certificate_fingerprint = models.CharField(_("dấu vân tay SHA-256"), max_length=64)
    signer = models.ForeignKey(
        "core.User", on_delete=models.PROTECT, related_name="+", verbose_name=_("người ký")
    )
    signer_name = models.CharField(_("tên người ký trên văn bản"), max_length=255)
    signed_at = models.DateTimeField(_("thời gian ký"))

    class Meta:
        verbose_name = _("bản ký số")
        verbose_name_plural = _("bản ký số")
        ordering = ["-signed_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="signed_copy_document")]

    def __str__(self) -> str:
        return f"{self.title} ({self.signed_at:%d/%m/%Y %H:%M})"
