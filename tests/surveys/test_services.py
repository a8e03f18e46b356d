from datetime import date

import pytest

from danvan.core.services import DomainError
from danvan.surveys import services
from danvan.surveys.models import Answer, Question, Response, Survey
from tests.surveys.conftest import TODAY, answer, questions


def test_the_template_fills_a_draft_with_the_twelve_criteria(agency, office_officer):
    survey = services.create_criteria_survey(agency=agency, by=office_officer)
    rows = list(survey.questions.order_by("order"))
    assert survey.status == Survey.Status.DRAFT and len(rows) == 12
    assert [row.criterion for row in rows] == list(range(1, 13))
    assert rows[0].kind == Question.Kind.SCALE and "Đánh giá chung" in rows[0].text
    assert rows[6].kind == Question.Kind.ONE and rows[6].choices == ["1 lần", "2 lần", "Từ 3 lần trở lên"]
    assert len(survey.slug) == 8


def test_a_survey_targets_a_unit_a_procedure_and_a_period(agency, lead_unit, other_unit, office_officer):
    survey = services.create_survey(
        agency=agency,
        title="Khảo sát cấp giấy phép",
        unit=lead_unit,
        procedure="Cấp giấy chứng nhận đăng ký hoạt động khoa học",
        procedure_code="1.004561",
        starts_on=date(2026, 6, 1),
        ends_on=date(2026, 6, 30),
        by=office_officer,
    )
    assert (survey.unit, survey.procedure_code) == (lead_unit, "1.004561")
    with pytest.raises(DomainError, match="phải thuộc cơ quan"):
        services.create_survey(agency=agency, title="Sai đơn vị", unit=other_unit, by=office_officer)
    with pytest.raises(DomainError, match="không được trước ngày bắt đầu"):
        services.update_survey(survey=survey, ends_on=date(2026, 5, 1), by=office_officer)
    with pytest.raises(DomainError, match="tên phiếu"):
        services.create_survey(agency=agency, title="  ", by=office_officer)
    assert Survey.objects.count() == 1


def test_a_survey_about_petitions_never_asks_for_a_contact(agency, office_officer):
    survey = services.create_survey(
        agency=agency, title="Về giải quyết đơn", about_petitions=True, allow_contact=True, by=office_officer
    )
    assert survey.allow_contact is False
    survey = services.update_survey(survey=survey, allow_contact=True, by=office_officer)
    assert survey.allow_contact is False


def test_choice_questions_need_two_distinct_options(survey, office_officer):
    for choices, message in (
        (["Có"], "ít nhất 2 lựa chọn"),
        (["Có", "Có"], "trùng nhau"),
        (["x" * 201, "Không"], "tối đa 200"),
    ):
        with pytest.raises(DomainError, match=message):
            services.add_question(
                survey=survey, kind=Question.Kind.ONE, text="Hỏi", choices=choices, by=office_officer
            )
    with pytest.raises(DomainError, match="Loại câu hỏi"):
        services.add_question(survey=survey, kind="star", text="Hỏi", by=office_officer)
    assert survey.questions.count() == 4


def test_questions_are_edited_until_the_first_answer(published, office_officer):
    scale, one, _many, text = questions(published)
    services.update_question(
        question=text, kind=Question.Kind.TEXT, text="Góp ý thêm", required=False, by=office_officer
    )
    answer(published, mark=4, device="a")
    message = "đã có người trả lời nên không sửa được câu hỏi"
    with pytest.raises(DomainError, match=message):
        services.update_question(
            question=scale, kind=Question.Kind.SCALE, text="Khác", required=True, by=office_officer
        )
    with pytest.raises(DomainError, match=message):
        services.add_question(survey=published, kind=Question.Kind.SCALE, text="Thêm", by=office_officer)
    with pytest.raises(DomainError, match=message):
        services.remove_question(question=one, by=office_officer)
    scale.refresh_from_db()
    assert scale.text == "Thái độ của cán bộ" and published.questions.count() == 4


def test_a_draft_question_is_removed(survey, office_officer):
    _scale, _one, _many, text = questions(survey)
    services.remove_question(question=text, by=office_officer)
    assert survey.questions.count() == 3


def test_draft_published_closed(survey, office_officer):
    with pytest.raises(DomainError, match="chưa được công bố"):
        answer(survey, mark=5, device="a")
    services.publish_survey(survey=survey, on=date(2026, 1, 5), by=office_officer)
    with pytest.raises(DomainError, match="Chỉ công bố được phiếu đang soạn"):
        services.publish_survey(survey=survey, on=date(2026, 1, 6), by=office_officer)
    answer(survey, mark=5, device="a")
    services.close_survey(survey=survey, on=date(2026, 7, 1), by=office_officer)
    survey.refresh_from_db()
    assert (survey.status, survey.closed_on) == (Survey.Status.CLOSED, date(2026, 7, 1))
    with pytest.raises(DomainError, match="đã kết thúc"):
        answer(survey, mark=5, device="b")
    with pytest.raises(DomainError, match="đã kết thúc"):
        services.update_survey(survey=survey, title="Khác", by=office_officer)
    assert Response.objects.count() == 1


def test_an_empty_survey_is_not_published(agency, office_officer):
    survey = services.create_survey(agency=agency, title="Trống", by=office_officer)
    with pytest.raises(DomainError, match="chưa có câu hỏi"):
        services.publish_survey(survey=survey, on=TODAY, by=office_officer)


def test_one_answer_per_device(published):
    answer(published, mark=5, device="thiet-bi-1")
    with pytest.raises(DomainError, match="Thiết bị này đã gửi phiếu"):
        answer(published, mark=1, device="thiet-bi-1")
    assert Response.objects.count() == 1 and Answer.objects.filter(scale=1).count() == 0


def test_one_answer_per_petition(agency, office_officer):
    from tests.surveys.conftest import build_survey

    survey = build_survey(agency, office_officer, about_petitions=True)
    services.publish_survey(survey=survey, on=date(2026, 1, 5), by=office_officer)
    with pytest.raises(DomainError, match="dành cho người đã gửi đơn"):
        answer(survey, mark=5, device="a")
    answer(survey, mark=5, device="", petition_key="don-1")
    answer(survey, mark=4, device="", petition_key="don-2")
    with pytest.raises(DomainError, match="về đơn này đã được gửi"):
        answer(survey, mark=3, device="", petition_key="don-1")
    assert survey.responses.count() == 2


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"mark": 7}, "mức đánh giá phải từ 1 đến 5"),
        ({"mark": True}, "mức đánh giá phải từ 1 đến 5"),
        ({"mark": None}, "cần được trả lời"),
        ({"one": 5}, "lựa chọn không có trong câu hỏi"),
        ({"many": [0, 0]}, "được chọn hai lần"),
        ({"many": [9]}, "lựa chọn không có trong câu hỏi"),
        ({"text": "x" * 501}, "dài tối đa 500 ký tự"),
    ],
)
def test_bad_answers_store_nothing(published, change, message):
    values = {"mark": 5, "one": 0, "many": [], "text": "", **change}
    with pytest.raises(DomainError, match=message):
        answer(published, device="a", **values)
    assert Response.objects.count() == 0 and Answer.objects.count() == 0


def test_a_question_of_another_survey_is_refused(published, agency, office_officer):
    from tests.surveys.conftest import build_survey

    other = build_survey(agency, office_officer)
    with pytest.raises(DomainError, match="không thuộc cuộc khảo sát"):
        services.submit_response(
            survey=published, values={other.questions.first().pk: 5}, today=TODAY, device_key="a"
        )
    assert Response.objects.count() == 0


def test_a_device_without_a_token_is_refused(published):
    with pytest.raises(DomainError, match="bật cookie"):
        answer(published, mark=5, device="")


def test_the_period_limits_the_answers(published, office_officer):
    services.update_survey(
        survey=published, starts_on=date(2026, 6, 1), ends_on=date(2026, 6, 30), by=office_officer
    )
    with pytest.raises(DomainError, match="chưa đến thời gian"):
        answer(published, mark=5, device="a", on=date(2026, 5, 31))
    answer(published, mark=5, device="a", on=date(2026, 6, 30))
    with pytest.raises(DomainError, match="đã kết thúc"):
        answer(published, mark=5, device="b", on=date(2026, 7, 1))


def test_the_daily_step_closes_a_survey_whose_period_is_over(published, office_officer):
    services.update_survey(survey=published, ends_on=date(2026, 6, 30), by=office_officer)
    assert services.close_ended_surveys(today=date(2026, 6, 30)) == 0
    assert services.close_ended_surveys(today=date(2026, 7, 1)) == 1
    assert services.close_ended_surveys(today=date(2026, 7, 1)) == 0
    published.refresh_from_db()
    assert (published.status, published.closed_on) == (Survey.Status.CLOSED, date(2026, 6, 30))


def test_the_unit_is_the_survey_s_or_one_of_the_agency_s(published, lead_unit, other_unit, office_officer):
    answer(published, mark=5, device="a", unit=lead_unit)
    with pytest.raises(DomainError, match="không thuộc phiếu"):
        answer(published, mark=5, device="b", unit=other_unit)
    assert Response.objects.get().unit == lead_unit
