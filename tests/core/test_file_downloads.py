"""Every stored file kind × every role × own or other agency: the file is
sent (200) to exactly the people who may read the object it belongs to, and
"not found" (404) to everyone else, forged ids included. No page links a
file by its place in storage (MEDIA_URL)."""

from datetime import date
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danvan.core import services as core_services
from danvan.core.models import Role
from danvan.core.orgsheet import template_workbook
from danvan.documents.models import OutputTemplate
from danvan.documents.output.docx import DEFAULT_TEMPLATES
from danvan.documents.output.services import replace_output_template
from danvan.petitions import services as petition_services
from danvan.plans import services as plan_services
from danvan.plans.models import Plan, Task
from danvan.reports import services as report_services
from danvan.reports.models import PeriodKind
from tests.factories import UnitFactory, person_with_role
from tests.matrix import ROLES
from tests.petitions.conftest import seed_time_limit_rules
from tests.petitions.factories import petition_for

PDF = b"%PDF-1.4\n% minh chung\n"


def _task_with_evidence(agency, unit, by):
    plan = Plan.objects.create(
        agency=agency,
        title="Kế hoạch dân vận 2026",
        period_year=2026,
        status=Plan.Status.ISSUED,
        created_by=by,
    )
    task = Task.objects.create(plan=plan, order=0, heading="Tuyên truyền Chỉ thị 33", lead_unit=unit)
    update = plan_services.post_task_update(
        task=task,
        status=Task.Status.IN_PROGRESS,
        percent=50,
        note="Đã tổ chức hội nghị",
        reported_on=date(2026, 3, 2),
        evidence=SimpleUploadedFile("Biên bản hội nghị.pdf", PDF),
        by=by,
    )
    return task, update


class Files:
    """One file of each kind in one agency, with the URL that sends it."""

    def __init__(self, agency, unit, sibling, *, office, leader):
        task, update = _task_with_evidence(agency, unit, office)
        sibling_task, sibling_update = _task_with_evidence(agency, sibling, office)
        period = report_services.get_or_create_period(
            province=agency.province, kind=PeriodKind.YEAR, year=2026
        )
        province_request = report_services.request_agency_reports(
            province=agency.province,
            period=period,
            title="Báo cáo năm 2026",
            due_date=date(2026, 10, 25),
            agencies=[agency],
            by=office,
        )
        agency_report = province_request.reports.get(agency=agency)
        unit_request = report_services.request_unit_reports(
            agency=agency,
            period=period,
            title="Báo cáo năm 2026 của đơn vị",
            due_date=date(2026, 10, 20),
            units=[unit],
            parent=province_request,
            by=office,
        )
        unit_report = unit_request.reports.get(unit=unit)
        agency_attachment = report_services.attach_to_report(
            report=agency_report, data=PDF, filename="Phụ lục.pdf", by=office
        )
        unit_attachment = report_services.attach_to_report(
            report=unit_report, data=PDF, filename="Minh chứng đơn vị.pdf", by=office
        )
        complaint = petition_for(agency, by=office, identity_number="")
        complaint_file = petition_services.attach_file(
            petition=complaint, data=PDF, filename="Đơn khiếu nại.pdf", by=office
        )
        denunciation = petition_for(
            agency, kind="denunciation", sender_name="Hoàng Thị Mật", identity_number="", by=None
        )
        denunciation_file = petition_services.attach_file(
            petition=denunciation, data=PDF, filename="Đơn tố cáo có chữ ký.pdf", by=None
        )
        plan_import = plan_services.upload_plan_file(
            agency=agency, data="KẾ HOẠCH\nTuyên truyền".encode(), filename="Kế hoạch.txt", by=office
        )
        organisation_import = core_services.upload_organisation_sheet(
            agency=agency, data=template_workbook(), filename="Tổ chức.xlsx", by=office
        )
        replace_output_template(
            agency=agency,
            kind=OutputTemplate.Kind.PLAN,
            data=DEFAULT_TEMPLATES["plan"].read_bytes(),
            filename="Mẫu riêng.docx",
            by=office,
        )
        self.urls = {
            "task_evidence": reverse("plans:task_evidence", args=[task.pk, update.pk]),
            "sibling_task_evidence": reverse(
                "plans:task_evidence", args=[sibling_task.pk, sibling_update.pk]
            ),
            "agency_report_attachment": reverse(
                "reports:attachment_download", args=[agency_report.pk, agency_attachment.pk]
            ),
            "unit_report_attachment": reverse(
                "reports:attachment_download", args=[unit_report.pk, unit_attachment.pk]
            ),
            "petition_attachment": reverse(
                "petitions:attachment_download", args=[complaint.pk, complaint_file.pk]
            ),
            "denunciation_attachment": reverse(
                "petitions:attachment_download", args=[denunciation.pk, denunciation_file.pk]
            ),
            "plan_import_file": reverse("plans:import_file", args=[plan_import.pk]),
            "organisation_import_file": reverse(
                "core:organisation_import_file", args=[agency.pk, organisation_import.pk]
            ),
            "output_template": reverse("documents:output_template", args=[agency.pk]),
        }
        # Ids that exist, put together in a way that does not: a file of
        # another object of the same agency.
        self.forged = [
            reverse("plans:task_evidence", args=[task.pk, sibling_update.pk]),
            reverse("reports:attachment_download", args=[agency_report.pk, unit_attachment.pk]),
            reverse("petitions:attachment_download", args=[complaint.pk, denunciation_file.pk]),
            reverse("core:organisation_import_file", args=[agency.pk + 1000, organisation_import.pk]),
        ]
        self.pages = [
            reverse("plans:task_detail", args=[task.pk]),
            reverse("reports:report_detail", args=[agency_report.pk]),
            reverse("reports:report_detail", args=[unit_report.pk]),
            reverse("petitions:petition_detail", args=[complaint.pk]),
            reverse("petitions:petition_detail", args=[denunciation.pk]),
            reverse("plans:import_review", args=[plan_import.pk]),
            reverse("core:organisation_import_preview", args=[agency.pk, organisation_import.pk]),
            reverse("documents:output_template_upload", args=[agency.pk]),
            reverse("admin:plans_planimport_change", args=[plan_import.pk]),
            reverse("admin:core_organisationimport_change", args=[organisation_import.pk]),
        ]


@pytest.fixture
def own_files(agency, lead_unit, sibling_unit, office_officer, agency_head, province_officer):
    seed_time_limit_rules()
    return Files(agency, lead_unit, sibling_unit, office=office_officer, leader=agency_head)


@pytest.fixture
def other_files(other_agency, other_unit, other_agency_officer, province_officer):
    seed_time_limit_rules()
    other_leader = person_with_role(Role.AGENCY_LEADER, agency=other_agency)
    sibling = UnitFactory(agency=other_agency, code="TT", name="Trung tâm của Sở Tài chính")
    return Files(other_agency, other_unit, sibling, office=other_agency_officer, leader=other_leader)


# file kind, whose agency, expected status per role (in ROLES order:
# admin, province reviewer, head, office, unit head, unit staff, inspector,
# people's inspector, officer of the other agency).
MATRIX = [
    ("task_evidence", "own", [200, 200, 200, 200, 200, 200, 200, 200, 404]),
    ("sibling_task_evidence", "own", [200, 200, 200, 200, 404, 404, 200, 200, 404]),
    ("agency_report_attachment", "own", [200, 404, 200, 200, 404, 404, 404, 404, 404]),
    ("unit_report_attachment", "own", [200, 404, 404, 404, 200, 200, 404, 404, 404]),
    ("petition_attachment", "own", [200, 200, 200, 200, 404, 404, 200, 404, 404]),
    # Only the head holds a grant to the denouncer's identity (public form).
    ("denunciation_attachment", "own", [404, 404, 200, 404, 404, 404, 404, 404, 404]),
    ("plan_import_file", "own", [200, 404, 404, 200, 404, 404, 404, 404, 404]),
    ("organisation_import_file", "own", [200, 404, 404, 200, 404, 404, 404, 404, 404]),
    ("output_template", "own", [200, 404, 404, 200, 404, 404, 404, 404, 404]),
    ("task_evidence", "other", [200, 200, 404, 404, 404, 404, 404, 404, 200]),
    ("sibling_task_evidence", "other", [200, 200, 404, 404, 404, 404, 404, 404, 200]),
    ("agency_report_attachment", "other", [200, 404, 404, 404, 404, 404, 404, 404, 200]),
    ("unit_report_attachment", "other", [200, 404, 404, 404, 404, 404, 404, 404, 404]),
    ("petition_attachment", "other", [200, 200, 404, 404, 404, 404, 404, 404, 200]),
    ("denunciation_attachment", "other", [404, 404, 404, 404, 404, 404, 404, 404, 404]),
    ("plan_import_file", "other", [200, 404, 404, 404, 404, 404, 404, 404, 200]),
    ("organisation_import_file", "other", [200, 404, 404, 404, 404, 404, 404, 404, 200]),
    ("output_template", "other", [200, 404, 404, 404, 404, 404, 404, 404, 200]),
]


@pytest.mark.parametrize("whose", ["own", "other"])
def test_a_file_is_sent_only_within_the_scope_of_its_object(client, request, whose):
    files = request.getfixturevalue(f"{whose}_files")
    expected = {kind: statuses for kind, side, statuses in MATRIX if side == whose}
    actual = {kind: [] for kind in expected}
    for role in ROLES:
        client.force_login(request.getfixturevalue(role))
        for kind in expected:
            response = client.get(files.urls[kind])
            actual[kind].append(response.status_code)
            if response.status_code == 200:
                assert response["Content-Disposition"].startswith("attachment;"), kind
                assert response["X-Content-Type-Options"] == "nosniff", kind
                body = b"".join(response.streaming_content) if response.streaming else response.content
                assert body, kind
    assert actual == expected


def test_forged_and_unknown_ids_are_not_found(client, request, own_files):
    unknown = [
        reverse("plans:task_evidence", args=[999999, 1]),
        reverse("reports:attachment_download", args=[999999, 1]),
        reverse("petitions:attachment_download", args=[999999, 1]),
        reverse("plans:import_file", args=[999999]),
        reverse("core:organisation_import_file", args=[999999, 1]),
    ]
    for role in ROLES:
        client.force_login(request.getfixturevalue(role))
        for url in own_files.forged + unknown:
            assert client.get(url).status_code == 404, (role, url)


def test_anonymous_visitors_are_sent_to_sign_in(client, own_files):
    for url in own_files.urls.values():
        response = client.get(url)
        assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response["Location"]


def test_citizens_files_are_kept_by_no_cache(client, own_files, agency_head, office_officer):
    client.force_login(agency_head)
    for kind in ("petition_attachment", "denunciation_attachment"):
        directives = {d.strip() for d in client.get(own_files.urls[kind])["Cache-Control"].split(",")}
        assert "no-store" in directives and "public" not in directives
    client.force_login(office_officer)
    assert client.get(own_files.urls["task_evidence"])["Cache-Control"] == "private"


def test_opening_a_denunciation_file_is_logged_as_a_read_of_the_identity(client, own_files, agency_head):
    from danvan.petitions.models import IdentityRead

    client.force_login(agency_head)
    client.get(own_files.urls["denunciation_attachment"])
    assert IdentityRead.objects.filter(person=agency_head).count() == 1


def test_the_file_sent_is_the_one_stored_under_its_original_name(client, own_files, unit_officer):
    client.force_login(unit_officer)
    response = client.get(own_files.urls["task_evidence"])
    assert b"".join(response.streaming_content) == PDF
    assert "Bi%C3%AAn%20b%E1%BA%A3n" in response["Content-Disposition"]


def test_media_url_serves_nothing(client, own_files, system_admin, settings):
    client.force_login(system_admin)
    from danvan.plans.models import TaskUpdate

    stored = TaskUpdate.objects.exclude(evidence="").first().evidence.name
    assert client.get(settings.MEDIA_URL + stored).status_code == 404


def test_no_url_serves_media_even_in_debug(settings):
    """The URL table built as `make run` builds it (DANVAN_DEBUG=True)."""
    import importlib.util

    from django.urls import Resolver404, resolve

    import danvan.urls

    settings.DEBUG = True
    spec = importlib.util.spec_from_file_location("danvan_urls_in_debug", danvan.urls.__file__)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with pytest.raises(Resolver404):
        resolve(settings.MEDIA_URL + "evidence/1/1/bien-ban.pdf", urlconf=module)


def test_storage_gives_no_url(own_files):
    from danvan.plans.models import TaskUpdate

    with pytest.raises(ValueError):
        TaskUpdate.objects.exclude(evidence="").first().evidence.url  # noqa: B018


def test_every_page_that_lists_a_file_links_its_download_view(client, own_files, system_admin, agency_head):
    client.force_login(system_admin)
    pages = {url: client.get(url).content.decode() for url in own_files.pages}
    links = {
        "task_evidence": pages[own_files.pages[0]],
        "agency_report_attachment": pages[own_files.pages[1]],
        "unit_report_attachment": pages[own_files.pages[2]],
        "petition_attachment": pages[own_files.pages[3]],
        "plan_import_file": pages[own_files.pages[5]] + pages[own_files.pages[8]],
        "organisation_import_file": pages[own_files.pages[6]] + pages[own_files.pages[9]],
        "output_template": pages[own_files.pages[7]],
    }
    for kind, html in links.items():
        assert f'href="{own_files.urls[kind]}"' in html, kind
    # A denunciation's files are listed to those with a grant only.
    assert own_files.urls["denunciation_attachment"] not in pages[own_files.pages[4]]
    assert "Đơn tố cáo có chữ ký.pdf" not in pages[own_files.pages[4]]
    client.force_login(agency_head)
    page = client.get(own_files.pages[4]).content.decode()
    assert f'href="{own_files.urls["denunciation_attachment"]}"' in page


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src", "action", "hx-get", "data-url") and value:
                self.links.append(value)


def _crawl(client, start, limit):
    """The HTML of every page reachable from ``start`` by links, up to ``limit`` pages."""
    seen, queue, pages = set(), list(start), {}
    while queue and len(pages) < limit:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        pages[url] = html
        parser = _Links()
        parser.feed(html)
        for link in parser.links:
            target = urlsplit(urljoin(url, link))
            if target.netloc or target.scheme not in ("", "http") or "dang-xuat" in target.path:
                continue
            queue.append(target.path + (f"?{target.query}" if target.query else ""))
    return pages


@pytest.mark.parametrize("role", ["system_admin", "office_officer", "unit_officer"])
def test_no_page_links_a_file_under_media_url(client, request, own_files, role, settings):
    client.force_login(request.getfixturevalue(role))
    pages = _crawl(client, ["/", *own_files.pages, reverse("admin:index")], limit=80)
    assert len(pages) > 10
    for url, html in pages.items():
        assert settings.MEDIA_URL not in html, url
