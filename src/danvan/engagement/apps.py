from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementConfig(AppConfig):
    name = "danvan.engagement"
    label = "engagement"
    verbose_name = _("Đối thoại với công dân, doanh nghiệp")

    def ready(self) -> None:
        from danvan.core.permissions import offer_to_templates
        from danvan.engagement import permissions

        offer_to_templates(permissions)
        # The kinds of record this app puts in the search box (indexing) and
        # the figures it measures for the yearly evaluation (indicators).
        # The open work a successor takes over in an organisation change (takeover).
        from danvan.engagement import indexing, indicators, takeover  # noqa: F401
