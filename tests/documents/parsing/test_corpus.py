"""The shared development corpus, scored by the project's scorer through the command line."""

import json
import os
import subprocess
import sys

import pytest

MIN_CITATION_F1 = 0.95


def test_corpus_citation_f1_through_the_scorer(shared_dir):
    scorer, corpus = shared_dir / "tools" / "score_extract.py", shared_dir / "corpus"
    if not scorer.exists() or not corpus.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"shared corpus or scorer missing under {shared_dir}")
        pytest.skip(f"shared corpus or scorer missing under {shared_dir}")
    command = f"{sys.executable} -m danvan.documents.parsing {{file}}"
    done = subprocess.run(
        [sys.executable, str(scorer), str(corpus), "--cmd", command, "--json"],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    totals = json.loads(done.stdout)["totals"]
    assert totals["failed"] == 0
    assert totals["citations"]["macro_f1"] >= MIN_CITATION_F1
