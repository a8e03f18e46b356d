from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    name = "danvan.evaluation"
    label = "evaluation"
    verbose_name = _("Đánh giá, chấm điểm")

    def ready(self) -> None:
        from danvan.documents.permissions import cited_by
        from danvan.evaluation import permissions

        # Library entries are read by whoever reads a criteria set that cites them.
        cited_by("criteria_sets", permissions.visible_criteria_sets)
