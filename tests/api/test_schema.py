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
