from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    name = "danvan.evaluation"
    label = "evaluation"
    verbose_name = _("Đánh giá, chấm điểm")

    def ready(self) -> None:
        from danvan.core.selectors import add_todo_source
        from danvan.documents.permissions import cited_by
        from danvan.evaluation import permissions
        from danvan.evaluation.selectors import todo_lists

        add_todo_source(todo_lists)
        # Library entries are read by whoever reads a criteria set that cites them.
        cited_by("criteria_sets", permissions.visible_criteria_sets)
        # Its step of the daily scan (jobs).
        from danvan.evaluation import jobs  # noqa: F401
