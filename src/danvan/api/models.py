"""Who calls the API without a browser: clients the administrator registers
(an OAuth 2.0 application of the client-credentials grant, with the agencies
it may read and the person it acts as), and the API tokens a person makes for
their own programs. Either acts as a person, so that the pages' permission
functions decide what it sees and may change; the scopes and, for a client,
its agencies narrow that further."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danvan.core.models import Agency


class ApiClient(models.Model):
    """A system registered to call the API: national reporting, e-office."""

    name = models.CharField(_("tên hệ thống kết nối"), max_length=200)
    application = models.OneToOneField(
        settings.OAUTH2_PROVIDER_APPLICATION_MODEL,
        on_delete=models.CASCADE,
        related_name="danvan_client",
        verbose_name=_("ứng dụng OAuth 2.0"),
    )
    acting_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("người (hoặc tài khoản dịch vụ) mà hệ thống thay mặt"),
        help_text=_(
            "Hệ thống thấy và làm đúng những gì người này được phép trên các trang, "
            "thu hẹp theo phạm vi cơ quan và phạm vi quyền dưới đây. Ví dụ: tài khoản "
            "dịch vụ giữ vai trò Văn phòng cơ quan của một Sở."
        ),
    )
    agencies = models.ManyToManyField(
        Agency,
        related_name="+",
        verbose_name=_("các cơ quan được đọc"),
        help_text=_("Hệ thống chỉ thấy dữ liệu của các cơ quan này."),
    )
    scopes = models.CharField(_("phạm vi quyền"), max_length=500)
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    note = models.TextField(_("ghi chú"), blank=True)
    created_at = models.DateTimeField(_("thời điểm đăng ký"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người đăng ký"),
    )

    class Meta:
        verbose_name = _("hệ thống kết nối API")
        verbose_name_plural = _("hệ thống kết nối API")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def scope_set(self) -> frozenset[str]:
        return frozenset(self.scopes.split())


class PersonalTokenQuerySet(models.QuerySet["PersonalToken"]):
    def usable(self) -> PersonalTokenQuerySet:
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class PersonalToken(models.Model):
    """An API token a person makes for their own program; acts as them. Only
    its SHA-256 digest is kept: the token is shown once, when made."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("người sở hữu"),
    )
    name = models.CharField(_("tên gợi nhớ"), max_length=100)
    prefix = models.CharField(_("phần đầu của mã"), max_length=16)
    digest = models.CharField(_("mã băm SHA-256"), max_length=64, unique=True)
    scopes = models.CharField(_("phạm vi quyền"), max_length=500)
    expires_at = models.DateTimeField(_("hết hạn lúc"))
    created_at = models.DateTimeField(_("thời điểm tạo"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("lần dùng gần nhất"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)

    objects = PersonalTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("mã truy cập API cá nhân")
        verbose_name_plural = _("mã truy cập API cá nhân")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    def scope_set(self) -> frozenset[str]:
        return frozenset(self.scopes.split())

    def is_usable(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()
