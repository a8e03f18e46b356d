"""A report's rows read with its agency's name of the report's time (its
issue date, else its period's end): a 2024 report of an agency renamed on
01/07/2025 keeps the old name on the reports list and the request's page; a
2026 report reads the new one."""

from datetime import date

import pytest
from django.urls import reverse

from danvan.reports import services
from danvan.reports.models import PeriodKind
from tests.renames import NEW_NAME, rename_agency, row_of

OLD_NAME = "Sở Khoa học và Công nghệ"


@pytest.fixture
def request_2024(province, agency, province_officer):
    period = services.get_or_create_period(province=province, kind=PeriodKind.YEAR, year=2024)
    return services.request_agency_reports(
        province=province,
        period=period,
        title="Báo cáo kết quả công tác dân vận chính quyền năm 2024",
        due_date=date(2024, 11, 15),
        agencies=[agency],
        recipient="Sở Nội vụ",
        by=province_officer,
    )


@pytest.fixture
def renamed(agency, system_admin, request_2024, agency_request):
    return rename_agency(agency, by=system_admin)


def test_the_reports_list_shows_each_report_under_the_name_of_its_time(client, renamed, office_officer):
    client.force_login(office_officer)
    page = client.get(reverse("reports:index")).content.decode()
    mine = page.split('id="yeu-cau"')[0]
    assert OLD_NAME in row_of(mine, "năm 2024") and NEW_NAME not in row_of(mine, "năm 2024")
    assert NEW_NAME in row_of(mine, "năm 2026")


def test_the_2024_request_lists_the_agency_under_its_old_name(
    client, renamed, request_2024, province_officer
):
    client.force_login(province_officer)
    page = client.get(reverse("reports:request_detail", args=[request_2024.pk])).content.decode()
    assert OLD_NAME in page and NEW_NAME not in page


def test_the_2026_request_lists_the_agency_under_its_new_name(
    client, renamed, agency_request, province_officer
):
    client.force_login(province_officer)
    page = client.get(reverse("reports:request_detail", args=[agency_request.pk])).content.decode()
    assert NEW_NAME in row_of(page, NEW_NAME) and OLD_NAME not in page
