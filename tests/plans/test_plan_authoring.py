from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from danvan.core.models import Agency, Role
from danvan.core.services import DomainError
from danvan.plans.models import Plan, PlanAmendment
from danvan.plans.services import create_new_plan, update_plan
from tests.factories import AgencyFactory, person_with_role

NEW = {
    "title": "Kế hoạch thực hiện Quy chế dân chủ năm 2026",
    "kind": "yearly",
    "period_year": "2026",
    "recipients": "Sở Nội vụ\nLưu: VT.",
}


def test_office_writes_a_new_plan_from_scratch(client, office_officer, agency):
    client.force_login(office_officer)
    response = client.post(reverse("plans:plan_new", args=[agency.pk]), NEW)
    plan = Plan.objects.get()
    assert response.status_code == 302 and plan.status == Plan.Status.DRAFT
    assert plan.recipients == ["Sở Nội vụ", "Lưu: VT."] and plan.symbol == "KH-SKHCN"


def test_quarterly_plan_needs_its_quarter(client, office_officer, agency):
    client.force_login(office_officer)
    response = client.post(reverse("plans:plan_new", args=[agency.pk]), {**NEW, "kind": "quarterly"})
    assert response.status_code == 422 and "Kế hoạch quý cần ghi quý." in response.content.decode()


def test_create_new_plan_keeps_the_higher_plan(agency, office_officer):
    plan = create_new_plan(
        agency=agency,
        fields={
            "title": "KH",
            "kind": "yearly",
            "period_year": 2026,
            "higher_plan": "Kế hoạch số 1026/KH-UBND",
        },
        by=office_officer,
    )
    assert plan.higher_plan == "Kế hoạch số 1026/KH-UBND"


def test_update_plan_refuses_an_issued_plan(issued_plan, office_officer):
    with pytest.raises(DomainError, match="sửa đổi"):
        update_plan(plan=issued_plan, changes={"title": "Khác"}, by=office_officer)


def test_province_view_lists_who_issued_and_who_did_not(
    client, province, agency, other_agency, office_officer
):
    ubnd = AgencyFactory(
        province=province,
        name="UBND tỉnh Tây Ninh",
        symbol_code="UBND",
        kind=Agency.Kind.PROVINCIAL_COMMITTEE,
    )
    leader = person_with_role(Role.AGENCY_OFFICE, agency=ubnd)
    provincial = Plan.objects.create(
        agency=ubnd,
        title="Kế hoạch DVCQ năm 2026",
        status=Plan.Status.ISSUED,
        number="12",
        symbol="KH-UBND",
        implementation_due=date(2026, 3, 31),
        created_by=leader,
    )
    Plan.objects.create(
        agency=agency,
        title="KH thực hiện",
        status=Plan.Status.ISSUED,
        issue_date=date(2026, 4, 10),
        implements=provincial,
        created_by=office_officer,
    )
    reviewer = person_with_role(Role.PROVINCE_REVIEWER, province=province)
    client.force_login(reviewer)
    body = client.get(reverse("plans:plan_implementation", args=[provincial.pk])).content.decode()
    assert "Ban hành trễ hạn" in body and "Chưa ban hành, đã quá hạn" in body and other_agency.name in body


def test_agencies_read_the_provinces_issued_plan(client, province, office_officer):
    ubnd = AgencyFactory(
        province=province,
        name="UBND tỉnh Tây Ninh",
        symbol_code="UBND",
        kind=Agency.Kind.PROVINCIAL_COMMITTEE,
    )
    provincial = Plan.objects.create(
        agency=ubnd, title="Kế hoạch DVCQ năm 2026", status=Plan.Status.ISSUED, created_by=office_officer
    )
    client.force_login(office_officer)
    assert client.get(reverse("plans:plan_detail", args=[provincial.pk])).status_code == 200


def test_every_step_of_a_plan_is_a_version_with_who_and_when_in_words(
    client, draft_plan, office_officer, agency_head, lead_unit
):
    def as_(person, name, data=None):
        client.force_login(person)
        response = client.post(reverse(name, args=[draft_plan.pk]), data or {})
        assert response.status_code == 302, response.content.decode()[:500]

    as_(
        office_officer,
        "plans:task_add",
        {"heading": "Tổ chức đối thoại với doanh nghiệp", "lead_unit": lead_unit.pk},
    )
    as_(office_officer, "plans:plan_submit")
    as_(agency_head, "plans:plan_return", {"comment": "Bổ sung chỉ tiêu"})
    as_(office_officer, "plans:plan_submit")
    as_(agency_head, "plans:plan_approve")
    as_(office_officer, "plans:plan_amend", {"reason": "Theo Kế hoạch của tỉnh"})
    amendment = PlanAmendment.objects.get(plan=draft_plan)
    client.post(reverse("plans:amendment_plan_text", args=[amendment.pk]), {**NEW, "title": "Tên đã sửa đổi"})
    client.post(reverse("plans:amendment_submit", args=[amendment.pk]))
    client.force_login(agency_head)
    client.post(reverse("plans:amendment_issue", args=[amendment.pk]))
    amendment.refresh_from_db()
    issued_as = f"Sửa đổi, bổ sung theo văn bản số {amendment.reference} ngày {amendment.issue_date:%d/%m/%Y}"

    versions = list(draft_plan.history.order_by("history_date", "history_id"))
    steps = [version.history_change_reason for version in versions]
    assert steps[1:] == [
        "Thêm nhiệm vụ: Tổ chức đối thoại với doanh nghiệp",
        "Trình lãnh đạo phê duyệt",
        "Trả lại để sửa: Bổ sung chỉ tiêu",
        "Trình lại sau khi sửa",
        "Phê duyệt và ban hành",
        issued_as,
    ]
    assert draft_plan.history.first().title == "Tên đã sửa đổi"
    people = [version.history_user for version in versions[1:]]
    assert people == [office_officer] * 2 + [agency_head, office_officer, agency_head, agency_head]

    client.force_login(office_officer)
    # The menu's unread count is a number too: read them so that only the page's own numbers show.
    office_officer.notifications.update(read_at=timezone.now())
    body = client.get(reverse("plans:plan_versions", args=[draft_plan.pk])).content.decode()
    for step in [*steps[1:-1], "Lý do: Theo Kế hoạch của tỉnh", "Tên đã sửa đổi"]:
        assert step in body
    assert agency_head.full_name in body and office_officer.full_name in body
    assert "Trả lại để sửa" in body and "Đã ban hành" in body and "Trình lãnh đạo" in body
    # No raw values: status codes, people's ids, English labels.
    for raw in (">issued<", ">draft<", ">submitted<", ">returned<", "Issued by", "Created by", "Issued at"):
        assert raw not in body
    assert f">{agency_head.pk}<" not in body
