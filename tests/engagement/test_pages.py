"""Every dialogue page has one <h1> and a Vietnamese <title>, and the list
and the page load in a fixed number of queries."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from danvan.engagement import services

PAGES = [
    ("engagement:dialogue_list", []),
    ("engagement:dialogue_create", []),
    ("engagement:dialogue_detail", ["dialogue"]),
]


@pytest.mark.parametrize(("name", "args"), PAGES)
def test_page_has_one_h1_and_a_vietnamese_title(client, request, office_officer, name, args):
    client.force_login(office_officer)
    objects = [request.getfixturevalue(arg) for arg in args]
    html = client.get(reverse(name, args=[obj.pk for obj in objects])).content.decode()
    assert html.count("<h1") == 1
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert re.search(r"[ạảấầẩậắằẳặẹẻếềểệịỉọỏốồổộớờởợụủứừửựỳỷđơưăâêô]", title, re.I), title
    assert "<" not in title


def test_anonymous_visitor_is_sent_to_login(client, dialogue):
    response = client.get(reverse("engagement:dialogue_detail", args=[dialogue.pk]))
    assert response.status_code == 302 and "dang-nhap" in response.url


def _queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_detail_page_queries_do_not_grow_with_commitments(client, dialogue, lead_unit, office_officer):
    url = reverse("engagement:dialogue_detail", args=[dialogue.pk])
    client.force_login(office_officer)

    def commit(month):
        services.record_commitment(
            dialogue=dialogue,
            text=f"Việc {month}",
            lead_unit=lead_unit,
            due_date=date(2026, month, 1),
            by=office_officer,
        )

    commit(5)
    one = _queries(client, url)
    for month in (6, 7, 8):
        commit(month)
    assert _queries(client, url) == one
