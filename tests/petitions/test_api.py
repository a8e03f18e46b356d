import pytest
from django.urls import reverse

from tests.petitions.factories import case_for

ROLES_WITHOUT_GRANT = [
    "system_admin",
    "province_officer",
    "office_officer",
    "inspector",
    "people_inspector",
    "unit_head",
    "unit_officer",
    "other_agency_officer",
]


def test_petition_list_shows_the_agency_s_petitions(client, petition, inspector):
    client.force_login(inspector)
    body = client.get(reverse("api:petition_list")).json()
    assert [row["code"] for row in body["results"]] == [petition.code]
    assert body["results"][0]["sender"] == "Trần Thị Bưởi"


def test_petition_list_filters_by_kind(client, petition, denunciation, inspector):
    client.force_login(inspector)
    body = client.get(reverse("api:petition_list"), {"kind": "denunciation"}).json()
    assert [row["code"] for row in body["results"]] == [denunciation.code]


def test_officer_of_other_agency_lists_nothing(client, petition, other_agency_officer):
    client.force_login(other_agency_officer)
    assert client.get(reverse("api:petition_list")).json()["count"] == 0


def test_out_of_scope_petition_is_not_found(client, petition, other_agency_officer):
    client.force_login(other_agency_officer)
    assert client.get(reverse("api:petition_detail", args=[petition.pk])).status_code == 404


def test_petition_list_shows_each_case_s_status(client, petition, agency, inspector):
    case = case_for(agency, by=inspector, sender_name="Võ Văn Hai", identity_number="")
    client.force_login(inspector)
    rows = {row["code"]: row for row in client.get(reverse("api:petition_list")).json()["results"]}
    assert (
        rows[case.petition.code]["case_status"] == "accepted" and rows[petition.code]["case_status"] is None
    )


def test_petition_list_takes_a_fixed_number_of_queries(client, agency, inspector, django_assert_num_queries):
    for number in range(3):
        case_for(agency, by=inspector, sender_name=f"Người {number}", identity_number="")
    client.force_login(inspector)
    client.get(reverse("api:petition_list"))
    # Session, user, roles, count, page of petitions with agency, citizen and
    # case, and the read log's rows of the senders shown in one INSERT.
    with django_assert_num_queries(6):
        client.get(reverse("api:petition_list"))


def test_petition_detail_has_the_case_and_its_deadlines(client, agency, inspector):
    case = case_for(agency, by=inspector)
    client.force_login(inspector)
    body = client.get(reverse("api:petition_detail", args=[case.petition.pk])).json()
    assert body["case"]["status"] == "accepted" and body["case"]["handler"] == str(inspector)
    assert any(d["code"] == "complaint.first.resolve" and d["explanation"] for d in body["deadlines"])


def test_a_petition_without_case_has_case_null(client, petition, inspector):
    client.force_login(inspector)
    assert client.get(reverse("api:petition_detail", args=[petition.pk])).json()["case"] is None


def test_anonymous_caller_is_refused(client, petition):
    assert client.get(reverse("api:petition_list")).status_code == 403


def test_the_api_is_read_only(client, petition, inspector):
    client.force_login(inspector)
    assert client.post(reverse("api:petition_list"), {}).status_code == 405


def _api_get_urls(petition):
    urls = [reverse("api:petition_list"), reverse("api:petition_list") + "?q=Hoàng Thị Mật"]
    urls.append(reverse("api:petition_list") + "?kind=denunciation")
    urls.append(reverse("api:petition_detail", args=[petition.pk]))
    for name in ("api:me", "schema"):
        urls.append(reverse(name))
    return urls


@pytest.mark.parametrize("role", ROLES_WITHOUT_GRANT)
def test_no_api_response_contains_the_denouncer_s_name(client, request, denunciation, agency_head, role):
    person = request.getfixturevalue(role)
    client.force_login(person)
    for url in _api_get_urls(denunciation):
        body = client.get(url).content.decode()
        assert "Hoàng Thị Mật" not in body, (role, url)
        assert "0912 345 678" not in body and "072180001234" not in body, (role, url)


def test_the_schema_lists_the_petition_endpoints(client, inspector):
    client.force_login(inspector)
    paths = client.get(reverse("schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json").json()["paths"]
    assert "/api/v1/petitions" in paths and "/api/v1/petitions/{petition_id}" in paths
