"""The denouncer's name appears on no page reachable by a role that was not
granted it by name (Luật Tố cáo 2018 Điều 8 k3), and every read is logged."""

import pytest
from django.urls import reverse

from danvan.petitions.models import IdentityRead

NAME = "Hoàng Thị Mật"
NOT_GRANTED = [
    "system_admin",
    "province_officer",
    "office_officer",
    "unit_head",
    "unit_officer",
    "inspector",
    "people_inspector",
    "other_agency_officer",
]


def pages(denunciation):
    pk = denunciation.pk
    yield reverse("petitions:index")
    yield reverse("petitions:index") + "?q=hoang+thi+mat"
    yield reverse("petitions:dashboard")
    for name in ("petition_detail", "petition_classify", "petition_accept", "denouncer_identity"):
        yield reverse(f"petitions:{name}", args=[pk])
    yield reverse("admin:petitions_petition_changelist")
    yield reverse("admin:petitions_petition_change", args=[pk])


@pytest.mark.parametrize("role", NOT_GRANTED)
def test_no_page_shows_the_denouncer_to_a_role_not_granted(client, request, denunciation, role):
    client.force_login(request.getfixturevalue(role))
    for url in pages(denunciation):
        assert NAME not in client.get(url).content.decode(), url


def test_granted_head_reads_the_name_and_the_read_is_logged(client, denunciation, agency_head):
    client.force_login(agency_head)
    response = client.get(reverse("petitions:denouncer_identity", args=[denunciation.pk]))
    assert NAME in response.content.decode()
    assert IdentityRead.objects.get().person == agency_head


def test_head_grants_the_inspector_who_then_reads_it(client, denunciation, agency_head, inspector):
    client.force_login(agency_head)
    client.post(reverse("petitions:identity_grant", args=[denunciation.pk]), {"person": inspector.pk})
    client.force_login(inspector)
    assert (
        NAME in client.get(reverse("petitions:denouncer_identity", args=[denunciation.pk])).content.decode()
    )


def test_only_the_head_may_grant(client, denunciation, inspector):
    client.force_login(inspector)
    response = client.post(
        reverse("petitions:identity_grant", args=[denunciation.pk]), {"person": inspector.pk}
    )
    assert response.status_code == 403


# --- A visit of the register that opened a denunciation -------------------------------

VISITOR = "Đinh Văn Đến"


@pytest.fixture
def denouncing_visit(agency, office_officer):
    from datetime import date

    from danvan.petitions import services

    visit = services.record_reception(
        agency=agency,
        received_on=date(2026, 3, 9),
        full_name=VISITOR,
        address="Thôn Kín, xã Lặng",
        identity_number="079199009999",
        content="Trình bày việc cán bộ xã nhận tiền",
        documents_received="01 đơn",
        by=office_officer,
    )
    complaint = services.open_petition_from_reception(
        reception=visit, kind="complaint", subject="Khiếu nại thu hồi đất", content="…", by=office_officer
    )
    denunciation = services.open_petition_from_reception(
        reception=visit, kind="denunciation", subject="Tố cáo cán bộ xã", content="…", by=office_officer
    )
    return visit, complaint, denunciation


def test_the_visit_names_nobody_and_links_no_sibling_for_the_not_granted(client, denouncing_visit, inspector):
    visit, complaint, denunciation = denouncing_visit
    client.force_login(inspector)
    for name in ("reception_detail", "reception_receipt"):
        page = client.get(reverse(f"petitions:{name}", args=[visit.pk])).content.decode()
        assert VISITOR not in page and "Thôn Kín" not in page
    page = client.get(reverse("petitions:reception_detail", args=[visit.pk])).content.decode()
    # The complaint opened at the same visit names the citizen: no link leads there.
    assert reverse("petitions:petition_detail", args=[complaint.pk]) not in page
    assert complaint.code not in page and denunciation.code not in page
    assert "Tố cáo cán bộ xã" in page
    # The complaint itself still names its sender.
    assert VISITOR in client.get(reverse("petitions:petition_detail", args=[complaint.pk])).content.decode()


def test_the_granted_receiver_reads_who_came_on_the_identity_page_only(
    client, denouncing_visit, office_officer
):
    visit, complaint, denunciation = denouncing_visit
    client.force_login(office_officer)
    page = client.get(reverse("petitions:reception_detail", args=[visit.pk])).content.decode()
    assert VISITOR not in page
    assert reverse("petitions:petition_detail", args=[complaint.pk]) in page
    identity = reverse("petitions:denouncer_identity", args=[denunciation.pk])
    assert identity in page
    assert VISITOR not in client.get(reverse("petitions:reception_list")).content.decode()
    assert VISITOR in client.get(identity).content.decode()
    assert IdentityRead.objects.get().person == office_officer


def test_a_grant_for_one_of_two_denunciations_does_not_open_the_visit(
    denouncing_visit, office_officer, agency_head, inspector
):
    from danvan.petitions import permissions, services

    visit, _complaint, first = denouncing_visit
    second = services.open_petition_from_reception(
        reception=visit, kind="denunciation", subject="Tố cáo thứ hai", content="…", by=agency_head
    )
    services.grant_identity_access(petition=first, person=inspector, by=agency_head)
    assert permissions.can_read_denouncer_identity(inspector, first)
    assert not permissions.can_read_denouncer_identity(inspector, second)
    assert not permissions.can_read_reception_citizen(inspector, visit)
    services.grant_identity_access(petition=second, person=inspector, by=agency_head)
    assert permissions.can_read_reception_citizen(inspector, visit)


def test_the_admin_neither_shows_nor_finds_the_visitor(client, denouncing_visit, reception, system_admin):
    visit, _complaint, _denunciation = denouncing_visit
    client.force_login(system_admin)
    changelist = reverse("admin:petitions_reception_changelist")
    page = client.get(changelist).content.decode()
    assert VISITOR not in page and "Lê Văn Tám" in page
    for url in (
        reverse("admin:petitions_reception_change", args=[visit.pk]),
        reverse("admin:petitions_reception_change", args=[reception.pk]),
    ):
        assert VISITOR not in client.get(url).content.decode()
    found = client.get(changelist, {"q": "dinh van den"}).context["cl"].result_list
    assert list(found) == []
    assert list(client.get(changelist, {"q": "le van tam"}).context["cl"].result_list) == [reception]


def test_a_denunciations_representative_is_kept_in_the_vault(agency, agency_head):
    from tests.petitions.factories import petition_for

    petition = petition_for(
        agency, kind="denunciation", signer_count=6, representative="Võ Thị Đại Diện", by=agency_head
    )
    petition.refresh_from_db()
    assert petition.representative == ""
    assert petition.denouncer.representative == "Võ Thị Đại Diện"


def test_no_one_without_a_grant_opens_another_petition_from_the_visit(
    client, agency, denouncing_visit, inspector
):
    from danvan.petitions.models import Petition

    visit, _complaint, _denunciation = denouncing_visit
    client.force_login(inspector)
    url = reverse("petitions:reception_open_petition", args=[visit.pk])
    assert url not in client.get(reverse("petitions:reception_detail", args=[visit.pk])).content.decode()
    before = Petition.objects.count()
    response = client.post(url, {"kind": "complaint", "subject": "Khiếu nại khác", "content": "…"})
    assert response.status_code == 403
    assert "chỉ người được cấp quyền" in response.content.decode()
    assert Petition.objects.count() == before
    # The receipt is still printed, without the name.
    receipt = client.get(reverse("petitions:reception_receipt", args=[visit.pk]))
    assert receipt.status_code == 200 and VISITOR not in receipt.content.decode()
