"""A page sent with ``Cache-Control: no-store`` (citizens' personal data) is
never kept by the page cache."""

import pytest
from django.core.cache import caches
from django.http import HttpResponse
from django.test import RequestFactory
from django.views.decorators.cache import never_cache

from danvan.core.pagecache import cached_page


def _kept_pages() -> int:
    return sum(1 for key in caches["pages"]._store.entries if "danvan:page:" in key)


@pytest.mark.parametrize("private", [False, True], ids=["ordinary", "no-store"])
def test_a_no_store_page_is_not_kept(office_officer, private):
    calls = []

    def view(request):
        calls.append(request)
        return HttpResponse("<h1>Đơn của Trần Thị Bưởi</h1>", content_type="text/html; charset=utf-8")

    page = cached_page(never_cache(view) if private else view)
    for _visit in range(2):
        request = RequestFactory().get("/trang/")
        request.user, request.META["CSRF_COOKIE"] = office_officer, "a" * 32
        assert page(request).status_code == 200
    assert len(calls) == (2 if private else 1)
    assert _kept_pages() == (0 if private else 1)
