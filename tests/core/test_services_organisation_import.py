import pytest

from danvan.core import services
from danvan.core.models import OrganisationImport, Unit
from tests.core.test_organisation_import_view import VALID_PEOPLE, VALID_UNITS, workbook_bytes
from tests.factories import UserFactory


def test_upload_organisation_sheet_refuses_an_unreadable_file_and_keeps_nothing(agency, office_officer):
    with pytest.raises(services.DomainError) as caught:
        services.upload_organisation_sheet(
            agency=agency, data=b"\x00" * 10, filename="hong.xlsx", by=office_officer
        )
    assert "Excel" in caught.value.message
    assert not OrganisationImport.objects.exists()


def test_apply_organisation_import_rechecks_the_sheet(agency, office_officer, other_agency):
    data = workbook_bytes(VALID_UNITS, VALID_PEOPLE)
    record = services.upload_organisation_sheet(
        agency=agency, data=data, filename="a.xlsx", by=office_officer
    )
    # After the preview, another agency takes the sheet's username.
    UserFactory(username="lan.nt", agency=other_agency)
    with pytest.raises(services.DomainError, match="không còn hợp lệ"):
        services.apply_organisation_import(record=record, by=office_officer)


def test_apply_organisation_import_is_all_or_nothing(agency, office_officer):
    data = workbook_bytes(VALID_UNITS, VALID_PEOPLE)
    record = services.upload_organisation_sheet(
        agency=agency, data=data, filename="a.xlsx", by=office_officer
    )
    # A unit of the same name appears after the preview: nothing may be written.
    Unit.objects.create(agency=agency, code="TRUNG", name="Phòng Kế toán")
    with pytest.raises(services.DomainError):
        services.apply_organisation_import(record=record, by=office_officer)
    assert not Unit.objects.filter(agency=agency, code="PKT").exists()


def test_cancel_organisation_import_does_not_undo_an_applied_one(agency, office_officer):
    data = workbook_bytes(VALID_UNITS, VALID_PEOPLE)
    record = services.upload_organisation_sheet(
        agency=agency, data=data, filename="a.xlsx", by=office_officer
    )
    services.apply_organisation_import(record=record, by=office_officer)
    record = services.cancel_organisation_import(record=record, by=office_officer)
    assert record.status == OrganisationImport.Status.APPLIED


def test_change_password_clears_the_temporary_flag(office_officer):
    office_officer.must_change_password = True
    services.change_password(person=office_officer, new_password="Mat-khau-moi-2026")
    office_officer.refresh_from_db()
    assert not office_officer.must_change_password


def test_temporary_password_is_long_and_random():
    first, second = services.temporary_password(), services.temporary_password()
    assert len(first) == 12 and first != second
