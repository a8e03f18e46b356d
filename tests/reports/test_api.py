"""Sent reports as JSON for a national reporting system."""

from django.urls import reverse


def test_province_reviewer_reads_the_sent_report_with_its_figures(client, province_officer, approved_report):
    client.force_login(province_officer)
    body = client.get(reverse("api:report_list")).json()
    assert body["count"] == 1
    item = body["results"][0]
    assert item["agency_code"] == "SKHCN"
    assert item["period"]["kind"] == "year" and item["period"]["start"] == "2025-12-15"
    assert item["figures"]["tasks"]["total"] == 3
    assert item["figures"]["units"]["late"] == 1
    assert "Tổ chức 02 hội nghị quán triệt" in item["sections"]["results"]
    assert item["symbol"] == "BC-SKHCN" and item["timeliness"]["code"] in {"on_time", "late"}
    detail = client.get(reverse("api:report_detail", args=[approved_report.pk]))
    assert detail.status_code == 200 and detail.json()["id"] == approved_report.pk


def test_filters_by_year_and_kind(client, province_officer, approved_report):
    client.force_login(province_officer)
    assert client.get(reverse("api:report_list"), {"nam": 2025}).json()["count"] == 0
    assert client.get(reverse("api:report_list"), {"nam": 2026, "ky": "year"}).json()["count"] == 1
    assert client.get(reverse("api:report_list"), {"ky": "quarter"}).json()["count"] == 0


def test_other_agencies_and_units_do_not_read_it(client, other_agency_officer, unit_head, approved_report):
    for person in (other_agency_officer, unit_head):
        client.force_login(person)
        assert client.get(reverse("api:report_list")).json()["count"] == 0
        assert client.get(reverse("api:report_detail", args=[approved_report.pk])).status_code == 404


def test_unsent_reports_are_not_served(client, office_officer, agency_request):
    client.force_login(office_officer)
    assert client.get(reverse("api:report_list")).json()["count"] == 0


def test_anonymous_callers_are_refused(client, approved_report):
    assert client.get(reverse("api:report_list")).status_code in (401, 403)
