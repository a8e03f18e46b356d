from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "danvan.plans"
    label = "plans"
    verbose_name = _("Kế hoạch")

    def ready(self) -> None:
        # The kinds of record this app puts in the search box.
        from danvan.plans import indexing  # noqa: F401
