"""The petition list names each petition's agency as it was called on the
day the petition came in: an agency renamed on 01/07/2025 reads with its old
name on a 2024 petition and with the new one on a 2026 petition, in a fixed
number of queries."""

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.petitions.factories import petition_for
from tests.renames import NEW_NAME, rename_agency, row_of

OLD_NAME = "Sở Khoa học và Công nghệ"


def test_each_row_names_the_agency_of_its_day(client, agency, inspector, system_admin):
    old = petition_for(agency, received_on=date(2024, 10, 3))
    new = petition_for(agency, received_on=date(2026, 3, 9))
    rename_agency(agency, by=system_admin)
    client.force_login(inspector)
    page = client.get(reverse("petitions:index")).content.decode()
    assert OLD_NAME in row_of(page, old.code) and NEW_NAME not in row_of(page, old.code)
    assert NEW_NAME in row_of(page, new.code)


def test_the_names_of_the_time_cost_no_query_per_row(client, agency, inspector, system_admin):
    rename_agency(agency, by=system_admin)
    petition_for(agency, received_on=date(2024, 10, 3))
    client.force_login(inspector)
    url = reverse("petitions:index")
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for day in range(1, 6):
        petition_for(agency, received_on=date(2024, 11, day))
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many.captured_queries) == len(few.captured_queries)
