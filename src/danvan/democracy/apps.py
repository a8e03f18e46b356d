from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemocracyConfig(AppConfig):
    name = "danvan.democracy"
    label = "democracy"
    verbose_name = _("Dân chủ ở cơ quan")

    def ready(self) -> None:
        from danvan.core.permissions import offer_to_templates
        from danvan.core.selectors import add_todo_source
        from danvan.democracy import permissions, receivers, selectors
        from danvan.documents.permissions import cited_by
        from danvan.plans.events import plan_issued
        from danvan.plans.measures import register_target_source

        offer_to_templates(permissions)
        # The library shows a document to whoever reads a briefing on it.
        cited_by("briefings", permissions.visible_briefings)
        add_todo_source(selectors.todo_lists)
        add_todo_source(selectors.board_todo_lists)
        # An issued plan is a work plan to disclose to staff (Luật 10/2022 Điều 46 k2).
        plan_issued.connect(
            receivers.disclosure_for_issued_plan, dispatch_uid="democracy.disclosure_for_plan"
        )
        # A plan target "100% công chức … được quán triệt <văn bản>" reads its value here.
        register_target_source(selectors.BRIEFED_SOURCE)
        # The kinds of record it puts in the search box (indexing), the
        # figures it measures for the yearly evaluation (indicators) and its
        # step of the daily scan (jobs).
        from danvan.democracy import indexing, indicators, jobs  # noqa: F401
