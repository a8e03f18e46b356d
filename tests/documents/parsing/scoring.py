"""Scores a "danvan.plan/1" extraction against a gold file of the test corpus.

The figures follow the extraction spec's scoring: citations matched on the normalised number (or on
the name when there is no number), deadlines as a multiset of dates, tasks by count and by the lead
of each position, targets on (percent, first four words), and the share of nine metadata fields
exactly right. Text is compared in NFC, whitespace collapsed, casefolded, trailing punctuation
dropped, with the tone mark of oa/oe/uy placed one way ("hòa" equals "hoà").
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

META_FIELDS = ("kind", "title", "issuer", "province", "number", "symbol", "date", "period", "signer_name")
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"), "-")
_TRAIL = " \t.,;:"
_TONE = re.compile(
    r"([oO][\u0300\u0301\u0303\u0309\u0323](?=[aAeE])|[uU][\u0300\u0301\u0303\u0309\u0323](?=[yY]))(.)"
)
_MARKER = re.compile(r"^\s*(?:[-+*\u2022\u2013\u2014]+|\(?\d{1,3}[.)]|\(?[a-zđ][.)])\s+", re.I)


def _canon(text: str) -> str:
    decomposed = _TONE.sub(
        lambda m: m.group(1)[0] + m.group(2) + m.group(1)[1], unicodedata.normalize("NFD", text)
    )
    return unicodedata.normalize("NFC", decomposed)


def norm_text(value) -> str | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    return re.sub(r"\s+", " ", _canon(value)).strip().strip(_TRAIL).strip().casefold() or None


def norm_number(value) -> str | None:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    return (
        re.sub(r"\s+", "", unicodedata.normalize("NFC", value).translate(_DASHES)).upper().strip(_TRAIL)
        or None
    )


def _first_words(text) -> tuple[str, ...]:
    if not isinstance(text, str):
        return ()
    text = re.sub(r"(\d)\s+%", r"\1%", _MARKER.sub("", _canon(text), count=1))
    return tuple(re.findall(r"[\w%]+", text.casefold())[:4])


def _f1(gold: list, predicted: list) -> float:
    if not gold and not predicted:
        return 1.0
    hits = sum((Counter(gold) & Counter(predicted)).values())
    precision = hits / len(predicted) if predicted else 0.0
    recall = hits / len(gold) if gold else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _citation_key(citation: dict):
    number = norm_number(citation.get("number"))
    return ("number", number) if number else ("name", norm_text(citation.get("name")))


def _meta(doc: dict, field: str):
    if field == "signer_name":
        return norm_text((doc.get("signer") or {}).get("name"))
    if field == "period":
        period = doc.get("period") or {}
        return (period.get("year"), period.get("quarter"), period.get("half"))
    if field in ("number", "symbol"):
        return norm_number(doc.get(field))
    return norm_text(doc.get(field))


@dataclass
class Score:
    citation_f1: float
    citation_dates: float
    deadline_f1: float
    task_count_exact: bool
    lead_accuracy: float
    target_f1: float
    metadata: float
    wrong_fields: list[str]


def score(gold: dict, predicted: dict) -> Score:
    gold_citations = {_citation_key(c): c for c in gold["citations"]}
    predicted_citations = {_citation_key(c): c for c in predicted.get("citations", [])}
    matched = gold_citations.keys() & predicted_citations.keys()
    dates_right = sum(gold_citations[k].get("date") == predicted_citations[k].get("date") for k in matched)
    gold_tasks, predicted_tasks = gold["tasks"], predicted.get("tasks", [])
    leads_right = sum(
        i < len(predicted_tasks) and norm_text(task["lead"]) == norm_text(predicted_tasks[i].get("lead"))
        for i, task in enumerate(gold_tasks)
    )
    wrong = [field for field in META_FIELDS if _meta(gold, field) != _meta(predicted, field)]

    def target_key(target: dict):
        return (target.get("percent"), _first_words(target.get("text")))

    return Score(
        citation_f1=_f1(list(gold_citations), list(predicted_citations)),
        citation_dates=dates_right / len(matched) if matched else 1.0,
        deadline_f1=_f1(
            [d["date"] for d in gold["deadlines"]], [d.get("date") for d in predicted.get("deadlines", [])]
        ),
        task_count_exact=len(gold_tasks) == len(predicted_tasks),
        lead_accuracy=leads_right / len(gold_tasks) if gold_tasks else 1.0,
        target_f1=_f1(
            [target_key(t) for t in gold["targets"]], [target_key(t) for t in predicted.get("targets", [])]
        ),
        metadata=1 - len(wrong) / len(META_FIELDS),
        wrong_fields=wrong,
    )
