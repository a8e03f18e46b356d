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
