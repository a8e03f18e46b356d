from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "danvan.core"
    label = "core"
    verbose_name = _("Tổ chức và người dùng")

    def ready(self) -> None:
        # secondfactor and throttle hear every sign-in
        # (the second step owed, the count of wrong passwords); checks
        # registers the checks of Danvan's own settings; jobs holds the
        # daily steps and core's own, the digest e-mail; canonical composes
        # every text before it is stored (NFC).
        from danvan.core import canonical, checks, jobs, permissions, secondfactor, throttle  # noqa: F401

        permissions.offer_to_templates(permissions)
