from datetime import date

import pytest

from danvan.core.services import DomainError
from danvan.plans import services
from danvan.plans.models import PlanImport
from danvan.plans.services import ReviewedPlan, cancel_plan_import, create_plan, create_plan_from_import

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


def test_read_plan_import_records_the_readers_message(agency, office_officer):
    broken = services.upload_plan_file(
        agency=agency, data=b"MZ" + b"\x00" * 100, filename="x.docx", by=office_officer
    )
    services.read_plan_import(import_id=broken.pk)
    broken.refresh_from_db()
    assert broken.status == PlanImport.Status.FAILED and broken.error


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
