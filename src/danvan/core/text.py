"""Accent-insensitive keys for Vietnamese search and sorting.

Both SQLite and PostgreSQL compare these stored keys the same way, so no
database extension (unaccent, ICU collations) is needed."""

import re
import unicodedata

from django.db.models import Q

_SPACES = re.compile(r"\s+")


def search_key(text: str) -> str:
    """Lower-case, strip the diacritics (đ → d) and collapse whitespace.

    >>> search_key("Chỉ thị  số 33/CT-TTg của Đảng")
    'chi thi so 33/ct-ttg cua dang'
    """
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d").replace("Đ", "d"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped).strip()


def stored_file_name(filename: str, default: str) -> str:
    """The name an uploaded file is stored under: its last path part, with
    only letters, digits, '.', '_' and '-' (the original name is kept in
    the row), at most 80 characters; ``default`` when nothing is left."""
    stem = "".join(ch for ch in filename.rsplit("/", 1)[-1] if ch.isalnum() or ch in "._-")[:80]
    return stem or default


def contains_words(field: str, query: str):
    """A filter for rows whose stored key ``field`` holds every word of the
    query, in any order, without accents: "doi thoai doanh nghiep" finds
    "đối thoại với doanh nghiệp"."""
    condition = Q()
    for word in search_key(query).split():
        condition &= Q(**{f"{field}__contains": word})
    return condition
