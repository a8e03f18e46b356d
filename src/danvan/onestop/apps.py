from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OnestopConfig(AppConfig):
    name = "danvan.onestop"
    label = "onestop"
    verbose_name = _("Hồ sơ thủ tục hành chính một cửa")

    def ready(self) -> None:
        from danvan.core.audit import register_read_kinds

        # The late dossiers name their applicants: their reads are logged (core/audit.py).
        register_read_kinds(
            {
                "onestop.late_list": _("Sổ hồ sơ trễ hạn"),
                "onestop.late_detail": _("Hồ sơ trễ hạn"),
                "onestop.late_letter": _("Phiếu xin lỗi (Word)"),
            }
        )
        from danvan.onestop import selectors
        from danvan.plans.measures import register_target_source

        # A plan target "100% hồ sơ TTHC … đúng hạn" reads its value from the imported figures.
        register_target_source(selectors.ON_TIME_SOURCE)
        # The figure it measures for the yearly evaluation (indicators).
        # The open work a successor takes over in an organisation change (takeover).
        from danvan.onestop import indicators, takeover  # noqa: F401
