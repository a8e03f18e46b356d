from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from danvan.core.admin import ReadOnly
from danvan.core.services import DomainError
from danvan.documents import services
from danvan.documents.forms import SigningCertificateForm, TrustedAuthorityForm
from danvan.documents.models import LegalDocument, SignedCopy, SigningCertificate, TrustedAuthority


@admin.register(LegalDocument)
class LegalDocumentAdmin(SimpleHistoryAdmin):
    list_display = ["doc_type", "number", "name", "date", "issuer"]
    list_filter = ["doc_type"]
    search_fields = ["number", "name", "issuer", "title"]


class _ServiceForm:
    """A form whose record a service checks and creates once the fields are
    valid; a refusal shows on the form and leaves nothing stored."""

    person = None

    def _post_clean(self):
        super()._post_clean()
        if not self.errors:
            try:
                self.saved = self.make_record()
            except DomainError as error:
                self.add_error(None, error.message)


class SigningCertificateUpload(_ServiceForm, SigningCertificateForm):
    def make_record(self):
        seal = self.cleaned_data.get("seal_file")
        return services.configure_signing_certificate(
            agency=self.cleaned_data["agency"],
            bundle=self.cleaned_data["bundle_file"].read(),
            passphrase=self.cleaned_data.get("passphrase") or "",
            seal=seal.read() if seal else None,
            by=self.person,
        )


class TrustedAuthorityUpload(_ServiceForm, TrustedAuthorityForm):
    def make_record(self):
        return services.trust_authority(
            data=self.cleaned_data["certificate_file"].read(),
            name=self.cleaned_data.get("name") or "",
            by=self.person,
        )


class _AddThroughService(admin.ModelAdmin):
    """Added through a checked form (the service stores the row and its files);
    shown read-only afterwards; the stored files are never linked (no public URL)."""

    upload_form: type

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is not None:
            return super().get_form(request, obj, change=change, **kwargs)
        return type(self.upload_form.__name__, (self.upload_form,), {"person": request.user})

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return [(None, {"fields": list(self.upload_form.base_fields)})]
        return super().get_fieldsets(request, obj)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.__dict__.update(form.saved.__dict__)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(SigningCertificate)
class SigningCertificateAdmin(_AddThroughService):
    """The agencies' signing certificates: the bundle and the passphrase are
    never shown; uploading a new one for an agency retires the one in use."""

    upload_form = SigningCertificateUpload
    list_display = ["agency", "holder", "serial", "not_after", "is_active", "uploaded_by", "uploaded_at"]
    list_filter = ["is_active", "agency"]
    exclude = ["bundle", "seal"]
    readonly_fields = [
        "agency",
        "holder",
        "subject",
        "issuer",
        "serial",
        "fingerprint",
        "not_before",
        "not_after",
        "is_active",
        "uploaded_by",
        "uploaded_at",
    ]


@admin.register(TrustedAuthority)
class TrustedAuthorityAdmin(_AddThroughService):
    """The authorities trusted when checking the signatures of incoming documents."""

    upload_form = TrustedAuthorityUpload
    list_display = ["name", "subject", "not_after", "is_active", "added_by", "added_at"]
    list_filter = ["is_active"]
    fields = [
        "name",
        "subject",
        "fingerprint",
        "not_after",
        "is_active",
        "added_by",
        "added_at",
        "certificate",
    ]
    readonly_fields = ["subject", "fingerprint", "not_after", "added_by", "added_at", "certificate"]


@admin.register(SignedCopy)
class SignedCopyAdmin(ReadOnly, admin.ModelAdmin):
    """Who signed which outgoing document, when and with which certificate."""

    list_display = ["title", "agency", "signer_name", "signed_at", "certificate_serial"]
    list_filter = ["agency"]
    search_fields = ["title", "signer_name", "certificate_serial"]
    exclude = ["file"]
    readonly_fields = [field.name for field in SignedCopy._meta.fields if field.name != "file"]
