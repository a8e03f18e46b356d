from django.urls import reverse


def test_openapi_schema_lists_the_endpoints(client, db):
    response = client.get(reverse("schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert "/api/v1/documents/parse" in paths and "/api/v1/me" in paths


def test_api_docs_are_served_offline(client, db):
    html = client.get(reverse("api_docs")).content.decode()
    assert "http://" not in html.replace("http://testserver", "") and "https://" not in html
