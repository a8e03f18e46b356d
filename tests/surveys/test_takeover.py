"""A merged agency's surveys still open go to its successor with their dates;
a closed survey stays."""

from datetime import date

from danvan.surveys.models import Survey
from tests.factories import merge_agencies


def survey(agency, by, slug, **fields):
    return Survey.objects.create(agency=agency, title="Mức độ hài lòng", slug=slug, created_by=by, **fields)


def test_the_successor_takes_the_open_surveys(agency, other_agency, office_officer, system_admin):
    collecting = survey(
        agency,
        office_officer,
        "a1",
        status=Survey.Status.PUBLISHED,
        starts_on=date(2025, 6, 1),
        ends_on=date(2025, 8, 31),
    )
    closed = survey(agency, office_officer, "a2", status=Survey.Status.CLOSED, closed_on=date(2025, 3, 1))

    merge_agencies([agency], other_agency, by=system_admin)

    collecting.refresh_from_db()
    closed.refresh_from_db()
    assert collecting.agency == other_agency
    assert (collecting.starts_on, collecting.ends_on) == (date(2025, 6, 1), date(2025, 8, 31))
    assert closed.agency == agency
