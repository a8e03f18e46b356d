"""The citizen's side: submit without an account, get a code, look it up."""

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danvan.petitions import views
from danvan.petitions.models import Attachment, Petition
from tests.petitions.factories import petition_for

FORM = {
    "kind": "feedback",
    "full_name": "Đặng Thị Hoa",
    "address": "Phường 1",
    "phone": "0987 654 321",
    "subject": "Đèn đường hỏng",
    "content": "Đèn đường hẻm 12 hỏng hai tuần.",
}


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()


def submit(client, agency, **overrides):
    return client.post(reverse("petitions_public:submit"), {**FORM, "agency": agency.pk, **overrides})


def test_citizen_submits_and_sees_the_code(client, agency):
    response = submit(client, agency)
    petition = Petition.objects.get()
    assert response.url == reverse("petitions_public:submitted")
    assert petition.code in client.get(response.url).content.decode()
    assert petition.source == Petition.Source.ONLINE and petition.lookup_digits == "4321"


def test_submission_needs_a_phone_or_an_email(client, agency):
    response = submit(client, agency, phone="")
    assert response.status_code == 422 and not Petition.objects.exists()


def test_executable_attachment_is_refused(client, agency):
    upload = SimpleUploadedFile("don.pdf", b"MZ\x90\x00" + b"\x00" * 100)
    response = submit(client, agency, attachment=upload)
    assert response.status_code == 422 and not Petition.objects.exists()


def test_pdf_attachment_is_kept(client, agency):
    upload = SimpleUploadedFile("don.pdf", b"%PDF-1.7\n...")
    submit(client, agency, attachment=upload)
    assert Attachment.objects.get().content_type == "application/pdf"


def test_oversized_attachment_is_refused(client, agency):
    upload = SimpleUploadedFile("don.pdf", b"%PDF-1.7\n" + b"0" * (10 * 1024 * 1024))
    assert submit(client, agency, attachment=upload).status_code == 422


def lookup(client, code, digits):
    return client.post(reverse("petitions_public:lookup"), {"code": code, "digits": digits})


def test_lookup_by_code_and_last_four_digits_shows_the_status(client, petition):
    html = lookup(client, petition.code, "5678").content.decode()
    assert "Mới tiếp nhận" in html and petition.subject in html


def test_wrong_code_and_wrong_digits_get_the_same_message(client, petition):
    wrong_code = lookup(client, "AAAAA-AAAAA", "5678").content.decode()
    wrong_digits = lookup(client, petition.code, "0000").content.decode()
    assert str(views.NOT_FOUND) in wrong_code and str(views.NOT_FOUND) in wrong_digits
    assert petition.subject not in wrong_digits


@pytest.mark.parametrize("in_place", [False, True], ids=["whole-page", "in-place"])
def test_lookup_is_rate_limited_per_address(client, petition, in_place):
    ask = lookup_in_place if in_place else lookup
    for _ in range(views.LOOKUP_LIMIT):
        ask(client, "AAAAA-AAAAA", "0000")
    html = ask(client, petition.code, "5678").content.decode()
    assert "quá nhiều lần" in html and petition.subject not in html


def test_lookup_never_shows_the_denouncer(client, denunciation):
    html = lookup(client, denunciation.code, "5678").content.decode()
    assert "Hoàng Thị Mật" not in html and denunciation.code in html


def test_the_lookup_limit_is_a_setting(client, petition, settings):
    settings.DANVAN_PUBLIC_LOOKUP_LIMIT = 2
    lookup(client, "AAAAA-AAAAA", "0000")
    lookup(client, "AAAAA-AAAAA", "0000")
    assert "quá nhiều lần" in lookup(client, petition.code, "5678").content.decode()


def test_behind_a_proxy_each_citizen_has_their_own_limit(client, petition, settings):
    settings.DANVAN_PUBLIC_LOOKUP_LIMIT = 2
    settings.DANVAN_TRUSTED_PROXIES = ["127.0.0.1"]
    url = reverse("petitions_public:lookup")
    data = {"code": "AAAAA-AAAAA", "digits": "0000"}
    for _ in range(3):
        client.post(url, data, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.1")
    blocked = client.post(url, data, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.1")
    other = client.post(url, data, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.2")
    assert "quá nhiều lần" in blocked.content.decode()
    assert "quá nhiều lần" not in other.content.decode()


def test_the_submission_limit_is_a_setting(client, agency, settings):
    settings.DANVAN_PUBLIC_SUBMIT_LIMIT = 50
    for _ in range(views.SUBMIT_LIMIT + 2):
        submit(client, agency)
    assert Petition.objects.count() == views.SUBMIT_LIMIT + 2


def test_lookup_page_speaks_english_when_asked(client, petition):
    url = reverse("petitions_public:lookup")
    data = {"code": petition.code, "digits": "5678"}
    html = client.post(url, data, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="en">' in html
    assert '<h1 class="h3">Look up the handling of a petition</h1>' in html
    assert "Case code" in html and "Last 4 digits of the phone given" in html
    assert "Received on: 02/03/2026" in html and "Status" in html and "Skip to main content" in html
    assert "Tra cứu kết quả xử lý đơn" not in html


def test_lookup_page_has_the_language_form_with_its_csrf_token(client):
    client.handler.enforce_csrf_checks = True
    html = client.get(reverse("petitions_public:lookup") + "?a=1").content.decode()
    footer = html.split("<footer", 1)[1]
    assert f'action="{reverse("set_language")}"' in footer
    assert 'name="next" value="/cong-dan/tra-cuu/?a=1"' in footer
    assert '<option value="vi" selected>Tiếng Việt</option><option value="en">English</option>' in footer
    token = footer.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    changed = client.post(
        reverse("set_language"), {"language": "en", "next": "/", "csrfmiddlewaretoken": token}
    )
    assert changed.status_code == 302


def test_a_script_in_the_subject_is_shown_as_text(client, agency):
    petition = petition_for(agency, subject='<script>alert("x")</script>')
    html = lookup(client, petition.code, "5678").content.decode()
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert '<script>alert("x")' not in html


def lookup_in_place(client, code, digits):
    """What the page's script sends: the same form, with htmx's header."""
    return client.post(
        reverse("petitions_public:lookup"), {"code": code, "digits": digits}, headers={"HX-Request": "true"}
    )


def test_lookup_in_place_answers_with_the_result_alone(client, petition):
    response = lookup_in_place(client, petition.code, "5678")
    html = response.content.decode()
    assert "<html" not in html and "<form" not in html
    assert f"<code>{petition.code}</code>" in html and "Mới tiếp nhận" in html and petition.subject in html
    assert "no-store" in response["Cache-Control"].split(", ")
    assert "HX-Request" in response["Vary"]


def test_lookup_in_place_gives_the_same_refusal_for_either_wrong_part(client, petition):
    wrong_code = lookup_in_place(client, "AAAAA-AAAAA", "5678").content.decode()
    wrong_digits = lookup_in_place(client, petition.code, "0000").content.decode()
    assert wrong_code == wrong_digits
    assert str(views.NOT_FOUND) in wrong_digits and 'role="alert"' in wrong_digits
    assert petition.subject not in wrong_digits


def test_lookup_in_place_names_the_field_that_is_wrong(client, petition):
    html = lookup_in_place(client, petition.code, "56").content.decode()
    assert "4 số cuối điện thoại đã khai:" in html and petition.subject not in html


def test_the_page_posts_in_place_and_answers_without_script_too(client, petition):
    page = client.get(reverse("petitions_public:lookup")).content.decode()
    assert f'hx-post="{reverse("petitions_public:lookup")}"' in page and 'id="ket-qua-tra-cuu"' in page
    whole = lookup(client, petition.code, "5678").content.decode()
    assert "<html" in whole and petition.subject in whole


def test_the_whole_page_links_a_field_to_its_error(client, petition):
    html = lookup(client, petition.code, "56").content.decode()
    assert 'aria-describedby="id_digits_error"' in html and 'id="id_digits_error"' in html


def test_lookup_in_place_reads_in_three_queries(client, petition, django_assert_num_queries):
    # 1: the address's count (one statement), 2: the petition with its agency,
    # 3: the limit by which the sender is answered, with its legal source.
    with django_assert_num_queries(3):
        html = lookup_in_place(client, petition.code, "5678").content.decode()
    assert petition.subject in html and "Hạn trả lời theo quy định" in html
