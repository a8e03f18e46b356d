"""Briefings and disclosures in the search box (danvan.core.search)."""

from django.utils.translation import gettext_lazy as _

from danvan.core import search
from danvan.democracy import permissions
from danvan.democracy.models import Briefing, Disclosure


def briefing_document(briefing: Briefing) -> search.Document:
    return search.Document(
        title=briefing.title,
        summary=f"{briefing.held_on:%d/%m/%Y} – {briefing.get_form_display()}",
        extra=briefing.presenter_text,
        agency_id=briefing.agency_id,
    )


def disclosure_document(disclosure: Disclosure) -> search.Document:
    return search.Document(
        title=disclosure.subject,
        summary=str(disclosure.get_kind_display()),
        agency_id=disclosure.agency_id,
    )


search.register(
    search.Kind(
        name="briefing",
        label=_("Buổi quán triệt"),
        model=Briefing,
        document=briefing_document,
        visible=permissions.visible_briefings,
        url_name="democracy:briefing_detail",
        records=lambda: Briefing.objects.order_by("pk"),
    )
)
search.register(
    search.Kind(
        name="disclosure",
        label=_("Nội dung công khai"),
        model=Disclosure,
        document=disclosure_document,
        visible=permissions.visible_disclosures,
        url_name="democracy:disclosure_detail",
        records=lambda: Disclosure.objects.order_by("pk"),
    )
)
