"""Requests, unit reports, the agency's report and reminders."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from danvan.core.models import Notification
from danvan.core.services import DomainError
from danvan.plans.models import Plan, PlanDeadline, Task
from danvan.reports import selectors, services
from danvan.reports.models import PeriodKind, Report, ReportRequest, ReportVersion

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def at(day: date, hour: int = 9) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=HCM)


def sent_on(report, day, hour=9):
    Report.objects.filter(pk=report.pk).update(first_sent_at=at(day, hour), sent_at=at(day, hour))
    report.refresh_from_db()


def test_request_agency_reports_makes_one_pending_report_per_agency(
    office_officer, agency_request, agency, other_agency
):
    assert set(agency_request.reports.values_list("agency_id", flat=True)) == {agency.pk, other_agency.pk}
    assert set(agency_request.reports.values_list("status", flat=True)) == {Report.Status.PENDING}
    assert Notification.objects.filter(recipient=office_officer, key__startswith="report-requested").exists()


def test_request_agency_reports_refuses_another_province(agency_request, province_officer, year_period):
    from tests.factories import AgencyFactory, ProvinceFactory

    elsewhere = AgencyFactory(province=ProvinceFactory(name="Khánh Hòa", code="KHA"))
    count = ReportRequest.objects.count()
    with pytest.raises(DomainError):
        services.request_agency_reports(
            province=year_period.province,
            period=year_period,
            title="x",
            due_date=date(2026, 10, 25),
            agencies=[elsewhere],
            by=province_officer,
        )
    assert ReportRequest.objects.count() == count


def test_request_unit_reports_must_be_due_before_the_agency_report(
    agency, year_period, lead_unit, office_officer, agency_request
):
    with pytest.raises(DomainError, match="25/10/2026"):
        services.request_unit_reports(
            agency=agency,
            period=year_period,
            title="Báo cáo năm",
            due_date=date(2026, 10, 30),
            units=[lead_unit],
            parent=agency_request,
            by=office_officer,
        )
    assert not ReportRequest.objects.filter(level="units").exists()


def test_request_unit_reports_refuses_a_unit_of_another_agency(
    agency, year_period, other_unit, office_officer
):
    with pytest.raises(DomainError):
        services.request_unit_reports(
            agency=agency,
            period=year_period,
            title="x",
            due_date=date(2026, 10, 20),
            units=[other_unit],
            by=office_officer,
        )


def test_request_unit_reports_notifies_unit_heads(unit_head, unit_request):
    assert Notification.objects.filter(recipient=unit_head, key__startswith="report-requested").exists()


def test_start_report_prefills_results_from_the_period_progress(lead_report, unit_tasks, unit_officer):
    report = services.start_report(report=lead_report, by=unit_officer)
    assert "Quán triệt Chỉ thị 33/CT-TTg: hoàn thành (100%)" in report.results
    assert "120 công chức" in report.results
    assert "Đối thoại với doanh nghiệp" not in report.results  # the sibling unit's task


def test_save_report_keeps_a_version_per_save(lead_report, unit_officer):
    report = services.save_report(
        report=lead_report, sections={"results": "Bản 1"}, base_revision=0, by=unit_officer
    )
    report = services.save_report(
        report=report, sections={"results": "Bản 2"}, base_revision=1, by=unit_officer
    )
    assert report.revision == 2
    assert [v.sections["results"] for v in report.versions.order_by("number")] == ["Bản 1", "Bản 2"]


def test_autosaves_by_one_person_are_one_version(lead_report, unit_officer):
    report = services.save_report(
        report=lead_report, sections={"results": "a"}, base_revision=0, by=unit_officer, autosave=True
    )
    report = services.save_report(
        report=report, sections={"results": "ab"}, base_revision=1, by=unit_officer, autosave=True
    )
    assert report.versions.count() == 1
    assert report.versions.get().sections["results"] == "ab"


def test_a_stale_save_keeps_both_texts(lead_report, unit_officer, unit_head):
    services.save_report(
        report=lead_report, sections={"results": "Văn bản của trưởng phòng"}, base_revision=0, by=unit_head
    )
    with pytest.raises(services.ReportConflict) as raised:
        services.save_report(
            report=lead_report,
            sections={"results": "Văn bản của chuyên viên"},
            base_revision=0,
            by=unit_officer,
        )
    lead_report.refresh_from_db()
    assert lead_report.results == "Văn bản của trưởng phòng"
    conflict = raised.value
    assert conflict.mine["results"] == "Văn bản của chuyên viên"
    assert conflict.version.event == ReportVersion.Event.CONFLICT
    texts = {v.sections["results"] for v in lead_report.versions.all()}
    assert texts == {"Văn bản của trưởng phòng", "Văn bản của chuyên viên"}


def test_submit_locks_the_report_and_keeps_its_figures(lead_report, unit_tasks, unit_head, office_officer):
    services.save_report(report=lead_report, sections={"results": "Đã làm"}, base_revision=0, by=unit_head)
    report = services.submit_report(report=lead_report, by=unit_head, today=date(2026, 10, 19))
    assert report.status == Report.Status.SUBMITTED and report.is_locked()
    assert report.figures["counts"]["total"] == 2 and report.figures["counts"]["done"] == 1
    with pytest.raises(DomainError, match="đã gửi"):
        services.save_report(
            report=report,
            sections={"results": "sửa sau khi nộp"},
            base_revision=report.revision,
            by=unit_head,
        )
    report.refresh_from_db()
    assert report.results == "Đã làm"
    assert Notification.objects.filter(recipient=office_officer, key__startswith="report-submitted").exists()


def test_submit_refuses_an_empty_report(lead_report, unit_head):
    with pytest.raises(DomainError, match="chưa có nội dung"):
        services.submit_report(report=lead_report, by=unit_head)
    lead_report.refresh_from_db()
    assert lead_report.status == Report.Status.PENDING


def test_submitting_twice_is_refused(lead_report, unit_head):
    services.save_report(report=lead_report, sections={"results": "x"}, base_revision=0, by=unit_head)
    services.submit_report(report=lead_report, by=unit_head)
    with pytest.raises(DomainError):
        services.submit_report(report=lead_report, by=unit_head)


def test_timeliness_by_the_first_sending(lead_report, sibling_report):
    sent_on(lead_report, date(2026, 10, 20), hour=23)
    sent_on(sibling_report, date(2026, 10, 22))
    assert lead_report.timeliness(date(2026, 11, 1))[0] == "on_time"
    assert sibling_report.timeliness(date(2026, 11, 1)) == ("late", "Nộp muộn 2 ngày")


def test_unsent_report_is_waiting_then_overdue(lead_report):
    assert lead_report.timeliness(date(2026, 10, 20))[0] == "waiting"
    assert lead_report.timeliness(date(2026, 10, 21))[0] == "overdue"


def test_return_and_resubmit_keep_every_version_and_the_first_date(lead_report, unit_head, office_officer):
    services.save_report(report=lead_report, sections={"results": "Lần 1"}, base_revision=0, by=unit_head)
    report = services.submit_report(report=lead_report, by=unit_head)
    first = report.first_sent_at
    with pytest.raises(DomainError):
        services.return_report(report=report, comment="  ", by=office_officer)
    report = services.return_report(report=report, comment="Bổ sung số liệu hội nghị", by=office_officer)
    assert report.status == Report.Status.RETURNED and not report.is_locked()
    report = services.save_report(
        report=report, sections={"results": "Lần 2"}, base_revision=report.revision, by=unit_head
    )
    report = services.submit_report(report=report, by=unit_head)
    assert report.first_sent_at == first
    events = list(report.versions.order_by("number").values_list("event", flat=True))
    assert events == ["saved", "submitted", "returned", "saved", "submitted"]


def _send_both_units(lead_report, sibling_report, unit_head, sibling_head):
    services.save_report(
        report=lead_report,
        sections={"results": "CC TĐC: 2 hội nghị", "proposals": "Bổ sung kinh phí"},
        base_revision=0,
        by=unit_head,
    )
    services.submit_report(report=lead_report, by=unit_head)
    services.save_report(
        report=sibling_report,
        sections={"results": "TT KHCN: 1 buổi đối thoại"},
        base_revision=0,
        by=sibling_head,
    )
    services.submit_report(report=sibling_report, by=sibling_head)
    sent_on(lead_report, date(2026, 10, 18))
    sent_on(sibling_report, date(2026, 10, 23))


def test_compose_joins_the_units_sections(
    unit_request,
    lead_report,
    sibling_report,
    unit_head,
    sibling_head,
    office_officer,
    agency_head,
    unit_tasks,
):
    _send_both_units(lead_report, sibling_report, unit_head, sibling_head)
    report = services.compose_agency_report(unit_request=unit_request, by=office_officer)
    assert report.unit_id is None and report.request_id == unit_request.parent_id
    assert "Chi cục Tiêu chuẩn Đo lường Chất lượng:\nCC TĐC: 2 hội nghị" in report.results
    assert "Trung tâm Khoa học và Công nghệ:\nTT KHCN: 1 buổi đối thoại" in report.results
    assert "Bổ sung kinh phí" in report.proposals
    assert report.signer_name == agency_head.full_name


def test_compose_keeps_what_the_office_wrote(
    unit_request, agency_request, agency, lead_report, sibling_report, unit_head, sibling_head, office_officer
):
    _send_both_units(lead_report, sibling_report, unit_head, sibling_head)
    own = agency_request.reports.get(agency=agency)
    services.save_report(
        report=own, sections={"results": "Văn phòng tự viết"}, base_revision=0, by=office_officer
    )
    report = services.compose_agency_report(unit_request=unit_request, by=office_officer)
    assert report.results == "Văn phòng tự viết"
    assert "Bổ sung kinh phí" in report.proposals


def test_compose_without_any_unit_report_is_refused(unit_request, office_officer):
    with pytest.raises(DomainError, match="Chưa có đơn vị nào"):
        services.compose_agency_report(unit_request=unit_request, by=office_officer)


def test_agency_report_goes_to_the_leader_then_the_province(
    unit_request,
    lead_report,
    sibling_report,
    unit_head,
    sibling_head,
    office_officer,
    agency_head,
    province_officer,
    unit_tasks,
):
    _send_both_units(lead_report, sibling_report, unit_head, sibling_head)
    report = services.compose_agency_report(unit_request=unit_request, by=office_officer)
    report = services.submit_report(report=report, by=office_officer, today=date(2026, 10, 24))
    assert report.status == Report.Status.SUBMITTED and report.first_sent_at is None
    assert Notification.objects.filter(recipient=agency_head, key__startswith="report-submitted").exists()
    figures = report.figures
    assert figures["units"]["on_time"] == 1 and figures["units"]["late"] == 1
    assert (
        figures["tasks"]["total"] == 3 and figures["tasks"]["done"] == 1 and figures["tasks"]["overdue"] == 1
    )
    report = services.approve_report(report=report, by=agency_head, today=date(2026, 10, 24))
    assert report.status == Report.Status.APPROVED
    assert report.number and report.symbol == "BC-SKHCN" and report.issue_date == date(2026, 10, 24)
    assert report.first_sent_at is not None
    assert Notification.objects.filter(
        recipient=province_officer, key=f"report-approved:{report.pk}"
    ).exists()


def test_approving_a_unit_report_is_refused(lead_report, agency_head):
    with pytest.raises(DomainError):
        services.approve_report(report=lead_report, by=agency_head)


def test_attach_to_report_refuses_a_locked_report(lead_report, unit_head):
    attachment = services.attach_to_report(
        report=lead_report, data=b"%PDF-1.4 test", filename="minh-chung.pdf", by=unit_head
    )
    assert attachment.size == 13
    services.save_report(report=lead_report, sections={"results": "x"}, base_revision=0, by=unit_head)
    services.submit_report(report=lead_report, by=unit_head)
    with pytest.raises(DomainError):
        services.attach_to_report(report=lead_report, data=b"%PDF-1.4", filename="sau.pdf", by=unit_head)
    assert lead_report.attachments.count() == 1


def test_send_report_reminders_before_on_and_after_the_due_date(lead_report, unit_head, office_officer):
    assert services.send_report_reminders(today=date(2026, 10, 13)) >= 1  # 7 days before
    assert services.send_report_reminders(today=date(2026, 10, 13)) == 0  # not twice
    assert services.send_report_reminders(today=date(2026, 10, 15)) == 0  # not a reminder day
    services.send_report_reminders(today=date(2026, 10, 20))
    assert Notification.objects.filter(recipient=unit_head, text__startswith="Hôm nay là hạn nộp").exists()
    services.send_report_reminders(today=date(2026, 10, 21))
    assert Notification.objects.filter(
        recipient=office_officer, key=f"report-overdue:{lead_report.pk}:20261020"
    ).exists()


def test_sent_reports_are_not_reminded(lead_report, unit_head):
    services.save_report(report=lead_report, sections={"results": "x"}, base_revision=0, by=unit_head)
    services.submit_report(report=lead_report, by=unit_head)
    services.send_report_reminders(today=date(2026, 10, 21))
    assert not Notification.objects.filter(key=f"report-overdue:{lead_report.pk}:20261020").exists()


def test_requests_from_plan_turn_reporting_deadlines_into_requests(
    agency, office_officer, lead_unit, office_unit, agency_head
):
    plan = Plan.objects.create(
        agency=agency,
        title="Kế hoạch năm 2026",
        period_year=2026,
        status=Plan.Status.ISSUED,
        created_by=office_officer,
    )
    PlanDeadline.objects.create(
        plan=plan,
        order=0,
        due_date=date(2026, 5, 25),
        action="Báo cáo kết quả 6 tháng",
        units=["Các phòng, đơn vị"],
        recipient="Văn phòng Sở",
    )
    PlanDeadline.objects.create(
        plan=plan,
        order=1,
        due_date=date(2026, 10, 20),
        action="Báo cáo kết quả năm",
        units=["Các phòng, đơn vị"],
        recipient="Văn phòng Sở",
    )
    PlanDeadline.objects.create(
        plan=plan,
        order=2,
        due_date=date(2026, 10, 25),
        action="Tự đánh giá, chấm điểm và báo cáo kết quả năm",
        units=[],
        recipient="Sở Nội vụ",
    )
    PlanDeadline.objects.create(
        plan=plan, order=3, due_date=date(2026, 3, 20), action="Đăng ký mô hình Dân vận khéo", units=[]
    )
    made = services.requests_from_plan(plan=plan, by=agency_head)
    # The report upward is asked at once; the units' reports wait for the office.
    assert len(made) == 1
    upward = ReportRequest.objects.get(level="agencies")
    assert upward.period.kind == PeriodKind.YEAR and upward.due_date == date(2026, 10, 25)
    assert upward.reports.get().agency == agency
    assert not ReportRequest.objects.filter(level="units").exists()
    half_deadline, year_deadline = plan.deadlines.filter(order__in=[0, 1]).order_by("order")
    assert services.asks_units(half_deadline) and not services.asks_units(plan.deadlines.get(order=3))
    half = services.request_reports_for_deadline(
        deadline=half_deadline, units=services.units_named_by(half_deadline), by=office_officer
    )
    assert half.period.kind == PeriodKind.HALF and half.due_date == date(2026, 5, 25) and half.parent is None
    yearly = services.request_reports_for_deadline(
        deadline=year_deadline, units=services.units_named_by(year_deadline), by=office_officer
    )
    assert yearly.period.kind == PeriodKind.YEAR and yearly.parent == upward
    assert set(yearly.reports.values_list("unit_id", flat=True)) == {lead_unit.pk}  # not the office
    assert services.requests_from_plan(plan=plan, by=agency_head) == []  # once per deadline
    with pytest.raises(DomainError, match="đã được gửi"):
        services.request_reports_for_deadline(deadline=year_deadline, units=[lead_unit], by=office_officer)


def test_issuing_a_plan_creates_its_report_requests(agency, office_officer, agency_head, lead_unit):
    from danvan.plans.services import approve_plan, submit_plan

    draft_plan = Plan.objects.create(
        agency=agency, title="Kế hoạch năm 2026", period_year=2026, created_by=office_officer
    )
    Task.objects.create(plan=draft_plan, heading="Tuyên truyền Chỉ thị 33", lead_unit=lead_unit)
    PlanDeadline.objects.create(
        plan=draft_plan, due_date=date(2026, 10, 20), action="Báo cáo kết quả năm", units=["Các đơn vị"]
    )
    submit_plan(plan=draft_plan, by=office_officer)
    approve_plan(plan=draft_plan, by=agency_head, issue_date=date(2026, 2, 1))
    deadline = draft_plan.deadlines.get()
    assert deadline.duties.count() == 1
    services.request_reports_for_deadline(deadline=deadline, units=[lead_unit], by=office_officer)
    assert ReportRequest.objects.filter(source_deadline__plan=draft_plan).count() == 1
    assert deadline.duties.get().status == "followed"


def test_agency_report_figures_count_units(unit_request, agency_request, agency, lead_report, unit_head):
    services.save_report(report=lead_report, sections={"results": "x"}, base_revision=0, by=unit_head)
    services.submit_report(report=lead_report, by=unit_head)
    sent_on(lead_report, date(2026, 10, 1))
    own = agency_request.reports.get(agency=agency)
    Report.objects.filter(pk=own.pk).update(composed_from=unit_request)
    own.refresh_from_db()
    figures = selectors.agency_report_figures(own, today=date(2026, 10, 22))
    assert (
        figures["units"]["asked"] == 2
        and figures["units"]["on_time"] == 1
        and figures["units"]["missing"] == 1
    )
    assert timezone.is_aware(lead_report.first_sent_at)


def test_agency_figures_count_the_dialogues_held_in_the_period(
    agency_request, agency, agency_head, office_officer
):
    from danvan.engagement.models import Dialogue

    for held_on, status in (
        (date(2026, 4, 2), "held"),
        (date(2026, 5, 9), "planned"),
        (date(2025, 11, 30), "held"),
    ):
        Dialogue.objects.create(
            agency=agency,
            kind="businesses",
            status=status,
            held_on=held_on,
            place="Hội trường Sở",
            leader=agency_head,
            subject="Đối thoại doanh nghiệp",
            participants="Doanh nghiệp",
            created_by=office_officer,
        )
    own = agency_request.reports.get(agency=agency)
    figures = selectors.agency_report_figures(own, today=date(2026, 10, 1))
    assert figures["dialogues"] == {"held": 1, "commitments": 0, "commitments_done": 0}


def test_the_daily_scan_reminds_of_reports(unit_head, lead_report, capsys):
    from django.core.management import call_command

    call_command("scan_deadlines", ngay="13/10/2026")
    assert "lời nhắc nộp báo cáo" in capsys.readouterr().out
    assert Notification.objects.filter(
        recipient=unit_head, key__startswith=f"report-reminder:{lead_report.pk}:"
    ).exists()


@pytest.mark.parametrize(
    ("position", "authority"),
    [("Phó Giám đốc", "KT. GIÁM ĐỐC"), ("Giám đốc", ""), ("Phó Chủ tịch UBND", "KT. CHỦ TỊCH UBND")],
)
def test_signing_authority_of_a_deputy(position, authority):
    assert services.signing_authority(position) == authority
