"""The agency's democracy regulation: versions, revisions and the duty to revise it
after a new law."""

from datetime import date
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danvan.core.services import DomainError
from danvan.democracy import selectors, services
from danvan.democracy.models import RegulationVersion
from danvan.documents.models import LegalDocument


def stored_files(settings) -> list[Path]:
    return [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]


@pytest.fixture(autouse=True)
def _library_built_here(db):
    """These tests build the library they need; the replacements a migration
    seeds are left out (tests/democracy/test_regulation_seeded_laws.py has them)."""
    LegalDocument.objects.all().delete()


def test_an_agency_with_no_regulation_is_told_so(agency, office_officer, luat_10):
    status = selectors.regulation_status(agency)
    assert status.current is None
    assert status.message == "Cơ quan chưa có quy chế thực hiện dân chủ ở cơ quan."
    lists = {todo.key: todo for todo in selectors.todo_lists(office_officer, today=date(2026, 3, 1))}
    assert lists["democracy-regulation"].items[0].text == status.message


def test_a_newer_law_calls_for_a_revision(regulation, agency, luat_10):
    status = selectors.regulation_status(agency)
    assert status.pending == [luat_10]
    assert status.message == "Quy chế dân chủ cần rà soát, sửa đổi theo Luật số 10/2022/QH15."


def test_a_revision_supersedes_the_version_and_clears_the_duty(regulation, agency, office_officer, luat_10):
    revision = services.register_regulation(
        agency=agency,
        number="40/QĐ-SKHCN",
        issued_on=date(2023, 9, 1),
        decision="Quyết định số 40/QĐ-SKHCN sửa đổi Quy chế dân chủ",
        reason="Thực hiện Luật 10/2022/QH15 và Nghị định 59/2023/NĐ-CP.",
        grounds=[luat_10],
        today=date(2026, 3, 1),
        by=office_officer,
    )
    assert (revision.version, revision.supersedes) == (2, regulation)
    status = selectors.regulation_status(agency)
    assert status.current == revision and status.pending == [] and status.message == ""
    assert RegulationVersion.objects.filter(agency=agency).count() == 2


def test_a_revision_needs_its_reason(regulation, agency, office_officer, settings):
    files = stored_files(settings)
    with pytest.raises(DomainError):
        services.register_regulation(
            agency=agency,
            number="40/QĐ-SKHCN",
            issued_on=date(2023, 9, 1),
            decision="Quyết định",
            data=b"tep",
            filename="x.txt",
            today=date(2026, 3, 1),
            by=office_officer,
        )
    assert RegulationVersion.objects.count() == 1 and stored_files(settings) == files


def test_a_revision_dated_before_the_current_version_is_refused(regulation, agency, office_officer):
    with pytest.raises(DomainError):
        services.register_regulation(
            agency=agency,
            number="2/QĐ",
            issued_on=date(2020, 1, 1),
            decision="Quyết định",
            reason="Sửa",
            today=date(2026, 3, 1),
            by=office_officer,
        )


def test_a_document_marked_by_the_office_calls_for_a_revision_once(regulation, agency, office_officer):
    decree = LegalDocument.objects.create(doc_type="Nghị định", number="12/2026/NĐ-CP", date=date(2026, 2, 1))
    services.mark_regulation_trigger(
        agency=agency, document=decree, today=date(2026, 3, 1), by=office_officer
    )
    with pytest.raises(DomainError):
        services.mark_regulation_trigger(
            agency=agency, document=decree, today=date(2026, 3, 2), by=office_officer
        )
    assert selectors.regulation_status(agency).pending == [decree]


def test_a_mark_does_not_touch_other_agencies(regulation, agency, other_agency, office_officer):
    decree = LegalDocument.objects.create(doc_type="Nghị định", number="12/2026/NĐ-CP", date=date(2026, 2, 1))
    services.mark_regulation_trigger(
        agency=agency, document=decree, today=date(2026, 3, 1), by=office_officer
    )
    assert selectors.regulation_status(other_agency).pending == []


def test_the_index_page_shows_the_duty(client, unit_officer, regulation, luat_10):
    client.force_login(unit_officer)
    page = client.get(reverse("democracy:index")).content.decode()
    assert "Quy chế dân chủ cần rà soát, sửa đổi theo Luật số 10/2022/QH15." in page


def test_the_office_registers_a_revision_with_its_file(client, office_officer, agency, regulation):
    client.force_login(office_officer)
    response = client.post(
        reverse("democracy:regulation_register", args=[agency.pk]),
        {
            "number": "40/QĐ-SKHCN",
            "issued_on": "01/09/2023",
            "decision": "Quyết định số 40/QĐ-SKHCN",
            "reason": "Theo Luật 10/2022/QH15",
            "file": _pdf(),
        },
    )
    assert response.status_code == 302
    revision = RegulationVersion.objects.get(version=2)
    assert revision.original_name == "quy-che-2023.pdf"
    download = client.get(reverse("democracy:regulation_file", args=[revision.pk]))
    assert download.status_code == 200


def test_the_old_version_stays_readable(client, unit_officer, agency, office_officer, regulation):
    services.register_regulation(
        agency=agency,
        number="40/QĐ",
        issued_on=date(2023, 9, 1),
        decision="Quyết định",
        reason="Sửa đổi",
        today=date(2026, 3, 1),
        by=office_officer,
    )
    client.force_login(unit_officer)
    page = client.get(reverse("democracy:regulation_version", args=[regulation.pk])).content.decode()
    assert "Bản này đã được thay thế bởi quy chế số 40/QĐ" in page


def _pdf():
    return SimpleUploadedFile("quy-che-2023.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")


def test_the_statuses_of_many_agencies_take_four_queries(
    regulation, agency, other_agency, luat_10, django_assert_num_queries
):
    # versions, their grounds, the laws of REGULATION_LAWS, the marked documents
    with django_assert_num_queries(4):
        statuses = selectors.regulation_statuses([agency, other_agency])
    assert [bool(status.pending) for status in statuses] == [True, False]


def test_the_offices_todo_names_the_newer_law_until_a_revision(regulation, agency, office_officer, luat_10):
    def todo():
        lists = {todo.key: todo for todo in selectors.todo_lists(office_officer, today=date(2026, 3, 1))}
        return [item.text for item in lists["democracy-regulation"].items]

    assert todo() == ["Quy chế dân chủ cần rà soát, sửa đổi theo Luật số 10/2022/QH15."]
    services.register_regulation(
        agency=agency,
        number="40/QĐ",
        issued_on=date(2023, 9, 1),
        decision="Quyết định",
        reason="Luật mới",
        today=date(2026, 3, 1),
        by=office_officer,
    )
    assert todo() == []


def test_a_marked_document_named_in_the_grounds_leaves_the_todo(regulation, agency, office_officer):
    decree = LegalDocument.objects.create(doc_type="Nghị định", number="12/2026/NĐ-CP")
    services.mark_regulation_trigger(
        agency=agency, document=decree, today=date(2026, 3, 1), by=office_officer
    )
    assert [row.pk for row in selectors.agencies_to_revise_regulation([agency.pk])] == [agency.pk]
    services.register_regulation(
        agency=agency,
        number="41/QĐ",
        issued_on=date(2026, 3, 1),
        decision="Quyết định",
        reason="Nghị định mới",
        grounds=[decree],
        today=date(2026, 3, 1),
        by=office_officer,
    )
    assert list(selectors.agencies_to_revise_regulation([agency.pk])) == []


def test_the_office_marks_a_document_from_the_page(client, office_officer, agency, luat_10):
    client.force_login(office_officer)
    response = client.post(
        reverse("democracy:regulation_trigger", args=[agency.pk]), {"document": luat_10.pk}
    )
    assert response.status_code == 302
    assert agency.regulation_triggers.get().document == luat_10


def test_staff_may_not_mark_a_document(client, unit_officer, agency, luat_10):
    client.force_login(unit_officer)
    response = client.post(
        reverse("democracy:regulation_trigger", args=[agency.pk]), {"document": luat_10.pk}
    )
    assert response.status_code == 403
    assert not agency.regulation_triggers.exists()
