from datetime import date
from pathlib import Path

import pytest

from danvan.core.services import DomainError
from danvan.plans import services
from danvan.plans.models import PlanImport
from danvan.plans.services import ReviewedPlan, cancel_plan_import, create_plan, create_plan_from_import
from tests import hostile_files

TEXT = (
    "KẾ HOẠCH\nThực hiện công tác dân vận năm 2026\nCăn cứ Chỉ thị số 33/CT-TTg ngày 26/11/2021;\n".encode()
)


@pytest.fixture
def record(agency, office_officer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        uploaded = services.upload_plan_file(agency=agency, data=TEXT, filename="kh.txt", by=office_officer)
    uploaded.refresh_from_db()
    return uploaded


def test_upload_plan_file_reads_it_on_commit(record):
    assert record.status == PlanImport.Status.READY and record.progress == 100
    assert record.extraction["citations"][0]["number"] == "33/CT-TTg"


def test_read_plan_import_twice_changes_nothing(record):
    services.read_plan_import(import_id=record.pk)
    record.refresh_from_db()
    assert record.status == PlanImport.Status.READY


def test_a_file_the_cheap_checks_refuse_leaves_nothing_behind(agency, office_officer, settings):
    with pytest.raises(DomainError) as caught:
        services.upload_plan_file(agency=agency, data=hostile_files.ELF, filename="x.docx", by=office_officer)
    assert "Word" in caught.value.message
    assert not PlanImport.objects.exists() and not list(Path(settings.MEDIA_ROOT).rglob("*.*"))


def test_a_file_the_reader_refuses_is_removed_and_the_row_says_why(agency, office_officer, settings):
    # A PDF with no text passes the cheap checks: only reading it shows there is nothing to read.
    blank = services.upload_plan_file(
        agency=agency, data=hostile_files.blank_pdf(), filename="Kế hoạch scan.pdf", by=office_officer
    )
    stored = Path(blank.file.path)
    assert stored.exists()
    services.read_plan_import(import_id=blank.pk)
    blank.refresh_from_db()
    assert blank.status == PlanImport.Status.FAILED and blank.error
    assert not blank.file and not stored.exists()
    assert blank.original_name == "Kế hoạch scan.pdf" and len(blank.sha256) == 64


def test_create_plan_from_import_links_plan_and_file(record, office_officer):
    reviewed = ReviewedPlan(
        title="Kế hoạch",
        kind="yearly",
        citations=[{"doc_type": "Chỉ thị", "number": "33/CT-TTg", "date": date(2021, 11, 26)}],
    )
    plan = create_plan_from_import(record=record, reviewed=reviewed, by=office_officer)
    record.refresh_from_db()
    assert record.plan == plan and plan.citations.get().date == date(2021, 11, 26)


def test_create_plan_from_a_cancelled_import_is_refused(record, office_officer):
    cancel_plan_import(record=record, by=office_officer)
    with pytest.raises(DomainError):
        create_plan_from_import(
            record=record, reviewed=ReviewedPlan(title="X", kind="yearly"), by=office_officer
        )


def test_create_plan_keeps_task_order_and_targets(agency, office_officer):
    reviewed = ReviewedPlan(
        title="Kế hoạch", kind="yearly",
        tasks=[{"heading": "Một"}, {"heading": "Hai"}],
        targets=[{"text": "100% công chức được quán triệt", "percent": 100}],
    )  # fmt: skip
    plan = create_plan(agency=agency, reviewed=reviewed, by=office_officer)
    assert [t.heading for t in plan.tasks.all()] == ["Một", "Hai"] and plan.targets.get().percent == 100


def test_retry_plan_import_reads_again_an_import_that_was_cancelled(
    record, office_officer, django_capture_on_commit_callbacks
):
    PlanImport.objects.filter(pk=record.pk).update(status=PlanImport.Status.CANCELLED, attempts=2)
    with django_capture_on_commit_callbacks(execute=True):
        services.retry_plan_import(record=record, by=office_officer)
    record.refresh_from_db()
    assert record.status == PlanImport.Status.READY and record.attempts == 1


def test_retry_plan_import_refuses_an_import_waiting_for_review(record, office_officer):
    with pytest.raises(DomainError):
        services.retry_plan_import(record=record, by=office_officer)
    record.refresh_from_db()
    assert record.status == PlanImport.Status.READY
