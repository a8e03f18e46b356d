"""Every page and file of the petitions area that shows a citizen's details
writes one row of the read log per opening, naming who read which record
through which page, from which address; pages without them write none."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from danvan.core.models import SensitiveRead
from danvan.petitions import services
from tests.petitions.factories import classified, petition_for

ADDRESS = "203.0.113.7"


def only_read():
    rows = list(SensitiveRead.objects.all())
    assert len(rows) == 1, rows
    return rows[0]


def test_the_petition_page_logs_the_read_of_its_sender(client, petition, inspector):
    client.force_login(inspector)
    assert (
        client.get(reverse("petitions:petition_detail", args=[petition.pk]), REMOTE_ADDR=ADDRESS).status_code
        == 200
    )
    row = only_read()
    assert (row.person, row.agency, row.model, row.object_pk, row.code, row.what, row.address) == (
        inspector,
        petition.agency,
        "petitions.petition",
        str(petition.pk),
        petition.code,
        "petitions.petition_detail",
        ADDRESS,
    )


def test_each_opening_is_one_more_row(client, petition, inspector):
    client.force_login(inspector)
    url = reverse("petitions:petition_detail", args=[petition.pk])
    client.get(url)
    client.get(url)
    assert SensitiveRead.objects.filter(person=inspector, code=petition.code).count() == 2


def test_a_refused_petition_page_logs_nothing(client, petition, other_agency_officer):
    client.force_login(other_agency_officer)
    assert client.get(reverse("petitions:petition_detail", args=[petition.pk])).status_code == 404
    assert not SensitiveRead.objects.exists()


def test_pages_without_a_citizen_log_nothing(client, petition, denunciation, inspector):
    client.force_login(inspector)
    for url in (
        reverse("core:home"),
        # A denunciation's page names no sender.
        reverse("petitions:petition_detail", args=[denunciation.pk]),
    ):
        assert client.get(url).status_code == 200, url
    assert not SensitiveRead.objects.exists()


def test_the_identity_page_logs_in_both_logs(client, denunciation, agency_head):
    client.force_login(agency_head)
    assert client.get(reverse("petitions:denouncer_identity", args=[denunciation.pk])).status_code == 200
    row = only_read()
    assert (row.person, row.agency_id, row.model, row.code, row.what) == (
        agency_head,
        denunciation.agency_id,
        "petitions.denounceridentity",
        denunciation.code,
        "petitions.denouncer_identity",
    )
    assert denunciation.denouncer.reads.get().person == agency_head


def test_the_letter_in_word_logs_the_read(client, agency, inspector):
    petition = services.classify_petition(
        petition=petition_for(agency),
        kind="complaint",
        conditions_met=True,
        in_jurisdiction=False,
        competent_body="UBND xã Tân Hòa",
        by=inspector,
    )
    services.forward_petition(
        petition=petition, note="Chuyển theo thẩm quyền", on=date(2026, 3, 4), by=inspector
    )
    client.force_login(inspector)
    assert client.get(reverse("petitions:petition_letter", args=[petition.pk])).status_code == 200
    row = only_read()
    assert (row.person, row.code, row.what) == (inspector, petition.code, "petitions.petition_letter")


def test_no_letter_logs_nothing(client, agency, inspector):
    petition = classified(agency, by=inspector)
    client.force_login(inspector)
    assert client.get(reverse("petitions:petition_letter", args=[petition.pk])).status_code == 404
    assert not SensitiveRead.objects.exists()


def test_the_reception_entry_and_its_receipt_log_their_reads(client, reception, office_officer):
    client.force_login(office_officer)
    assert client.get(reverse("petitions:reception_detail", args=[reception.pk])).status_code == 200
    row = only_read()
    assert (row.person, row.agency_id, row.model, row.object_pk, row.what) == (
        office_officer,
        reception.agency_id,
        "petitions.reception",
        str(reception.pk),
        "petitions.reception_detail",
    )
    assert client.get(reverse("petitions:reception_receipt", args=[reception.pk])).status_code == 200
    assert list(SensitiveRead.objects.values_list("what", flat=True)) == [
        "petitions.reception_receipt",
        "petitions.reception_detail",
    ]


def test_the_reception_register_logs_each_visit_it_lists(client, reception, office_officer):
    client.force_login(office_officer)
    assert client.get(reverse("petitions:reception_list")).status_code == 200
    row = only_read()
    assert (row.person, row.agency_id, row.model, row.object_pk, row.code, row.what) == (
        office_officer,
        reception.agency_id,
        "petitions.reception",
        str(reception.pk),
        str(reception.number),
        "petitions.reception_list",
    )


def test_the_petition_list_logs_each_sender_it_shows(client, petition, denunciation, inspector):
    client.force_login(inspector)
    assert client.get(reverse("petitions:index"), REMOTE_ADDR=ADDRESS).status_code == 200
    # The denunciation is listed as confidential: no sender shown, no read.
    row = only_read()
    assert (row.person, row.agency_id, row.object_pk, row.code, row.what, row.address) == (
        inspector,
        petition.agency_id,
        str(petition.pk),
        petition.code,
        "petitions.petition_list",
        ADDRESS,
    )


def test_a_page_of_the_list_is_logged_in_one_insert(client, agency, inspector):
    for number in range(3):
        petition_for(agency, sender_name=f"Công Dân Số {number}")
    client.force_login(inspector)
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("petitions:index"))
    inserts = [q for q in queries.captured_queries if q["sql"].startswith('INSERT INTO "core_sensitiveread"')]
    assert len(inserts) == 1
    assert SensitiveRead.objects.filter(what="petitions.petition_list").count() == 3


def test_the_province_reviewer_s_list_reads_are_found_by_the_agency_s_inspector(
    client, petition, reception, province_officer, inspector
):
    client.force_login(province_officer)
    client.get(reverse("petitions:index"))
    client.get(reverse("petitions:reception_list"))
    # The reviewer belongs to no agency: each row is under the record's own.
    assert set(SensitiveRead.objects.values_list("agency_id", flat=True)) == {petition.agency_id}
    client.force_login(inspector)
    page = client.get(reverse("core:read_log"), {"code": petition.code}).content.decode()
    assert province_officer.full_name in page and "Danh sách đơn" in page
    page = client.get(reverse("core:read_log"), {"person": province_officer.username}).content.decode()
    assert "Sổ tiếp công dân" in page


def test_a_search_by_the_citizen_s_name_logs_each_petition_it_shows(client, petition, inspector):
    client.force_login(inspector)
    page = client.get(reverse("core:search"), {"q": "Trần Thị Bưởi"}).content.decode()
    assert petition.code in page
    row = only_read()
    assert (row.person, row.agency_id, row.object_pk, row.code, row.what) == (
        inspector,
        petition.agency_id,
        str(petition.pk),
        petition.code,
        "petitions.search_result",
    )


def test_a_search_that_shows_no_petition_logs_nothing(client, petition, inspector):
    client.force_login(inspector)
    client.get(reverse("core:search"), {"q": "Nguyễn Văn Không Có"})
    assert not SensitiveRead.objects.exists()


@pytest.mark.parametrize("term", ["Hoàng Thị Mật", "0912 345 678", "072180001234"])
def test_a_search_by_the_denouncer_is_logged_without_who_denounced(
    client, denunciation, agency_head, inspector, system_admin, term
):
    # The head is granted the identity, so the denouncer's name, phone or
    # identity number finds the denunciation (private_matches).
    client.force_login(agency_head)
    assert denunciation.code in client.get(reverse("core:search"), {"q": term}).content.decode()
    row = only_read()
    assert (row.person, row.agency_id, row.code, row.what) == (
        agency_head,
        denunciation.agency_id,
        denunciation.code,
        "petitions.search_result",
    )
    for reader in (inspector, system_admin):
        client.force_login(reader)
        page = client.get(reverse("core:read_log"), {"code": denunciation.code}).content.decode()
        assert agency_head.full_name in page and "Kết quả tìm kiếm" in page
        for secret in ("Hoàng Thị Mật", "Mật", "0912 345 678", "072180001234"):
            assert secret not in page, (reader, secret)


def test_an_empty_register_logs_nothing(client, agency, office_officer):
    client.force_login(office_officer)
    assert client.get(reverse("petitions:reception_list")).status_code == 200
    assert not SensitiveRead.objects.exists()


def test_the_api_petition_detail_logs_the_read(client, petition, inspector):
    client.force_login(inspector)
    body = client.get(reverse("api:petition_detail", args=[petition.pk])).json()
    assert body["sender"] == "Trần Thị Bưởi"
    row = only_read()
    assert (row.person, row.code, row.what) == (inspector, petition.code, "api.petition_detail")


def test_the_api_petition_list_logs_each_sender_it_returns(client, petition, denunciation, inspector):
    client.force_login(inspector)
    body = client.get(reverse("api:petition_list")).json()
    assert {row["sender"] for row in body["results"]} >= {"Trần Thị Bưởi"}
    row = only_read()
    assert (row.person, row.agency_id, row.object_pk, row.code, row.what) == (
        inspector,
        petition.agency_id,
        str(petition.pk),
        petition.code,
        "api.petition_list",
    )


def test_the_dashboard_without_sender_details_logs_nothing(client, petition, inspector):
    client.force_login(inspector)
    client.get(reverse("petitions:dashboard"))
    assert not SensitiveRead.objects.exists()


def test_the_page_names_records_by_code_never_the_citizen(client, petition, inspector):
    client.force_login(inspector)
    client.get(reverse("petitions:petition_detail", args=[petition.pk]))
    page = client.get(reverse("core:read_log")).content.decode()
    assert petition.code in page and "Trần Thị Bưởi" not in page


def test_opening_a_citizen_s_file_logs_the_read(client, petition, inspector):
    attachment = services.attach_file(
        petition=petition, data=b"%PDF-1.4\n%%EOF\n", filename="Đơn.pdf", by=inspector
    )
    client.force_login(inspector)
    response = client.get(reverse("petitions:attachment_download", args=[petition.pk, attachment.pk]))
    assert response.status_code == 200
    row = only_read()
    assert (row.person, row.code, row.what) == (inspector, petition.code, "petitions.attachment_download")


def test_the_reception_page_shown_again_after_a_refused_opening_logs_the_read(
    client, reception, office_officer
):
    client.force_login(office_officer)
    response = client.post(reverse("petitions:reception_open_petition", args=[reception.pk]), {"kind": ""})
    assert response.status_code == 422
    assert list(SensitiveRead.objects.values_list("what", "object_pk")) == [
        ("petitions.reception_open_petition", str(reception.pk))
    ]
