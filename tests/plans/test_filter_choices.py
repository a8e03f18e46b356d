"""The task board's filters offer, for every role, the plans and units the
visibility rules give (their first choices come from prepared queries, the
typed search from the ORM: both must be the same rule)."""

import pytest

from danvan.core.models import Agency
from danvan.plans import permissions, selectors
from danvan.plans.models import Plan
from tests.factories import AgencyFactory, ProvinceFactory, UnitFactory, UserFactory

PERSONAS = [
    "office_officer",
    "agency_head",
    "unit_head",
    "unit_officer",
    "inspector",
    "province_officer",
    "other_agency_officer",
    "system_admin",
]


@pytest.fixture
def province_plans(province, agency, other_agency, office_officer, lead_unit, other_unit):
    committee = AgencyFactory(province=province, name="UBND tỉnh", kind=Agency.Kind.PROVINCIAL_COMMITTEE)
    elsewhere = AgencyFactory(province=ProvinceFactory(), name="Sở Nội vụ tỉnh khác")
    UnitFactory(agency=elsewhere, name="Văn phòng Sở Nội vụ tỉnh khác")
    UnitFactory(agency=agency, name="Phòng đã giải thể", is_active=False)
    made = []
    for owner, status, year in [
        (agency, Plan.Status.ISSUED, 2026),
        (agency, Plan.Status.DRAFT, 2025),
        (other_agency, Plan.Status.ISSUED, 2026),
        (committee, Plan.Status.ISSUED, 2026),
        (committee, Plan.Status.DRAFT, 2026),
        (committee, Plan.Status.CLOSED, 2024),
        (elsewhere, Plan.Status.ISSUED, 2026),
    ]:
        made.append(
            Plan.objects.create(
                agency=owner,
                title=f"Kế hoạch {owner.name} {year} {status}",
                status=status,
                period_year=year,
                created_by=office_officer,
            )
        )
    return made


def _rule_plans(person):
    """The first choices as the ORM reads them from visible_plans, with the person's values."""
    return list(selectors._plan_choices(permissions.visible_plans(person), person.agency_id))


def _rule_units(person):
    return list(selectors._unit_choices(selectors.filter_units(person), person.agency_id))


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_role_is_offered_the_plans_and_units_its_rules_give(request, persona, province_plans):
    person = request.getfixturevalue(persona)
    plans = selectors.filter_plan_choices(person)
    units = selectors.filter_unit_choices(person)
    assert plans == _rule_plans(person)
    assert units == _rule_units(person)
    # The typed search reads the same rule: every word of a title finds it among them.
    assert selectors.filter_plan_choices(person, query="Kế hoạch") == plans


def test_a_unit_member_sees_the_disclosed_plans_of_the_province_and_nothing_of_elsewhere(
    unit_officer, province_plans
):
    offered = {title for _pk, title in selectors.filter_plan_choices(unit_officer)}
    assert any("UBND tỉnh" in title and "issued" in title for title in offered)
    assert any("UBND tỉnh" in title and "closed" in title for title in offered)
    assert not any("UBND tỉnh" in title and "draft" in title for title in offered)
    assert not any("tỉnh khác" in title or "Sở Tài chính" in title for title in offered)
    units = {name for _pk, name in selectors.filter_unit_choices(unit_officer)}
    assert "Phòng đã giải thể" not in units and not any("tỉnh khác" in name for name in units)


def test_a_person_with_no_role_is_offered_nothing(province_plans):
    person = UserFactory(agency=None, unit=None)
    assert selectors.filter_plan_choices(person) == []
    assert selectors.filter_unit_choices(person) == []
