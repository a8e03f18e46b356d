"""The landing page shows each role what it has to do, each item linked to
where it is done, within the person's scope, in a fixed number of queries."""

from datetime import timedelta
from importlib import import_module

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from danvan.core.models import Role
from danvan.plans.models import Plan, Task, TaskUpdate
from danvan.reports import services as report_services
from danvan.reports.models import PeriodKind, Report
from tests.factories import UserFactory, person_with_role

TODAY = timezone.localdate()


def home(client, person) -> str:
    client.force_login(person)
    response = client.get(reverse("core:home"))
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture(autouse=True)
def _today():
    """Read the day when each test starts, not when the module is imported, so
    that a run crossing midnight in Vietnam compares like with like."""
    global TODAY
    TODAY = timezone.localdate()


def block(page: str, key: str) -> str:
    """The HTML of one work list of the page, found by its test id."""
    start = page.index(f'data-testid="{key}"')
    return page[start : page.index("</section>", start)]


def make_plan(agency, office_officer, *, title, status=Plan.Status.ISSUED, **fields):
    return Plan.objects.create(
        agency=agency, title=title, status=status, period_year=TODAY.year, created_by=office_officer, **fields
    )


def make_task(plan, unit, *, heading, order=0, **fields):
    return Task.objects.create(plan=plan, order=order, heading=heading, lead_unit=unit, **fields)


@pytest.fixture
def period(province):
    return report_services.get_or_create_period(province=province, kind=PeriodKind.YEAR, year=TODAY.year)


def test_due_dates_read_in_words():
    from danvan.core.selectors import due_note

    assert due_note(TODAY, TODAY) == ("Đến hạn hôm nay", False)
    assert due_note(TODAY + timedelta(days=1), TODAY) == ("Còn 1 ngày", False)
    assert due_note(TODAY - timedelta(days=12), TODAY) == ("Quá hạn 12 ngày", True)
    assert due_note(None, TODAY) == ("Không có hạn cụ thể", False)


# --- Leader --------------------------------------------------------------------------


def test_leader_lands_on_the_plans_and_reports_awaiting_approval(
    client, agency, other_agency, agency_head, office_officer, province_officer, province, period
):
    waiting = make_plan(
        agency, office_officer, title="Kế hoạch dân vận năm sau", status=Plan.Status.SUBMITTED
    )
    make_plan(agency, office_officer, title="Kế hoạch còn dự thảo", status=Plan.Status.DRAFT)
    make_plan(other_agency, office_officer, title="Kế hoạch của Sở Tài chính", status=Plan.Status.SUBMITTED)
    request = report_services.request_agency_reports(
        province=province,
        period=period,
        title="Báo cáo công tác dân vận năm",
        due_date=TODAY + timedelta(days=5),
        agencies=[agency, other_agency],
        by=province_officer,
    )
    Report.objects.filter(request=request).update(status=Report.Status.SUBMITTED)
    mine = request.reports.get(agency=agency)
    theirs = request.reports.get(agency=other_agency)

    page = home(client, agency_head)

    plans = block(page, "ke-hoach-cho-duyet")
    assert reverse("plans:plan_detail", args=[waiting.pk]) in plans
    assert "Kế hoạch dân vận năm sau" in plans
    assert "Kế hoạch còn dự thảo" not in plans and "Sở Tài chính" not in plans
    reports = block(page, "bao-cao-cho-duyet")
    assert reverse("reports:report_detail", args=[mine.pk]) in reports
    assert reverse("reports:report_detail", args=[theirs.pk]) not in reports
    assert "Còn 5 ngày" in reports


def test_leader_with_nothing_waiting_reads_it_in_vietnamese(client, agency_head):
    page = home(client, agency_head)
    assert "Không có kế hoạch nào chờ phê duyệt." in block(page, "ke-hoach-cho-duyet")
    assert "Không có báo cáo nào chờ phê duyệt." in block(page, "bao-cao-cho-duyet")
    assert 'data-testid="nhiem-vu-can-giao"' not in page


# --- Office --------------------------------------------------------------------------


def test_office_lands_on_the_requests_to_answer_and_the_units_that_have_not_reported(
    client, agency, other_agency, office_officer, province_officer, province, period, lead_unit, sibling_unit
):
    upward = report_services.request_agency_reports(
        province=province,
        period=period,
        title="Báo cáo công tác dân vận năm",
        due_date=TODAY + timedelta(days=10),
        agencies=[agency, other_agency],
        by=province_officer,
    )
    downward = report_services.request_unit_reports(
        agency=agency,
        period=period,
        title="Báo cáo của các đơn vị",
        due_date=TODAY - timedelta(days=2),
        units=[lead_unit, sibling_unit],
        parent=upward,
        by=office_officer,
    )
    downward.reports.filter(unit=sibling_unit).update(status=Report.Status.SUBMITTED)

    page = home(client, office_officer)

    due = block(page, "yeu-cau-den-han")
    assert reverse("reports:request_detail", args=[upward.pk]) in due
    assert "Báo cáo công tác dân vận năm" in due and "Còn 10 ngày" in due
    units = block(page, "don-vi-chua-bao-cao")
    assert lead_unit.name in units and sibling_unit.name not in units
    assert reverse("reports:request_detail", args=[downward.pk]) in units
    assert "Quá hạn 2 ngày" in units and "text-danger" in units


# --- Unit head -----------------------------------------------------------------------


def test_unit_head_lands_on_tasks_to_assign_and_updates_to_confirm(
    client, agency, office_officer, unit_head, unit_officer, lead_unit, sibling_unit
):
    plan = make_plan(agency, office_officer, title="Kế hoạch năm")
    free = make_task(plan, lead_unit, heading="Nhiệm vụ chưa giao", due_date=TODAY + timedelta(days=3))
    make_task(plan, lead_unit, heading="Nhiệm vụ đã giao", order=1, assignee=unit_officer)
    make_task(plan, sibling_unit, heading="Nhiệm vụ của đơn vị khác", order=2)
    make_task(plan, lead_unit, heading="Nhiệm vụ đã xong", order=3, status=Task.Status.DONE)
    draft = make_plan(agency, office_officer, title="Dự thảo", status=Plan.Status.DRAFT)
    make_task(draft, lead_unit, heading="Nhiệm vụ của dự thảo")
    reported = make_task(plan, lead_unit, heading="Nhiệm vụ có cập nhật", order=4, assignee=unit_officer)
    TaskUpdate.objects.create(
        task=reported,
        status="in_progress",
        percent=40,
        note="Đã họp",
        reported_on=TODAY,
        created_by=unit_officer,
    )
    TaskUpdate.objects.create(
        task=reported,
        status="in_progress",
        percent=20,
        note="Đã lập kế hoạch",
        reported_on=TODAY - timedelta(days=7),
        created_by=unit_officer,
        confirmed_by=unit_head,
        confirmed_at=timezone.now(),
    )

    page = home(client, unit_head)

    to_assign = block(page, "nhiem-vu-can-giao")
    assert reverse("plans:task_detail", args=[free.pk]) in to_assign
    assert "Nhiệm vụ chưa giao" in to_assign and "Còn 3 ngày" in to_assign
    for other in ("Nhiệm vụ đã giao", "Nhiệm vụ của đơn vị khác", "Nhiệm vụ đã xong", "Nhiệm vụ của dự thảo"):
        assert other not in to_assign
    to_confirm = block(page, "cap-nhat-cho-xac-nhan")
    assert reverse("plans:task_detail", args=[reported.pk]) in to_confirm
    assert f"{unit_officer.full_name} báo cáo 40% ngày {TODAY:%d/%m/%Y}" in to_confirm
    assert "20%" not in to_confirm


def test_unit_head_lands_on_the_units_reports_to_send(
    client, agency, office_officer, province_officer, province, period, unit_head, lead_unit, sibling_unit
):
    upward = report_services.request_agency_reports(
        province=province,
        period=period,
        title="Báo cáo năm",
        due_date=TODAY + timedelta(days=10),
        agencies=[agency],
        by=province_officer,
    )
    downward = report_services.request_unit_reports(
        agency=agency,
        period=period,
        title="Báo cáo năm của các đơn vị",
        due_date=TODAY + timedelta(days=5),
        units=[lead_unit, sibling_unit],
        parent=upward,
        by=office_officer,
    )
    mine = downward.reports.get(unit=lead_unit)
    theirs = downward.reports.get(unit=sibling_unit)

    reports = block(home(client, unit_head), "bao-cao-don-vi-phai-nop")

    assert reverse("reports:report_detail", args=[mine.pk]) in reports and "Còn 5 ngày" in reports
    assert reverse("reports:report_detail", args=[theirs.pk]) not in reports
    downward.reports.filter(pk=mine.pk).update(status=Report.Status.SUBMITTED)
    assert "Đơn vị không có báo cáo nào phải nộp." in block(
        home(client, unit_head), "bao-cao-don-vi-phai-nop"
    )


# --- Staff ---------------------------------------------------------------------------


def test_staff_land_on_their_open_tasks_by_due_date(client, agency, office_officer, unit_officer, lead_unit):
    plan = make_plan(agency, office_officer, title="Kế hoạch năm")
    later = make_task(
        plan, lead_unit, heading="Hạn sau", assignee=unit_officer, due_date=TODAY + timedelta(9)
    )
    sooner = make_task(
        plan,
        lead_unit,
        heading="Hạn trước",
        order=1,
        assignee=unit_officer,
        due_date=TODAY - timedelta(days=1),
        status=Task.Status.OVERDUE,
    )
    make_task(plan, lead_unit, heading="Không hạn", order=2, assignee=unit_officer)
    make_task(
        plan, lead_unit, heading="Đã hoàn thành", order=3, assignee=unit_officer, status=Task.Status.DONE
    )
    make_task(plan, lead_unit, heading="Của người khác", order=4)
    draft = make_plan(agency, office_officer, title="Dự thảo", status=Plan.Status.DRAFT)
    make_task(draft, lead_unit, heading="Của dự thảo", assignee=unit_officer, due_date=TODAY)

    page = home(client, unit_officer)

    mine = block(page, "nhiem-vu-cua-toi")
    assert mine.index("Hạn trước") < mine.index("Hạn sau") < mine.index("Không hạn")
    assert "Đã hoàn thành" not in mine and "Của người khác" not in mine and "Của dự thảo" not in mine
    assert reverse("plans:task_detail", args=[sooner.pk]) in mine
    assert reverse("plans:task_detail", args=[later.pk]) in mine
    assert "Quá hạn 1 ngày" in mine and "Không có hạn cụ thể" in mine
    assert reverse("plans:my_tasks") in mine


def test_staff_without_tasks_read_so(client, unit_officer):
    assert "Bạn không có nhiệm vụ nào đang mở." in block(home(client, unit_officer), "nhiem-vu-cua-toi")


# --- Inspector -----------------------------------------------------------------------


@pytest.fixture
def time_limit_rules(db):
    import_module("danvan.petitions.migrations.0002_seed_time_limit_rules").seed(apps, None)


def test_inspector_lands_on_the_petition_deadlines_nearest_first(
    client, agency, other_agency, inspector, time_limit_rules
):
    from danvan.petitions.models import Petition
    from tests.petitions.factories import petition_for

    old = petition_for(agency, received_on=TODAY - timedelta(days=30), subject="Khiếu nại cũ")
    new = petition_for(agency, received_on=TODAY, subject="Kiến nghị mới", kind=Petition.Kind.FEEDBACK)
    denunciation = petition_for(
        agency, received_on=TODAY, subject="Tố cáo cán bộ", kind=Petition.Kind.DENUNCIATION
    )
    petition_for(other_agency, received_on=TODAY, subject="Đơn của Sở Tài chính")

    page = home(client, inspector)

    deadlines = block(page, "han-xu-ly-don")
    assert deadlines.index(old.code) < deadlines.index(new.code)
    assert reverse("petitions:petition_detail", args=[old.pk]) in deadlines
    assert f"{denunciation.code} — Tố cáo cán bộ" in deadlines
    assert "Trần Thị Bưởi" not in deadlines  # the sender, and never a denouncer
    assert "Sở Tài chính" not in deadlines
    assert "Quá hạn" in deadlines


def test_inspector_with_no_pending_deadline_reads_so(client, inspector):
    assert "Không có đơn nào đang chờ xử lý theo thời hạn." in block(home(client, inspector), "han-xu-ly-don")


# --- Province reviewer ---------------------------------------------------------------


def test_province_reviewer_lands_on_reports_coming_due_and_late(
    client, agency, other_agency, province_officer, province, period
):
    coming = report_services.request_agency_reports(
        province=province,
        period=period,
        title="Báo cáo năm",
        due_date=TODAY + timedelta(days=4),
        agencies=[agency, other_agency],
        by=province_officer,
    )
    coming.reports.filter(agency=agency).update(status=Report.Status.APPROVED)
    late = report_services.request_agency_reports(
        province=province,
        period=report_services.get_or_create_period(province=province, kind=PeriodKind.HALF, year=TODAY.year),
        title="Báo cáo 6 tháng",
        due_date=TODAY - timedelta(days=3),
        agencies=[agency, other_agency],
        by=province_officer,
    )
    late.reports.filter(agency=agency).update(status=Report.Status.APPROVED)

    page = home(client, province_officer)

    due = block(page, "bao-cao-den-han")
    assert reverse("reports:request_detail", args=[coming.pk]) in due
    assert "1/2 cơ quan đã gửi" in due and "Còn 4 ngày" in due
    assert "Báo cáo 6 tháng" not in due
    overdue = block(page, "bao-cao-qua-han")
    assert other_agency.name in overdue and agency.name not in overdue
    assert reverse("reports:request_detail", args=[late.pk]) in overdue
    assert "Quá hạn 3 ngày" in overdue


# --- Several roles, the menu ---------------------------------------------------------


def test_a_person_with_several_roles_sees_each_roles_lists_in_order(client, agency, lead_unit):
    from danvan.core.models import RoleAssignment

    person = person_with_role(Role.AGENCY_LEADER, agency=agency)
    RoleAssignment.objects.create(user=person, role=Role.INSPECTOR, agency=agency)
    RoleAssignment.objects.create(user=person, role=Role.UNIT_HEAD, agency=agency, unit=lead_unit)

    page = home(client, person)

    assert (
        page.index("Việc cần làm — Lãnh đạo cơ quan")
        < page.index("Việc cần làm — Trưởng đơn vị")
        < page.index("Việc cần làm — Thanh tra")
    )
    for key in ("ke-hoach-cho-duyet", "bao-cao-cho-duyet", "nhiem-vu-can-giao", "han-xu-ly-don"):
        assert f'data-testid="{key}"' in page


def test_the_menu_opens_the_agency_dashboard(client, agency, unit_officer, system_admin):
    page = home(client, unit_officer)
    assert f'href="{reverse("plans:dashboard", args=[agency.pk])}"' in page
    # An administrator belongs to no agency: no overview to open.
    assert "/tong-quan/" not in home(client, system_admin)


# --- Query counts --------------------------------------------------------------------


def count_queries(client, person) -> int:
    client.force_login(person)
    client.get(reverse("core:home"))
    with CaptureQueriesContext(connection) as context:
        assert client.get(reverse("core:home")).status_code == 200
    return len(context)


def add_work(agency, office_officer, province_officer, unit_officer, lead_unit, province, period, many):
    """``many`` rows of every kind of work the landing page lists."""
    from tests.petitions.factories import petition_for

    plan = make_plan(agency, office_officer, title="Kế hoạch năm")
    for number in range(many):
        make_plan(agency, office_officer, title=f"Kế hoạch trình {number}", status=Plan.Status.SUBMITTED)
        task = make_task(plan, lead_unit, heading=f"Nhiệm vụ {number}", order=2 * number)
        make_task(plan, lead_unit, heading=f"Của tôi {number}", order=2 * number + 1, assignee=unit_officer)
        TaskUpdate.objects.create(
            task=task,
            status="in_progress",
            percent=10,
            note="Ghi",
            reported_on=TODAY,
            created_by=unit_officer,
        )
        petition_for(agency, received_on=TODAY - timedelta(days=number), subject=f"Đơn {number}")
        request = report_services.request_agency_reports(
            province=province,
            period=period,
            title=f"Báo cáo {number}",
            due_date=TODAY + timedelta(days=number + 1 - many // 2),
            agencies=[agency],
            by=province_officer,
        )
        report_services.request_unit_reports(
            agency=agency,
            period=period,
            title=f"Đơn vị báo cáo {number}",
            due_date=TODAY - timedelta(days=many),
            units=[lead_unit],
            parent=request,
            by=office_officer,
        )
        if number % 2:
            request.reports.update(status=Report.Status.SUBMITTED)


ROLES = ["agency_head", "office_officer", "unit_head", "unit_officer", "inspector", "province_officer"]


@pytest.mark.parametrize("role", ROLES)
def test_the_landing_page_costs_the_same_queries_with_one_item_as_with_many(
    client, request, role, agency, office_officer, province_officer, unit_officer, lead_unit, province, period
):
    request.getfixturevalue("time_limit_rules")
    person = request.getfixturevalue(role)
    add_work(agency, office_officer, province_officer, unit_officer, lead_unit, province, period, 1)
    few = count_queries(client, person)
    add_work(agency, office_officer, province_officer, unit_officer, lead_unit, province, period, 6)
    assert count_queries(client, person) == few
    # Session, person, roles, notifications, the page's own cards, and one query per work list
    # (7 to 14 today; the leader and office the most, with democracy's two lists of the
    # organisations' recommendations and of the regulation to revise).
    assert few <= 16


def test_the_bells_name_says_the_unread_count_it_shows(client, unit_officer):
    from danvan.core.models import Notification

    assert 'aria-label="Thông báo"' in home(client, unit_officer)
    Notification.objects.create(recipient=unit_officer, key="k1", text="Nhắc hạn")
    Notification.objects.create(recipient=unit_officer, key="k2", text="Nhắc hạn")
    page = home(client, unit_officer)
    assert 'aria-label="Thông báo: 2 chưa đọc"' in page and 'data-testid="so-thong-bao">2<' in page


# --- The citizens' pages -------------------------------------------------------------

PUBLIC_PAGES = ("petitions_public:submit", "petitions_public:lookup", "petitions_public:schedule")


def test_the_sign_in_page_links_to_the_citizens_pages(client, db):
    # The front page sends a visitor without an account to the sign-in page.
    response = client.get(reverse("core:home"), follow=True)
    page = response.content.decode()
    assert response.redirect_chain and "Dành cho người dân" in page
    for name in PUBLIC_PAGES:
        assert f'href="{reverse(name)}"' in page, name
    for name in PUBLIC_PAGES:
        assert client.get(reverse(name)).status_code == 200


def test_the_front_page_links_to_the_citizens_pages(client, unit_officer):
    page = block(home(client, unit_officer), "trang-cong-dan")
    for name in PUBLIC_PAGES:
        assert f'href="{reverse(name)}"' in page, name


def test_a_leader_reads_the_number_of_active_units_and_people_of_their_agency(
    client, agency, agency_head, office_unit, lead_unit, sibling_unit, unit_officer
):
    sibling_unit.is_active = False
    sibling_unit.save()
    UserFactory(agency=agency, is_active=False)
    UserFactory(agency=agency, unit=lead_unit)
    # Units: Văn phòng, Chi cục (the Trung tâm is closed); people: the leader,
    # the Chi cục's officer and one more, not the one who left.
    page = home(client, agency_head)
    assert "2 đơn vị, 3 cán bộ, công chức." in page
