from django.urls import reverse

from tests.factories import UserFactory


def test_openapi_schema_lists_the_endpoints(client, db):
    client.force_login(UserFactory())
    response = client.get(reverse("schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert "/api/v1/documents/parse" in paths and "/api/v1/me" in paths


def test_api_docs_are_served_offline(client, db):
    client.force_login(UserFactory())
    html = client.get(reverse("api_docs")).content.decode()
    assert "http://" not in html.replace("http://testserver", "") and "https://" not in html


def test_schema_and_docs_are_for_signed_in_people_only(client, db):
    for name in ("schema", "api_docs"):
        response = client.get(reverse(name), HTTP_ACCEPT="application/vnd.oai.openapi+json")
        assert response.status_code == 302 and response.url.startswith(reverse("login")), name
        assert "openapi" not in response.content.decode()


def schema_of(client):
    client.force_login(UserFactory())
    return client.get(reverse("schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json").json()


def test_clients_are_described_as_oauth2_client_credentials_with_their_scopes(client, db):
    schemes = schema_of(client)["components"]["securitySchemes"]
    flow = schemes["oauth2"]["flows"]["clientCredentials"]
    assert (
        schemes["oauth2"]["type"] == "oauth2"
        and flow["tokenUrl"] == reverse("oauth_token") == "/api/o/token/"
    )
    assert flow["scopes"]["tasks:write"] == "Cập nhật tiến độ nhiệm vụ, kèm minh chứng"
    assert set(flow["scopes"]) == {
        "plans:read",
        "tasks:read",
        "tasks:write",
        "reports:read",
        "reports:write",
        "petitions:read",
        "evaluation:read",
        "dialogues:read",
        "models:read",
    }
    # Personal tokens stay a bearer scheme of their own.
    assert schemes["maTruyCap"] == {
        "type": "http",
        "scheme": "bearer",
        "description": schemes["maTruyCap"]["description"],
    }


def test_each_operation_requires_the_scope_its_view_names(client, db):
    paths = schema_of(client)["paths"]
    assert paths["/api/v1/tasks"]["get"]["security"][:2] == [{"oauth2": ["tasks:read"]}, {"maTruyCap": []}]
    progress = paths["/api/v1/tasks/{task_id}/progress"]["post"]["security"]
    assert {"oauth2": ["tasks:write"]} in progress and {"maTruyCap": []} in progress
    assert {"oauth2": []} in paths["/api/v1/me"]["get"]["security"]
    # For the pages' session only: no token scheme at all.
    assert paths["/api/v1/petitions"]["get"]["security"] == [{"cookieAuth": []}]
