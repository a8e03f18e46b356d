from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OnestopConfig(AppConfig):
    name = "danvan.onestop"
    label = "onestop"
    verbose_name = _("Hồ sơ thủ tục hành chính một cửa")

    def ready(self) -> None:
        from danvan.onestop import selectors
        from danvan.plans.measures import register_target_source

        # A plan target "100% hồ sơ TTHC … đúng hạn" reads its value from the imported figures.
        register_target_source(selectors.ON_TIME_SOURCE)
        # The figure it measures for the yearly evaluation (indicators).
        from danvan.onestop import indicators  # noqa: F401
