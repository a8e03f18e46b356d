"""Consultations of staff before the head decides (Luật 10/2022 Điều 53–55)."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from danvan.core.services import DomainError
from danvan.democracy import services
from danvan.democracy.indicators import consultations_held
from danvan.democracy.models import Consultation, ConsultationComment
from danvan.democracy.selectors import todo_lists
from danvan.plans.models import Plan
from danvan.plans.page_actions import plan_actions

pytestmark = pytest.mark.django_db

IN_TIME = date(2026, 11, 10)


def _open(agency, by, **changes):
    fields = {
        "agency": agency,
        "topic": "spending",
        "title": "Dự thảo Quy chế chi tiêu nội bộ năm 2027",
        "forms": ["written"],
        "opens_on": date(2026, 11, 2),
        "deadline": date(2026, 11, 16),
        "by": by,
    }
    return services.open_consultation(**{**fields, **changes})


def test_the_office_opens_a_consultation_on_the_draft_plan(consultation, next_year_plan):
    assert consultation.plan == next_year_plan
    assert consultation.status == Consultation.Status.OPEN
    assert consultation.draft_file_name == "Du thao KH 2027.pdf"
    assert consultation.allows_anonymous()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"deadline": date(2026, 11, 2)}, "phải sau ngày bắt đầu"),
        ({"deadline": date(2026, 10, 30)}, "phải sau ngày bắt đầu"),
        ({"forms": []}, "ít nhất một hình thức"),
        ({"forms": ["pigeon"]}, "không hợp lệ"),
        ({"topic": "weather"}, "Điều 53"),
        ({"audience": "units"}, "ít nhất một đơn vị"),
        ({"draft_data": b"PK\x03\x04broken", "draft_name": "x.docx"}, "bị hỏng"),
    ],
)
def test_a_bad_consultation_is_refused_and_nothing_is_stored(agency, office_officer, changes, message):
    with pytest.raises(DomainError, match=message):
        _open(agency, office_officer, **changes)
    assert not Consultation.objects.exists()


def test_only_a_draft_plan_is_put_out_for_comment(agency, office_officer, next_year_plan):
    Plan.objects.filter(pk=next_year_plan.pk).update(status=Plan.Status.ISSUED)
    next_year_plan.refresh_from_db()
    with pytest.raises(DomainError, match="dự thảo"):
        _open(agency, office_officer, plan=next_year_plan)
    assert not Consultation.objects.exists()


def test_comments_from_a_person_a_unit_and_without_a_name(consultation, unit_officer, unit_head, lead_unit):
    services.comment_on_consultation(
        consultation=consultation, text="Bổ sung chỉ tiêu chuyển đổi số.", today=IN_TIME, by=unit_officer
    )
    services.comment_on_consultation(
        consultation=consultation, text="Đơn vị thống nhất.", unit=lead_unit, today=IN_TIME, by=unit_head
    )
    hidden = services.comment_on_consultation(
        consultation=consultation, text="Giảm họp hành.", anonymous=True, today=IN_TIME, by=unit_officer
    )
    assert hidden.author is None and hidden.unit is None
    assert hidden.sender() == "Ý kiến không ghi tên"
    assert consultation.comments.count() == 3


def test_a_comment_after_the_deadline_is_refused_with_a_clear_message(consultation, unit_officer):
    with pytest.raises(DomainError, match="Đã hết hạn góp ý ngày 16/11/2026"):
        services.comment_on_consultation(
            consultation=consultation, text="Muộn.", today=date(2026, 11, 17), by=unit_officer
        )
    assert not ConsultationComment.objects.exists()


def test_an_anonymous_comment_needs_a_form_that_allows_it(agency, office_officer, unit_officer):
    written = _open(agency, office_officer)
    with pytest.raises(DomainError, match="không ghi tên"):
        services.comment_on_consultation(
            consultation=written, text="Ẩn danh.", anonymous=True, today=IN_TIME, by=unit_officer
        )
    assert not ConsultationComment.objects.exists()


def test_the_explanation_is_published_and_closes_the_consultation(consultation, agency_head, unit_officer):
    services.publish_explanation(
        consultation=consultation,
        summary="2 ý kiến.",
        explanation="Tiếp thu ý kiến về chuyển đổi số.",
        today=date(2026, 11, 18),
        by=agency_head,
    )
    consultation.refresh_from_db()
    assert consultation.status == Consultation.Status.PUBLISHED
    assert consultation.published_on == date(2026, 11, 18)
    with pytest.raises(DomainError, match="không nhận thêm"):
        services.comment_on_consultation(
            consultation=consultation, text="Thêm.", today=IN_TIME, by=unit_officer
        )
    with pytest.raises(DomainError, match="đã được công khai"):
        services.publish_explanation(
            consultation=consultation, summary="x", explanation="y", today=date(2026, 11, 19), by=agency_head
        )


def test_staff_read_the_published_explanation_not_others_comments(
    client, consultation, unit_officer, unit_head, agency_head
):
    services.comment_on_consultation(
        consultation=consultation, text="Ý kiến của trưởng.", today=IN_TIME, by=unit_head
    )
    services.publish_explanation(
        consultation=consultation,
        summary="Tổng hợp 1 ý kiến.",
        explanation="Tiếp thu toàn bộ.",
        today=date(2026, 11, 18),
        by=agency_head,
    )
    client.force_login(unit_officer)
    page = client.get(reverse("democracy:consultation_detail", args=[consultation.pk])).content.decode()
    assert "Tiếp thu toàn bộ." in page
    assert "Ý kiến của trưởng." not in page


def test_an_anonymous_comment_never_shows_its_sender(client, consultation, unit_officer, system_admin):
    services.comment_on_consultation(
        consultation=consultation, text="Góp ý kín.", anonymous=True, today=IN_TIME, by=unit_officer
    )
    comment = ConsultationComment.objects.get()
    client.force_login(system_admin)
    pages = [
        client.get(reverse("democracy:consultation_detail", args=[consultation.pk])),
        client.get(reverse("admin:democracy_consultationcomment_changelist")),
        client.get(reverse("admin:democracy_consultationcomment_change", args=[comment.pk])),
    ]
    for response in pages:
        assert response.status_code == 200
        text = response.content.decode()
        assert unit_officer.full_name not in text
        assert unit_officer.username not in text
    assert "Góp ý kín." in pages[0].content.decode()


def test_staff_comment_from_the_page_and_late_comments_are_refused(client, consultation, unit_officer):
    today = timezone.localdate()
    Consultation.objects.filter(pk=consultation.pk).update(
        opens_on=today - timedelta(days=1), deadline=today + timedelta(days=5)
    )
    client.force_login(unit_officer)
    url = reverse("democracy:consultation_comment", args=[consultation.pk])
    response = client.post(url, {"text": "Ý kiến qua mạng nội bộ.", "anonymous": "on"})
    assert response.status_code == 302
    assert ConsultationComment.objects.get().author is None
    Consultation.objects.filter(pk=consultation.pk).update(
        opens_on=date(2020, 1, 1), deadline=date(2020, 1, 15)
    )
    before = ConsultationComment.objects.count()
    response = client.post(url, {"text": "Gửi muộn."})
    assert response.status_code == 422
    assert "Đã hết hạn góp ý ngày 15/01/2020" in response.content.decode()
    assert ConsultationComment.objects.count() == before


def test_a_deadline_before_the_opening_is_refused_on_the_page(client, agency, office_officer):
    client.force_login(office_officer)
    response = client.post(
        reverse("democracy:consultation_create", args=[agency.pk]),
        {
            "topic": "work_plan",
            "title": "Dự thảo",
            "consultation_forms": ["written"],
            "audience": "all_staff",
            "opens_on": "10/11/2026",
            "deadline": "09/11/2026",
        },
    )
    assert response.status_code == 422
    assert "Hạn góp ý phải sau ngày bắt đầu lấy ý kiến." in response.content.decode()
    assert not Consultation.objects.exists()


def test_the_draft_downloads_only_for_who_may_read_it(
    client, consultation, unit_officer, other_agency_officer
):
    url = reverse("democracy:consultation_draft", args=[consultation.pk])
    client.force_login(unit_officer)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    client.force_login(other_agency_officer)
    assert client.get(url).status_code == 404


def test_the_draft_plan_page_offers_the_consultation(client, next_year_plan, office_officer, unit_officer):
    offered = plan_actions(office_officer, next_year_plan)
    assert [action.code for action in offered] == ["democracy.consultation"]
    assert f"?ke_hoach={next_year_plan.pk}" in offered[0].url
    assert plan_actions(unit_officer, next_year_plan) == []
    client.force_login(office_officer)
    page = client.get(offered[0].url)
    assert page.status_code == 200
    assert "Dự thảo: Kế hoạch công tác năm 2027" in page.content.decode()


def test_the_office_todo_lists_a_consultation_past_its_deadline(consultation, office_officer):
    lists = {item.key: item for item in todo_lists(office_officer, today=date(2026, 11, 20))}
    assert [row.text for row in lists["democracy-consultations"].items] == [consultation.title]
    lists = {item.key: item for item in todo_lists(office_officer, today=IN_TIME)}
    assert lists["democracy-consultations"].items == []


def test_the_indicator_counts_consultations_with_a_published_explanation(
    agency, consultation, office_officer, agency_head
):
    _open(agency, office_officer)
    services.publish_explanation(
        consultation=consultation, summary="s", explanation="e", today=date(2026, 11, 18), by=agency_head
    )
    figure = consultations_held(agency, 2026)
    assert (figure.numerator, figure.denominator) == (1, 2)


def test_the_index_lists_consultations(client, consultation, unit_officer):
    client.force_login(unit_officer)
    page = client.get(reverse("democracy:index")).content.decode()
    assert consultation.title in page
