"""Accent-insensitive keys for Vietnamese search and sorting.

Both SQLite and PostgreSQL compare these stored keys the same way, so no
database extension (unaccent, ICU collations) is needed."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def search_key(text: str) -> str:
    """Lower-case, strip the diacritics (đ → d) and collapse whitespace.

    >>> search_key("Chỉ thị  số 33/CT-TTg của Đảng")
    'chi thi so 33/ct-ttg cua dang'
    """
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d").replace("Đ", "d"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped).strip()
