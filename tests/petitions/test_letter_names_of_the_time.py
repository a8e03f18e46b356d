"""A petition's letter prints its agency's name of the letter's date: a 2024
letter of an agency renamed on 01/07/2025 keeps the old name, a 2026 one
reads the new."""

from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from docx import Document

from danvan.petitions import services
from tests.petitions.factories import petition_for
from tests.renames import NEW_NAME, rename_agency

OLD_NAME = "Sở Khoa học và Công nghệ"


def forwarded(agency, *, on, by):
    petition = services.classify_petition(
        petition=petition_for(agency, received_on=on),
        kind="complaint",
        conditions_met=True,
        in_jurisdiction=False,
        competent_body="UBND xã Tân Hòa",
        by=by,
    )
    return services.forward_petition(petition=petition, note="Chuyển theo thẩm quyền", on=on, by=by)


def letter_text(client, petition) -> str:
    response = client.get(reverse("petitions:petition_letter", args=[petition.pk]))
    assert response.status_code == 200
    document = Document(BytesIO(response.content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(cells + [paragraph.text for paragraph in document.paragraphs])


@pytest.mark.parametrize(
    ("day", "shown", "hidden"),
    [(date(2024, 5, 6), OLD_NAME, NEW_NAME), (date(2026, 3, 4), NEW_NAME, OLD_NAME)],
)
def test_the_letter_prints_the_name_of_its_date(client, agency, inspector, system_admin, day, shown, hidden):
    petition = forwarded(agency, on=day, by=inspector)
    rename_agency(agency, by=system_admin)
    client.force_login(inspector)
    text = letter_text(client, petition)
    assert shown.upper() in text and shown in text
    assert hidden.upper() not in text and hidden not in text
