from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PetitionsConfig(AppConfig):
    name = "danvan.petitions"
    label = "petitions"
    verbose_name = _("Tiếp công dân và đơn thư")

    def ready(self) -> None:
        from danvan.core.permissions import offer_to_templates
        from danvan.core.selectors import add_todo_source
        from danvan.petitions import permissions
        from danvan.petitions.selectors import todo_lists

        offer_to_templates(permissions)
        add_todo_source(todo_lists)
        # The kinds of record this app puts in the search box (indexing), its
        # steps of the daily scan and its background tasks (jobs), and the
        # figures it measures for the yearly evaluation (indicators).
        from danvan.petitions import indexing, indicators, jobs  # noqa: F401
