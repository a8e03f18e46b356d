"""The dashboard, the task list and a plan page are kept per person until the
data changes (danvan.core.pagecache): a kept page must never be older than
the data, nor reach another person or another browser."""

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse

from danvan.core import pagecache
from danvan.core.models import DataVersion, Role
from danvan.plans.models import Target, Task
from tests.factories import person_with_role

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _pages(agency, plan):
    return [
        reverse("plans:dashboard", args=[agency.pk]),
        reverse("plans:task_list"),
        reverse("plans:plan_detail", args=[plan.pk]),
    ]


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


@pytest.mark.parametrize("page", [0, 1, 2], ids=["dashboard", "task_list", "plan_detail"])
def test_second_visit_is_served_from_the_kept_page(client, office_officer, agency, task, page):
    client.force_login(office_officer)
    url = _pages(agency, task.plan)[page]
    first_count, first = _queries(client, url)  # sets the CSRF cookie: not kept yet
    second_count, second = _queries(client, url)
    third_count, third = _queries(client, url)
    # The session, the person and the data version: nothing of the page itself.
    assert third_count == 3 < second_count
    assert third == second
    assert "<h1" in third


def test_a_change_made_anywhere_shows_at_once(client, office_officer, agency, task):
    client.force_login(office_officer)
    url = reverse("plans:task_list")
    client.get(url)
    assert task.heading in client.get(url).content.decode()
    # A queryset update: no model signal, still seen where the SQL is sent.
    Task.objects.filter(pk=task.pk).update(heading="Đối thoại với Nhân dân về thủ tục hành chính")
    page = client.get(url).content.decode()
    assert "Đối thoại với Nhân dân về thủ tục hành chính" in page
    assert task.heading not in page


def test_a_change_through_a_form_shows_at_once(client, office_officer, agency, task):
    client.force_login(office_officer)
    url = reverse("plans:plan_detail", args=[task.plan.pk])
    client.get(url)
    client.get(url)
    response = client.post(reverse("plans:task_cancel", args=[task.pk]), {"reason": "Trùng nhiệm vụ khác"})
    assert response.status_code == 302
    assert "Đã hủy" in client.get(url).content.decode()


def test_a_kept_page_is_not_shown_to_another_person(client, office_officer, agency, task):
    head = person_with_role(Role.AGENCY_LEADER, agency=agency, full_name="Nguyễn Lãnh Đạo")
    url = reverse("plans:dashboard", args=[agency.pk])
    client.force_login(office_officer)
    client.get(url)
    kept = client.get(url).content.decode()
    other = Client()
    other.force_login(head)
    other.cookies["csrftoken"] = client.cookies["csrftoken"].value  # even with the same CSRF cookie
    page = other.get(url).content.decode()
    assert "Nguyễn Lãnh Đạo" in page
    assert "Nguyễn Lãnh Đạo" not in kept


def test_another_browser_of_the_same_person_gets_a_token_it_can_use(office_officer, agency, task):
    url = reverse("plans:task_list")
    first = Client(enforce_csrf_checks=True)
    first.force_login(office_officer)
    first.get(url)
    first.get(url)
    second = Client(enforce_csrf_checks=True)
    second.force_login(office_officer)
    second.get(url)
    token = TOKEN.search(second.get(url).content.decode()).group(1)
    response = second.post(reverse("set_language"), {"language": "en", "csrfmiddlewaretoken": token})
    assert response.status_code == 302


def test_a_page_that_carried_a_message_is_not_kept(client, office_officer, issued_plan):
    target = Target.objects.create(plan=issued_plan, text="100% công chức được quán triệt", percent=100)
    client.force_login(office_officer)
    url = reverse("plans:plan_detail", args=[issued_plan.pk])
    client.get(url)
    client.get(url)
    client.post(reverse("plans:target_value", args=[issued_plan.pk, target.pk]), {"current_value": "150"})
    with_message = client.get(url).content.decode()
    assert "Kết quả phải từ 0 đến 100%" in with_message
    after = client.get(url).content.decode()
    assert "Kết quả phải từ 0 đến 100%" not in after


def test_partial_and_whole_page_are_kept_apart(client, office_officer, agency, task):
    client.force_login(office_officer)
    url = reverse("plans:task_list")
    client.get(url)
    whole = client.get(url).content.decode()
    partial = client.get(url, headers={"HX-Request": "true", "HX-Target": "danh-sach"}).content.decode()
    assert client.get(url).content.decode() == whole
    assert "<html" in whole
    assert partial != whole or "<html" not in partial


def test_nothing_is_kept_when_turned_off(client, settings, office_officer, agency, task):
    settings.DANVAN_PAGE_CACHE = False
    client.force_login(office_officer)
    url = reverse("plans:task_list")
    client.get(url)
    count, _page = _queries(client, url)
    assert count > 3


def test_the_key_names_the_day(rf, office_officer, monkeypatch):
    from datetime import date

    request = rf.get("/ke-hoach/nhiem-vu/")
    request.user = office_officer
    request.session = {}
    request.META["CSRF_COOKIE"] = "a" * 32
    today = pagecache.page_key(request)
    monkeypatch.setattr(pagecache.timezone, "localdate", lambda: date(2099, 1, 1))
    assert pagecache.page_key(request) != today


@pytest.mark.django_db(transaction=True)
def test_data_version_rises_after_a_commit_and_not_for_sessions(office_officer, task):
    def number():
        return DataVersion.objects.get(pk=1).number

    before = number()
    with transaction.atomic():
        Task.objects.filter(pk=task.pk).update(heading="Một")
        Task.objects.filter(pk=task.pk).update(heading="Hai")
        assert number() == before  # not before the commit
    assert number() == before + 1  # once for the transaction
    client = Client()
    client.force_login(office_officer)  # a session row and the person's last login
    settled = number()
    client.session.save()
    assert number() == settled


SOURCE = Path(pagecache.__file__).resolve().parents[1]  # src/danvan
CACHE_WORDS = re.compile(r"pagecache|cached_page|kept_page|cache_by_content|\{%\s*(?:end)?cache\b")
# The seam: the cache itself, the line of urls.py that applies it, the app
# that starts its watch of writes, the data version's model and the setting
# that turns it off.
SEAM = {"core/pagecache.py", "urls.py", "core/apps.py", "core/models.py", "settings.py"}


def test_the_kept_pages_are_named_in_one_place():
    """Pages opt in by their URL name in pagecache.KEPT_PAGES only: no view,
    selector or template refers to the cache, so it can be replaced or removed
    without touching them."""
    found = [
        f"{path.relative_to(SOURCE)}:{number}: {line.strip()}"
        for path in sorted([*SOURCE.rglob("*.py"), *SOURCE.rglob("*.html")])
        if str(path.relative_to(SOURCE)) not in SEAM and "migrations" not in path.parts
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if CACHE_WORDS.search(line)
    ]
    assert found == [], "\n".join(found)
    kept = {
        f"{match.namespace}:{match.url_name}"
        for match in (resolve(url) for url in _pages(SimpleNamespace(pk=1), SimpleNamespace(pk=1)))
        if getattr(match.func, "kept_page", False)
    }
    assert kept == {"plans:dashboard", "plans:task_list", "plans:plan_detail"}
    assert {"plans:dashboard", "plans:task_list", "plans:plan_detail"} <= pagecache.KEPT_PAGES
    assert not getattr(resolve(reverse("plans:index")).func, "kept_page", False)


def test_a_kept_page_missing_from_the_urls_is_refused():
    with pytest.raises(LookupError, match="plans:gone"):
        pagecache.keep_pages([], names={"plans:gone"})
