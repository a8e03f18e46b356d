"""Reminders before the window closes, word to the province after it, and each role's to-do list."""

from datetime import date

import pytest
from django.urls import reverse

from danvan.core.jobs import run_daily_steps
from danvan.core.models import Notification
from danvan.evaluation import services
from danvan.evaluation.models import Assessment
from tests.evaluation.test_assessments import score_all


@pytest.fixture
def windowed(set_in_use):
    set_in_use.submit_from, set_in_use.submit_until = "10/12", "15/12"
    set_in_use.save()
    return set_in_use


def texts(person):
    return list(Notification.objects.filter(recipient=person).values_list("text", flat=True))


def test_agencies_are_reminded_before_the_window_closes_once_a_day(
    windowed, office_officer, agency_head, other_agency_officer
):
    assert services.send_assessment_reminders(today=date(2025, 12, 7)) == 0
    services.send_assessment_reminders(today=date(2025, 12, 8))
    assert texts(office_officer) == ["Hạn gửi bản tự đánh giá, chấm điểm năm 2025 là 15/12/2025."]
    assert len(texts(agency_head)) == 1 and len(texts(other_agency_officer)) == 1
    assert services.send_assessment_reminders(today=date(2025, 12, 8)) == 0  # a second run sends nothing
    services.send_assessment_reminders(today=date(2025, 12, 15))
    assert len(texts(office_officer)) == 2


def test_an_agency_that_submitted_is_not_reminded(
    windowed, agency, office_officer, agency_head, other_agency_officer
):
    opened = services.open_assessment(agency=agency, year=2025, by=office_officer)
    score_all(opened, office_officer)
    services.submit_assessment(assessment=opened, by=agency_head, today=date(2025, 12, 11))
    services.send_assessment_reminders(today=date(2025, 12, 12))
    assert texts(office_officer) == [] and len(texts(other_agency_officer)) == 1


def test_the_province_hears_who_sent_nothing_the_day_after(windowed, agency, province_officer, other_agency):
    services.send_assessment_reminders(today=date(2025, 12, 16))
    [text] = texts(province_officer)
    assert text.startswith("2 cơ quan chưa gửi bản tự đánh giá năm 2025") and other_agency.name in text


def test_the_daily_scan_runs_the_evaluation_step(windowed, office_officer):
    results = run_daily_steps(date(2025, 12, 12))
    assert any(
        result.step.name == "evaluation.send_assessment_reminders" and result.count >= 1 for result in results
    )


def test_each_role_finds_its_assessment_work_on_the_landing_page(
    client, windowed, agency, office_officer, agency_head, province_officer
):
    opened = services.open_assessment(agency=agency, year=2025, by=office_officer)
    client.force_login(agency_head)
    landing = client.get("/").content.decode()
    assert "Bản tự đánh giá năm 2025 chờ duyệt, gửi" in landing
    assert reverse("evaluation:assessment_detail", args=[opened.pk]) in landing
    score_all(opened, office_officer)
    services.submit_assessment(assessment=opened, by=agency_head, today=date(2025, 12, 11))
    client.force_login(province_officer)
    assert "Bản tự đánh giá năm 2025 chờ thẩm định" in client.get("/").content.decode()


def test_the_province_records_those_who_sent_nothing_from_the_list(
    client, windowed, province, province_officer, other_agency, office_officer
):
    client.force_login(province_officer)
    listing = client.get(reverse("evaluation:assessment_list") + "?nam=2025").content.decode()
    assert "2 cơ quan chưa gửi bản tự đánh giá năm 2025" in listing and other_agency.name in listing
    client.force_login(office_officer)
    url = reverse("evaluation:missing_record", args=[province.pk, 2025])
    assert client.post(url).status_code == 404
    assert not Assessment.objects.exists()
