from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.urls import include, path
from django.views.i18n import set_language
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from danvan.api import oauth
from danvan.core import account_views
from danvan.core import views as core_views

admin.site.site_header = "Quản trị Danvan"
admin.site.site_title = "Quản trị Danvan"
admin.site.index_title = "Quản trị hệ thống"

urlpatterns = [
    path("", include("danvan.core.urls")),
    path("ke-hoach/", include("danvan.plans.urls")),
    path("thu-vien-van-ban/", include("danvan.documents.urls")),
    path("bao-cao/", include("danvan.reports.urls")),
    path("tiep-cong-dan/", include("danvan.petitions.urls")),
    path("cong-dan/", include("danvan.petitions.public_urls")),
    path("cong-dan/khao-sat/", include("danvan.surveys.public_urls")),
    path("doi-thoai/", include("danvan.engagement.urls")),
    path("danh-gia/", include("danvan.evaluation.urls")),
    path("dan-chu/", include("danvan.democracy.urls")),
    path("dan-van-kheo/", include("danvan.emulation.urls")),
    path("mot-cua/", include("danvan.onestop.urls")),
    path("khao-sat/", include("danvan.surveys.urls")),
    path("tai-khoan/dang-nhap/", account_views.SignInView.as_view(), name="login"),
    path("tai-khoan/xac-thuc/", account_views.second_step, name="second_step"),
    path("tai-khoan/bao-mat/", account_views.security, name="otp_security"),
    path("tai-khoan/bao-mat/thiet-lap/", account_views.otp_enrol, name="otp_enrol"),
    path("tai-khoan/bao-mat/ma-khoi-phuc/", account_views.otp_recovery_codes, name="otp_recovery_codes"),
    path("tai-khoan/bao-mat/go-bo/", account_views.otp_remove, name="otp_remove"),
    path("tai-khoan/dang-xuat/", account_views.SignOutView.as_view(), name="logout"),
    path("tai-khoan/dinh-danh/", account_views.ProviderSignInView.as_view(), name="oidc_sign_in"),
    path("tai-khoan/dinh-danh/tra-ve/", account_views.provider_callback, name="oidc_callback"),
    path("tai-khoan/doi-mat-khau/", core_views.password_change, name="password_change"),
    path("quan-tri/", admin.site.urls),
    path("i18n/setlang/", set_language, name="set_language"),
    path("healthz", core_views.healthz, name="healthz"),
    path("tai-khoan/ma-truy-cap-api/", include("danvan.api.page_urls")),
    path("api/v1/", include("danvan.api.urls")),
    # Registered clients get their access tokens here (client credentials).
    path("api/o/token/", oauth.TokenView.as_view(), name="oauth_token"),
    # The schema and its reader are for signed-in people only.
    path("api/schema/", login_required(SpectacularAPIView.as_view()), name="schema"),
    path("api/docs/", login_required(SpectacularSwaggerView.as_view(url_name="schema")), name="api_docs"),
]


handler403 = "danvan.core.views.forbidden"
handler404 = "danvan.core.views.not_found"
