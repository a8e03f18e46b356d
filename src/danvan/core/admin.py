from django.conf import settings
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from danvan.core import services
from danvan.core.models import (
    Agency,
    CalendarDay,
    ExternalIdentity,
    OrganisationImport,
    OutgoingMail,
    Province,
    RoleAssignment,
    SensitiveRead,
    Unit,
    User,
)


class ReadOnly:
    """An admin page to look, never to change: records that only a service
    writes (or nobody, as the read log), shown to the administrator."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Province)
class ProvinceAdmin(SimpleHistoryAdmin):
    list_display = ["name", "code"]
    search_fields = ["name"]


@admin.register(Agency)
class AgencyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "short_name", "symbol_code", "kind", "province", "is_active"]
    list_filter = ["kind", "province", "is_active"]
    search_fields = ["name", "short_name", "symbol_code"]


@admin.register(Unit)
class UnitAdmin(SimpleHistoryAdmin):
    list_display = ["name", "code", "kind", "agency", "parent", "is_active"]
    list_filter = ["kind", "agency", "is_active"]
    search_fields = ["name", "code", "short_name"]
    autocomplete_fields = ["agency", "parent"]


class RoleAssignmentInline(admin.TabularInline):
    model = RoleAssignment
    extra = 0
    autocomplete_fields = ["province", "agency", "unit"]


class ExternalIdentityInline(admin.TabularInline):
    """The administrator links a person to their account at the province's
    identity provider by the identifier (``sub``) that the provider gives it."""

    model = ExternalIdentity
    extra = 0
    fields = ["issuer", "subject", "first_seen", "last_seen"]
    readonly_fields = ["first_seen", "last_seen"]

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form.base_fields["issuer"].initial = settings.DANVAN_OIDC_ISSUER
        return formset


@admin.register(User)
class PersonAdmin(SimpleHistoryAdmin, UserAdmin):
    list_display = ["username", "full_name", "position", "agency", "unit", "is_active"]
    list_filter = ["is_active", "agency"]
    search_fields = ["username", "full_name", "email"]
    ordering = ["sort_key"]
    autocomplete_fields = ["agency", "unit"]
    inlines = [RoleAssignmentInline, ExternalIdentityInline]
    fieldsets = [
        (None, {"fields": ["username", "password", "must_change_password"]}),
        (_("Thông tin cán bộ"), {"fields": ["full_name", "position", "agency", "unit", "email", "phone"]}),
        (_("Quyền quản trị Django"), {"fields": ["is_active", "is_staff", "is_superuser"]}),
        (_("Mốc thời gian"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["username", "full_name", "agency", "unit", "password1", "password2"],
            },
        ),
    ]


@admin.register(CalendarDay)
class CalendarDayAdmin(SimpleHistoryAdmin):
    list_display = ["date", "kind", "note"]
    list_filter = ["kind"]
    date_hierarchy = "date"


@admin.register(OrganisationImport)
class OrganisationImportAdmin(admin.ModelAdmin):
    list_display = ["original_name", "agency", "status", "uploaded_by", "uploaded_at"]
    list_filter = ["status", "agency"]
    # The stored file is shown as a link to the download view that checks
    # who asks, never by its place in storage.
    exclude = ["file"]
    readonly_fields = [f.name for f in OrganisationImport._meta.fields if f.name != "file"] + ["source_file"]

    @admin.display(description=_("tệp"))
    def source_file(self, record):
        if not record.file:
            return "—"
        url = reverse("core:organisation_import_file", args=[record.agency_id, record.pk])
        return format_html('<a href="{}">{}</a>', url, record.original_name)

    def has_add_permission(self, request):
        return False


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    """The outbox, for the administrator: what waits, what failed and why.
    The body is not shown: it is the recipient's notification."""

    list_display = ["created_at", "recipient", "title", "status", "attempts", "next_attempt_at", "sent_at"]
    list_filter = ["status"]
    search_fields = ["to"]
    fields = ["recipient", "title", "status", "attempts", "next_attempt_at", "error", "created_at", "sent_at"]
    readonly_fields = fields

    @admin.display(description=_("gửi tới"))
    def recipient(self, mail):
        return mail.shown_to()

    @admin.display(description=_("tiêu đề"))
    def title(self, mail):
        return mail.shown_subject()

    @admin.display(description=_("lỗi lần gần nhất"))
    def error(self, mail):
        if mail.confidential and mail.to:
            return mail.last_error.replace(mail.to, mail.shown_to())
        return mail.last_error

    def get_search_results(self, request, queryset, search_term):
        # A citizen's address is never found by what it is.
        if search_term:
            queryset = queryset.filter(confidential=False)
        return super().get_search_results(request, queryset, search_term)

    actions = ["send_again"]

    @admin.action(description=_("Gửi lại ngay các thư đã chọn"))
    def send_again(self, request, queryset):
        count = 0
        for mail in queryset.exclude(status=OutgoingMail.Status.SENT):
            services.retry_mail(mail=mail)
            count += 1
        self.message_user(request, _("Đã xếp %(count)s thư để gửi lại.") % {"count": count})

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return obj is None

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(SensitiveRead)
class SensitiveReadAdmin(ReadOnly, admin.ModelAdmin):
    """The read log is looked at, never written: no one adds, changes or
    removes a row here, superusers included."""

    list_display = ["read_at", "person", "agency", "model", "code", "what", "address"]
    list_filter = ["model", "what"]
    search_fields = ["code", "person__username", "person__full_name"]
    date_hierarchy = "read_at"


@admin.register(ExternalIdentity)
class ExternalIdentityAdmin(SimpleHistoryAdmin):
    list_display = ["subject", "issuer", "user", "first_seen", "last_seen"]
    search_fields = ["subject", "user__username", "user__full_name"]
    list_filter = ["issuer"]
    autocomplete_fields = ["user"]
    readonly_fields = ["first_seen", "last_seen", "created_at"]

    def get_changeform_initial_data(self, request):
        return {"issuer": settings.DANVAN_OIDC_ISSUER, **super().get_changeform_initial_data(request)}
