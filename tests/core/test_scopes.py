"""A person's scopes, read once per request from their current roles: each
kind of role gives its own scope, and a role that was withdrawn gives none."""

from danvan.core.models import Role, RoleAssignment
from danvan.core.permissions import scopes_of
from tests.factories import AgencyFactory, UnitFactory, UserFactory


def test_each_current_role_gives_its_scope_and_a_withdrawn_one_none(db, province):
    agency = AgencyFactory(province=province, symbol_code="STP")
    other = AgencyFactory(province=province, symbol_code="SXD")
    unit = UnitFactory(agency=other, code="P1")
    person = UserFactory(agency=agency)
    RoleAssignment.objects.create(user=person, role=Role.AGENCY_OFFICE, agency=agency)
    RoleAssignment.objects.create(user=person, role=Role.UNIT_HEAD, agency=other, unit=unit)
    RoleAssignment.objects.create(user=person, role=Role.PROVINCE_REVIEWER, province=province)
    RoleAssignment.objects.create(user=person, role=Role.AGENCY_LEADER, agency=other, is_active=False)

    scopes = scopes_of(person)

    assert scopes.agencies_with(Role.AGENCY_OFFICE) == {agency.pk}
    assert scopes.agencies_with(Role.AGENCY_LEADER) == set()
    assert scopes.units_with(Role.UNIT_HEAD) == {unit.pk}
    assert scopes.unit_agencies == {agency.pk, other.pk}
    assert scopes.reviewed_provinces == {province.pk}
    assert not scopes.system_admin
    assert scopes.roles == {Role.AGENCY_OFFICE, Role.UNIT_HEAD, Role.PROVINCE_REVIEWER}


def test_a_person_whose_roles_all_ended_has_no_scope(db, province):
    agency = AgencyFactory(province=province, symbol_code="STP")
    person = UserFactory()
    RoleAssignment.objects.create(user=person, role=Role.SYSTEM_ADMIN, is_active=False)
    RoleAssignment.objects.create(user=person, role=Role.AGENCY_OFFICE, agency=agency, is_active=False)

    scopes = scopes_of(person)

    assert not scopes.system_admin
    assert scopes.roles == set()
