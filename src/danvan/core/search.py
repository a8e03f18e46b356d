"""The search box: one accent-free, ranked full-text search over every kind of
record, within what the person may see.

Each app registers its kinds (``register``): how a record reads as an entry
(its title, the text shown under it, the words it is found by) and which of
them a person may see (a function of the app's own permissions module). An entry
is written in the same transaction as the record's own save; ``danvan
reindex`` rebuilds them all.

Words are folded in Python before they are stored (lower case, no
diacritics, đ → d, only letters and digits), so both databases index plain
words: SQLite with an FTS5 table ranked by bm25, PostgreSQL with
``to_tsvector('simple', ...)`` ranked by ``ts_rank``. A query finds the
records that hold every word, in any order, the last word also as the start
of a longer one.

Nothing that names a denouncer is written to the index: a kind may give
``private_matches``, the records of its own tables that the words find by
what only some people may read (a petition by its denouncer, for the people
granted that identity by name).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, transaction
from django.db.models import BooleanField, Count, F, FloatField, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from django.utils import timezone

from danvan.core.audit import record_list_read
from danvan.core.models import SearchEntry, User
from danvan.core.text import search_key

_WORD = re.compile(r"[^\W_]+")
MAX_WORDS = 12
SUMMARY_CHARS = 2000
SNIPPET_CHARS = 220


def words(text: str) -> list[str]:
    """The accent-free words of a text, as they are indexed and searched.

    >>> words("Đối thoại với doanh nghiệp (Chỉ thị 33/CT-TTg)")
    ['doi', 'thoai', 'voi', 'doanh', 'nghiep', 'chi', 'thi', '33', 'ct', 'ttg']
    """
    return _WORD.findall(search_key(text or ""))


def folded(*parts: str) -> str:
    return " ".join(word for part in parts for word in words(part))


@dataclass(frozen=True)
class Document:
    """What an entry holds: shown (title, summary) and searched (the keys)."""

    title: str
    summary: str = ""
    extra: str = ""
    agency_id: int | None = None


@dataclass
class Kind:
    """One kind of record the search box finds."""

    name: str
    label: Any
    model: type
    document: Callable[[Any], Document | None]
    visible: Callable[[User], QuerySet]
    url_name: str
    # Other models whose save changes this kind's entries: model -> the records to index again.
    depends: dict[type, Callable[[Any], Iterable[Any]]] = field(default_factory=dict)
    # Every record, with what ``document`` reads, for ``reindex``.
    records: Callable[[], QuerySet] | None = None
    # (person, words) -> the ids of records found by what only some may read.
    private_matches: Callable[[User, list[str]], QuerySet] | None = None
    # The read log's name for a result shown of this kind, if its records
    # hold a citizen's details: a search by them is a read (core.audit).
    read_what: str = ""

    def url(self, object_id: int) -> str:
        return reverse(self.url_name, args=[object_id])


KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> None:
    """Make the kind searchable and keep its entries current on every save."""
    KINDS[kind.name] = kind
    post_save.connect(_saved, sender=kind.model, dispatch_uid=f"search-{kind.name}", weak=False)
    post_delete.connect(_deleted, sender=kind.model, dispatch_uid=f"search-delete-{kind.name}", weak=False)
    for model, related in kind.depends.items():

        def reindex_related(sender, instance, raw=False, _kind=kind, _related=related, **kwargs):
            if not raw:
                for record in _related(instance):
                    index(_kind.name, record)

        post_save.connect(
            reindex_related, sender=model, dispatch_uid=f"search-{kind.name}-{model.__name__}", weak=False
        )


def _kind_of(model) -> Kind | None:
    return next((kind for kind in KINDS.values() if kind.model is model), None)


def _saved(sender, instance, created=False, raw=False, **kwargs) -> None:
    kind = _kind_of(sender)
    if kind is not None and not raw:
        index(kind.name, instance, created=created)


def _deleted(sender, instance, **kwargs) -> None:
    kind = _kind_of(sender)
    if kind is not None:
        SearchEntry.objects.filter(kind=kind.name, object_id=instance.pk).delete()


def _entry_fields(document: Document) -> dict:
    return {
        "agency_id": document.agency_id,
        "title": document.title,
        "summary": document.summary[:SUMMARY_CHARS],
        "title_key": folded(document.title),
        "body_key": folded(document.summary, document.extra),
    }


def index(kind_name: str, record, *, created: bool = False) -> None:
    """Write (or remove) the record's entry, inside the caller's transaction:
    one INSERT for a new record, one UPDATE for a known one."""
    kind = KINDS[kind_name]
    document = kind.document(record)
    entries = SearchEntry.objects.filter(kind=kind_name, object_id=record.pk)
    if document is None:
        if not created:
            entries.delete()
        return
    fields = _entry_fields(document)
    if created or not entries.update(**fields, updated_at=timezone.now()):
        SearchEntry.objects.create(kind=kind_name, object_id=record.pk, **fields)


def index_all(kind_name: str, records: Iterable[Any]) -> None:
    for record in records:
        index(kind_name, record)


@transaction.atomic
def reindex() -> dict[str, int]:
    """Rebuild every entry from the records; the number of entries by kind."""
    SearchEntry.objects.all().delete()
    counts = {}
    for name, kind in KINDS.items():
        entries = []
        records = kind.records() if kind.records else kind.model._default_manager.all()
        for record in records.iterator(chunk_size=500):
            document = kind.document(record)
            if document is not None:
                entries.append(SearchEntry(kind=name, object_id=record.pk, **_entry_fields(document)))
        SearchEntry.objects.bulk_create(entries, batch_size=500)
        counts[name] = len(entries)
    return counts


# --- Querying --------------------------------------------------------------------


def _fts5_query(tokens: list[str], columns: str) -> str:
    phrases = [f'"{token}"' for token in tokens[:-1]] + [f'"{tokens[-1]}"*']
    return f"{{{columns}}} : ({' '.join(phrases)})"


def _tsquery(tokens: list[str]) -> str:
    return " & ".join([*tokens[:-1], f"{tokens[-1]}:*"])


_PG_PUBLIC = (
    "setweight(to_tsvector('simple'::regconfig, {table}.title_key), 'A')"
    " || setweight(to_tsvector('simple'::regconfig, {table}.body_key), 'B')"
)


def _matching(tokens: list[str]) -> tuple[RawSQL, RawSQL]:
    """The condition that an entry holds every word, and its rank (higher is
    better). The SQL is made of the model's own names and constants; the
    query's words are parameters."""
    table = connection.ops.quote_name(SearchEntry._meta.db_table)
    if connection.vendor == "postgresql":
        vector = _PG_PUBLIC.format(table=table)
        condition = f"({vector}) @@ to_tsquery('simple', %s)"
        rank = f"ts_rank({vector}, to_tsquery('simple', %s))"
        query = _tsquery(tokens)
    else:
        fts = "core_searchentry_fts"
        columns = "title_key body_key"
        weights = "10.0, 1.0"
        condition = f"{table}.id IN (SELECT rowid FROM {fts} WHERE {fts} MATCH %s)"  # noqa: S608
        # bm25 is lower for a better match.
        rank = f"(SELECT -bm25({fts}, {weights}) FROM {fts} WHERE {fts} MATCH %s AND rowid = {table}.id)"  # noqa: S608
        query = _fts5_query(tokens, columns)
    return (
        RawSQL(condition, [query], output_field=BooleanField()),  # noqa: S611 - words as parameters
        RawSQL(rank, [query], output_field=FloatField()),  # noqa: S611 - words as parameters
    )


def _in_scope(person: User, kinds: Iterable[str]) -> Q:
    condition = Q(pk__in=[])
    for name in kinds:
        condition |= Q(kind=name, object_id__in=KINDS[name].visible(person).values("pk"))
    return condition


def search_entries(person: User, query: str, *, kind: str = "") -> QuerySet[SearchEntry]:
    """The entries the person may see that hold every word of the query, best
    first; then those found by what only the person may read."""
    tokens = words(query)[:MAX_WORDS]
    if not tokens:
        return SearchEntry.objects.none()
    kinds = [kind] if kind in KINDS else list(KINDS)
    public, rank = _matching(tokens)
    condition = Q(public)
    for name in kinds:
        private = KINDS[name].private_matches
        if private is not None:
            condition |= Q(kind=name, object_id__in=private(person, tokens))
    return (
        SearchEntry.objects.filter(_in_scope(person, kinds))
        .filter(condition)
        .annotate(rank=rank)
        .order_by(F("rank").desc(nulls_last=True), "-updated_at", "-pk")
    )


def kind_counts(person: User, query: str) -> dict[str, int]:
    """How many entries of each kind the query finds for the person."""
    tokens = words(query)[:MAX_WORDS]
    if not tokens:
        return {}
    rows = (
        search_entries(person, query)
        .order_by()
        .values("kind")
        .annotate(n=Count("pk"))
        .values_list("kind", "n")
    )
    return dict(rows)


# --- Showing a result ------------------------------------------------------------


def _fold_char(char: str) -> str:
    lowered = char.lower().replace("đ", "d")
    base = "".join(ch for ch in unicodedata.normalize("NFD", lowered) if not unicodedata.combining(ch))
    return base if len(base) == 1 else char


def snippet(text: str, query: str, *, length: int = SNIPPET_CHARS) -> list[tuple[str, bool]]:
    """A window of the text around the first word of the query it holds, as
    (text, is_a_query_word) pieces, so the page marks the words it found."""
    if not text:
        return []
    tokens = words(query)
    exact, prefix = set(tokens[:-1]), tokens[-1] if tokens else None
    plain = "".join(_fold_char(char) for char in text)
    spans: list[tuple[int, int]] = []
    for match in _WORD.finditer(plain):
        word = match.group()
        if word in exact or (prefix and word.startswith(prefix)):
            if spans and not plain[spans[-1][1] : match.start()].strip():
                spans[-1] = (spans[-1][0], match.end())  # one mark over adjacent words
            else:
                spans.append((match.start(), match.end()))
    start = 0
    if spans and spans[0][0] > length // 3:
        start = text.rfind(" ", 0, spans[0][0] - length // 3) + 1
    end = min(len(text), start + length)
    if end < len(text):
        cut = text.rfind(" ", start, end)
        end = cut if cut > start else end
    pieces: list[tuple[str, bool]] = []
    position = start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        if span_start > position:
            pieces.append((text[position:span_start], False))
        pieces.append((text[span_start:span_end], True))
        position = span_end
    if position < end:
        pieces.append((text[position:end], False))
    if start > 0:
        pieces.insert(0, ("… ", False))
    if end < len(text):
        pieces.append((" …", False))
    return pieces


@dataclass(frozen=True)
class Result:
    kind: str
    label: Any
    url: str
    title: list[tuple[str, bool]]
    agency: str
    snippet: list[tuple[str, bool]]


def results(entries: Iterable[SearchEntry], query: str) -> list[Result]:
    """The rows of one page of results, with their links and marked words."""
    return [
        Result(
            kind=entry.kind,
            label=KINDS[entry.kind].label,
            url=KINDS[entry.kind].url(entry.object_id),
            title=snippet(entry.title, query, length=400),
            agency=entry.agency.name if entry.agency_id else "",
            snippet=snippet(entry.summary, query),
        )
        for entry in entries
    ]


def record_result_reads(request, entries: Iterable[SearchEntry]) -> None:
    """Log the records of a page of results whose kind holds a citizen's
    details, one row each under its own agency and code (never the words
    searched, which may be who denounced): one query for the records of each
    such kind, one INSERT for their rows."""
    found: dict[str, list[int]] = defaultdict(list)
    for entry in entries:
        if KINDS[entry.kind].read_what:
            found[entry.kind].append(entry.object_id)
    for name, ids in found.items():
        kind = KINDS[name]
        record_list_read(
            request, kind.model._default_manager.filter(pk__in=ids).order_by("pk"), kind.read_what
        )
