"""The API answers its errors in Vietnamese, like the pages, and never names a model."""

import pytest
from django.urls import reverse
from rest_framework import fields, relations, serializers

from danvan.api.errors import FIELD_MESSAGES, field_message
from tests.factories import UserFactory


@pytest.fixture
def signed_in(client, db):
    client.force_login(UserFactory())
    return client


def test_anonymous_caller_is_told_in_vietnamese(client, db):
    response = client.get(reverse("api:me"))
    assert response.status_code == 403
    assert response.json() == {
        "detail": "Chưa đăng nhập: hãy đăng nhập hoặc gửi kèm thông tin xác thực.",
        "ma": "chua_xac_thuc",
    }


def test_an_object_out_of_reach_is_not_found_without_naming_the_model(signed_in):
    response = signed_in.get(reverse("api:report_detail", args=[999999]))
    assert response.status_code == 404
    assert response.json() == {"detail": "Không tìm thấy.", "ma": "khong_tim_thay"}
    assert "Report" not in response.content.decode() and "matches" not in response.content.decode()


def test_an_unknown_api_address_answers_json_in_vietnamese(signed_in):
    response = signed_in.get("/api/v1/khong-co")
    assert response.status_code == 404
    assert response.json() == {"detail": "Không tìm thấy.", "ma": "khong_tim_thay"}


def test_a_wrong_method_is_named_in_vietnamese(signed_in):
    response = signed_in.post(reverse("api:me"))
    assert response.status_code == 405
    assert response.json() == {
        "detail": "Phương thức POST không dùng được ở địa chỉ này.",
        "ma": "phuong_thuc_khong_dung",
    }


def test_a_missing_field_is_told_in_vietnamese(signed_in):
    response = signed_in.post(reverse("api:document_parse"), {})
    assert response.status_code == 400
    # Django's own Vietnamese wording of "No file was submitted." comes first.
    assert response.json() == {"file": ["Không có tập tin nào được gửi."], "ma": "du_lieu_khong_hop_le"}


def test_an_unsupported_body_is_told_in_vietnamese(signed_in):
    response = signed_in.post(reverse("api:document_parse"), "{}", content_type="application/json")
    assert response.status_code == 415
    assert response.json()["detail"] == "Kiểu dữ liệu «application/json» không được nhận."


def test_field_messages_keep_their_values():
    assert (
        field_message("Ensure this field has no more than 20 characters.") == "Không được dài quá 20 ký tự."
    )
    assert field_message('"x" is not a valid choice.') == "«x» không phải là một lựa chọn hợp lệ."
    # The project's own messages pass unchanged.
    assert field_message("Tệp quá lớn: tối đa 20 MB.") == "Tệp quá lớn: tối đa 20 MB."


def test_every_translated_message_is_one_rest_framework_writes():
    from django.utils import translation

    with translation.override("en"):
        written = {
            str(message)
            for module in (fields, serializers, relations)
            for cls in vars(module).values()
            if isinstance(cls, type) and hasattr(cls, "default_error_messages")
            for message in cls.default_error_messages.values()
        }
    assert set(FIELD_MESSAGES) <= written, set(FIELD_MESSAGES) - written


def test_a_page_past_the_end_is_not_found_with_its_own_code(signed_in):
    response = signed_in.get(reverse("api:plan_list"), {"page": 7})
    assert response.status_code == 404
    assert response.json() == {"detail": "Danh sách không có trang «7».", "ma": "trang_khong_co"}


@pytest.mark.parametrize("page", ["", "abc", "0", "²", "99999999999"])
def test_a_page_that_is_no_positive_number_is_malformed(signed_in, page):
    response = signed_in.get(reverse("api:plan_list"), {"page": page})
    assert response.status_code == 400
    assert response.json() == {"page": ["Giá trị phải là một số nguyên dương."], "ma": "du_lieu_khong_hop_le"}


@pytest.mark.parametrize("year", ["", "²", "2026.0"])
def test_a_filter_sent_empty_or_not_a_number_is_malformed(signed_in, year):
    # "²" passes str.isdigit() and then fails int(): it was a 500.
    response = signed_in.get(reverse("api:report_list"), {"nam": year})
    assert response.status_code == 400 and response.json()["ma"] == "du_lieu_khong_hop_le"


def test_a_changed_since_moment_out_of_the_years_kept_is_malformed(signed_in):
    # Year 212 at offset -22:33 aborted the request's transaction on PostgreSQL.
    response = signed_in.get(reverse("api:plan_list"), {"cap_nhat_tu": "0212-03-08T17:02:11-22:33"})
    assert response.status_code == 400 and response.json()["ma"] == "du_lieu_khong_hop_le"
