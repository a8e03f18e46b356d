from django.contrib import admin, messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oauth2_provider.models import AccessToken, Application, Grant, IDToken, RefreshToken

from danvan.api import services
from danvan.api.forms import ApiClientForm
from danvan.api.models import ApiClient, PersonalToken
from danvan.core.admin import ReadOnly

# A client is registered, changed and switched off on its own page below (its
# OAuth application and tokens follow); the toolkit's own pages, in English
# and able to make an application no client stands behind, are not shown.
for model in (Application, AccessToken, Grant, IDToken, RefreshToken):
    if admin.site.is_registered(model):
        admin.site.unregister(model)


@admin.register(ApiClient)
class ApiClientAdmin(admin.ModelAdmin):
    """Register a system that calls the API; its secret is shown once, on saving."""

    form = ApiClientForm
    list_display = ["name", "acting_person", "scopes", "is_active", "created_at"]
    list_filter = ["is_active"]
    search_fields = ["name", "application__client_id"]
    raw_id_fields = ["acting_person"]
    filter_horizontal = ["agencies"]
    readonly_fields = ["client_id", "created_by", "created_at"]
    actions = ["issue_new_secret"]

    @admin.display(description=gettext_lazy("mã hệ thống (client_id)"))
    def client_id(self, client: ApiClient) -> str:
        return client.application.client_id if client.pk else ""

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        if change:
            services.change_client(
                client=obj,
                acting_person=data["acting_person"],
                agencies=data["agencies"],
                scopes=data["scope_list"],
                is_active=data["is_active"],
                note=data["note"],
                by=request.user,
            )
            return
        registered = services.register_client(
            name=data["name"],
            acting_person=data["acting_person"],
            agencies=data["agencies"],
            scopes=data["scope_list"],
            note=data["note"],
            by=request.user,
        )
        obj.pk = registered.client.pk
        messages.warning(
            request,
            _(
                "Mã hệ thống (client_id): %(id)s — Khóa bí mật (client_secret): %(secret)s. "
                "Hãy sao chép ngay: khóa bí mật chỉ hiện một lần này."
            )
            % {"id": registered.client_id, "secret": registered.client_secret},
        )

    def save_related(self, request, form, formsets, change):
        # The agencies are set by the service, with the client.
        for formset in formsets:
            self.save_formset(request, form, formset, change)

    @admin.action(description=gettext_lazy("Cấp khóa bí mật mới (khóa cũ và các mã truy cập hết hiệu lực)"))
    def issue_new_secret(self, request, queryset):
        for client in queryset:
            secret = services.new_client_secret(client=client, by=request.user)
            messages.warning(
                request,
                _("%(name)s — khóa bí mật mới: %(secret)s (chỉ hiện một lần này).")
                % {"name": client.name, "secret": secret},
            )


@admin.register(PersonalToken)
class PersonalTokenAdmin(ReadOnly, admin.ModelAdmin):
    """People's own API tokens, to look at: only their owners make and revoke them."""

    list_display = ["name", "person", "prefix", "scopes", "expires_at", "last_used_at", "revoked_at"]
    list_filter = ["revoked_at"]
    search_fields = ["name", "prefix", "person__username", "person__full_name"]
    exclude = ["digest"]
