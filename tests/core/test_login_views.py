import pytest
from django.urls import reverse

from tests.factories import UserFactory

PASSWORD = "Mat-khau-thu-2026"


@pytest.fixture
def person(db):
    return UserFactory(username="thu.nv")


def sign_in(client, password):
    return client.post(reverse("login"), {"username": "thu.nv", "password": password})


def test_right_password_signs_in_and_lands_on_home(client, person):
    response = sign_in(client, PASSWORD)
    assert response.status_code == 302 and response.url == reverse("core:home")


def test_wrong_password_is_told_in_vietnamese(client, person):
    response = sign_in(client, "sai-mat-khau")
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.content.decode()


def test_five_wrong_passwords_lock_the_account(client, person):
    for _ in range(5):
        sign_in(client, "sai-mat-khau")
    response = sign_in(client, PASSWORD)
    # Even the right password is refused while the account is locked.
    assert response.status_code == 429
    assert "Tài khoản tạm khóa" in response.content.decode()


def test_four_wrong_passwords_do_not_lock(client, person):
    for _ in range(4):
        sign_in(client, "sai-mat-khau")
    assert sign_in(client, PASSWORD).status_code == 302


def test_logout_needs_post_and_ends_the_session(client, person):
    client.force_login(person)
    client.post(reverse("logout"))
    assert client.get(reverse("core:home")).status_code == 302


def test_temporary_password_forces_a_change_first(client, db):
    person = UserFactory(must_change_password=True)
    client.force_login(person)
    response = client.get(reverse("core:home"))
    assert response.status_code == 302 and response.url == reverse("password_change")


def test_changing_password_clears_the_flag(client, db):
    person = UserFactory(must_change_password=True)
    client.force_login(person)
    new = "Mot-mat-khau-moi-2026"
    data = {"old_password": PASSWORD, "new_password1": new, "new_password2": new}
    client.post(reverse("password_change"), data)
    person.refresh_from_db()
    assert not person.must_change_password and person.check_password(new)


def test_weak_new_password_is_refused_in_vietnamese(client, person):
    client.force_login(person)
    data = {"old_password": PASSWORD, "new_password1": "12345678", "new_password2": "12345678"}
    response = client.post(reverse("password_change"), data)
    assert response.status_code == 422
    assert "Mật khẩu" in response.content.decode()


def test_session_expires_at_browser_close_and_after_hours(settings):
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert settings.SESSION_COOKIE_AGE <= 8 * 3600


def test_pages_carry_csp_and_security_headers(client, person):
    client.force_login(person)
    response = client.get(reverse("core:home"))
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_forms_are_csrf_protected(db, person):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post(reverse("login"), {"username": "thu.nv", "password": PASSWORD}).status_code == 403
