from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "danvan.plans"
    label = "plans"
    verbose_name = _("Kế hoạch")

    def ready(self) -> None:
        from danvan.core.selectors import add_todo_source, add_unit_section
        from danvan.plans.selectors import todo_lists, unit_tasks

        add_todo_source(todo_lists)
        add_unit_section(unit_tasks)
        # The kinds of record this app puts in the search box.
        from danvan.plans import indexing  # noqa: F401
