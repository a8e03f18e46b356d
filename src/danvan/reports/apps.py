from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "danvan.reports"
    label = "reports"
    verbose_name = _("Báo cáo")

    def ready(self) -> None:
        from danvan.core.permissions import offer_to_templates
        from danvan.core.selectors import add_todo_source
        from danvan.reports import permissions
        from danvan.reports.selectors import todo_lists

        offer_to_templates(permissions)
        add_todo_source(todo_lists)
        # The kinds of record this app puts in the search box (indexing), its
        # steps of the daily scan and its background tasks (jobs).
        from danvan.reports import indexing, jobs  # noqa: F401
