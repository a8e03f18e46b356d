"""Organisation changes with effective dates: each kind moves the open work
to the successor, leaves closed work with the predecessor under its name of
the time, and moves people only where the administrator confirmed them."""

from datetime import date

import pytest

from danvan.core import organisation
from danvan.core.models import (
    Agency,
    ChangePerson,
    Notification,
    OrganisationChange,
    Province,
    Role,
    RoleAssignment,
    Unit,
)
from danvan.core.organisation import NewParty
from danvan.core.services import DomainError
from danvan.petitions import services as petition_services
from danvan.petitions.models import Petition
from danvan.plans.models import Plan, Task
from danvan.reports import selectors as report_selectors
from danvan.reports import services as report_services
from danvan.reports.models import PeriodKind, Report
from tests.factories import AgencyFactory, ProvinceFactory, UnitFactory, person_with_role
from tests.petitions.factories import case_for, petition_for

K = OrganisationChange.Kind
L = OrganisationChange.Level
JULY_2025 = date(2025, 7, 1)
TODAY = date(2026, 12, 3)


@pytest.fixture
def planning(province):
    """Sở Kế hoạch và Đầu tư: merged into Sở Tài chính from 01/07/2025."""
    return AgencyFactory(province=province, name="Sở Kế hoạch và Đầu tư", symbol_code="SKHĐT")


@pytest.fixture
def finance(province):
    return AgencyFactory(province=province, name="Sở Tài chính", symbol_code="STC")


@pytest.fixture
def finance_office(finance):
    return UnitFactory(agency=finance, code="VP", name="Văn phòng Sở Tài chính")


@pytest.fixture
def planning_units(planning):
    return {
        "VP": UnitFactory(agency=planning, code="VP", name="Văn phòng Sở Kế hoạch và Đầu tư"),
        "DKKD": UnitFactory(agency=planning, code="DKKD", name="Phòng Đăng ký kinh doanh"),
    }


def merge(before, after, by, *, level=L.AGENCY, kind=K.MERGE, day=JULY_2025):
    return organisation.draft_change(
        kind=kind,
        level=level,
        effective_on=day,
        decision="Quyết định số 1234/QĐ-UBND ngày 30/6/2025 của UBND tỉnh",
        before=before,
        after=after,
        by=by,
    )


def plan_of(agency, by, *, status=Plan.Status.ISSUED, year=2025, title="Kế hoạch dân vận chính quyền"):
    return Plan.objects.create(
        agency=agency, title=f"{title} năm {year}", status=status, period_year=year, created_by=by
    )


def test_a_merger_hands_the_open_work_to_the_successor_and_keeps_the_closed(
    province, planning, planning_units, finance, finance_office, system_admin
):
    office = person_with_role(Role.AGENCY_OFFICE, agency=planning, unit=planning_units["VP"])
    head = person_with_role(Role.UNIT_HEAD, unit=planning_units["DKKD"])
    stays = person_with_role(Role.STAFF, unit=planning_units["DKKD"])
    closed_plan = plan_of(planning, office, status=Plan.Status.CLOSED, year=2024)
    open_plan = plan_of(planning, office)
    draft = plan_of(planning, office, status=Plan.Status.DRAFT, year=2026, title="Dự thảo kế hoạch")
    open_task = Task.objects.create(
        plan=open_plan, heading="Đối thoại doanh nghiệp", lead_unit=planning_units["DKKD"]
    )
    office_task = Task.objects.create(
        plan=open_plan, heading="Tổng hợp báo cáo", lead_unit=planning_units["VP"]
    )
    done_task = Task.objects.create(
        plan=closed_plan, heading="Quán triệt", lead_unit=planning_units["VP"], status=Task.Status.DONE
    )
    open_petition = petition_for(planning, by=office, received_on=date(2025, 6, 20))
    deadlines = sorted(open_petition.deadlines.values_list("code", "due_date"))
    closed_petition = petition_for(planning, by=office, received_on=date(2024, 5, 2), subject="Đơn cũ")
    Petition.objects.filter(pk=closed_petition.pk).update(status=Petition.Status.ANSWERED)
    period_2024 = report_services.get_or_create_period(province=province, kind=PeriodKind.YEAR, year=2024)
    period_2025 = report_services.get_or_create_period(province=province, kind=PeriodKind.YEAR, year=2025)
    old_request = report_services.request_agency_reports(
        province=province,
        period=period_2024,
        title="Báo cáo năm 2024",
        due_date=date(2024, 11, 15),
        agencies=[planning],
        by=system_admin,
    )
    Report.objects.filter(request=old_request).update(status=Report.Status.APPROVED)
    new_request = report_services.request_agency_reports(
        province=province,
        period=period_2025,
        title="Báo cáo năm 2025",
        due_date=date(2025, 11, 15),
        agencies=[planning],
        by=system_admin,
    )

    change = merge([planning], [finance], system_admin)
    preview = organisation.preview_change(change, today=TODAY)
    assert preview.can_apply, preview.problems
    work = {label: count for _party, label, count in preview.work}
    assert work["kế hoạch chưa kết thúc"] == 2
    assert work["đơn, vụ việc đang giải quyết"] == 1
    assert work["báo cáo, yêu cầu báo cáo chưa xong"] == 1
    assert {move.unit.code: move.into for move in preview.units} == {"VP": finance_office, "DKKD": None}
    assert {move.person for move in preview.people} == {office, head, stays}
    assert OrganisationChange.objects.get(pk=change.pk).is_draft()  # the preview wrote nothing

    organisation.apply_change(change=change, confirmed=[office.pk, head.pk], by=system_admin, today=TODAY)

    planning.refresh_from_db()
    assert not planning.is_active and planning.valid_to == date(2025, 6, 30) and planning.successor == finance
    assert set(Plan.objects.filter(agency=finance)) == {open_plan, draft}
    assert Plan.objects.get(pk=closed_plan.pk).agency == planning
    assert Task.objects.get(pk=done_task.pk).lead_unit == planning_units["VP"]  # closed work stays
    # Phòng Đăng ký kinh doanh moves as it is; the two offices become one.
    assert Unit.objects.get(pk=planning_units["DKKD"].pk).agency == finance
    assert Task.objects.get(pk=open_task.pk).lead_unit == planning_units["DKKD"]
    assert Task.objects.get(pk=office_task.pk).lead_unit == finance_office
    ended_office = Unit.objects.get(pk=planning_units["VP"].pk)
    assert ended_office.valid_to == date(2025, 6, 30) and ended_office.successor == finance_office
    moved = Petition.objects.get(pk=open_petition.pk)
    assert moved.agency == finance
    assert sorted(moved.deadlines.values_list("code", "due_date")) == deadlines
    assert Petition.objects.get(pk=closed_petition.pk).agency == planning
    assert Report.objects.get(request=old_request).agency == planning
    assert Report.objects.get(request=new_request).agency == finance
    # People: the confirmed go with their roles, the other loses what reached into the moved unit.
    office.refresh_from_db()
    assert office.agency == finance and office.unit == finance_office
    assert RoleAssignment.objects.get(user=office, is_active=True).agency == finance
    assert RoleAssignment.objects.get(user=head, is_active=True).unit == planning_units["DKKD"]
    assert not RoleAssignment.objects.filter(user=stays, is_active=True).exists()
    stays.refresh_from_db()
    assert stays.unit is None
    assert ChangePerson.objects.get(change=change, person=stays).moved is False
    change.refresh_from_db()
    assert change.status == OrganisationChange.Status.APPLIED and change.applied_by == system_admin
    [told] = Notification.objects.filter(key=f"organisation-change:{change.pk}")
    assert told.recipient == office and "Sáp nhập, hợp nhất theo Quyết định số 1234/QĐ-UBND" in told.text
    assert any("Sở Kế hoạch và Đầu tư thôi hoạt động từ 01/07/2025" in line for line in change.summary)
    # The tables of a year list the agencies of that year.
    year_2024 = Agency.objects.existing_during(date(2024, 1, 1), date(2024, 12, 31))
    year_2026 = Agency.objects.existing_during(date(2026, 1, 1), date(2026, 12, 31))
    assert planning in year_2024 and finance in year_2024
    assert planning not in year_2026 and finance in year_2026


def test_a_change_is_applied_once_and_not_before_its_date(planning, finance, system_admin):
    change = merge([planning], [finance], system_admin, day=date(2027, 1, 1))
    preview = organisation.preview_change(change, today=TODAY)
    assert preview.problems == ["Quyết định có hiệu lực từ 01/01/2027: chỉ áp dụng được từ ngày đó."]
    with pytest.raises(DomainError):
        organisation.apply_change(change=change, confirmed=[], by=system_admin, today=TODAY)
    planning.refresh_from_db()
    assert planning.is_active and planning.valid_to is None
    organisation.apply_change(change=change, confirmed=[], by=system_admin, today=date(2027, 1, 1))
    with pytest.raises(DomainError, match="đã được áp dụng"):
        organisation.apply_change(change=change, confirmed=[], by=system_admin, today=date(2027, 1, 2))


@pytest.mark.parametrize(
    ("kind", "before", "after", "message"),
    [
        (K.MERGE, ["planning"], ["finance", "agency"], "đúng một bên kế thừa"),
        (K.SPLIT, ["planning"], ["finance"], "hai bên trở lên"),
        (K.RENAME, ["planning"], [NewParty(name="Sở Kế hoạch và Đầu tư")], "trùng với tên hiện nay"),
        (K.MERGE, ["planning"], ["planning"], "vừa thôi hoạt động vừa kế thừa"),
        (K.MERGE, ["planning"], [NewParty(name="Sở Tài chính - Kế hoạch")], "Ghi mã"),
    ],
)
def test_a_change_of_the_wrong_shape_is_refused(
    planning, finance, agency, system_admin, kind, before, after, message
):
    named = {"planning": planning, "finance": finance, "agency": agency}
    resolve = [named.get(item, item) if isinstance(item, str) else item for item in after]
    with pytest.raises(DomainError, match=message):
        merge([named[item] for item in before], resolve, system_admin, kind=kind)
    assert not OrganisationChange.objects.exists()


def test_a_merger_into_a_new_agency_creates_it_from_the_date(agency, other_agency, system_admin):
    change = merge(
        [agency, other_agency],
        [NewParty(name="Sở Khoa học, Công nghệ và Tài chính", short_name="Sở KHCN-TC", code="SKHCNTC")],
        system_admin,
    )
    organisation.apply_change(change=change, confirmed=[], by=system_admin, today=TODAY)
    new = Agency.objects.get(symbol_code="SKHCNTC")
    assert new.valid_from == JULY_2025 and new.province == agency.province
    assert set(new.predecessors.all()) == {agency, other_agency}


def test_a_split_sends_each_unit_where_the_administrator_says(
    agency, lead_unit, sibling_unit, office_officer, system_admin
):
    plan = plan_of(agency, office_officer)
    task = Task.objects.create(plan=plan, heading="Đối thoại", lead_unit=sibling_unit)
    change = merge(
        [agency],
        [NewParty(name="Sở Khoa học", code="SKH"), NewParty(name="Sở Công nghệ", code="SCN")],
        system_admin,
        kind=K.SPLIT,
    )
    preview = organisation.preview_change(change, today=TODAY)
    assert preview.can_apply
    organisation.apply_change(change=change, confirmed=[office_officer.pk], by=system_admin, today=TODAY)
    science, technology = Agency.objects.get(symbol_code="SKH"), Agency.objects.get(symbol_code="SCN")
    assert Unit.objects.get(pk=lead_unit.pk).agency == science
    assert Plan.objects.get(pk=plan.pk).agency == science
    assert Task.objects.get(pk=task.pk).lead_unit == sibling_unit
    assert technology.valid_from == JULY_2025


def test_a_split_with_destinations(agency, lead_unit, sibling_unit, system_admin):
    change = merge(
        [agency],
        [NewParty(name="Sở Khoa học", code="SKH"), NewParty(name="Sở Công nghệ", code="SCN")],
        system_admin,
        kind=K.SPLIT,
    )
    preview = organisation.preview_change(change, today=TODAY)
    assert {move.unit for move in preview.units} == {lead_unit, sibling_unit}
    # The successors are made while applying: the administrator names each by its place.
    organisation.apply_change(
        change=change, confirmed=[], destinations={sibling_unit.pk: 1}, by=system_admin, today=TODAY
    )
    assert Unit.objects.get(pk=sibling_unit.pk).agency.symbol_code == "SCN"
    assert Unit.objects.get(pk=lead_unit.pk).agency.symbol_code == "SKH"


def test_a_rename_keeps_the_old_name_for_what_was_done_under_it(agency, system_admin):
    old = agency.name
    change = merge(
        [agency],
        [NewParty(name="Sở Khoa học, Công nghệ và Đổi mới sáng tạo", short_name="Sở KHCN&ĐMST")],
        system_admin,
        kind=K.RENAME,
    )
    organisation.apply_change(change=change, confirmed=[], by=system_admin, today=TODAY)
    agency = Agency.objects.get(pk=agency.pk)
    assert agency.name == "Sở Khoa học, Công nghệ và Đổi mới sáng tạo" and agency.is_active
    assert agency.name_on(date(2024, 12, 31)) == old
    assert agency.name_on(date(2025, 6, 30)) == old
    assert agency.name_on(JULY_2025) == agency.name
    assert agency.name_on(None) == agency.name


def test_a_unit_rename_and_a_province_rename(province, lead_unit, system_admin):
    organisation.apply_change(
        change=merge(
            [lead_unit], [NewParty(name="Chi cục Đo lường")], system_admin, kind=K.RENAME, level=L.UNIT
        ),
        confirmed=[],
        by=system_admin,
        today=TODAY,
    )
    unit = Unit.objects.get(pk=lead_unit.pk)
    assert unit.name_on(date(2025, 1, 1)) == "Chi cục Tiêu chuẩn Đo lường Chất lượng"
    assert unit.name_on(TODAY) == "Chi cục Đo lường"
    old = province.name
    organisation.apply_change(
        change=merge([province], [NewParty(name="Tỉnh Mới")], system_admin, kind=K.RENAME, level=L.PROVINCE),
        confirmed=[],
        by=system_admin,
        today=TODAY,
    )
    province = Province.objects.get(pk=province.pk)
    assert province.name == "Tỉnh Mới" and province.name_on(date(2025, 6, 30)) == old


def test_a_unit_merger_hands_over_its_open_tasks_and_its_people(
    agency, lead_unit, sibling_unit, unit_head, office_officer, system_admin
):
    plan = plan_of(agency, office_officer)
    open_task = Task.objects.create(plan=plan, heading="Đối thoại", lead_unit=lead_unit)
    done = Task.objects.create(plan=plan, heading="Quán triệt", lead_unit=lead_unit, status=Task.Status.DONE)
    supported = Task.objects.create(plan=plan, heading="Khảo sát", lead_unit=sibling_unit)
    supported.supporting_units.add(lead_unit)
    change = merge([lead_unit], [sibling_unit], system_admin, level=L.UNIT)
    assert {label: count for _p, label, count in organisation.preview_change(change, today=TODAY).work} == {
        "nhiệm vụ đang chủ trì": 1
    }
    organisation.apply_change(change=change, confirmed=[unit_head.pk], by=system_admin, today=TODAY)
    assert Task.objects.get(pk=open_task.pk).lead_unit == sibling_unit
    assert Task.objects.get(pk=done.pk).lead_unit == lead_unit
    assert list(Task.objects.get(pk=supported.pk).supporting_units.all()) == [sibling_unit]
    assert RoleAssignment.objects.get(user=unit_head, is_active=True).unit == sibling_unit
    unit_head.refresh_from_db()
    assert unit_head.unit == sibling_unit


def test_a_unit_split_sends_each_person_where_chosen(
    agency, lead_unit, unit_head, unit_officer, system_admin
):
    change = merge(
        [lead_unit],
        [NewParty(name="Phòng Đo lường", code="DL"), NewParty(name="Phòng Chất lượng", code="CL")],
        system_admin,
        level=L.UNIT,
        kind=K.SPLIT,
    )
    organisation.apply_change(
        change=change,
        confirmed=[unit_head.pk, unit_officer.pk],
        destinations={unit_officer.pk: 1},
        by=system_admin,
        today=TODAY,
    )
    measuring, quality = (
        Unit.objects.get(agency=agency, code="DL"),
        Unit.objects.get(agency=agency, code="CL"),
    )
    unit_head.refresh_from_db()
    unit_officer.refresh_from_db()
    assert unit_head.unit == measuring and unit_officer.unit == quality
    assert RoleAssignment.objects.get(user=unit_officer, is_active=True).unit == quality
    assert Unit.objects.get(pk=lead_unit.pk).successor == measuring


def test_a_unit_moves_to_another_agency_with_its_children(
    agency, other_agency, lead_unit, unit_head, system_admin
):
    child = UnitFactory(agency=agency, parent=lead_unit, code="CC-HC", name="Phòng Hành chính (Chi cục)")
    change = merge([lead_unit], [other_agency], system_admin, kind=K.MOVE, level=L.UNIT)
    organisation.apply_change(change=change, confirmed=[unit_head.pk], by=system_admin, today=TODAY)
    assert Unit.objects.get(pk=lead_unit.pk).agency == other_agency
    assert Unit.objects.get(pk=child.pk).agency == other_agency
    unit_head.refresh_from_db()
    assert unit_head.agency == other_agency
    assert RoleAssignment.objects.get(user=unit_head, is_active=True).agency == other_agency


def test_an_agency_moves_to_another_province_unless_the_name_is_taken(agency, system_admin):
    other = ProvinceFactory(name="Long An", code="LAN")
    AgencyFactory(province=other, name=agency.name, symbol_code="X")
    change = merge([agency], [other], system_admin, kind=K.MOVE)
    assert organisation.preview_change(change, today=TODAY).problems
    third = ProvinceFactory(name="Đồng Tháp", code="DTP")
    change = merge([agency], [third], system_admin, kind=K.MOVE)
    organisation.apply_change(change=change, confirmed=[], by=system_admin, today=TODAY)
    assert Agency.objects.get(pk=agency.pk).province == third


def test_a_province_merger_merges_the_agencies_of_the_same_name(province, agency, system_admin):
    successor = ProvinceFactory(name="Tây Ninh mới", code="TNM")
    same = AgencyFactory(province=successor, name="Sở Khoa học và Công nghệ", symbol_code="SKHCN")
    own = AgencyFactory(province=province, name="Ban Quản lý Khu kinh tế", symbol_code="BQLKKT")
    reviewer = person_with_role(Role.PROVINCE_REVIEWER, province=province)
    change = merge([province], [successor], system_admin, level=L.PROVINCE)
    organisation.apply_change(change=change, confirmed=[reviewer.pk], by=system_admin, today=TODAY)
    assert Agency.objects.get(pk=agency.pk).successor == same
    assert Agency.objects.get(pk=own.pk).province == successor
    province.refresh_from_db()
    assert province.valid_to == date(2025, 6, 30) and province.successor == successor
    assert RoleAssignment.objects.get(user=reviewer, is_active=True).province == successor


def test_an_accepted_petition_whose_case_is_in_progress_goes_to_the_successor(
    planning, finance, system_admin
):
    inspector = person_with_role(Role.INSPECTOR, agency=planning)
    in_progress = case_for(
        planning, by=inspector, accepted_on=date(2025, 6, 10), received_on=date(2025, 6, 2)
    )
    deadlines = sorted(in_progress.petition.deadlines.values_list("code", "due_date", "explanation"))
    over = case_for(
        planning,
        by=inspector,
        accepted_on=date(2025, 3, 10),
        received_on=date(2025, 3, 2),
        subject="Đơn đã xong",
    )
    petition_services.terminate_case(
        case=over, on=date(2025, 4, 1), reason="Người khiếu nại rút đơn.", by=inspector
    )
    assert in_progress.petition.status == Petition.Status.ACCEPTED  # closed as a petition, open as a case

    change = merge([planning], [finance], system_admin)
    preview = organisation.preview_change(change, today=TODAY)
    assert dict((label, count) for _p, label, count in preview.work)["đơn, vụ việc đang giải quyết"] == 1
    organisation.apply_change(change=change, confirmed=[inspector.pk], by=system_admin, today=TODAY)

    moved = Petition.objects.get(pk=in_progress.petition.pk)
    assert moved.agency == finance
    assert sorted(moved.deadlines.values_list("code", "due_date", "explanation")) == deadlines
    assert Petition.objects.get(pk=over.petition.pk).agency == planning


def test_applying_with_nobody_confirmed_must_be_chosen(planning, planning_units, finance, system_admin):
    office = person_with_role(Role.AGENCY_OFFICE, agency=planning, unit=planning_units["VP"])
    change = merge([planning], [finance], system_admin)
    with pytest.raises(DomainError, match="Chưa xác nhận người nào"):
        organisation.apply_change(change=change, confirmed=[], by=system_admin, today=TODAY)
    assert OrganisationChange.objects.get(pk=change.pk).is_draft()
    organisation.apply_change(
        change=change, confirmed=[], nobody_confirmed=True, by=system_admin, today=TODAY
    )
    # Not confirmed: the office keeps its role at the ended agency, for the administrator to handle.
    office.refresh_from_db()
    assert office.agency == planning
    assert RoleAssignment.objects.get(user=office, is_active=True).agency == planning
    recorded = ChangePerson.objects.get(change=change, person=office)
    assert not recorded.moved and recorded.roles_left == [Role.AGENCY_OFFICE]


def test_each_role_of_a_person_is_confirmed_on_its_own(planning, planning_units, finance, system_admin):
    office = person_with_role(Role.AGENCY_OFFICE, agency=planning, unit=planning_units["VP"])
    leader = RoleAssignment.objects.create(user=office, role=Role.AGENCY_LEADER, agency=planning)
    office_role = RoleAssignment.objects.get(user=office, role=Role.AGENCY_OFFICE)
    change = merge([planning], [finance], system_admin)
    [move] = organisation.preview_change(change, today=TODAY).people
    assert {assignment.pk for assignment in move.assignments} == {leader.pk, office_role.pk}

    organisation.apply_change(
        change=change, confirmed=[office.pk], confirmed_roles=[office_role.pk], by=system_admin, today=TODAY
    )
    office_role.refresh_from_db()
    leader.refresh_from_db()
    assert office_role.agency == finance and office_role.is_active
    assert leader.agency == planning and leader.is_active  # not confirmed: stays at the ended agency
    recorded = ChangePerson.objects.get(change=change, person=office)
    assert (
        recorded.moved
        and recorded.roles == [Role.AGENCY_OFFICE]
        and recorded.roles_left == [Role.AGENCY_LEADER]
    )


def test_in_a_split_the_administrator_chooses_who_takes_each_plan_and_petition(
    agency, lead_unit, sibling_unit, office_officer, system_admin
):
    kept_plan = plan_of(agency, office_officer, title="Kế hoạch dân vận")
    given_plan = plan_of(agency, office_officer, title="Kế hoạch công nghệ số")
    follows = Task.objects.create(plan=kept_plan, heading="Khảo sát doanh nghiệp", lead_unit=sibling_unit)
    stays = Task.objects.create(plan=kept_plan, heading="Kiểm tra đo lường", lead_unit=lead_unit)
    petition = petition_for(agency, by=office_officer, received_on=date(2025, 6, 20))
    deadlines = sorted(petition.deadlines.values_list("code", "due_date"))
    change = merge(
        [agency],
        [NewParty(name="Sở Khoa học", code="SKH"), NewParty(name="Sở Công nghệ", code="SCN")],
        system_admin,
        kind=K.SPLIT,
    )
    preview = organisation.preview_change(change, today=TODAY)
    keys = {choice.item: choice.key for choice in preview.choices}
    assert {kept_plan, given_plan, petition} <= set(keys)
    assert {following.item for following in preview.following} == {follows, stays}

    organisation.apply_change(
        change=change,
        confirmed=[office_officer.pk],
        destinations={sibling_unit.pk: 1},
        work_destinations={keys[given_plan]: 1, keys[petition]: 1},
        by=system_admin,
        today=TODAY,
    )
    science, technology = Agency.objects.get(symbol_code="SKH"), Agency.objects.get(symbol_code="SCN")
    assert Plan.objects.get(pk=kept_plan.pk).agency == science  # the main successor, by default
    assert Plan.objects.get(pk=given_plan.pk).agency == technology
    moved = Petition.objects.get(pk=petition.pk)
    assert moved.agency == technology
    assert sorted(moved.deadlines.values_list("code", "due_date")) == deadlines
    # The task follows its unit: the unit now of the other successor still leads it, in its plan.
    follows.refresh_from_db()
    assert follows.lead_unit == sibling_unit and follows.plan == kept_plan
    assert follows.lead_unit.agency == technology
    assert Task.objects.get(pk=stays.pk).lead_unit.agency == science
    change.refresh_from_db()
    assert any("Khảo sát doanh nghiệp chuyển theo đơn vị" in line for line in change.summary)


def test_a_province_merger_keeps_the_old_province_tables(system_admin):
    """Long An merged into Tây Ninh on 01/07/2025: the 2024 table of Long An
    still lists its agencies by their names of then, Tây Ninh's 2026 all."""
    tay_ninh = ProvinceFactory(name="Tây Ninh", code="TNI")
    long_an = ProvinceFactory(name="Long An", code="LAN")
    la_science = AgencyFactory(province=long_an, name="Sở Khoa học và Công nghệ", symbol_code="SKHCN")
    la_tourism = AgencyFactory(province=long_an, name="Sở Du lịch Long An", symbol_code="SDL")
    tn_science = AgencyFactory(province=tay_ninh, name="Sở Khoa học và Công nghệ", symbol_code="SKHCN")
    tn_home = AgencyFactory(province=tay_ninh, name="Sở Nội vụ", symbol_code="SNV")
    la_2024 = report_services.get_or_create_period(province=long_an, kind=PeriodKind.YEAR, year=2024)
    la_2025 = report_services.get_or_create_period(province=long_an, kind=PeriodKind.YEAR, year=2025)
    open_request = report_services.request_agency_reports(
        province=long_an,
        period=la_2025,
        title="Báo cáo năm 2025",
        due_date=date(2025, 11, 15),
        agencies=[la_tourism],
        by=system_admin,
    )
    rename = merge(
        [la_tourism],
        [NewParty(name="Sở Văn hóa, Thể thao và Du lịch", code="SVHTTDL")],
        system_admin,
        kind=K.RENAME,
        day=date(2025, 3, 1),
    )
    organisation.apply_change(change=rename, confirmed=[], by=system_admin, today=TODAY)

    change = merge([long_an], [tay_ninh], system_admin, level=L.PROVINCE)
    preview = organisation.preview_change(change, today=TODAY)
    assert ("Long An", "yêu cầu báo cáo của tỉnh chưa xong", 1) in preview.work
    organisation.apply_change(change=change, confirmed=[], by=system_admin, today=TODAY)

    def table(province, period):
        return [
            row["agency"] for row in report_selectors.province_table(province, period, today=TODAY)["rows"]
        ]

    assert sorted(table(long_an, la_2024)) == ["Sở Du lịch Long An", "Sở Khoa học và Công nghệ"]
    tn_2026 = report_services.get_or_create_period(province=tay_ninh, kind=PeriodKind.YEAR, year=2026)
    assert sorted(table(tay_ninh, tn_2026)) == [
        "Sở Khoa học và Công nghệ",
        "Sở Nội vụ",
        "Sở Văn hóa, Thể thao và Du lịch",
    ]
    tn_2024 = report_services.get_or_create_period(province=tay_ninh, kind=PeriodKind.YEAR, year=2024)
    assert "Sở Du lịch Long An" not in table(tay_ninh, tn_2024)
    assert Agency.objects.get(pk=la_science.pk).successor == tn_science
    assert Agency.objects.get(pk=la_tourism.pk).province == tay_ninh
    assert tn_home in Agency.objects.of_province_on(tay_ninh, date(2026, 12, 31))
    # Long An's open request goes on in Tây Ninh's period of 2025, due as it was asked.
    open_request.refresh_from_db()
    assert open_request.province == tay_ninh and open_request.period.province == tay_ninh
    assert open_request.period.year == 2025 and open_request.due_date == date(2025, 11, 15)


def test_an_agency_moved_to_another_province_stays_in_the_old_tables(agency, system_admin, province):
    other = ProvinceFactory(name="Đồng Tháp", code="DTP")
    change = merge([agency], [other], system_admin, kind=K.MOVE)
    organisation.apply_change(
        change=change, confirmed=[], nobody_confirmed=True, by=system_admin, today=TODAY
    )
    assert agency in Agency.objects.of_province_on(province, date(2024, 12, 31))
    assert agency not in Agency.objects.of_province_on(province, date(2026, 12, 31))
    assert agency in Agency.objects.of_province_on(other, date(2026, 12, 31))
    assert agency not in Agency.objects.of_province_on(other, date(2024, 12, 31))
