"""Every page and file of the petitions area that shows a citizen's details
writes one row of the read log per opening, naming who read which record
through which page, from which address; pages without them write none."""

from datetime import date

import pytest
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
        reverse("petitions:index"),
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


def test_the_reception_register_logs_one_read_per_page(client, reception, office_officer):
    client.force_login(office_officer)
    assert client.get(reverse("petitions:reception_list")).status_code == 200
    row = only_read()
    assert (row.person, row.model, row.object_pk, row.what) == (
        office_officer,
        "petitions.reception",
        "",
        "petitions.reception_list",
    )


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


@pytest.mark.parametrize("name", ["api:petition_list", "petitions:dashboard"])
def test_lists_without_sender_details_log_nothing(client, petition, inspector, name):
    client.force_login(inspector)
    client.get(reverse(name))
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
