"""Every role × every survey page: the office builds, whoever reads the agency
reads the results, another agency gets 404; a citizen answers a published
survey only."""

from datetime import date

import pytest
from django.urls import reverse

from danvan.surveys import services
from danvan.surveys.models import Survey
from tests.matrix import ROLES, matrix_cases, status_for
from tests.surveys.conftest import form_data, public_url

# tests.matrix.ROLES order: system_admin, province_officer, agency_head, office_officer,
# unit_head, unit_officer, inspector, people_inspector, other_agency_officer.
MATRIX = [
    ("surveys:survey_list", [], [200, 200, 200, 200, 200, 200, 200, 200, 200]),
    ("surveys:survey_create", [], [200, 403, 403, 200, 403, 403, 403, 403, 200]),
    ("surveys:survey_detail", ["survey"], [200, 200, 200, 200, 200, 200, 200, 200, 404]),
    ("surveys:survey_edit", ["survey"], [200, 403, 403, 200, 403, 403, 403, 403, 404]),
    ("surveys:question_add", ["survey"], [200, 403, 403, 200, 403, 403, 403, 403, 404]),
    ("surveys:survey_results", ["survey"], [200, 200, 200, 200, 200, 200, 200, 200, 404]),
    ("surveys:survey_export", ["survey"], [200, 200, 200, 200, 200, 200, 200, 200, 404]),
    ("surveys:survey_poster", ["survey"], [200, 200, 200, 200, 200, 200, 200, 200, 404]),
    ("surveys:survey_qr", ["survey"], [200, 200, 200, 200, 200, 200, 200, 200, 404]),
]


@pytest.fixture(autouse=True)
def _agency(agency):
    """The agency exists for every row, so the administrator may create a survey for it."""


PUBLISH = [302, 403, 403, 302, 403, 403, 403, 403, 404]


@pytest.mark.parametrize(("view", "args", "role", "status"), matrix_cases(MATRIX))
def test_role_gets_expected_status(client, request, view, args, role, status):
    assert status_for(client, request, view, args, role) == status


@pytest.mark.parametrize(("role", "status"), list(zip(ROLES, PUBLISH, strict=True)))
def test_publishing_by_role(client, request, survey, role, status):
    client.force_login(request.getfixturevalue(role))
    response = client.post(reverse("surveys:survey_publish", args=[survey.pk]))
    assert response.status_code == status
    survey.refresh_from_db()
    assert (survey.status == Survey.Status.PUBLISHED) == (status == 302)


def test_the_office_edits_a_question_of_another_agency_as_not_found(client, other_agency_officer, survey):
    client.force_login(other_agency_officer)
    question = survey.questions.first()
    url = reverse("surveys:question_edit", args=[survey.pk, question.pk])
    assert client.post(url, {"kind": "scale", "text": "Đổi"}).status_code == 404
    question.refresh_from_db()
    assert question.text == "Thái độ của cán bộ"


def test_anonymous_answers_a_published_survey_only(client, survey, office_officer):
    assert client.get(public_url(survey)).status_code == 404
    assert client.post(public_url(survey), form_data(survey)).status_code == 404
    assert survey.responses.count() == 0
    services.publish_survey(survey=survey, on=date(2026, 1, 5), by=office_officer)
    assert client.get(public_url(survey)).status_code == 200
    assert client.post(public_url(survey), form_data(survey)).status_code == 302
    assert survey.responses.count() == 1
    # The officials' pages stay behind the sign-in.
    client.cookies.clear()
    response = client.get(reverse("surveys:survey_results", args=[survey.pk]))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_the_office_builds_a_survey_from_the_template_in_one_click(client, office_officer, agency):
    client.force_login(office_officer)
    page = client.get(reverse("surveys:survey_list")).content.decode()
    assert "Tạo phiếu theo mẫu 12 tiêu chí" in page
    response = client.post(reverse("surveys:survey_from_template"), {"agency": agency.pk})
    survey = Survey.objects.get()
    assert response.url == reverse("surveys:survey_detail", args=[survey.pk])
    assert survey.questions.count() == 12 and survey.created_by == office_officer


def test_the_template_for_another_agency_is_refused(client, office_officer, other_agency):
    client.force_login(office_officer)
    response = client.post(reverse("surveys:survey_from_template"), {"agency": other_agency.pk})
    assert response.status_code == 403 and not Survey.objects.exists()


def test_the_office_builds_a_survey_through_the_pages(client, office_officer, agency, lead_unit):
    client.force_login(office_officer)
    response = client.post(
        reverse("surveys:survey_create"),
        {
            "agency": agency.pk,
            "title": "Khảo sát cấp phép",
            "unit": lead_unit.pk,
            "procedure_code": "1.004561",
            "starts_on": "01/06/2030",
            "ends_on": "30/06/2030",
        },
    )
    survey = Survey.objects.get()
    assert response.status_code == 302 and survey.starts_on == date(2030, 6, 1) and survey.unit == lead_unit
    add = reverse("surveys:question_add", args=[survey.pk])
    bad = client.post(add, {"kind": "one", "text": "Đi lại mấy lần", "choices": "Một lần", "required": "on"})
    assert bad.status_code == 422 and "ít nhất 2 lựa chọn" in bad.content.decode()
    client.post(
        add, {"kind": "one", "text": "Đi lại mấy lần", "choices": "Một lần\nHai lần\n", "required": "on"}
    )
    assert list(survey.questions.values_list("choices", flat=True)) == [["Một lần", "Hai lần"]]
    client.post(reverse("surveys:survey_publish", args=[survey.pk]))
    survey.refresh_from_db()
    assert survey.status == Survey.Status.PUBLISHED
    page = client.get(reverse("surveys:survey_detail", args=[survey.pk])).content.decode()
    assert f"/cong-dan/khao-sat/{survey.slug}/" in page


def test_editing_questions_after_an_answer_says_why(client, office_officer, published):
    client.get(public_url(published))
    assert client.post(public_url(published), form_data(published)).status_code == 302
    client.force_login(office_officer)
    question = published.questions.first()
    response = client.post(
        reverse("surveys:question_edit", args=[published.pk, question.pk]),
        {"kind": "scale", "text": "Câu khác", "required": "on"},
    )
    assert response.status_code == 422
    assert "đã có người trả lời nên không sửa được câu hỏi" in response.content.decode()
    question.refresh_from_db()
    assert question.text == "Thái độ của cán bộ"
    response = client.post(reverse("surveys:question_remove", args=[published.pk, question.pk]), follow=True)
    assert "không sửa được câu hỏi" in response.content.decode() and published.questions.count() == 4


def test_the_printable_page_has_the_agency_the_title_the_link_and_the_qr(client, unit_officer, published):
    client.force_login(unit_officer)
    page = client.get(reverse("surveys:survey_poster", args=[published.pk])).content.decode()
    assert "Sở Khoa học và Công nghệ" in page and "Khảo sát bộ phận một cửa" in page
    assert f"/cong-dan/khao-sat/{published.slug}/" in page and "<svg" in page
    png = client.get(reverse("surveys:survey_qr", args=[published.pk]))
    assert png["Content-Type"] == "image/png" and png.content.startswith(b"\x89PNG")
