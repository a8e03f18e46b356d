"""«Dân vận khéo» models in the search box (danvan.core.search)."""

from django.utils.translation import gettext_lazy as _

from danvan.core import search
from danvan.emulation import permissions
from danvan.emulation.models import GoodPractice


def practice_document(practice: GoodPractice) -> search.Document:
    return search.Document(
        title=practice.name,
        summary=f"{practice.get_field_display()} · {practice.address}",
        extra=" ".join([practice.content, practice.results, practice.responsible]),
        agency_id=practice.agency_id,
    )


search.register(
    search.Kind(
        name="good_practice",
        label=_("Mô hình «Dân vận khéo»"),
        model=GoodPractice,
        document=practice_document,
        visible=permissions.visible_practices,
        url_name="emulation:dvk_practice",
        records=lambda: GoodPractice.objects.order_by("pk"),
    )
)
