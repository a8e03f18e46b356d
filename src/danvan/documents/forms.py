from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import MaxSizeValidator, WorkDateField
from danvan.documents.models import LegalDocument, SigningCertificate, TrustedAuthority, ValidityStatus


class LegalDocumentForm(forms.ModelForm):
    class Meta:
        model = LegalDocument
        fields = ["doc_type", "number", "name", "date", "issuer", "title"]
        widgets = {"title": forms.Textarea(attrs={"rows": 3})}


class ReplacementChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj} ({obj.date:%d/%m/%Y})" if obj.date else str(obj)


class ValidityForm(forms.Form):
    status = forms.ChoiceField(label=_("Tình trạng hiệu lực"), choices=ValidityStatus.choices)
    since = WorkDateField(
        label=_("Từ ngày"),
        required=False,
        help_text=_("Ngày văn bản thay thế có hiệu lực, hoặc ngày hết hiệu lực."),
    )
    replaced_by = ReplacementChoice(
        label=_("Văn bản thay thế"), queryset=LegalDocument.objects.none(), required=False
    )
    source = forms.CharField(label=_("Nguồn xác định"), max_length=500, required=False)

    def __init__(self, *args, document: LegalDocument, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "status": document.validity_status,
                "since": document.validity_from,
                "replaced_by": list(document.replaced_by.all()),
                "source": document.validity_source,
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["replaced_by"].queryset = LegalDocument.objects.exclude(pk=document.pk)
        self.fields["replaced_by"].widget.attrs["size"] = 8


MAX_BUNDLE_BYTES = 256 * 1024
MAX_SEAL_BYTES = 2 * 1024 * 1024


class SigningCertificateForm(forms.ModelForm):
    """The administrator's upload of an agency's PKCS#12 bundle, its
    passphrase (never shown again) and the seal image. Checked and stored by
    documents.services.configure_signing_certificate."""

    bundle_file = forms.FileField(
        label=_("Tệp chứng thư số (.p12, .pfx)"),
        validators=[MaxSizeValidator(MAX_BUNDLE_BYTES)],
        widget=forms.ClearableFileInput(attrs={"accept": ".p12,.pfx"}),
    )
    passphrase = forms.CharField(
        label=_("Mật khẩu của tệp"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(render_value=False),
    )
    seal_file = forms.FileField(
        label=_("Hình con dấu (PNG nền trong suốt, không bắt buộc)"),
        required=False,
        validators=[MaxSizeValidator(MAX_SEAL_BYTES)],
        widget=forms.ClearableFileInput(attrs={"accept": ".png"}),
    )

    class Meta:
        model = SigningCertificate
        fields = ["agency"]


class TrustedAuthorityForm(forms.ModelForm):
    """A CA certificate (PEM or DER) to trust; checked by documents.services.trust_authority."""

    certificate_file = forms.FileField(
        label=_("Chứng thư của tổ chức cấp (.cer, .crt, .pem)"), validators=[MaxSizeValidator(64 * 1024)]
    )

    class Meta:
        model = TrustedAuthority
        fields = ["name"]
        labels = {"name": _("Tên (để trống: lấy tên trong chứng thư)")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].required = False
