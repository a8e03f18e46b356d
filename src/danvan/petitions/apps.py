from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# The citizens' pages the front page and the sign-in page link to.
PUBLIC_PAGES = [
    ("petitions_public:submit", _("Gửi kiến nghị, phản ánh, khiếu nại, tố cáo"), "bi-send"),
    ("petitions_public:lookup", _("Tra cứu kết quả xử lý đơn"), "bi-search"),
    ("petitions_public:schedule", _("Lịch tiếp công dân của lãnh đạo"), "bi-calendar-event"),
]


class PetitionsConfig(AppConfig):
    name = "danvan.petitions"
    label = "petitions"
    verbose_name = _("Tiếp công dân và đơn thư")

    def ready(self) -> None:
        from danvan.core.permissions import offer_to_templates
        from danvan.core.selectors import add_public_link, add_todo_source
        from danvan.petitions import permissions
        from danvan.petitions.selectors import todo_lists

        offer_to_templates(permissions)
        add_todo_source(todo_lists)
        for url_name, label, icon in PUBLIC_PAGES:
            add_public_link(url_name=url_name, label=label, icon=icon)
        # The kinds of record this app puts in the search box (indexing), its
        # steps of the daily scan and its background tasks (jobs), and the
        # figures it measures for the yearly evaluation (indicators).
        from danvan.petitions import indexing, indicators, jobs  # noqa: F401
