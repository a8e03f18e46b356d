"""The yearly staff conference (Luật 10/2022/QH15 Điều 50–52): its deadline, the
quorum of two thirds and the vote of more than half at their exact thresholds,
the resolution in Word and the 6-monthly checks."""

from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from django.urls import reverse
from docx import Document

from danvan.core.indicators import Kind, get_indicator
from danvan.core.services import DomainError
from danvan.democracy import exports, services
from danvan.democracy.models import AgendaItem, ResolutionCheck, StaffConference


def _hold(agency, by, **changes):
    values = {
        "agency": agency,
        "work_year": 2025,
        "held_on": date(2026, 1, 20),
        "convened_by": "head",
        "form": "all_staff",
        "staff_count": 30,
        "expected": 30,
        "present": 20,
        "items": [("accountability", "Báo cáo kế hoạch công tác năm 2026")],
        "today": date(2026, 6, 1),
        "by": by,
    }
    return services.hold_conference(**{**values, **changes})


def test_the_deadline_is_the_end_of_march_of_the_next_year():
    deadline, explanation = services.count_conference_deadline(2025)
    assert deadline == date(2026, 3, 31)
    assert "31/03/2026" in explanation and "Điều 51" in explanation


@pytest.mark.parametrize(("held_on", "late"), [(date(2026, 3, 31), False), (date(2026, 4, 1), True)])
def test_a_conference_after_the_end_of_march_is_late(agency, office_officer, held_on, late):
    assert _hold(agency, office_officer, held_on=held_on).is_late() is late


@pytest.mark.parametrize(("present", "quorate"), [(20, True), (19, False), (30, True)])
def test_the_quorum_is_two_thirds_exactly(agency, office_officer, present, quorate):
    assert _hold(agency, office_officer, present=present).is_quorate() is quorate


def test_two_thirds_of_an_uneven_number(agency, office_officer):
    # 2/3 of 31 is 20.67: 21 present is quorate, 20 is not.
    assert _hold(agency, office_officer, staff_count=31, expected=31, present=21).is_quorate()
    StaffConference.objects.all().delete()
    assert not _hold(agency, office_officer, staff_count=31, expected=31, present=20).is_quorate()


@pytest.mark.parametrize(("votes_for", "passes"), [(10, False), (11, True)])
def test_an_item_passes_with_more_than_half_of_those_present(agency, office_officer, votes_for, passes):
    conference = _hold(agency, office_officer, present=20)
    item = services.record_vote(
        item=conference.items.get(),
        votes_for=votes_for,
        votes_against=20 - votes_for,
        abstentions=0,
        by=office_officer,
    )
    assert item.passes() is passes


def test_an_inquorate_conference_takes_no_vote(agency, office_officer):
    conference = _hold(agency, office_officer, present=19)
    with pytest.raises(DomainError, match="hai phần ba"):
        services.record_vote(
            item=conference.items.get(), votes_for=19, votes_against=0, abstentions=0, by=office_officer
        )
    assert not conference.items.get().voted


def test_more_votes_than_present_are_refused(agency, office_officer):
    conference = _hold(agency, office_officer, present=20)
    with pytest.raises(DomainError, match="nhiều hơn số người có mặt"):
        services.record_vote(
            item=conference.items.get(), votes_for=15, votes_against=5, abstentions=1, by=office_officer
        )
    assert not AgendaItem.objects.get().voted


BAD = [
    ({"present": 31}, "nhiều hơn tổng số cán bộ"),
    ({"form": "delegates", "expected": 20}, "dưới 100 cán bộ"),
    ({"convened_by": "staff", "proposers": 9}, "một phần ba"),
    ({"expected": 25}, "bằng tổng số"),
    ({"held_on": date(2025, 12, 20)}, "sau khi kết thúc năm công tác"),
    ({"items": [("other", "  ")]}, "ít nhất một nội dung"),
    ({"held_on": date(2026, 7, 1)}, "chưa đến"),
]


@pytest.mark.parametrize(("changes", "message"), BAD)
def test_bad_conferences_are_refused_and_nothing_written(agency, office_officer, changes, message):
    with pytest.raises(DomainError, match=message):
        _hold(agency, office_officer, **changes)
    assert not StaffConference.objects.exists() and not AgendaItem.objects.exists()


def test_a_third_of_staff_may_convene_and_delegates_are_allowed_from_100_or_dispersed(agency, office_officer):
    assert _hold(agency, office_officer, convened_by="staff", proposers=10).convened_by == "staff"
    assert (
        _hold(
            agency,
            office_officer,
            work_year=2024,
            held_on=date(2025, 1, 15),
            form="delegates",
            staff_count=120,
            expected=60,
            present=40,
        ).form
        == "delegates"
    )
    assert _hold(
        agency,
        office_officer,
        work_year=2023,
        held_on=date(2024, 1, 15),
        form="delegates",
        dispersed=True,
        expected=20,
        present=14,
    ).dispersed


def test_one_conference_per_work_year(agency, office_officer):
    _hold(agency, office_officer)
    with pytest.raises(DomainError, match="đã được ghi"):
        _hold(agency, office_officer)


def test_the_checks_fall_six_and_twelve_months_after(conference, office_officer):
    assert [(c.months, c.due) for c in conference.checks.all()] == [
        (6, date(2026, 7, 20)),
        (12, date(2027, 1, 20)),
    ]
    check = conference.checks.first()
    services.record_check(
        check=check,
        checked_on=date(2026, 7, 20),
        result="Đã thực hiện 8/10 chỉ tiêu",
        today=date(2026, 7, 21),
        by=office_officer,
    )
    check.refresh_from_db()
    assert check.result.startswith("Đã thực hiện")
    with pytest.raises(DomainError, match="trước ngày hội nghị"):
        services.record_check(
            check=conference.checks.last(),
            checked_on=date(2026, 1, 1),
            result="x",
            today=date(2026, 7, 21),
            by=office_officer,
        )


def test_the_resolution_reopens_in_word_with_what_passed(conference, office_officer):
    first, second = conference.items.all()
    services.record_vote(item=first, votes_for=25, votes_against=2, abstentions=0, by=office_officer)
    services.record_vote(item=second, votes_for=13, votes_against=14, abstentions=0, by=office_officer)
    text = "\n".join(p.text for p in Document(BytesIO(exports.resolution_docx(conference))).paragraphs)
    cells = "\n".join(
        p.text
        for table in Document(BytesIO(exports.resolution_docx(conference))).tables
        for cell in table._cells
        for p in cell.paragraphs
    )
    assert "NGHỊ QUYẾT" in text and "năm 2025" in text
    assert "27/30" in text and "Báo cáo kế hoạch công tác năm 2026 (tán thành 25/27" in text
    assert "Quy chế chi tiêu nội bộ" not in text
    assert "20/07/2026" in text and "20/01/2027" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in cells and "ngày 20 tháng 01 năm 2026" in cells


# --- Pages ----------------------------------------------------------------------


def _form(**changes):
    data = {
        "work_year": "2025",
        "held_on": "20/01/2026",
        "convened_by": "head",
        "form": "all_staff",
        "staff_count": "30",
        "expected": "30",
        "present": "27",
        "kinds": ["accountability", "emulation"],
        "other_items": "Quy chế chi tiêu nội bộ",
    }
    return {**data, **changes}


def test_the_office_records_the_conference_and_downloads_the_resolution(
    client, agency, office_officer, unit_officer
):
    client.force_login(office_officer)
    response = client.post(reverse("democracy:conference_create", args=[agency.pk]), _form())
    conference = StaffConference.objects.get()
    assert response.status_code == 302
    assert [item.kind for item in conference.items.all()] == ["accountability", "emulation", "other"]
    item = conference.items.first()
    response = client.post(
        reverse("democracy:conference_vote", args=[conference.pk, item.pk]),
        {f"v{item.pk}-votes_for": "14", f"v{item.pk}-votes_against": "13", f"v{item.pk}-abstentions": "0"},
    )
    assert response.status_code == 302
    client.force_login(unit_officer)
    page = client.get(reverse("democracy:conference_detail", args=[conference.pk])).content.decode()
    assert "31/03/2026" in page and "Thông qua" in page
    response = client.get(reverse("democracy:conference_resolution", args=[conference.pk]))
    assert response.status_code == 200
    assert "Trách nhiệm giải trình" in "\n".join(
        p.text for p in Document(BytesIO(response.content)).paragraphs
    )


def test_more_present_than_staff_on_the_form_is_refused_and_kept(client, agency, office_officer):
    client.force_login(office_officer)
    response = client.post(reverse("democracy:conference_create", args=[agency.pk]), _form(present="31"))
    page = response.content.decode()
    assert response.status_code == 422
    assert "nhiều hơn tổng số cán bộ" in page and "Quy chế chi tiêu nội bộ" in page
    assert not StaffConference.objects.exists()


def test_a_bad_vote_on_the_page_is_refused_with_422(client, conference, office_officer):
    client.force_login(office_officer)
    item = conference.items.first()
    response = client.post(
        reverse("democracy:conference_vote", args=[conference.pk, item.pk]),
        {f"v{item.pk}-votes_for": "27", f"v{item.pk}-votes_against": "1", f"v{item.pk}-abstentions": "0"},
    )
    assert response.status_code == 422 and "nhiều hơn số người có mặt" in response.content.decode()
    item.refresh_from_db()
    assert not item.voted


# --- Indicators -----------------------------------------------------------------


def test_conference_held_counts_the_work_year_before(conference, agency):
    indicator = get_indicator("democracy.conference_held")
    assert indicator.kind is Kind.DONE
    assert indicator.measure(agency, 2026).numerator == Decimal(1)
    assert indicator.measure(agency, 2027).numerator == Decimal(0)


@pytest.mark.parametrize(
    ("held_on", "present", "done"),
    [(date(2026, 4, 1), 27, 0), (date(2026, 3, 31), 19, 0), (date(2026, 3, 31), 20, 1)],
)
def test_a_late_or_inquorate_conference_is_not_done(agency, office_officer, held_on, present, done):
    _hold(agency, office_officer, held_on=held_on, present=present)
    assert get_indicator("democracy.conference_held").measure(agency, 2026).numerator == Decimal(done)


def test_board_recommendations_answered_on_time(
    recommendation, inspection, people_inspector, agency_head, agency
):
    services.answer_recommendation(
        recommendation=recommendation,
        answer="Đã làm",
        answered_on=date(2026, 3, 25),
        today=date(2026, 3, 30),
        by=agency_head,
    )
    late = services.recommend(
        inspection=inspection, text="Kiến nghị thứ hai", sent_on=date(2026, 3, 10), by=people_inspector
    )
    services.answer_recommendation(
        recommendation=late,
        answer="Đã làm",
        answered_on=date(2026, 3, 26),
        today=date(2026, 3, 30),
        by=agency_head,
    )
    services.recommend(
        inspection=inspection, text="Kiến nghị năm sau", sent_on=date(2026, 12, 20), by=people_inspector
    )
    figure = get_indicator("democracy.board_recommendations_answered").measure(agency, 2026)
    assert (figure.numerator, figure.denominator) == (Decimal(1), Decimal(2))


def test_the_checks_are_stored(conference):
    assert ResolutionCheck.objects.filter(conference=conference).count() == 2


def test_the_check_dates_keep_to_the_end_of_a_short_month():
    assert services.check_dates(date(2026, 8, 31)) == [(6, date(2027, 2, 28)), (12, date(2027, 8, 31))]
