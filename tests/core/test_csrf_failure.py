"""A form refused by the CSRF check: a Vietnamese page that gives back what
the person typed, and lets them send it again on a fresh form."""

import re
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory

COMMENT = 'Đơn vị đã hoàn thành 3/4 chỉ tiêu <script>alert("x")</script> & còn lại trong quý IV'


def token_on(page) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)


@pytest.fixture
def strict(db):
    """A person whose open page (first tab) was sent after they signed out and
    in again in a second tab: the page's token is no longer the browser's."""
    client = Client(enforce_csrf_checks=True)
    person = UserFactory(username="thu.nv")
    login = {"username": "thu.nv", "password": "Mat-khau-thu-2026"}
    client.post(reverse("login"), {**login, "csrfmiddlewaretoken": token_on(client.get(reverse("login")))})
    old_token = token_on(client.get(reverse("core:notifications")))
    client.post(reverse("logout"), {"csrfmiddlewaretoken": old_token})
    client.post(reverse("login"), {**login, "csrfmiddlewaretoken": token_on(client.get(reverse("login")))})
    assert client.get(reverse("core:home")).status_code == 200
    client.old_token = old_token
    return client, person


def post_stale(client, data, **headers):
    return client.post(
        reverse("core:notifications"), {"csrfmiddlewaretoken": client.old_token, **data}, **headers
    )


def test_a_refused_form_is_explained_in_vietnamese(strict):
    client, _person = strict
    response = post_stale(client, {"comment": "ghi chú"}, HTTP_ORIGIN="http://testserver")
    page = response.content.decode()
    assert response.status_code == 403
    assert "Nội dung chưa được gửi" in page and "đăng nhập lại" in page
    assert "CSRF verification failed" not in page and "Forbidden" not in page


def test_what_was_typed_is_given_back_escaped_and_without_secrets(strict):
    client, _person = strict
    data = {"comment": COMMENT, "password": "Mat-khau-bi-mat-2026", "unit": "17"}
    page = post_stale(client, data, HTTP_ORIGIN="http://testserver").content.decode()
    areas = re.findall(r"<textarea[^>]*readonly>(.*?)</textarea>", page, re.S)
    # Only the words typed are shown to copy, not the ids chosen from a list.
    assert [unescape(text) for text in areas] == [COMMENT]
    assert "<script>alert" not in page
    assert "Mat-khau-bi-mat-2026" not in page and client.old_token not in page
    assert "Mật khẩu không được giữ lại" in page


def test_the_text_can_be_sent_again_on_a_fresh_form(strict):
    client, person = strict
    page = post_stale(client, {"digest": "1", "comment": COMMENT}, HTTP_ORIGIN="http://testserver")
    form = re.search(
        r'<form method="post" action="([^"]+)" id="gui-lai">(.*?)</form>', page.content.decode(), re.S
    )
    assert form.group(1) == reverse("core:notifications")
    fields = {}
    for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form.group(2)):
        fields[unescape(name)] = unescape(value)
    assert fields["comment"] == COMMENT and fields["csrfmiddlewaretoken"] != client.old_token
    response = client.post(form.group(1), fields, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.notification_digest


def test_a_form_sent_from_another_site_is_not_offered_again(strict):
    client, _person = strict
    page = post_stale(client, {"digest": "1"}, HTTP_ORIGIN="https://ke-gia-mao.example").content.decode()
    assert "gửi lại nội dung này" not in page
    assert 'name="digest"' not in page
