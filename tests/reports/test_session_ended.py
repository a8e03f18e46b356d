"""A report form sent after the person's session ended: nothing pretends to be
saved, the person comes back to the same form after signing in, and no
address answers an empty 405 (danvan/core/middleware.py, SessionEndedMiddleware)."""

from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse

from danvan.core.middleware import SAVED_COOKIE
from danvan.reports.models import Report

ENDED = "Phiên làm việc đã hết hạn — nội dung bạn nhập vẫn được giữ trên máy này; đăng nhập lại để lưu."


def sections(report, **typed):
    return {"revision": report.revision, **{name: "" for name in Report.SECTIONS}, **typed}


def next_of(response) -> str:
    location = urlsplit(response["Location"])
    assert location.path == reverse("login")
    return parse_qs(location.query)["next"][0]


@pytest.fixture
def ended(client, unit_officer):
    """A browser that signed in as the unit's officer, whose session then ended."""
    client.force_login(unit_officer)
    Session.objects.all().delete()
    return client


def test_autosave_after_the_session_ended_answers_401_and_saves_nothing(ended, lead_report):
    detail = "http://testserver" + reverse("reports:report_detail", args=[lead_report.pk])
    response = ended.post(
        reverse("reports:report_autosave", args=[lead_report.pk]),
        sections(lead_report, results="Đang viết dở"),
        HTTP_HX_REQUEST="true",
        HTTP_HX_CURRENT_URL=detail,
    )
    assert response.status_code == 401
    assert response["HX-Trigger"] == "danvan:session-ended"
    body = response.content.decode()
    assert ENDED in body and "Đã tự động lưu" not in body
    # The link signs in again and comes back to the report's page.
    assert f"?next={reverse('reports:report_detail', args=[lead_report.pk])}".replace("/", "%2F") in body
    lead_report.refresh_from_db()
    assert lead_report.results == "" and lead_report.revision == 0


def test_a_form_sent_after_the_session_ended_signs_in_again_to_the_form_page(ended, lead_report):
    detail = reverse("reports:report_detail", args=[lead_report.pk])
    response = ended.post(
        reverse("reports:report_save", args=[lead_report.pk]),
        sections(lead_report, results="Kết quả đã viết"),
        HTTP_REFERER=f"http://testserver{detail}",
    )
    assert response.status_code == 302
    assert next_of(response) == detail
    lead_report.refresh_from_db()
    assert lead_report.results == ""


def test_a_referer_of_another_site_is_not_followed(ended, lead_report):
    response = ended.post(
        reverse("reports:report_save", args=[lead_report.pk]),
        sections(lead_report, results="Kết quả"),
        HTTP_REFERER="https://example.com/bao-cao/",
    )
    # Without a usable page of the form, the page above the POST-only address.
    assert next_of(response) == reverse("reports:report_detail", args=[lead_report.pk])


def test_a_signed_out_get_of_a_post_only_address_signs_in_to_its_page(client, lead_report):
    response = client.get(reverse("reports:report_save", args=[lead_report.pk]))
    assert next_of(response) == reverse("reports:report_detail", args=[lead_report.pk])


def test_a_signed_out_get_of_a_page_keeps_its_own_next(client, lead_report):
    detail = reverse("reports:report_detail", args=[lead_report.pk])
    assert next_of(client.get(detail)) == detail


def test_signing_in_again_comes_back_to_the_form_page(ended, unit_officer, lead_report):
    detail = reverse("reports:report_detail", args=[lead_report.pk])
    sent = ended.post(
        reverse("reports:report_save", args=[lead_report.pk]),
        sections(lead_report, results="Kết quả"),
        HTTP_REFERER=f"http://testserver{detail}",
    )
    login = {"username": unit_officer.username, "password": "Mat-khau-thu-2026"}
    signed_in = ended.post(sent["Location"], {**login, "next": next_of(sent)})
    assert signed_in.status_code == 302 and signed_in["Location"] == detail
    page = ended.get(detail)
    assert page.status_code == 200 and 'name="results"' in page.content.decode()


def test_a_signed_in_get_of_a_post_only_address_is_a_vietnamese_page(client, unit_officer, lead_report):
    client.force_login(unit_officer)
    response = client.get(reverse("reports:report_save", args=[lead_report.pk]))
    assert response.status_code == 405
    body = response.content.decode()
    assert "Trang này chỉ nhận dữ liệu gửi từ biểu mẫu" in body
    assert f'href="{reverse("reports:report_detail", args=[lead_report.pk])}"' in body


def test_a_saved_form_marks_its_address_for_the_page_script(client, unit_officer, lead_report):
    client.force_login(unit_officer)
    save = reverse("reports:report_save", args=[lead_report.pk])
    response = client.post(save, sections(lead_report, results="Kết quả"))
    assert response.status_code == 302
    assert unquote(response.cookies[SAVED_COOKIE].value).split("|") == [save]
    assert response.cookies[SAVED_COOKIE]["httponly"] == ""


def test_a_refused_form_does_not_mark_its_address(client, unit_officer, lead_report):
    client.force_login(unit_officer)
    save = reverse("reports:report_save", args=[lead_report.pk])
    response = client.post(save, {**sections(lead_report), "results": "x" * 100001})
    assert response.status_code == 422
    assert SAVED_COOKIE not in response.cookies
