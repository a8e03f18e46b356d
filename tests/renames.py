"""An agency renamed as of 01/07/2025 through the organisation services, as
the administrator does it on the organisation changes pages: drafted, then
applied. What was done before keeps the old name (FormerName)."""

from datetime import date

from danvan.core import organisation
from danvan.core.models import OrganisationChange
from danvan.core.organisation import NewParty

JULY_2025 = date(2025, 7, 1)
NEW_NAME = "Sở Khoa học, Công nghệ và Đổi mới sáng tạo"


def rename_agency(agency, *, by, name: str = NEW_NAME, on: date = JULY_2025):
    change = organisation.draft_change(
        kind=OrganisationChange.Kind.RENAME,
        level=OrganisationChange.Level.AGENCY,
        effective_on=on,
        decision="Quyết định số 1234/QĐ-UBND ngày 30/6/2025 của UBND tỉnh",
        before=[agency],
        after=[NewParty(name=name)],
        by=by,
    )
    organisation.apply_change(change=change, confirmed=[], by=by)
    agency.refresh_from_db()
    return agency


def row_of(page: str, text: str) -> str:
    """The table row of the page that holds ``text``."""
    rows = [row for row in page.split("<tr")[1:] if text in row]
    assert len(rows) == 1, (text, len(rows))
    return rows[0].split("</tr>")[0]
