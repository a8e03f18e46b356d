"""A citizen answers from the public link: once per device, within the rate
limit, with a clear message for bad input and for a survey not open."""

from datetime import date

import pytest
from django.urls import reverse

from danvan.surveys import public_views, services, tokens
from danvan.surveys.models import Answer, Response
from tests.surveys.conftest import form_data, public_url


def test_a_citizen_answers_and_is_thanked(client, published, lead_unit):
    page = client.get(public_url(published))
    assert page.status_code == 200 and tokens.DEVICE_COOKIE in page.cookies
    html = page.content.decode()
    assert "Thái độ của cán bộ" in html and "Sở Khoa học và Công nghệ" in html
    assert 'name="website"' in html and "Cache-Control" in page and "no-store" in page["Cache-Control"]
    response = client.post(
        public_url(published),
        form_data(published, mark="4", one="1", many=("0", "2"), text="Cần thêm ghế chờ", unit=lead_unit.pk),
    )
    assert response.status_code == 302
    thanks = client.get(response.url).content.decode()
    assert "Cảm ơn ông/bà" in thanks and "Cơ quan đã nhận ý kiến" in thanks
    stored = Response.objects.get()
    assert stored.unit == lead_unit and stored.device_key and not stored.contact
    assert sorted(Answer.objects.values_list("scale", flat=True), key=str) == [4, None, None, None]
    assert Answer.objects.get(question__text="Ông/bà biết thủ tục qua đâu").choices == [0, 2]


def test_a_second_answer_from_the_same_device_is_refused(client, published):
    client.get(public_url(published))
    client.post(public_url(published), form_data(published, mark="5"))
    assert "đã gửi phiếu" in client.get(public_url(published)).content.decode()
    again = client.post(public_url(published), form_data(published, mark="1"))
    assert again.status_code == 409 and "Thiết bị này đã gửi phiếu" in again.content.decode()
    assert Response.objects.count() == 1 and not Answer.objects.filter(scale=1).exists()


def test_another_device_answers_too(client, published):
    client.get(public_url(published))
    client.post(public_url(published), form_data(published))
    client.cookies.clear()
    client.get(public_url(published))
    assert client.post(public_url(published), form_data(published)).status_code == 302
    assert Response.objects.count() == 2


def test_a_post_without_the_device_cookie_stores_nothing(client, published):
    response = client.post(public_url(published), form_data(published))
    assert response.status_code == 409 and "bật cookie" in response.content.decode()
    assert not Response.objects.exists()


def test_a_forged_device_cookie_counts_as_none(client, published):
    client.cookies[tokens.DEVICE_COOKIE] = "gia-mao"
    response = client.post(public_url(published), form_data(published))
    assert response.status_code == 409 and not Response.objects.exists()


def test_the_honeypot_stores_nothing_and_says_nothing(client, published):
    client.get(public_url(published))
    response = client.post(public_url(published), form_data(published, website="http://spam.example"))
    assert response.status_code == 302 and response.url.endswith("/da-gui/")
    assert not Response.objects.exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"mark": "7"}, "Hãy chọn một mức từ 1 đến 5."),
        ({"mark": ""}, "Hãy trả lời câu hỏi này."),
        ({"one": "9"}, "Lựa chọn này không có trong câu hỏi."),
        ({"many": ("0", "8")}, "Lựa chọn này không có trong câu hỏi."),
        ({"text": "x" * 501}, "Câu trả lời dài tối đa 500 ký tự"),
    ],
)
def test_bad_input_is_refused_with_a_message(client, published, change, message):
    client.get(public_url(published))
    response = client.post(public_url(published), form_data(published, **change))
    html = response.content.decode()
    assert response.status_code == 422 and message in html and "Phiếu chưa gửi được" in html
    assert not Response.objects.exists() and not Answer.objects.exists()


def test_the_answers_come_back_after_an_error(client, published):
    client.get(public_url(published))
    html = client.post(public_url(published), form_data(published, mark="4", text="x" * 501)).content.decode()
    scale = published.questions.order_by("order").first()
    assert f'name="q{scale.pk}" id="id_q{scale.pk}_3" value="4" checked' in html


def test_the_answers_are_rate_limited_per_address(client, published, settings):
    settings.DANVAN_PUBLIC_SURVEY_LIMIT = 2
    for _ in range(2):
        client.cookies.clear()
        client.get(public_url(published))
        assert client.post(public_url(published), form_data(published)).status_code == 302
    client.cookies.clear()
    client.get(public_url(published))
    blocked = client.post(public_url(published), form_data(published))
    assert blocked.status_code == 429 and "thử lại sau 15 phút" in blocked.content.decode()
    assert Response.objects.count() == 2
    assert public_views.ANSWER_LIMIT == 30  # the default, DANVAN_PUBLIC_SURVEY_LIMIT


def test_a_closed_survey_says_so_and_stores_nothing(client, published, office_officer):
    client.get(public_url(published))
    services.close_survey(survey=published, on=date(2026, 6, 30), by=office_officer)
    page = client.get(public_url(published))
    assert page.status_code == 410 and "đã kết thúc" in page.content.decode()
    posted = client.post(public_url(published), form_data(published))
    assert posted.status_code == 410 and not Response.objects.exists()


def test_an_unknown_link_is_not_found(client, db):
    assert client.get(reverse("surveys_public:answer", args=["khong-co"])).status_code == 404


def test_the_contact_is_asked_only_when_the_office_allows_it(client, published, office_officer):
    client.get(public_url(published))
    client.post(public_url(published), form_data(published, contact="0909 123 456"))
    assert Response.objects.get().contact == ""
    services.update_survey(survey=published, allow_contact=True, by=office_officer)
    client.cookies.clear()
    html = client.get(public_url(published)).content.decode()
    assert "Số điện thoại hoặc thư điện tử" in html
    client.post(public_url(published), form_data(published, contact="0909 123 456"))
    assert set(Response.objects.values_list("contact", flat=True)) == {"", "0909 123 456"}
