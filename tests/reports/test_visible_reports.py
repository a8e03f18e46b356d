"""``visible_reports`` (the search box's scope for reports) answers exactly as
``can_view_report`` answers report by report, for every persona."""

import pytest

from danvan.core.models import Role
from danvan.reports import permissions
from danvan.reports.models import Report
from tests.factories import person_with_role


@pytest.mark.parametrize("stage", ["requested", "approved"])
def test_visible_reports_matches_can_view_report(
    request,
    stage,
    unit_request,
    system_admin,
    province_officer,
    agency_head,
    office_officer,
    unit_head,
    unit_officer,
    sibling_head,
    inspector,
    other_agency_officer,
    sibling_unit,
):
    if stage == "approved":
        request.getfixturevalue("approved_report")
    people = [
        system_admin,
        province_officer,
        agency_head,
        office_officer,
        unit_head,
        unit_officer,
        sibling_head,
        inspector,
        other_agency_officer,
        person_with_role(Role.STAFF, unit=sibling_unit),
    ]
    reports = list(Report.objects.select_related("agency", "unit"))
    assert len(reports) >= 4
    for person in people:
        expected = {report.pk for report in reports if permissions.can_view_report(person, report)}
        assert set(permissions.visible_reports(person).values_list("pk", flat=True)) == expected, person
