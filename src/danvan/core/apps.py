from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "danvan.core"
    label = "core"
    verbose_name = _("Tổ chức và người dùng")

    def ready(self) -> None:
        # Watch every database connection for writes (the cached pages' data version).
        from danvan.core import pagecache  # noqa: F401
