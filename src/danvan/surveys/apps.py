from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "danvan.surveys"
    label = "surveys"
    verbose_name = _("Khảo sát sự hài lòng")

    def ready(self) -> None:
        from danvan.core.audit import register_read_kinds

        # Results that show the contacts citizens left: their reads are logged (core/audit.py).
        register_read_kinds(
            {
                "surveys.survey_results": _("Kết quả khảo sát"),
                "surveys.survey_export": _("Kết quả khảo sát (Excel)"),
            }
        )
        from danvan.core.permissions import offer_to_templates
        from danvan.core.selectors import add_todo_source
        from danvan.petitions.public_links import register_public_link
        from danvan.plans.measures import register_target_source
        from danvan.surveys import permissions, selectors

        offer_to_templates(permissions)
        add_todo_source(selectors.todo_lists)
        # A plan target "tỷ lệ hài lòng ≥ 90%" reads its value from the answers.
        register_target_source(selectors.SATISFACTION_SOURCE)
        # The public lookup of an answered petition invites its sender to the
        # agency's survey about petition handling.
        register_public_link(selectors.petition_survey_link)
        # The kinds of record it puts in the search box (indexing), the figure
        # it measures for the yearly evaluation (indicators), its daily step (jobs).
        # The open work a successor takes over in an organisation change (takeover).
        from danvan.surveys import indexing, indicators, jobs, takeover  # noqa: F401
