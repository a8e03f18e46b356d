from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmulationConfig(AppConfig):
    name = "danvan.emulation"
    label = "emulation"
    verbose_name = _("Thi đua, khen thưởng và «Dân vận khéo»")

    def ready(self) -> None:
        from danvan.core.permissions import offer_to_templates
        from danvan.documents.permissions import cited_by
        from danvan.emulation import permissions

        offer_to_templates(permissions)
        # The library shows a recognition decision to whoever reads its campaign.
        cited_by("dvk_decisions", permissions.visible_decisions)
        # The kinds of record it puts in the search box (indexing), the figures
        # it measures for the yearly evaluation (indicators) and its daily step (jobs).
        from danvan.emulation import indexing, indicators, jobs  # noqa: F401
        from danvan.emulation.report_figures import period_figures
        from danvan.reports.figures import register_period_figures

        # Its models and commendations in the agency's periodic report.
        register_period_figures(code="emulation", order=20, read=period_figures)
