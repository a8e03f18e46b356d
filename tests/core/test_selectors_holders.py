from danvan.core.models import Role, RoleAssignment
from danvan.core.selectors import holders_of


def test_holders_of_a_role_in_an_agency_unit_or_province(
    agency, agency_head, office_officer, unit_head, province_officer, other_agency_officer, lead_unit, province
):
    assert holders_of(Role.AGENCY_LEADER, agency=agency) == [agency_head]
    assert holders_of(Role.AGENCY_OFFICE, agency=agency) == [office_officer]
    assert holders_of(Role.UNIT_HEAD, unit=lead_unit) == [unit_head]
    assert holders_of(Role.PROVINCE_REVIEWER, province=province) == [province_officer]


def test_an_ended_role_is_not_held(agency, agency_head):
    RoleAssignment.objects.filter(user=agency_head).update(is_active=False)
    assert holders_of(Role.AGENCY_LEADER, agency=agency) == []
