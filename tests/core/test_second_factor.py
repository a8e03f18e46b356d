"""The second sign-in step: set up an authenticator app, sign in with its code
or a recovery code, renew the codes, remove the app, and roles that require it."""

import re
import time
from base64 import b32decode

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from danvan.core import secondfactor
from danvan.core.models import Role, RoleAssignment
from tests.factories import UnitFactory, UserFactory

PASSWORD = "Mat-khau-thu-2026"


def code_from_secret(secret: str, steps_ahead: int = 0) -> str:
    """What an authenticator app shows for the secret the page gave."""
    secret = secret.replace(" ", "")
    key = b32decode(secret + "=" * (-len(secret) % 8))
    totp = TOTP(key)
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


def secret_on(page: str) -> str:
    return re.search(r'data-testid="khoa-bi-mat">([A-Z2-7 ]+)<', page).group(1)


def sign_in(client, person, password=PASSWORD):
    return client.post(reverse("login"), {"username": person.username, "password": password})


@pytest.fixture
def person(db):
    return UserFactory(username="thu.nv")


@pytest.fixture
def enrolled(client, person):
    """The person with a confirmed app: returns the secret and the recovery codes."""
    client.force_login(person)
    secret = secret_on(client.get(reverse("otp_enrol")).content.decode())
    page = client.post(reverse("otp_enrol"), {"code": code_from_secret(secret)}).content.decode()
    codes = re.findall(r"<li>([a-z2-7]{8})</li>", page)
    client.post(reverse("logout"))
    return secret, codes


def test_enrolment_page_draws_the_qr_code_here_and_shows_the_secret(client, person):
    client.force_login(person)
    page = client.get(reverse("otp_enrol")).content.decode()
    assert "<svg" in page and 'class="qr-code"' in page and "<path" in page
    # Nothing is fetched from elsewhere: no image or script from another site.
    assert not re.search(r'(src|href)="https?://', page)
    device = TOTPDevice.objects.get(user=person)
    assert not device.confirmed
    assert secret_on(page) == secondfactor.secret_text(device)
    # Reloading shows the same secret: a code already scanned stays valid.
    assert secret_on(client.get(reverse("otp_enrol")).content.decode()) == secret_on(page)


def test_a_wrong_code_does_not_turn_the_app_on(client, person):
    client.force_login(person)
    client.get(reverse("otp_enrol"))
    response = client.post(reverse("otp_enrol"), {"code": "000000"})
    assert response.status_code == 422
    assert "Mã không đúng" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=person, confirmed=True).exists()
    assert not StaticDevice.objects.filter(user=person).exists()


def test_confirming_the_app_shows_ten_recovery_codes_once(client, person):
    client.force_login(person)
    secret = secret_on(client.get(reverse("otp_enrol")).content.decode())
    response = client.post(reverse("otp_enrol"), {"code": code_from_secret(secret)})
    page = response.content.decode()
    codes = re.findall(r"<li>([a-z2-7]{8})</li>", page)
    assert response.status_code == 200 and len(codes) == 10
    assert "chỉ hiện một lần" in page
    assert "no-store" in response["Cache-Control"]
    assert TOTPDevice.objects.get(user=person).confirmed
    assert sorted(StaticToken.objects.filter(device__user=person).values_list("token", flat=True)) == sorted(
        codes
    )
    # The account page says it is on, and shows the count, not the codes.
    security = client.get(reverse("otp_security")).content.decode()
    assert "Đang bật" in security and "Còn 10 mã khôi phục" in security and codes[0] not in security


def test_password_alone_no_longer_signs_in_a_person_with_an_app(client, person, enrolled):
    response = sign_in(client, person)
    assert response.status_code == 302
    assert response.url.startswith(reverse("second_step"))
    # Every page sends back to the second step, the API refuses.
    home = client.get(reverse("core:home"))
    assert home.status_code == 302 and home.url.startswith(reverse("second_step"))
    assert client.get(reverse("otp_security")).url.startswith(reverse("second_step"))
    api = client.get(reverse("api:me"))
    assert api.status_code == 403 and "xác thực thứ hai" in api.json()["detail"]
    # The page shows no menu while the step is owed; signing out still works.
    page = client.get(reverse("second_step")).content.decode()
    assert "Điều hướng chính" not in page and reverse("logout") in page


def test_the_apps_code_completes_the_sign_in_and_goes_where_asked(client, person, enrolled):
    secret, _codes = enrolled
    client.post(reverse("login"), {"username": "thu.nv", "password": PASSWORD, "next": "/thong-bao/"})
    first = client.get(reverse("core:notifications"))
    assert first.url == reverse("second_step") + "?next=%2Fthong-bao%2F"
    response = client.post(
        first.url, {"code": code_from_secret(secret, steps_ahead=1), "next": "/thong-bao/"}
    )
    assert response.status_code == 302 and response.url == "/thong-bao/"
    home = client.get(reverse("core:home"))
    assert home.status_code == 200
    assert home.wsgi_request.user.is_verified()


def test_a_wrong_code_keeps_the_session_waiting(client, person, enrolled):
    sign_in(client, person)
    response = client.post(reverse("second_step"), {"code": "123456"})
    assert response.status_code == 422
    assert "Mã không đúng hoặc đã hết hạn" in response.content.decode()
    assert client.get(reverse("core:home")).status_code == 302


def test_repeated_wrong_codes_are_slowed_down_and_say_the_wait(client, person, enrolled):
    sign_in(client, person)
    client.post(reverse("second_step"), {"code": "123456"})
    # Straight after a wrong code, even the right one waits.
    secret, _codes = enrolled
    response = client.post(reverse("second_step"), {"code": code_from_secret(secret, steps_ahead=1)})
    assert response.status_code == 422
    assert "Vui lòng thử lại sau 1 giây" in response.content.decode()


def test_a_recovery_code_signs_in_once(client, person, enrolled):
    _secret, codes = enrolled
    sign_in(client, person)
    response = client.post(reverse("second_step"), {"code": codes[0].upper()})
    assert response.status_code == 302
    assert "còn 9 mã" in client.get(reverse("core:home")).content.decode()
    client.post(reverse("logout"))
    sign_in(client, person)
    assert client.post(reverse("second_step"), {"code": codes[0]}).status_code == 422


def test_new_recovery_codes_replace_the_old_ones(client, person, enrolled):
    secret, old = enrolled
    sign_in(client, person)
    client.post(reverse("second_step"), {"code": code_from_secret(secret, steps_ahead=1)})
    page = client.post(reverse("otp_recovery_codes")).content.decode()
    new = re.findall(r"<li>([a-z2-7]{8})</li>", page)
    assert len(new) == 10 and not set(new) & set(old)
    stored = set(StaticToken.objects.filter(device__user=person).values_list("token", flat=True))
    assert stored == set(new)


def test_removing_the_app_needs_the_password(client, person, enrolled):
    secret, _codes = enrolled
    sign_in(client, person)
    client.post(reverse("second_step"), {"code": code_from_secret(secret, steps_ahead=1)})
    refused = client.post(reverse("otp_remove"), {"password": "khong-dung"})
    assert refused.status_code == 422 and "Mật khẩu không đúng" in refused.content.decode()
    assert TOTPDevice.objects.filter(user=person).exists()
    client.post(reverse("otp_remove"), {"password": PASSWORD})
    assert not TOTPDevice.objects.filter(user=person).exists()
    assert not StaticDevice.objects.filter(user=person).exists()
    client.post(reverse("logout"))
    assert sign_in(client, person).url == reverse("core:home")


def test_a_role_that_requires_it_must_set_it_up_before_anything_else(
    client, settings, agency_head, unit_officer
):
    settings.DANVAN_OTP_REQUIRED_ROLES = ["agency_leader", "inspector", "system_admin"]
    assert sign_in(client, unit_officer).url == reverse("core:home")
    client.post(reverse("logout"))

    response = sign_in(client, agency_head)
    assert response.url == reverse("otp_enrol")
    assert client.get(reverse("core:home")).url == reverse("otp_enrol")
    assert client.get(reverse("password_change")).url == reverse("otp_enrol")
    page = client.get(reverse("otp_enrol")).content.decode()
    assert "bắt buộc xác thực hai bước" in page
    # No menu leads anywhere else, but signing out stays at hand.
    assert "Điều hướng chính" not in page and f'action="{reverse("logout")}"' in page
    client.post(reverse("otp_enrol"), {"code": code_from_secret(secret_on(page))})
    assert client.get(reverse("core:home")).status_code == 200


def test_removing_a_required_app_sends_to_set_up_again(client, settings, person, enrolled):
    secret, _codes = enrolled
    sign_in(client, person)
    client.post(reverse("second_step"), {"code": code_from_secret(secret, steps_ahead=1)})
    settings.DANVAN_OTP_REQUIRED_ROLES = ["staff"]
    unit = UnitFactory()
    RoleAssignment.objects.create(user=person, role=Role.STAFF, agency=unit.agency, unit=unit)
    response = client.post(reverse("otp_remove"), {"password": PASSWORD})
    assert response.url == reverse("otp_enrol")
    assert client.get(reverse("core:home")).url == reverse("otp_enrol")


def test_an_unknown_role_in_the_setting_stops_the_start(settings):
    settings.DANVAN_OTP_REQUIRED_ROLES = ["lanh_dao"]
    with pytest.raises(SystemCheckError, match="lanh_dao"):
        call_command("check")
