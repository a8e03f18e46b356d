"""Report requests that follow the plan's words: the period kind it names,
the data window kept before the due date, the units it names (confirmed by
the office); the province returning an agency's report; approving with unit
reports missing as an explicit, recorded choice; timeliness as rates."""

from datetime import date

import pytest
from django.urls import reverse

from danvan.core.models import Notification, Role, Unit
from danvan.core.services import DomainError
from danvan.plans.events import plan_issued
from danvan.plans.models import DeadlineDuty, Plan, PlanDeadline
from danvan.reports import selectors, services
from danvan.reports.models import PeriodKind, Report, ReportingPeriod, ReportRequest, ReportVersion
from tests.factories import UnitFactory, person_with_role


@pytest.fixture
def party_bodies(agency):
    """The bodies every agency has besides its working units; a plan's
    reports do not go to them unless it names them."""
    return [
        UnitFactory(agency=agency, code="DU", name="Đảng ủy Sở", kind=Unit.Kind.PARTY_CELL),
        UnitFactory(agency=agency, code="CD", name="Công đoàn Sở", kind=Unit.Kind.TRADE_UNION),
        UnitFactory(
            agency=agency, code="TTND", name="Ban Thanh tra nhân dân", kind=Unit.Kind.PEOPLE_INSPECTION_BOARD
        ),
    ]


@pytest.fixture
def plan_2027(agency, office_officer, office_unit, lead_unit, sibling_unit, party_bodies):
    """A 2027 plan worded as the province's plans are (seed 004): a
    registration by 20/3, a six-month report by 25/5 from two named units,
    the year's report by 10/10 to Sở Nội vụ."""
    Unit.objects.filter(pk=lead_unit.pk).update(short_name="Chi cục TĐC", kind=Unit.Kind.SUB_DEPARTMENT)
    plan = Plan.objects.create(
        agency=agency,
        title="Kế hoạch công tác dân vận chính quyền năm 2027",
        period_year=2027,
        status=Plan.Status.ISSUED,
        created_by=office_officer,
    )
    PlanDeadline.objects.create(
        plan=plan,
        order=0,
        due_date=date(2027, 3, 20),
        action="Đăng ký mô hình «Dân vận khéo» năm 2027",
        units=["Các phòng, đơn vị thuộc Sở"],
        recipient="Văn phòng Sở",
    )
    PlanDeadline.objects.create(
        plan=plan,
        order=1,
        due_date=date(2027, 5, 25),
        action="Báo cáo kết quả thực hiện công tác dân vận chính quyền 06 tháng đầu năm",
        units=["Chi cục TĐC", "Trung tâm Khoa học và Công nghệ"],
        recipient="Văn phòng Sở",
    )
    PlanDeadline.objects.create(
        plan=plan,
        order=2,
        due_date=date(2027, 10, 10),
        action="Báo cáo kết quả thực hiện công tác dân vận chính quyền năm 2027",
        units=["Văn phòng Sở"],
        recipient="Sở Nội vụ",
    )
    return plan


def test_an_issued_plan_asks_for_the_reports_its_words_name(
    plan_2027, agency_head, office_officer, lead_unit, sibling_unit
):
    plan_issued.send(sender=Plan, plan=plan_2027, by=agency_head)
    upward = ReportRequest.objects.get(source_deadline__plan=plan_2027)
    # The year's report "trước 10/10" is a year's report, its figures ending before the due date.
    assert (upward.level, upward.period.kind, upward.due_date) == ("agencies", "year", date(2027, 10, 10))
    assert (upward.data_period.start, upward.data_period.end) == (date(2026, 12, 15), date(2027, 9, 14))
    assert not ReportingPeriod.objects.filter(kind=PeriodKind.MONTH).exists()  # no monthly requests
    # Every deadline is a dated item of its owner; the report upward is followed by its request.
    registration, half, year = plan_2027.deadlines.order_by("order")
    assert not registration.duties.filter(unit__kind__in=["party_cell", "trade_union"]).exists()
    assert {d.unit_id for d in registration.duties.all()} == {lead_unit.pk, sibling_unit.pk}
    assert {d.unit_id for d in half.duties.all()} == {lead_unit.pk, sibling_unit.pk}
    assert year.duties.get().status == DeadlineDuty.Status.FOLLOWED
    # The units' six-month report waits for the office.
    assert not ReportRequest.objects.filter(source_deadline=half).exists()
    assert Notification.objects.filter(recipient=office_officer, key=f"plan-report-units:{plan_2027.pk}")


def test_the_office_confirms_the_units_a_plans_report_goes_to(
    client, plan_2027, agency_head, office_officer, lead_unit, sibling_unit, party_bodies
):
    plan_issued.send(sender=Plan, plan=plan_2027, by=agency_head)
    half = plan_2027.deadlines.get(order=1)
    assert services.units_named_by(half) == [lead_unit, sibling_unit]
    client.force_login(office_officer)
    url = reverse("reports:plan_requests", args=[plan_2027.pk])
    page = client.get(url).content.decode()
    assert "06 tháng đầu năm" in page and "6 tháng" in page
    assert f'value="{lead_unit.pk}" id="don-vi-{half.pk}-{lead_unit.pk}" checked' in page
    assert f'value="{party_bodies[0].pk}" id="don-vi-{half.pk}-{party_bodies[0].pk}">' in page  # not ticked
    # The office leaves the Trung tâm out: only the units it confirms are asked.
    response = client.post(url, {"deadline": half.pk, "units": [lead_unit.pk]})
    request = ReportRequest.objects.get(source_deadline=half)
    assert response.status_code == 302 and response.url == reverse(
        "reports:request_detail", args=[request.pk]
    )
    assert list(request.reports.values_list("unit_id", flat=True)) == [lead_unit.pk]
    assert (request.period.kind, request.kind, request.due_date) == ("half", "periodic", date(2027, 5, 25))
    assert (request.data_period.start, request.data_period.end) == (date(2026, 12, 15), date(2027, 5, 14))
    assert set(half.duties.values_list("status", flat=True)) == {DeadlineDuty.Status.FOLLOWED}
    detail = client.get(response.url).content.decode()
    assert "14/05/2027" in detail and "25/05/2027" in detail
    # Sent once.
    again = client.post(url, {"deadline": half.pk, "units": [lead_unit.pk]})
    assert again.status_code == 422 and ReportRequest.objects.filter(source_deadline=half).count() == 1


def test_no_unit_confirmed_sends_nothing(client, plan_2027, office_officer):
    half = plan_2027.deadlines.get(order=1)
    client.force_login(office_officer)
    response = client.post(reverse("reports:plan_requests", args=[plan_2027.pk]), {"deadline": half.pk})
    assert response.status_code == 422
    assert "Hãy chọn ít nhất một đơn vị" in response.content.decode()
    assert not ReportRequest.objects.exists()


def test_only_the_agencys_office_confirms_a_plans_requests(
    client, plan_2027, unit_head, other_agency_officer, agency_head
):
    url = reverse("reports:plan_requests", args=[plan_2027.pk])
    client.force_login(unit_head)
    assert client.get(url).status_code == 403
    client.force_login(agency_head)
    assert client.get(url).status_code == 403
    client.force_login(other_agency_officer)
    assert client.get(url).status_code == 404


def test_a_draft_plans_deadlines_are_not_requested(plan_2027, office_officer, lead_unit):
    Plan.objects.filter(pk=plan_2027.pk).update(status=Plan.Status.DRAFT)
    half = plan_2027.deadlines.get(order=1)
    half.plan.refresh_from_db()
    with pytest.raises(DomainError, match="đã ban hành"):
        services.request_reports_for_deadline(deadline=half, units=[lead_unit], by=office_officer)
    registration = plan_2027.deadlines.get(order=0)
    Plan.objects.filter(pk=plan_2027.pk).update(status=Plan.Status.ISSUED)
    registration.plan.refresh_from_db()
    with pytest.raises(DomainError, match="không phải báo cáo"):
        services.request_reports_for_deadline(deadline=registration, units=[lead_unit], by=office_officer)


# --- The province returns an agency's report ------------------------------------------


def test_the_province_returns_an_agencys_report_and_the_agency_sends_it_again(
    approved_report, province_officer, office_officer, agency_head
):
    number = approved_report.number
    with pytest.raises(DomainError):
        services.return_report(report=approved_report, comment="  ", by=province_officer)
    approved_report.refresh_from_db()
    assert approved_report.status == Report.Status.APPROVED
    report = services.return_report(
        report=approved_report, comment="Bổ sung số liệu đối thoại quý IV.", by=province_officer
    )
    assert (report.status, report.return_comment) == (
        Report.Status.RETURNED,
        "Bổ sung số liệu đối thoại quý IV.",
    )
    assert Notification.objects.filter(
        recipient=office_officer, text__startswith="Tỉnh trả lại báo cáo"
    ).exists()
    assert Notification.objects.filter(
        recipient=agency_head, text__startswith="Tỉnh trả lại báo cáo"
    ).exists()
    report = services.save_report(
        report=report,
        sections={**report.sections(), "results": report.results + "\nĐã đối thoại 02 lần."},
        base_revision=report.revision,
        by=office_officer,
    )
    report = services.submit_report(report=report, by=office_officer, today=date(2026, 10, 28))
    report = services.approve_report(report=report, by=agency_head, today=date(2026, 10, 28))
    assert report.status == Report.Status.APPROVED and report.number == number
    events = list(report.versions.order_by("number").values_list("event", "comment"))
    assert ("returned", "Bổ sung số liệu đối thoại quý IV.") in events
    assert [event for event, _comment in events].count("approved") == 2
    assert Notification.objects.filter(
        recipient=province_officer, key=f"report-approved:{report.pk}:2"
    ).exists()


def test_the_province_returns_a_report_from_its_page(client, approved_report, province_officer):
    client.force_login(province_officer)
    page = client.get(reverse("reports:report_detail", args=[approved_report.pk])).content.decode()
    assert "Trả lại kèm ý kiến" in page
    url = reverse("reports:report_return", args=[approved_report.pk])
    assert client.post(url, {"comment": ""}).status_code == 422
    response = client.post(url, {"comment": "Thiếu phụ lục số liệu."})
    assert response.status_code == 302
    approved_report.refresh_from_db()
    assert approved_report.status == Report.Status.RETURNED
    # The province still reads what it returned, with the history.
    page = client.get(reverse("reports:report_detail", args=[approved_report.pk]))
    assert page.status_code == 200 and "Thiếu phụ lục số liệu." in page.content.decode()


def test_only_the_province_returns_a_sent_agency_report(
    client, approved_report, office_officer, other_agency_officer, unit_head
):
    url = reverse("reports:report_return", args=[approved_report.pk])
    client.force_login(office_officer)
    assert client.post(url, {"comment": "Tự trả lại"}).status_code == 403
    client.force_login(other_agency_officer)
    assert client.post(url, {"comment": "Trả lại"}).status_code == 404
    client.force_login(unit_head)
    assert client.post(url, {"comment": "Trả lại"}).status_code == 404
    approved_report.refresh_from_db()
    assert approved_report.status == Report.Status.APPROVED


def test_the_province_does_not_see_a_report_before_it_is_sent(
    client, agency_request, agency, office_officer, province_officer
):
    report = agency_request.reports.get(agency=agency)
    services.save_report(report=report, sections={"results": "x"}, base_revision=0, by=office_officer)
    services.submit_report(report=report, by=office_officer)
    client.force_login(province_officer)
    assert (
        client.post(reverse("reports:report_return", args=[report.pk]), {"comment": "x"}).status_code == 404
    )


# --- Approving with unit reports missing -----------------------------------------------


@pytest.fixture
def submitted_with_one_missing(unit_request, lead_report, unit_head, office_officer):
    services.save_report(
        report=lead_report, sections={"results": "Chi cục: 2 hội nghị"}, base_revision=0, by=unit_head
    )
    services.submit_report(report=lead_report, by=unit_head)
    report = services.compose_agency_report(unit_request=unit_request, by=office_officer)
    return services.submit_report(report=report, by=office_officer, today=date(2026, 10, 24))


def test_approving_with_unit_reports_missing_is_refused_unless_chosen(
    submitted_with_one_missing, agency_head, sibling_unit
):
    report = submitted_with_one_missing
    assert services.missing_unit_reports(report) == [sibling_unit.name]
    with pytest.raises(DomainError, match="Còn thiếu báo cáo của: Trung tâm Khoa học và Công nghệ"):
        services.approve_report(report=report, by=agency_head)
    report.refresh_from_db()
    assert report.status == Report.Status.SUBMITTED and not report.number
    report = services.approve_report(report=report, by=agency_head, despite_missing=True)
    assert report.status == Report.Status.APPROVED and report.approved_missing == [sibling_unit.name]
    version = report.versions.get(event=ReportVersion.Event.APPROVED)
    assert version.comment == f"Phê duyệt dù còn thiếu báo cáo của: {sibling_unit.name}"


def test_the_leader_sees_the_missing_units_and_ticks_to_approve(
    client, submitted_with_one_missing, agency_head, sibling_unit
):
    report = submitted_with_one_missing
    client.force_login(agency_head)
    url = reverse("reports:report_detail", args=[report.pk])
    assert f"Phê duyệt dù còn thiếu báo cáo của: {sibling_unit.name}" in client.get(url).content.decode()
    refused = client.post(reverse("reports:report_approve", args=[report.pk]), follow=True)
    assert "Còn thiếu báo cáo của" in refused.content.decode()
    report.refresh_from_db()
    assert report.status == Report.Status.SUBMITTED
    client.post(reverse("reports:report_approve", args=[report.pk]), {"despite_missing": "1"})
    report.refresh_from_db()
    assert report.status == Report.Status.APPROVED and report.approved_missing == [sibling_unit.name]
    assert "Lãnh đạo phê duyệt dù còn thiếu báo cáo của" in client.get(url).content.decode()


def test_with_every_unit_report_in_no_choice_is_asked(approved_report):
    assert approved_report.status == Report.Status.APPROVED and approved_report.approved_missing == []


# --- Timeliness as rates ----------------------------------------------------------------


def test_timeliness_rates_are_over_those_asked():
    rates = selectors.timeliness_rates(["on_time", "late", "overdue", "waiting"])
    assert (rates["asked"], rates["on_time"], rates["late"], rates["missing"]) == (4, 1, 1, 2)
    assert rates["rates"] == {"on_time": 25.0, "late": 25.0, "missing": 50.0}
    assert selectors.timeliness_rates([])["rates"] == {"on_time": None, "late": None, "missing": None}


def test_the_request_and_province_pages_show_rates(
    client, submitted_with_one_missing, agency_head, office_officer, province_officer, unit_request
):
    client.force_login(office_officer)
    page = client.get(reverse("reports:request_detail", args=[unit_request.pk])).content.decode()
    shown = page[page.index('data-testid="ty-le-nop"') :][:200]
    assert "Yêu cầu 2: đúng hạn 0 (0,0%), muộn 1 (50,0%), chưa nộp 1 (50,0%)" in shown, shown
    services.approve_report(report=submitted_with_one_missing, by=agency_head, despite_missing=True)
    period = unit_request.period
    table = selectors.province_table(period.province, period, today=date(2026, 10, 21))
    assert (table["asked"], table["sent"], table["missing"]) == (2, 1, 1)
    assert table["rates"]["missing"] == 50.0
    client.force_login(province_officer)
    body = client.get(reverse("reports:province_table", args=[period.province_id]), {"period": period.pk})
    assert "Trên 2 cơ quan được yêu cầu" in body.content.decode()


def test_a_unit_head_reads_the_rates_of_a_request_to_their_unit(client, unit_request, unit_head):
    client.force_login(unit_head)
    assert client.get(reverse("reports:request_detail", args=[unit_request.pk])).status_code == 200
    other = person_with_role(Role.UNIT_HEAD, unit=UnitFactory(name="Phòng khác của cơ quan khác"))
    client.force_login(other)
    assert client.get(reverse("reports:request_detail", args=[unit_request.pk])).status_code == 404


def test_the_plan_page_offers_the_office_its_report_requests(client, plan_2027, office_officer, unit_head):
    url = reverse("plans:plan_detail", args=[plan_2027.pk])
    link = reverse("reports:plan_requests", args=[plan_2027.pk])
    client.force_login(office_officer)
    assert link in client.get(url).content.decode()
    client.force_login(unit_head)
    assert link not in client.get(url).content.decode()
