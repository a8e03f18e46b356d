from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "danvan.plans"
    label = "plans"
    verbose_name = _("Kế hoạch")

    def ready(self) -> None:
        from danvan.core.permissions import offer_to_templates
        from danvan.core.selectors import add_todo_source, add_unit_section
        from danvan.documents.permissions import cited_by
        from danvan.plans import permissions
        from danvan.plans.selectors import todo_lists, unit_tasks

        offer_to_templates(permissions)
        # The long task tables render their rows with Jinja2 (plans/jinja2/).
        from danvan.core.jinja import add_filters
        from danvan.plans.templatetags.plans import task_status_badge, timing_words

        add_filters(task_status_badge=task_status_badge, timing_words=timing_words)
        # Library entries are read by whoever reads a plan that cites them.
        cited_by("plans", permissions.visible_plans)
        add_todo_source(todo_lists)
        add_unit_section(unit_tasks)
        from danvan.plans.events import plan_issued
        from danvan.plans.receivers import duties_for_issued_plan

        plan_issued.connect(duties_for_issued_plan, dispatch_uid="plans.duties_for_issued_plan")
        # The kinds of record this app puts in the search box (indexing), its
        # steps of the daily scan and its background tasks (jobs), and the
        # figures it measures for the yearly evaluation (indicators), and the open
        # work a successor takes over in an organisation change (takeover).
        from danvan.plans import indexing, indicators, jobs, takeover  # noqa: F401
