"""A plan reads with its agency's name of the plan's time (its issue date,
else its period's end, else today): a closed 2024 plan of an agency renamed
on 01/07/2025 keeps the old name on the list, its page and its Word file; a
2026 plan reads the new one."""

import re
from datetime import date
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from docx import Document

from danvan.plans.models import Plan
from tests.renames import NEW_NAME, rename_agency, row_of

OLD_NAME = "Sở Khoa học và Công nghệ"


@pytest.fixture
def plan_2024(agency, office_officer):
    return Plan.objects.create(
        agency=agency,
        title="Kế hoạch công tác dân vận chính quyền năm 2024",
        status=Plan.Status.CLOSED,
        number="03",
        symbol="KH-SKHCN",
        issue_date=date(2024, 1, 15),
        period_year=2024,
        created_by=office_officer,
    )


@pytest.fixture
def renamed(agency, system_admin, plan_2024, draft_plan):
    return rename_agency(agency, by=system_admin)


def header(page: str) -> str:
    return re.search(r'<p class="text-uppercase[^"]*">(.*?) —', page).group(1)


def printed(response) -> str:
    document = Document(BytesIO(response.content))
    return "\n".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)


def test_the_list_shows_each_plan_under_the_name_of_its_time(client, renamed, office_officer):
    client.force_login(office_officer)
    page = client.get(reverse("plans:index")).content.decode()
    assert OLD_NAME in row_of(page, "năm 2024") and NEW_NAME not in row_of(page, "năm 2024")
    assert NEW_NAME in row_of(page, "năm 2026")


def test_a_2024_plan_s_page_shows_the_old_name(client, renamed, plan_2024, office_officer):
    client.force_login(office_officer)
    page = client.get(reverse("plans:plan_detail", args=[plan_2024.pk])).content.decode()
    assert header(page) == OLD_NAME


def test_a_2026_plan_s_page_shows_the_new_name(client, renamed, draft_plan, office_officer):
    client.force_login(office_officer)
    page = client.get(reverse("plans:plan_detail", args=[draft_plan.pk])).content.decode()
    assert header(page) == NEW_NAME


def test_a_2024_plan_prints_under_the_old_name(client, renamed, plan_2024, office_officer):
    client.force_login(office_officer)
    text = printed(client.get(reverse("plans:plan_docx", args=[plan_2024.pk])))
    assert OLD_NAME.upper() in text and NEW_NAME.upper() not in text


def test_a_2026_plan_prints_under_the_new_name(client, renamed, draft_plan, office_officer):
    client.force_login(office_officer)
    text = printed(client.get(reverse("plans:plan_docx", args=[draft_plan.pk])))
    assert NEW_NAME.upper() in text and OLD_NAME.upper() not in text


@pytest.mark.parametrize(
    ("fields", "day"),
    [
        ({"issue_date": date(2025, 3, 2), "period_year": 2026}, date(2025, 3, 2)),
        ({"period_year": 2024}, date(2024, 12, 31)),
        ({"period_year": 2025, "period_half": 1}, date(2025, 6, 30)),
        ({"period_year": 2024, "period_quarter": 1}, date(2024, 3, 31)),
    ],
)
def test_the_day_names_are_read_on(fields, day):
    assert Plan(**fields).names_day() == day


def test_the_list_reads_the_former_names_in_one_query_whatever_its_rows(
    client, renamed, agency, office_officer
):
    client.force_login(office_officer)
    url = reverse("plans:index")
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for year in (2021, 2022, 2023):
        Plan.objects.create(
            agency=agency, title=f"Kế hoạch năm {year}", period_year=year, created_by=office_officer
        )
    with CaptureQueriesContext(connection) as many:
        page = client.get(url).content.decode()
    assert len(many.captured_queries) == len(few.captured_queries)
    assert OLD_NAME in row_of(page, "năm 2021")
