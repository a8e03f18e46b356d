"""Long lists shown a page at a time, with the number of all their rows."""

from __future__ import annotations

from django.core.paginator import Page, Paginator

PER_PAGE = 50
PAGE_PARAM = "trang"


def page_of(rows, request, *, per_page: int = PER_PAGE, param: str = PAGE_PARAM) -> Page:
    """The page the request asks for (``?trang=2``); a page number past the
    end gives the last page, one that is not a number the first. The page
    knows its parameter, so its links keep every other filter of the list.

    The first page reads one row more than it shows: when that row is not
    there, the list is the page and its number of rows needs no count."""
    number = request.GET.get(param)
    if number in (None, "", "1"):
        first = list(rows[: per_page + 1])
        if len(first) <= per_page:
            page = Paginator(first, per_page).page(1)
        else:
            page = Paginator(rows, per_page).page(1)
            page.object_list = first[:per_page]
    else:
        page = Paginator(rows, per_page).get_page(number)
    page.param = param  # type: ignore[attr-defined]
    return page


def thousands(number: int) -> str:
    """1234 → '1.234', as Vietnamese writes it."""
    return f"{number:,}".replace(",", ".")
