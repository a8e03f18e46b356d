"""The token endpoint refuses in Vietnamese with a stable code ("ma") beside
the "error" that RFC 6749 requires, as every other refusal of the API does."""

import base64

import pytest
from django.urls import reverse

from tests.api.conftest import register


@pytest.fixture
def registered(unit_officer, agency, system_admin):
    return register(acting_person=unit_officer, agencies=[agency], scopes=["tasks:read"], by=system_admin)


def ask(client, client_id, secret, **data):
    basic = base64.b64encode(f"{client_id}:{secret}".encode()).decode()
    return client.post(reverse("oauth_token"), data, HTTP_AUTHORIZATION=f"Basic {basic}")


def test_a_wrong_secret_is_refused_in_vietnamese(client, registered):
    response = ask(client, registered.client_id, "sai", grant_type="client_credentials")
    assert response.status_code == 401
    assert response.json() == {
        "error": "invalid_client",
        "detail": "Mã hệ thống (client_id) hoặc khóa bí mật (client_secret) không đúng, "
        "hoặc hệ thống kết nối đã ngừng.",
        "ma": "he_thong_ket_noi_khong_hop_le",
    }
    assert response["Content-Type"] == "application/json"


def test_an_unknown_client_reads_as_a_wrong_secret(client, db):
    response = ask(client, "khong-co", "sai", grant_type="client_credentials")
    assert response.status_code == 401
    assert (
        response.json()["error"] == "invalid_client"
        and response.json()["ma"] == "he_thong_ket_noi_khong_hop_le"
    )


@pytest.mark.parametrize(
    "grant", ["password", "authorization_code_x", "urn:ietf:params:oauth:grant-type:device_code"]
)
def test_another_grant_is_refused_as_unsupported(client, registered, grant):
    # The device-code grant without a device_code was a 500 in the parent view.
    response = ask(client, registered.client_id, registered.client_secret, grant_type=grant)
    assert response.status_code == 400
    assert response.json() == {
        "error": "unsupported_grant_type",
        "detail": "Kiểu cấp mã (grant_type) không được hỗ trợ: hãy dùng client_credentials.",
        "ma": "kieu_cap_ma_khong_ho_tro",
    }


def test_a_scope_the_client_was_not_given_is_refused(client, registered):
    response = ask(
        client,
        registered.client_id,
        registered.client_secret,
        grant_type="client_credentials",
        scope="tasks:write",
    )
    assert response.status_code == 400
    assert response.json() == {
        "error": "invalid_scope",
        "detail": "Phạm vi quyền yêu cầu không có hoặc chưa được cấp cho hệ thống kết nối này.",
        "ma": "pham_vi_khong_duoc_cap",
    }


def test_a_request_without_a_grant_type_is_refused(client, registered):
    response = ask(client, registered.client_id, registered.client_secret)
    assert response.status_code == 400 and response.json()["ma"] in {
        "yeu_cau_cap_ma_khong_hop_le",
        "kieu_cap_ma_khong_ho_tro",
    }


def test_the_refusal_follows_the_persons_language(client, registered):
    response = client.post(
        reverse("oauth_token"),
        {"grant_type": "client_credentials", "scope": "tasks:write"},
        HTTP_AUTHORIZATION="Basic "
        + base64.b64encode(f"{registered.client_id}:{registered.client_secret}".encode()).decode(),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.json()["ma"] == "pham_vi_khong_duoc_cap" and response.json()["error"] == "invalid_scope"
