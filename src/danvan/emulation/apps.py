from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmulationConfig(AppConfig):
    name = "danvan.emulation"
    label = "emulation"
    verbose_name = _("Thi đua, khen thưởng và «Dân vận khéo»")

    def ready(self) -> None:
        from danvan.core.permissions import offer_to_templates
        from danvan.emulation import permissions

        offer_to_templates(permissions)
