"""Surveys in the search box (danvan.core.search)."""

from django.utils.translation import gettext_lazy as _

from danvan.core import search
from danvan.surveys import permissions
from danvan.surveys.models import Survey


def survey_document(survey: Survey) -> search.Document:
    return search.Document(
        title=survey.title,
        summary=survey.intro[:300],
        extra=" ".join(part for part in (survey.procedure, survey.procedure_code) if part),
        agency_id=survey.agency_id,
    )


search.register(
    search.Kind(
        name="survey",
        label=_("Phiếu khảo sát"),
        model=Survey,
        document=survey_document,
        visible=permissions.visible_surveys,
        url_name="surveys:survey_detail",
        records=lambda: Survey.objects.order_by("pk"),
    )
)
