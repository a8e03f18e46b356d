"""Changes to the agencies' output templates."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.db import transaction

from danvan.core.models import Agency, User
from danvan.documents.models import OutputTemplate


@transaction.atomic
def replace_output_template(
    *, agency: Agency, kind: str, data: bytes, filename: str, by: User
) -> OutputTemplate:
    """Make an uploaded, already checked template the agency's current one.
    Earlier templates stay as rows (and in history): the newest is used."""
    record = OutputTemplate(agency=agency, kind=kind, original_name=filename[:255], uploaded_by=by)
    record.file.save(f"mau-{kind}.docx", ContentFile(data), save=False)
    record.save(force_insert=True)
    return record
