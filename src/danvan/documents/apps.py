from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "danvan.documents"
    label = "documents"
    verbose_name = _("Thư viện văn bản")

    def ready(self) -> None:
        from danvan.core.permissions import offer_to_templates
        from danvan.documents import permissions

        offer_to_templates(permissions)
        # The kinds of record this app puts in the search box.
        from danvan.documents import indexing  # noqa: F401
