from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "danvan.reports"
    label = "reports"
    verbose_name = _("Báo cáo")

    def ready(self) -> None:
        from danvan.core.permissions import offer_to_templates
        from danvan.core.selectors import add_todo_source
        from danvan.plans.events import plan_issued
        from danvan.plans.page_actions import PlanAction, register_plan_action
        from danvan.reports import permissions, receivers
        from danvan.reports.selectors import plan_requests_url, todo_lists

        offer_to_templates(permissions)
        add_todo_source(todo_lists)
        # The office confirms from the plan's page which units its report deadlines ask.
        register_plan_action(
            PlanAction(
                code="reports.plan_requests",
                label=_("Yêu cầu báo cáo theo kế hoạch"),
                url=plan_requests_url,
                offered=permissions.can_request_reports_of_plan,
            )
        )
        # An issued plan's reporting deadlines become report requests.
        plan_issued.connect(
            receivers.requests_for_issued_plan, dispatch_uid="reports.requests_for_issued_plan"
        )
        # The kinds of record this app puts in the search box (indexing), its
        # steps of the daily scan and its background tasks (jobs), and the
        # figures it measures for the yearly evaluation (indicators), and the open
        # work a successor takes over in an organisation change (takeover).
        from danvan.reports import indexing, indicators, jobs, takeover  # noqa: F401
