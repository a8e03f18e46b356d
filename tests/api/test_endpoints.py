"""What other systems read and send: petition figures with no personal data,
a unit's report submitted through the report page's services, report
requests and dialogues, each within the client's agencies."""

from datetime import date

import pytest
from django.urls import reverse

from danvan.core.models import Role
from danvan.engagement.models import Dialogue
from danvan.petitions.models import Petition
from danvan.reports import services as report_services
from danvan.reports.models import PeriodKind, Report
from tests.api.conftest import bearer, client_token, register
from tests.factories import person_with_role
from tests.petitions.factories import petition_for


@pytest.fixture
def unit_request(province, agency, lead_unit, office_officer):
    period = report_services.get_or_create_period(province=province, kind=PeriodKind.YEAR, year=2026)
    return report_services.request_unit_reports(
        agency=agency,
        period=period,
        title="Báo cáo kết quả công tác dân vận chính quyền năm 2026",
        due_date=date(2026, 10, 20),
        units=[lead_unit],
        by=office_officer,
    )


def test_petition_figures_count_and_name_nobody(client, agency, other_agency, inspector, system_admin):
    petition_for(agency, by=inspector)
    petition_for(
        agency,
        by=inspector,
        kind=Petition.Kind.DENUNCIATION,
        sender_name="Lê Văn Kín",
        phone="0988 111 222",
        identity_number="079199000111",
    )
    petition_for(other_agency, by=system_admin, sender_name="Phan Thị Ngoài")
    registered = register(
        acting_person=inspector, agencies=[agency], scopes=["petitions:read"], by=system_admin
    )
    token = client_token(client, registered)
    response = client.get(
        reverse("api:petition_figures"), {"tu_ngay": "2026-01-01", "den_ngay": "2026-12-31"}, **bearer(token)
    )
    assert response.status_code == 200, response.content
    body = response.json()
    received = {row["kind"]: row["received"] for row in body["by_kind"]}
    assert received[Petition.Kind.COMPLAINT] == 1 and received[Petition.Kind.DENUNCIATION] == 1
    assert sum(row["count"] for row in body["by_status"]) == 2
    text = response.content.decode()
    for secret in ("Trần Thị Bưởi", "Lê Văn Kín", "0988 111 222", "079199000111", "0912 345 678", "Ngoài"):
        assert secret not in text
    assert set(body) == {"start", "end", "agency", "by_kind", "by_status"}
    # The petitions themselves are not for a token.
    assert client.get(reverse("api:petition_list"), **bearer(token)).status_code == 403


def test_petition_figures_refuse_a_wrong_date(client, inspector):
    client.force_login(inspector)
    response = client.get(reverse("api:petition_figures"), {"tu_ngay": "31/12/2026"})
    assert response.status_code == 400 and response.json()["ma"] == "du_lieu_khong_hop_le"
    empty = client.get(reverse("api:petition_figures"), {"den_ngay": ""})
    assert empty.status_code == 400 and empty.json()["ma"] == "du_lieu_khong_hop_le"


def test_a_unit_head_client_submits_the_units_report(client, unit_head, agency, system_admin, unit_request):
    report = unit_request.reports.get()
    registered = register(
        acting_person=unit_head, agencies=[agency], scopes=["reports:read", "reports:write"], by=system_admin
    )
    token = client_token(client, registered)
    listed = client.get(reverse("api:unit_report_list"), **bearer(token)).json()["results"]
    assert [row["id"] for row in listed] == [report.pk]
    url = reverse("api:unit_report_submit", args=[report.pk])
    empty = client.post(url, {}, content_type="application/json", **bearer(token))
    assert empty.status_code == 400 and "chưa có nội dung" in empty.json()["detail"]
    response = client.post(
        url,
        {"results": "Tổ chức 02 hội nghị quán triệt", "revision": 0},
        content_type="application/json",
        **bearer(token),
    )
    assert response.status_code == 200, response.content
    report.refresh_from_db()
    assert report.status == Report.Status.SUBMITTED and report.results == "Tổ chức 02 hội nghị quán triệt"
    again = client.post(url, {}, content_type="application/json", **bearer(token))
    assert again.status_code == 403 and again.json()["ma"] == "khong_co_quyen"


def test_a_stale_revision_is_a_conflict_and_submits_nothing(
    client, unit_head, agency, system_admin, unit_request
):
    report = unit_request.reports.get()
    report_services.save_report(
        report=report, sections={"results": "Bản của đồng nghiệp"}, base_revision=0, by=unit_head
    )
    registered = register(
        acting_person=unit_head, agencies=[agency], scopes=["reports:write"], by=system_admin
    )
    response = client.post(
        reverse("api:unit_report_submit", args=[report.pk]),
        {"results": "Bản cũ", "revision": 0},
        content_type="application/json",
        **bearer(client_token(client, registered)),
    )
    assert response.status_code == 409 and response.json()["ma"] == "xung_dot"
    report.refresh_from_db()
    assert report.status == Report.Status.PENDING and report.results == "Bản của đồng nghiệp"


def test_a_client_of_another_agency_finds_no_report_or_request(
    client, other_agency, other_agency_officer, system_admin, unit_request
):
    report = unit_request.reports.get()
    registered = register(
        acting_person=other_agency_officer,
        agencies=[other_agency],
        scopes=["reports:read", "reports:write"],
        by=system_admin,
    )
    token = client_token(client, registered)
    assert client.get(reverse("api:unit_report_detail", args=[report.pk]), **bearer(token)).status_code == 404
    assert (
        client.get(reverse("api:report_request_detail", args=[unit_request.pk]), **bearer(token)).status_code
        == 404
    )
    submit = client.post(
        reverse("api:unit_report_submit", args=[report.pk]),
        {},
        content_type="application/json",
        **bearer(token),
    )
    assert submit.status_code == 404


def test_report_requests_of_the_clients_agency(client, office_officer, agency, system_admin, unit_request):
    registered = register(
        acting_person=office_officer, agencies=[agency], scopes=["reports:read"], by=system_admin
    )
    token = client_token(client, registered)
    rows = client.get(reverse("api:report_request_list"), {"nam": 2026}, **bearer(token)).json()["results"]
    assert [row["id"] for row in rows] == [unit_request.pk]
    assert client.get(reverse("api:report_request_list"), {"nam": 2025}, **bearer(token)).json()["count"] == 0


def test_dialogues_of_the_clients_agencies_only(client, agency, other_agency, agency_head, system_admin):
    other_leader = person_with_role(Role.AGENCY_LEADER, agency=other_agency)
    for where, leader in ((agency, agency_head), (other_agency, other_leader)):
        Dialogue.objects.create(
            agency=where,
            kind=Dialogue.Kind.CITIZENS,
            held_on=date(2026, 5, 10),
            place="Hội trường",
            leader=leader,
            subject=f"Đối thoại của {where.name}",
            participants="Đại diện các hộ dân",
            created_by=leader,
        )
    # The administrator's client, registered for one agency, reads that agency's.
    registered = register(
        acting_person=system_admin, agencies=[agency], scopes=["dialogues:read"], by=system_admin
    )
    token = client_token(client, registered)
    rows = client.get(reverse("api:dialogue_list"), **bearer(token)).json()["results"]
    assert [row["agency"] for row in rows] == [agency.pk]
    other = Dialogue.objects.get(agency=other_agency)
    assert client.get(reverse("api:dialogue_detail", args=[other.pk]), **bearer(token)).status_code == 404
