"""Every upload form refuses a hostile file before storing it, by one
validator: after each refusal there is no new row and no new file under
MEDIA_ROOT, and the person reads why in Vietnamese."""

from datetime import date
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danvan.core.models import OrganisationImport
from danvan.documents.models import OutputTemplate
from danvan.petitions.models import Attachment, Petition
from danvan.plans.models import Plan, Task, TaskUpdate
from danvan.reports import services as report_services
from danvan.reports.models import PeriodKind, ReportAttachment
from tests import hostile_files
from tests.petitions.conftest import seed_time_limit_rules

HOSTILE = {
    "program": (hostile_files.ELF, "tệp.pdf", ""),
    "zip bomb": (hostile_files.zip_bomb(), "tệp.docx", "giải nén ra quá lớn"),
    "countless parts": (hostile_files.many_entries(), "tệp.docx", "quá nhiều phần"),
    "locked PDF": (
        hostile_files.encrypted_pdf(),
        "tệp.pdf",
        "Tệp PDF có mật khẩu: hãy tải lên bản không đặt mật khẩu.",
    ),
}
# Forms that take only Word or Excel files see no PDF.
ARCHIVES = ["program", "zip bomb", "countless parts"]


def stored_files(settings) -> list[Path]:
    return [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]


@pytest.fixture
def task(agency, lead_unit, office_officer):
    plan = Plan.objects.create(
        agency=agency,
        title="Kế hoạch 2026",
        period_year=2026,
        status=Plan.Status.ISSUED,
        created_by=office_officer,
    )
    return Task.objects.create(plan=plan, order=0, heading="Tuyên truyền", lead_unit=lead_unit)


@pytest.fixture
def report(agency, office_officer):
    period = report_services.get_or_create_period(province=agency.province, kind=PeriodKind.YEAR, year=2026)
    request = report_services.request_agency_reports(
        province=agency.province,
        period=period,
        title="Báo cáo năm 2026",
        due_date=date(2026, 10, 25),
        agencies=[agency],
        by=office_officer,
    )
    return request.reports.get()


def _task_update(client, task, upload):
    data = {"status": "in_progress", "percent": "40", "note": "Đã làm", "reported_on": "04/05/2026"}
    return client.post(reverse("plans:task_update", args=[task.pk]), {**data, "evidence": upload})


def _petition(client, agency, upload):
    data = {
        "agency": agency.pk,
        "received_on": "02/03/2026",
        "source": "post",
        "kind": "complaint",
        "subject": "Khiếu nại",
        "content": "Nội dung",
        "sender_name": "Võ Văn Kiệt",
        "signer_count": "1",
    }
    return client.post(reverse("petitions:petition_create"), {**data, "attachment": upload})


def _public_petition(client, agency, upload):
    cache.clear()
    data = {
        "agency": agency.pk,
        "kind": "feedback",
        "full_name": "Đặng Thị Hoa",
        "address": "Phường 1",
        "phone": "0987 654 321",
        "subject": "Đèn đường hỏng",
        "content": "Đèn đường hẻm 12 hỏng.",
    }
    return client.post(reverse("petitions_public:submit"), {**data, "attachment": upload})


FORMS = {
    # name: (persona, how to post, the rows a refusal must not add, hostile kinds)
    "task evidence": (
        "unit_officer",
        lambda c, f, u: _task_update(c, f["task"], u),
        [TaskUpdate],
        list(HOSTILE),
    ),
    "report attachment": (
        "office_officer",
        lambda c, f, u: c.post(reverse("reports:report_attach", args=[f["report"].pk]), {"file": u}),
        [ReportAttachment],
        list(HOSTILE),
    ),
    "petition attachment": (
        "office_officer",
        lambda c, f, u: _petition(c, f["agency"], u),
        [Petition, Attachment],
        list(HOSTILE),
    ),
    "citizen's attachment": (
        None,
        lambda c, f, u: _public_petition(c, f["agency"], u),
        [Petition, Attachment],
        list(HOSTILE),
    ),
    "organisation import": (
        "office_officer",
        lambda c, f, u: c.post(reverse("core:organisation_import", args=[f["agency"].pk]), {"file": u}),
        [OrganisationImport],
        ARCHIVES,
    ),
    "output template": (
        "office_officer",
        lambda c, f, u: c.post(
            reverse("documents:output_template_upload", args=[f["agency"].pk]), {"file": u}
        ),
        [OutputTemplate],
        ARCHIVES,
    ),
}

CASES = [
    pytest.param(form, hostile, id=f"{form}-{hostile}")
    for form, (_persona, _post, _models, kinds) in FORMS.items()
    for hostile in kinds
]


@pytest.mark.parametrize(("form", "hostile"), CASES)
def test_a_hostile_upload_is_refused_and_leaves_nothing_behind(db, client, request, settings, form, hostile):
    seed_time_limit_rules()
    persona, post, models, _kinds = FORMS[form]
    objects = {"agency": request.getfixturevalue("agency")}
    if form == "task evidence":
        objects["task"] = request.getfixturevalue("task")
    if form == "report attachment":
        objects["report"] = request.getfixturevalue("report")
    if persona:
        client.force_login(request.getfixturevalue(persona))
    counts = [model.objects.count() for model in models]
    before = stored_files(settings)
    data, name, message = HOSTILE[hostile]
    response = post(client, objects, SimpleUploadedFile(name, data))
    assert response.status_code == 422
    assert message in response.content.decode()
    assert [model.objects.count() for model in models] == counts
    assert stored_files(settings) == before


def test_an_unreadable_organisation_sheet_is_refused_and_not_kept(client, agency, office_officer, settings):
    client.force_login(office_officer)
    url = reverse("core:organisation_import", args=[agency.pk])
    broken = SimpleUploadedFile("to-chuc.xlsx", b"PK\x03\x04" + b"\x00" * 200)
    response = client.post(url, {"file": broken})
    assert response.status_code == 422
    assert "bị hỏng" in response.content.decode()
    assert not OrganisationImport.objects.exists() and not stored_files(settings)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("kh.pdf", hostile_files.encrypted_pdf(), "Tệp PDF có mật khẩu: hãy tải lên bản không đặt mật khẩu."),
        ("kh.txt", hostile_files.TCVN3, "TCVN3 (ABC)"),
        ("kh.docx", hostile_files.zip_bomb(), "giải nén ra quá lớn"),
    ],
)
def test_the_document_parse_api_refuses_the_same_files(client, unit_officer, name, data, message, settings):
    client.force_login(unit_officer)
    response = client.post(reverse("api:document_parse"), {"file": SimpleUploadedFile(name, data)})
    assert response.status_code == 400 and message in response.json()["detail"]
    assert not stored_files(settings)


def test_the_services_refuse_what_the_forms_refuse(
    db, agency, task, report, unit_officer, office_officer, settings
):
    """A caller that skips the form (the API, a command) meets the same checks."""
    from danvan.core.services import DomainError
    from danvan.petitions import services as petition_services
    from danvan.plans import services as plan_services
    from tests.petitions.factories import petition_for

    seed_time_limit_rules()
    petition = petition_for(agency, by=office_officer)
    bomb, locked = hostile_files.zip_bomb(), hostile_files.encrypted_pdf()
    with pytest.raises(DomainError, match="giải nén ra quá lớn"):
        petition_services.attach_file(petition=petition, data=bomb, filename="a.docx", by=office_officer)
    with pytest.raises(DomainError, match="mật khẩu"):
        report_services.attach_to_report(report=report, data=locked, filename="a.pdf", by=office_officer)
    with pytest.raises(DomainError, match="giải nén ra quá lớn"):
        plan_services.post_task_update(
            task=task,
            status=Task.Status.IN_PROGRESS,
            percent=10,
            note="x",
            reported_on=date(2026, 3, 2),
            evidence=SimpleUploadedFile("a.docx", bomb),
            by=unit_officer,
        )
    assert not Attachment.objects.exists() and not ReportAttachment.objects.exists()
    assert not TaskUpdate.objects.exists() and not stored_files(settings)
