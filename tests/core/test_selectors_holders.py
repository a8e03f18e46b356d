from danvan.core.models import Role, RoleAssignment
from danvan.core.selectors import agency_leaders, agency_office, holders_by, holders_of, unit_heads


def test_holders_of_a_role_in_an_agency_unit_or_province(
    agency,
    agency_head,
    office_officer,
    unit_head,
    province_officer,
    other_agency_officer,
    lead_unit,
    province,
):
    assert holders_of(Role.AGENCY_LEADER, agency=agency) == [agency_head]
    assert holders_of(Role.AGENCY_OFFICE, agency=agency) == [office_officer]
    assert holders_of(Role.UNIT_HEAD, unit=lead_unit) == [unit_head]
    assert holders_of(Role.PROVINCE_REVIEWER, province=province) == [province_officer]


def test_the_leaders_office_and_unit_heads_whom_the_apps_tell(
    agency, other_agency, agency_head, office_officer, unit_head, other_agency_officer, lead_unit
):
    assert agency_leaders(agency) == [agency_head]
    assert agency_office(agency) == [office_officer]
    assert agency_office(other_agency) == [other_agency_officer]
    assert unit_heads(lead_unit) == [unit_head]
    assert unit_heads(None) == []


def test_an_ended_role_is_not_held(agency, agency_head):
    RoleAssignment.objects.filter(user=agency_head).update(is_active=False)
    assert holders_of(Role.AGENCY_LEADER, agency=agency) == []


def test_holders_by_maps_each_agency_or_unit_to_its_people(
    agency,
    other_agency,
    office_officer,
    other_agency_officer,
    unit_head,
    lead_unit,
    sibling_unit,
    django_assert_num_queries,
):
    with django_assert_num_queries(1):
        offices = holders_by(Role.AGENCY_OFFICE, field="agency", ids=[agency.pk, other_agency.pk])
    assert offices == {agency.pk: [office_officer], other_agency.pk: [other_agency_officer]}
    assert holders_by(Role.UNIT_HEAD, field="unit", ids=[lead_unit.pk, sibling_unit.pk]) == {
        lead_unit.pk: [unit_head]
    }
