"""The project's own corpus of plans (corpus/): one plan as plain text and as a website's copy of it (menus,
the site's table, the letterhead in "|" cells, links after it), another as Word, as a PDF (also printed with a
fallback font) and as a scan, each read by the parser and scored against its gold extraction."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from danvan.documents.parsing import parse_file
from tests.documents.parsing.scoring import score

CORPUS = Path(__file__).resolve().parent / "corpus"
GOLD = sorted(CORPUS.glob("*.gold.json"))

MIN_CITATION_F1 = 0.95
MIN_METADATA = 8 / 9


def _source(gold: Path) -> Path:
    stem = gold.name.removesuffix(".gold.json")
    text = CORPUS / f"{stem}.txt"
    return text if text.exists() else CORPUS / stem


def test_the_corpus_has_every_layout_with_its_gold():
    sources = [_source(gold) for gold in GOLD]
    assert all(source.exists() for source in sources)
    assert {".txt", ".docx", ".pdf"} <= {source.suffix for source in sources}
    assert any(source.name.endswith("-scan.pdf") for source in sources)


@pytest.mark.parametrize("gold_path", GOLD, ids=[g.name.removesuffix(".gold.json") for g in GOLD])
def test_a_corpus_document_reads_as_its_gold(gold_path, need_binary):
    source = _source(gold_path)
    if source.name.endswith("-scan.pdf"):
        need_binary("tesseract")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    result = score(gold, parse_file(str(source)))
    assert result.citation_f1 >= MIN_CITATION_F1
    assert result.citation_dates == 1.0
    assert result.task_count_exact and result.lead_accuracy == 1.0
    assert result.deadline_f1 == 1.0
    assert result.target_f1 == 1.0
    assert result.metadata >= MIN_METADATA, result.wrong_fields


def test_the_scorer_counts_a_missing_citation_and_a_wrong_lead():
    gold = json.loads(GOLD[0].read_text(encoding="utf-8"))
    predicted = json.loads(json.dumps(gold))
    predicted["citations"].pop()
    predicted["tasks"][0]["lead"] = "Phòng khác"
    predicted["signer"]["name"] = None
    result = score(gold, predicted)
    assert result.citation_f1 < 1.0
    assert result.lead_accuracy < 1.0
    assert result.wrong_fields == ["signer_name"]
