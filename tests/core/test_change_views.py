"""The administrator's pages of organisation changes: a change is written at a
level, previewed with what moves and who goes, confirmed person by person and
applied; nobody else reaches them, and a wrong entry writes nothing."""

from datetime import date

import pytest
from django.urls import reverse

from danvan.core.models import Agency, OrganisationChange, Role, RoleAssignment
from danvan.plans.models import Plan
from tests.factories import AgencyFactory, UnitFactory, person_with_role


@pytest.fixture
def planning(province):
    agency = AgencyFactory(province=province, name="Sở Kế hoạch và Đầu tư", symbol_code="SKHĐT")
    UnitFactory(agency=agency, code="DKKD", name="Phòng Đăng ký kinh doanh")
    return agency


def test_the_administrator_merges_two_agencies_person_by_person(client, planning, other_agency, system_admin):
    office = person_with_role(Role.AGENCY_OFFICE, agency=planning, full_name="Lý Thị Văn Phòng")
    leaves = person_with_role(Role.STAFF, unit=planning.units.get(), full_name="Mai Văn Nghỉ Hưu")
    Plan.objects.create(
        agency=planning, title="Kế hoạch năm 2025", status=Plan.Status.ISSUED, created_by=office
    )
    client.force_login(system_admin)
    assert "Thay đổi tổ chức" in client.get(reverse("core:home")).content.decode()
    response = client.post(
        reverse("core:change_new") + "?cap=agency",
        {
            "kind": "merge",
            "effective_on": "01/07/2025",
            "decision": "Quyết định số 1234/QĐ-UBND ngày 30/6/2025",
            "before": [planning.pk],
            "after": [other_agency.pk],
        },
    )
    change = OrganisationChange.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "core:change_detail", args=[change.pk]
    )
    page = client.get(response["Location"]).content.decode()
    assert "kế hoạch chưa kết thúc" in page and "Phòng Đăng ký kinh doanh" in page
    assert "Lý Thị Văn Phòng" in page and "Mai Văn Nghỉ Hưu" in page and "Văn phòng cơ quan" in page
    # Nobody is ticked beforehand; "Chọn tất cả" ticks every person and every role.
    assert " checked" not in page and "Chọn tất cả" in page
    office_role = RoleAssignment.objects.get(user=office)
    assert f'name="role" value="{office_role.pk}"' in page
    ticked = client.get(response["Location"] + "?chon-tat-ca=1").content.decode()
    assert f'value="{office.pk}" id="confirmed-{office.pk}" checked' in ticked
    # Apply with nobody ticked is refused unless "nobody" is chosen.
    client.post(reverse("core:change_apply", args=[change.pk]), {})
    assert OrganisationChange.objects.get(pk=change.pk).is_draft()
    client.post(
        reverse("core:change_apply", args=[change.pk]), {"confirmed": [office.pk], "role": [office_role.pk]}
    )
    change.refresh_from_db()
    assert change.status == OrganisationChange.Status.APPLIED
    office.refresh_from_db()
    assert office.agency == other_agency
    assert RoleAssignment.objects.get(user=office).agency == other_agency
    assert not RoleAssignment.objects.filter(user=leaves, is_active=True).exists()
    page = client.get(reverse("core:change_detail", args=[change.pk])).content.decode()
    assert "Sở Kế hoạch và Đầu tư thôi hoạt động từ 01/07/2025; Sở Tài chính kế thừa." in page
    assert "không chuyển" in page
    assert "Chờ quản trị xử lý" in page and "Mai Văn Nghỉ Hưu" in page
    history = client.get(reverse("core:agency_detail", args=[planning.pk])).content.decode()
    assert "Hoạt động đến ngày 30/06/2025." in history and "Sở Tài chính" in history
    successor = client.get(reverse("core:agency_detail", args=[other_agency.pk])).content.decode()
    assert "Kế thừa" in successor and "Sở Kế hoạch và Đầu tư" in successor


def test_a_wrong_entry_is_told_and_writes_nothing(client, planning, other_agency, system_admin):
    client.force_login(system_admin)
    url = reverse("core:change_new") + "?cap=agency"
    response = client.post(
        url, {"kind": "merge", "effective_on": "31/02/2025", "decision": "QĐ", "before": [planning.pk]}
    )
    assert response.status_code == 422
    response = client.post(
        url, {"kind": "merge", "effective_on": "01/07/2025", "decision": "QĐ", "before": [planning.pk]}
    )
    assert response.status_code == 422
    assert "Sáp nhập, hợp nhất có đúng một bên kế thừa." in response.content.decode()
    response = client.post(
        url,
        {
            "kind": "merge",
            "effective_on": "01/07/2025",
            "decision": "QĐ",
            "before": [999999],
            "after": [other_agency.pk],
        },
    )
    assert response.status_code == 422
    assert not OrganisationChange.objects.exists()


def test_a_change_not_yet_in_force_is_shown_but_not_applied(client, planning, other_agency, system_admin):
    client.force_login(system_admin)
    client.post(
        reverse("core:change_new") + "?cap=agency",
        {
            "kind": "rename",
            "effective_on": "01/01/2099",
            "decision": "Quyết định đổi tên",
            "before": [planning.pk],
            "new_names": "Sở Kế hoạch | Sở KH | SKH",
        },
    )
    change = OrganisationChange.objects.get()
    page = client.get(reverse("core:change_detail", args=[change.pk])).content.decode()
    assert "chỉ áp dụng được từ ngày đó" in page and "Áp dụng thay đổi" not in page
    client.post(reverse("core:change_apply", args=[change.pk]), {})
    assert Agency.objects.get(pk=planning.pk).name == "Sở Kế hoạch và Đầu tư"
    client.post(reverse("core:change_cancel", args=[change.pk]))
    assert not OrganisationChange.objects.exists()


def test_only_the_administrator_reaches_the_pages(
    client, planning, other_agency, office_officer, system_admin
):
    change = OrganisationChange.objects.create(
        kind="merge", level="agency", effective_on=date(2025, 7, 1), decision="QĐ", created_by=system_admin
    )
    client.force_login(office_officer)
    for url in (
        reverse("core:change_list"),
        reverse("core:change_new"),
        reverse("core:change_detail", args=[change.pk]),
    ):
        assert client.get(url).status_code == 403
    assert client.post(reverse("core:change_apply", args=[change.pk])).status_code == 403
    assert client.post(reverse("core:change_cancel", args=[change.pk])).status_code == 403
    assert OrganisationChange.objects.get(pk=change.pk).is_draft()
    client.force_login(system_admin)
    assert client.get(reverse("core:change_detail", args=[change.pk + 1])).status_code == 404
    assert client.get(reverse("core:change_new") + "?cap=xa").status_code == 404
