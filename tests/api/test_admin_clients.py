"""The administrator registers a client on the admin page, in Vietnamese; its
secret is shown once, and changing the client ends the tokens it gave out."""

import base64
import re

from django.contrib.messages import get_messages
from django.urls import reverse
from oauth2_provider.models import AccessToken

from danvan.api import services
from danvan.api.models import ApiClient
from tests.api.conftest import bearer, client_token, register


def test_the_administrator_registers_a_client_and_sees_its_secret_once(
    client, system_admin, unit_officer, agency
):
    client.force_login(system_admin)
    index = client.get(reverse("admin:index")).content.decode()
    assert "Kết nối API" in index and "OAuth Toolkit" not in index
    form = client.get(reverse("admin:api_apiclient_add")).content.decode()
    assert "Phạm vi quyền" in form and "Đọc nhiệm vụ và tiến độ" in form
    response = client.post(
        reverse("admin:api_apiclient_add"),
        {
            "name": "Văn phòng điện tử tỉnh",
            "acting_person": unit_officer.pk,
            "agencies": [agency.pk],
            "scope_list": ["tasks:read"],
            "is_active": "on",
            "note": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    registered = ApiClient.objects.get()
    assert registered.scopes == "tasks:read" and list(registered.agencies.all()) == [agency]
    [shown] = [str(m) for m in get_messages(response.wsgi_request) if "client_secret" in str(m)]
    client_id, secret = re.search(r"client_id\): (\S+) — .*client_secret\): (\S+)\.", shown).groups()
    assert client_id == registered.application.client_id
    # The secret works at the token endpoint, and is not shown on the client's page.
    basic = base64.b64encode(f"{client_id}:{secret}".encode()).decode()
    client.logout()
    token = client.post(
        reverse("oauth_token"), {"grant_type": "client_credentials"}, HTTP_AUTHORIZATION=f"Basic {basic}"
    )
    assert token.status_code == 200 and token.json()["scope"] == "tasks:read"
    client.force_login(system_admin)
    page = client.get(reverse("admin:api_apiclient_change", args=[registered.pk])).content.decode()
    assert secret not in page and client_id in page


def test_a_client_whose_scopes_are_narrowed_loses_its_tokens(
    client, system_admin, unit_officer, agency, issued_task
):
    registered = register(
        acting_person=unit_officer, agencies=[agency], scopes=["tasks:read", "tasks:write"], by=system_admin
    )
    token = client_token(client, registered)
    services.change_client(
        client=registered.client,
        acting_person=unit_officer,
        agencies=[agency],
        scopes=["tasks:read", "tasks:write", "plans:read"],
        is_active=True,
        note="",
        by=system_admin,
    )
    # Given more: the token goes on.
    assert client.get(reverse("api:task_list"), **bearer(token)).status_code == 200
    services.change_client(
        client=registered.client,
        acting_person=unit_officer,
        agencies=[agency],
        scopes=["tasks:read"],
        is_active=True,
        note="",
        by=system_admin,
    )
    assert not AccessToken.objects.exists()
    assert client.get(reverse("api:task_list"), **bearer(token)).status_code == 401
