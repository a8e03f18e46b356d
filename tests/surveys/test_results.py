"""Results per question, per unit and over time; the Excel file; the
satisfaction rate as the evaluation's indicator and a plan target's source."""

from datetime import date
from decimal import Decimal
from io import BytesIO

from django.urls import reverse
from openpyxl import load_workbook

from danvan.core.indicators import get_indicator
from danvan.plans.measures import read_target, target_source
from danvan.plans.models import Plan, Target
from danvan.plans.services import bind_target
from danvan.surveys import selectors, services
from tests.surveys.conftest import answer, build_survey


def _answered(survey, lead_unit, sibling_unit):
    """Marks 5, 4, 2 in March for the lead unit, 3 in April for the sibling unit: 2 of 4 satisfied."""
    answer(
        survey, mark=5, one=0, many=[0, 1], text="Rất tốt", device="a", on=date(2026, 3, 2), unit=lead_unit
    )
    answer(survey, mark=4, one=1, many=[1], device="b", on=date(2026, 3, 9), unit=lead_unit)
    answer(survey, mark=2, one=2, device="c", on=date(2026, 3, 20), unit=lead_unit)
    answer(survey, mark=3, one=1, device="d", on=date(2026, 4, 1), unit=sibling_unit)


def test_the_figures_per_question_unit_and_month(published, lead_unit, sibling_unit, unit_officer):
    _answered(published, lead_unit, sibling_unit)
    found = selectors.survey_results(unit_officer, published)
    scale, one, many, text = found["results"]
    assert scale.counts == [0, 1, 1, 1, 1] and scale.mean == Decimal("3.50")
    assert (scale.satisfaction.satisfied, scale.satisfaction.scored, scale.satisfaction.percent) == (2, 4, 50)
    assert one.counts == [1, 2, 1] and one.answered == 4
    assert many.counts == [1, 2, 0] and many.answered == 2
    assert text.texts == ["Rất tốt"] and text.answered == 1
    assert [(g.label, g.responses, g.satisfaction.percent) for g in found["by_unit"]] == [
        ("Chi cục Tiêu chuẩn Đo lường Chất lượng", 3, Decimal("66.7")),
        ("Trung tâm Khoa học và Công nghệ", 1, Decimal("0.0")),
    ]
    assert [(g.label, g.responses) for g in found["by_month"]] == [("03/2026", 3), ("04/2026", 1)]
    assert found["overall"].percent == 50 and found["response_count"] == 4


def test_the_results_page_draws_the_charts(client, published, lead_unit, sibling_unit, agency_head):
    _answered(published, lead_unit, sibling_unit)
    client.force_login(agency_head)
    html = client.get(reverse("surveys:survey_results", args=[published.pk])).content.decode()
    assert "vendor/chartjs/chart.umd.min.js" in html and "surveys/results.js" in html
    assert 'id="du-lieu-khao-sat"' in html and "tỷ lệ hài lòng 50%" in html
    assert "mức 4 (hài lòng) và 5 (rất hài lòng)" in html


def test_the_excel_file_has_the_figures(client, published, lead_unit, sibling_unit, unit_officer):
    _answered(published, lead_unit, sibling_unit)
    client.force_login(unit_officer)
    response = client.get(reverse("surveys:survey_export", args=[published.pk]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(BytesIO(response.content))
    summary = {row[0]: row[1] for row in book["Tổng hợp"].iter_rows(min_row=2, values_only=True)}
    assert summary["Số phiếu trả lời"] == 4 and summary["Tỷ lệ hài lòng (%)"] == 50
    rows = list(book["Theo câu hỏi"].iter_rows(min_row=2, values_only=True))
    assert (1, "Thái độ của cán bộ", "4 – Hài lòng", 1, 25) in rows
    assert (1, "Thái độ của cán bộ", "Tỷ lệ hài lòng (mức 4–5)", 2, 50) in rows
    assert (2, "Số lần phải đi lại", "2 lần", 2, 50) in rows
    units = list(book["Theo đơn vị"].iter_rows(min_row=2, values_only=True))
    assert units[0] == ("Chi cục Tiêu chuẩn Đo lường Chất lượng", 3, 3, 2, 66.7)
    months = list(book["Theo tháng"].iter_rows(min_row=2, values_only=True))
    assert months == [("03/2026", 3, 3, 2, 66.7), ("04/2026", 1, 1, 0, 0)]
    answers = list(book["Phiếu trả lời"].iter_rows(values_only=True))
    assert answers[1][:7] == (
        1,
        "02/03/2026",
        "Chi cục Tiêu chuẩn Đo lường Chất lượng",
        5,
        "1 lần",
        "Cổng dịch vụ công; Niêm yết tại bộ phận một cửa",
        "Rất tốt",
    )
    assert len(answers) == 5 and "Cách liên hệ" not in answers[0]


def test_contacts_are_shown_to_the_office_alone(client, agency, office_officer, unit_officer):
    survey = build_survey(agency, office_officer, allow_contact=True)
    services.publish_survey(survey=survey, on=date(2026, 1, 5), by=office_officer)
    scale = survey.questions.order_by("order").first()
    one = survey.questions.order_by("order")[1]
    services.submit_response(
        survey=survey,
        values={scale.pk: 2, one.pk: 0},
        today=date(2026, 3, 2),
        device_key="a",
        contact="0909 111 222",
    )
    url = reverse("surveys:survey_results", args=[survey.pk])
    client.force_login(unit_officer)
    assert "0909 111 222" not in client.get(url).content.decode()
    client.force_login(office_officer)
    assert "0909 111 222" in client.get(url).content.decode()
    book = load_workbook(BytesIO(client.get(reverse("surveys:survey_export", args=[survey.pk])).content))
    assert "0909 111 222" in [row[-1] for row in book["Phiếu trả lời"].iter_rows(values_only=True)]


def test_the_satisfaction_rate_indicator(
    published, agency, other_agency, lead_unit, sibling_unit, office_officer
):
    _answered(published, lead_unit, sibling_unit)
    answer(published, mark=5, device="e", on=date(2025, 12, 31))  # another year
    found = get_indicator("surveys.satisfaction_rate")
    figure = found.measure(agency, 2026)
    assert (figure.numerator, figure.denominator, figure.percent) == (2, 4, 50)
    assert [line.label for line in figure.lines] == ["Khảo sát bộ phận một cửa"]
    assert figure.lines[0].url == reverse("surveys:survey_results", args=[published.pk])
    assert found.measure(agency, 2025).percent == 100
    assert not found.measure(other_agency, 2026).measurable


def test_a_plan_target_reads_the_satisfaction_rate(
    published, agency, lead_unit, sibling_unit, office_officer
):
    _answered(published, lead_unit, sibling_unit)
    plan = Plan.objects.create(
        agency=agency,
        title="Kế hoạch cải cách hành chính năm 2026",
        period_year=2026,
        created_by=office_officer,
    )
    target = Target.objects.create(plan=plan, text="Tỷ lệ hài lòng đạt trên 90%", percent=Decimal(90))
    assert target_source("surveys.satisfaction_rate").needs_document is False
    target = bind_target(
        target=target, measured_by="surveys.satisfaction_rate", document=None, by=office_officer
    )
    reading = read_target(target)
    assert (reading.value, reading.counted, reading.total) == (50, 2, 4)
    assert target.current_value == 50 and not target.is_met()
