"""Long lists shown a page at a time, with the number of all their rows."""

from __future__ import annotations

from django.core.paginator import Page, Paginator

PER_PAGE = 50
PAGE_PARAM = "trang"


def page_of(rows, request, *, per_page: int = PER_PAGE, param: str = PAGE_PARAM) -> Page:
    """The page the request asks for (``?trang=2``); a page number past the
    end gives the last page, one that is not a number the first. The page
    knows its parameter, so its links keep every other filter of the list."""
    page = Paginator(rows, per_page).get_page(request.GET.get(param))
    page.param = param  # type: ignore[attr-defined]
    return page


def thousands(number: int) -> str:
    """1234 → '1.234', as Vietnamese writes it."""
    return f"{number:,}".replace(",", ".")
