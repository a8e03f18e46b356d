"""A merged agency's late dossiers not yet returned go to its successor with
the dates promised to the applicant; a returned dossier stays."""

from datetime import date

from danvan.onestop.models import LateDossier
from tests.factories import merge_agencies


def dossier(agency, by, code, **fields):
    return LateDossier.objects.create(
        agency=agency,
        code=code,
        procedure="Cấp giấy phép",
        applicant="Công ty TNHH Bình An",
        due_date=date(2025, 6, 25),
        created_by=by,
        **fields,
    )


def test_the_successor_takes_the_dossiers_not_returned(agency, other_agency, office_officer, system_admin):
    waiting = dossier(agency, office_officer, "000.00.01.H57-250601-0001", new_due_date=date(2025, 7, 8))
    returned = dossier(agency, office_officer, "000.00.01.H57-250601-0002", returned_on=date(2025, 6, 27))

    preview = merge_agencies([agency], other_agency, by=system_admin)

    assert ("hồ sơ một cửa trễ hạn chưa trả kết quả", 1) in [
        (label, count) for _p, label, count in preview.work
    ]
    waiting.refresh_from_db()
    returned.refresh_from_db()
    assert waiting.agency == other_agency
    assert (waiting.due_date, waiting.new_due_date) == (date(2025, 6, 25), date(2025, 7, 8))
    assert returned.agency == agency
