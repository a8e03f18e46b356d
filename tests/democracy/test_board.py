"""The People's Inspection Board (Luật 10/2022/QH15 Điều 60–63, NĐ 59/2023/NĐ-CP
Điều 21–22): its time limits on a 2026 calendar with Tết (16–20/02), an extra
day off (Monday 23/02) and a make-up Saturday (28/02); its membership rules."""

from datetime import date

import pytest
from django.urls import reverse

from danvan.core.calendar import WorkingCalendar
from danvan.core.models import Role
from danvan.core.services import DomainError
from danvan.democracy import services
from danvan.democracy.models import BoardInspection, BoardMember, BoardRecommendation, InspectionBoard
from tests.factories import person_with_role

# conference day, the trade union's recognition due (5 working days after).
RECOGNITION = [
    (date(2026, 2, 13), date(2026, 2, 28)),  # before Tết: 24–27/02 and the make-up Saturday
    (date(2026, 2, 12), date(2026, 2, 27)),  # 13/02, then 24–27/02
    (date(2026, 3, 2), date(2026, 3, 9)),  # an ordinary week, over a weekend
]

# inspection day, the latest day to notify the inspected party (5 working days before).
NOTICE = [
    (date(2026, 3, 3), date(2026, 2, 25)),  # 02/03, make-up Saturday 28/02, 27, 26, 25/02
    (date(2026, 2, 25), date(2026, 2, 10)),  # back over 24/02, the day off, Tết and a weekend
    (date(2026, 3, 13), date(2026, 3, 6)),  # an ordinary week
]

# recommendation sent, the head's answer due (15 days; a last day off moves on).
ANSWER = [
    (date(2026, 3, 10), date(2026, 3, 25)),  # a Wednesday
    (date(2026, 2, 13), date(2026, 2, 28)),  # day 15 is the make-up Saturday: a working day
    (date(2026, 2, 6), date(2026, 2, 24)),  # day 15 is Saturday 21/02: after the weekend and 23/02
]


@pytest.mark.parametrize(("start", "due"), RECOGNITION)
def test_recognition_is_due_five_working_days_after_the_conference(calendar_2026, start, due):
    counted, explanation = services.count_recognition_due(start, WorkingCalendar.load())
    assert counted == due
    assert f"{start:%d/%m/%Y}" in explanation and f"{due:%d/%m/%Y}" in explanation
    assert "Điều 21" in explanation


@pytest.mark.parametrize(("planned", "latest"), NOTICE)
def test_the_notice_goes_out_five_working_days_before(calendar_2026, planned, latest):
    counted, explanation = services.count_notice_latest(planned, WorkingCalendar.load())
    assert counted == latest
    assert WorkingCalendar.load().add_working_days(latest, 5) == planned
    assert f"{latest:%d/%m/%Y}" in explanation and "Điều 22" in explanation


@pytest.mark.parametrize(("sent", "due"), ANSWER)
def test_the_head_answers_within_fifteen_days(calendar_2026, sent, due):
    counted, explanation = services.count_answer_due(sent, WorkingCalendar.load())
    assert counted == due
    assert f"{due:%d/%m/%Y}" in explanation and "Điều 63" in explanation


def test_a_moved_answer_day_says_why(calendar_2026):
    _due, explanation = services.count_answer_due(date(2026, 2, 6), WorkingCalendar.load())
    assert "21/02/2026" in explanation and "Điều 148 khoản 5" in explanation


def test_the_board_stores_its_term_and_recognition_due(board):
    assert board.term_end == date(2028, 2, 13)
    assert board.recognition_due == date(2026, 2, 28)
    assert "13/02/2026" in board.recognition_explanation
    assert board.members.count() == 3
    assert (
        board.members.get(post=BoardMember.Post.CHAIR)
        .person.role_assignments.filter(role=Role.PEOPLE_INSPECTOR)
        .exists()
    )


def test_recognition_on_the_make_up_saturday_is_on_time_and_on_monday_late(board, office_officer):
    services.record_recognition(
        board=board, recognised_on=date(2026, 2, 28), today=date(2026, 3, 9), by=office_officer
    )
    assert not board.recognition_is_late()
    board.recognised_on = date(2026, 3, 2)
    assert board.recognition_is_late()


def test_unrecognised_after_its_due_date_is_late(board):
    assert not board.recognition_is_late(date(2026, 2, 28))
    assert board.recognition_is_late(date(2026, 3, 2))


def _elect(agency, by, seats, staff_count=30):
    return services.elect_board(
        agency=agency,
        elected_on=date(2026, 1, 20),
        staff_count=staff_count,
        seats=seats,
        today=date(2026, 3, 1),
        by=by,
    )


def _seats(people, vice=0):
    posts = ["chair"] + ["vice_chair"] * vice
    return [(person, posts[n] if n < len(posts) else "member", False) for n, person in enumerate(people)]


def test_a_deputy_head_is_refused(agency, office_officer, board_staff):
    deputy = person_with_role(
        Role.AGENCY_LEADER, agency=agency, full_name="Lê Phó Giám Đốc", position="Phó Giám đốc"
    )
    with pytest.raises(DomainError, match="cấp phó của người đứng đầu"):
        _elect(agency, office_officer, _seats([*board_staff[:3], deputy]))
    assert not InspectionBoard.objects.exists() and not BoardMember.objects.exists()


def test_the_head_is_refused(agency, agency_head, office_officer, board_staff):
    with pytest.raises(DomainError, match="người đứng đầu"):
        _elect(agency, office_officer, _seats([*board_staff[:3], agency_head]))
    assert not InspectionBoard.objects.exists()


def test_a_chief_accountant_is_refused_by_the_flag_or_the_position(agency, office_officer, board_staff):
    with pytest.raises(DomainError, match="kế toán trưởng"):
        _elect(agency, office_officer, [*_seats(board_staff[:3]), (board_staff[3], "member", True)])
    board_staff[4].position = "Kế toán trưởng"
    board_staff[4].save()
    with pytest.raises(DomainError, match="kế toán trưởng"):
        _elect(agency, office_officer, _seats(board_staff[:5]))
    assert not InspectionBoard.objects.exists()


def test_someone_of_another_agency_is_refused(agency, office_officer, board_staff, other_agency_officer):
    with pytest.raises(DomainError, match="không phải cán bộ của cơ quan"):
        _elect(agency, office_officer, _seats([*board_staff[:3], other_agency_officer]))


def _many(agency, lead_unit, count):
    return [person_with_role(Role.STAFF, unit=lead_unit, full_name=f"Phạm Thị {n}") for n in range(count)]


def test_two_members_are_refused(agency, office_officer, board_staff):
    with pytest.raises(DomainError, match="từ 3 đến 9 thành viên; danh sách có 2"):
        _elect(agency, office_officer, _seats(board_staff[:2]))
    assert not InspectionBoard.objects.exists()


def test_three_and_nine_members_are_enough(agency, lead_unit, office_officer):
    people = _many(agency, lead_unit, 9)
    assert _elect(agency, office_officer, _seats(people[:3])).members.count() == 3
    assert _elect(agency, office_officer, _seats(people, vice=2)).members.count() == 9


def test_ten_members_are_refused(agency, lead_unit, office_officer):
    with pytest.raises(DomainError, match="danh sách có 10"):
        _elect(agency, office_officer, _seats(_many(agency, lead_unit, 10)))
    assert not InspectionBoard.objects.exists()


def test_nine_members_with_three_vice_chairs_are_refused(agency, lead_unit, office_officer):
    with pytest.raises(DomainError, match="không quá 2 Phó Trưởng ban"):
        _elect(agency, office_officer, _seats(_many(agency, lead_unit, 9), vice=3))
    assert not InspectionBoard.objects.exists()


def test_a_small_board_has_one_vice_chair(agency, office_officer, board_staff):
    with pytest.raises(DomainError, match="một Phó Trưởng ban"):
        _elect(agency, office_officer, _seats(board_staff[:5], vice=2))


def test_a_board_has_exactly_one_chair(agency, office_officer, board_staff):
    with pytest.raises(DomainError, match="đúng một Trưởng ban"):
        _elect(agency, office_officer, [(person, "member", False) for person in board_staff[:3]])


@pytest.mark.parametrize(("staff", "refused"), [(7, True), (8, False)])
def test_no_board_at_an_agency_of_seven_staff_or_fewer(agency, office_officer, board_staff, staff, refused):
    if refused:
        with pytest.raises(DomainError, match="từ 7 người trở xuống"):
            _elect(agency, office_officer, _seats(board_staff[:3]), staff_count=staff)
        assert not InspectionBoard.objects.exists()
    else:
        assert _elect(agency, office_officer, _seats(board_staff[:3]), staff_count=staff).staff_count == staff


def test_an_inspection_stores_its_latest_notice_and_flags_a_late_one(board, people_inspector, inspection):
    assert inspection.notice_latest == date(2026, 2, 25)
    assert "03/03/2026" in inspection.notice_explanation
    assert not inspection.notice_is_late()
    services.record_inspection_result(
        inspection=inspection, notified_on=date(2026, 2, 26), result="Kết quả", by=people_inspector
    )
    assert inspection.notice_is_late()


def test_a_notice_after_the_inspection_is_refused(board, people_inspector):
    with pytest.raises(DomainError, match="sau ngày kiểm tra"):
        services.plan_inspection(
            board=board,
            subject="Kiểm tra",
            inspected_party="Phòng A",
            planned_on=date(2026, 3, 3),
            notified_on=date(2026, 3, 4),
            by=people_inspector,
        )
    assert not BoardInspection.objects.exists()


def test_a_recommendation_answered_on_its_last_day_is_on_time(recommendation, agency_head):
    assert recommendation.answer_due == date(2026, 3, 25)
    services.answer_recommendation(
        recommendation=recommendation,
        answer="Đã công khai",
        answered_on=date(2026, 3, 25),
        today=date(2026, 3, 26),
        by=agency_head,
    )
    assert recommendation.status == BoardRecommendation.Status.ANSWERED
    assert not recommendation.is_late()


def test_a_recommendation_answered_a_day_after_is_late(recommendation, agency_head):
    services.answer_recommendation(
        recommendation=recommendation,
        answer="Đã công khai",
        answered_on=date(2026, 3, 26),
        today=date(2026, 3, 26),
        by=agency_head,
    )
    assert recommendation.is_late()


def test_an_unanswered_recommendation_is_late_after_its_due_date(recommendation):
    assert not recommendation.is_late(date(2026, 3, 25))
    assert recommendation.is_late(date(2026, 3, 26))


def test_the_head_is_told_of_a_recommendation(agency_head, recommendation):
    assert agency_head.notifications.filter(text__contains="25/03/2026").exists()


# --- Pages ----------------------------------------------------------------------


def test_the_office_records_the_board_from_its_page(
    client, agency, office_officer, board_staff, calendar_2026
):
    client.force_login(office_officer)
    data = {"elected_on": "13/02/2026", "staff_count": "30", "recognised_on": ""}
    for row, (person, post) in enumerate(
        zip(board_staff[:3], ["chair", "vice_chair", "member"], strict=True), start=1
    ):
        data[f"person_{row}"], data[f"post_{row}"] = person.pk, post
    for row in range(4, 11):
        data[f"post_{row}"] = "member"
    response = client.post(reverse("democracy:board_create", args=[agency.pk]), data)
    board = InspectionBoard.objects.get()
    assert response.status_code == 302
    assert board.recognition_due == date(2026, 2, 28)
    page = client.get(reverse("democracy:board_detail", args=[board.pk])).content.decode()
    assert "28/02/2026" in page and board_staff[0].full_name in page


def test_a_deputy_head_on_the_form_is_refused_and_what_was_typed_kept(
    client, agency, office_officer, board_staff
):
    deputy = person_with_role(
        Role.AGENCY_LEADER, agency=agency, full_name="Lê Phó Giám Đốc", position="Phó Giám đốc"
    )
    client.force_login(office_officer)
    data = {"elected_on": "13/02/2026", "staff_count": "30"}
    for row, person in enumerate([*board_staff[:3], deputy], start=1):
        data[f"person_{row}"], data[f"post_{row}"] = person.pk, "chair" if row == 1 else "member"
    for row in range(5, 11):
        data[f"post_{row}"] = "member"
    response = client.post(reverse("democracy:board_create", args=[agency.pk]), data)
    page = response.content.decode()
    assert response.status_code == 422
    assert "cấp phó của người đứng đầu" in page and "13/02/2026" in page
    assert not InspectionBoard.objects.exists()


def test_the_board_member_plans_an_inspection_and_recommends(client, board, people_inspector, agency_head):
    client.force_login(people_inspector)
    response = client.post(
        reverse("democracy:inspection_create", args=[board.pk]),
        {
            "subject": "Kiểm tra công khai tài chính",
            "inspected_party": "Phòng Kế hoạch - Tài chính",
            "planned_on": "03/03/2026",
            "notified_on": "26/02/2026",
        },
    )
    inspection = BoardInspection.objects.get()
    assert response.status_code == 302 and inspection.notice_is_late()
    page = client.get(reverse("democracy:inspection_detail", args=[inspection.pk])).content.decode()
    assert "25/02/2026" in page and "muộn" in page
    response = client.post(
        reverse("democracy:recommendation_create", args=[inspection.pk]),
        {"text": "Đề nghị niêm yết đủ 20 ngày", "sent_on": "10/03/2026"},
    )
    assert response.status_code == 302
    client.force_login(agency_head)
    item = BoardRecommendation.objects.get()
    response = client.post(
        reverse("democracy:recommendation_answer", args=[item.pk]),
        {f"r{item.pk}-answer": "Đã chỉ đạo", f"r{item.pk}-answered_on": "20/03/2026"},
    )
    item.refresh_from_db()
    assert response.status_code == 302 and item.status == BoardRecommendation.Status.ANSWERED


def test_an_empty_recommendation_is_refused_with_422(client, inspection, people_inspector):
    client.force_login(people_inspector)
    response = client.post(
        reverse("democracy:recommendation_create", args=[inspection.pk]),
        {"text": " ", "sent_on": "10/03/2026"},
    )
    assert response.status_code == 422
    assert not BoardRecommendation.objects.exists()


def test_a_term_elected_on_29_february_ends_on_28_february():
    assert services.term_end_of(date(2024, 2, 29)) == date(2026, 2, 28)
    assert services.term_end_of(date(2026, 1, 20)) == date(2028, 1, 20)
