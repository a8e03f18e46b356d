from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemocracyConfig(AppConfig):
    name = "danvan.democracy"
    label = "democracy"
    verbose_name = _("Dân chủ ở cơ quan")

    def ready(self) -> None:
        from danvan.core.permissions import offer_to_templates
        from danvan.core.selectors import add_todo_source
        from danvan.democracy import permissions, receivers, selectors
        from danvan.documents.permissions import cited_by
        from danvan.plans.events import plan_issued
        from danvan.plans.measures import register_target_source
        from danvan.plans.page_actions import PlanAction, register_plan_action

        offer_to_templates(permissions)
        # The library shows a document to whoever reads a briefing on it.
        cited_by("briefings", permissions.visible_briefings)
        add_todo_source(selectors.todo_lists)
        add_todo_source(selectors.board_todo_lists)
        # An issued plan is a work plan to disclose to staff (Luật 10/2022 Điều 46 k2).
        plan_issued.connect(
            receivers.disclosure_for_issued_plan, dispatch_uid="democracy.disclosure_for_plan"
        )
        # A plan target "100% công chức … được quán triệt <văn bản>" reads its value here.
        register_target_source(selectors.BRIEFED_SOURCE)
        # A draft plan is put out for staff's comments from its page (Điều 53 k2).
        register_plan_action(
            PlanAction(
                code="democracy.consultation",
                label=_("Lấy ý kiến cán bộ về dự thảo"),
                url=selectors.consultation_url_for_plan,
                offered=permissions.can_offer_plan_for_comment,
            )
        )
        # The kinds of record it puts in the search box (indexing) and the
        # figures it measures for the yearly evaluation (indicators), its daily step (jobs).
        # The open work a successor takes over in an organisation change (takeover).
        from danvan.democracy import indexing, indicators, jobs, takeover  # noqa: F401
        from danvan.democracy.report_figures import period_figures
        from danvan.reports.figures import register_period_figures

        # Its figures in the agency's periodic report.
        register_period_figures(code="democracy", order=10, read=period_figures)
