"""Parse-time figures for the plan parser: corpus documents and a ~60-page plan, as .txt, .docx and .pdf.

Run: .venv/bin/python bench/bench_parse.py
Prints figures only; the target is a 10-page text plan in under 0.2 s on one core.
Times are CPU seconds of this process (time.process_time), so a busy machine
does not inflate them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from danvan.documents.parsing import parse_file  # noqa: E402

# The development corpus next to the repository when there is one, else the project's own.
SHARED_CORPUS = ROOT / ".." / "shared" / "corpus"
CORPUS = SHARED_CORPUS if SHARED_CORPUS.is_dir() else ROOT / "tests" / "documents" / "parsing" / "corpus"
CHARS_PER_PAGE = 3000
TARGET_SECONDS_10_PAGES = 0.2


def best_time(path: Path, repeat: int = 3) -> float:
    """Best CPU time of this process over `repeat` parses: the cost on one core, whatever else runs."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        parse_file(path)
        best = min(best, time.process_time() - start)
    return best


def fresh_process_seconds(path: Path) -> float:
    """Wall time of `python -m danvan.documents.parsing FILE`: start-up, imports and parse."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "danvan.documents.parsing", str(path)],
        check=True,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    return time.perf_counter() - start


def make_docx(text: str, path: Path) -> Path:
    from docx import Document

    document = Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(path)
    return path


def make_pdf(docx_path: Path, out_dir: Path) -> Path | None:
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    profile = out_dir / "lo-profile"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf"]
        + ["--outdir", str(out_dir), str(docx_path)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return out_dir / (docx_path.stem + ".pdf")


def pages_of(text: str) -> float:
    return max(len(text) / CHARS_PER_PAGE, 0.01)


def report(name: str, path: Path | None, pages: float) -> None:
    if path is None:
        print(f"  {name:<5} bỏ qua: chưa có LibreOffice")
        return
    seconds = best_time(path)
    print(f"  {name:<5} {seconds * 1000:8.1f} ms  {pages / seconds:8.1f} trang/giây")


def bench_document(label: str, text: str, work: Path) -> None:
    pages = pages_of(text)
    print(f"{label} ({len(text)} ký tự, ~{pages:.1f} trang)")
    stem = work / label.replace(" ", "-")
    txt = stem.with_suffix(".txt")
    txt.write_text(text, encoding="utf-8")
    docx = make_docx(text, stem.with_suffix(".docx"))
    report("txt", txt, pages)
    report("docx", docx, pages)
    report("pdf", make_pdf(docx, work), pages)


def long_plan(texts: list[str], pages: int) -> str:
    out, size = [], 0
    while size < pages * CHARS_PER_PAGE:
        for text in texts:
            out.append(text)
            size += len(text)
    return "\n".join(out)


def main() -> int:
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    if not texts:
        print(f"không thấy corpus ở {CORPUS}")
        return 1
    with tempfile.TemporaryDirectory(prefix="danvan-bench-") as tmp:
        work = Path(tmp)
        for path, text in zip(sorted(CORPUS.glob("*.txt")), texts, strict=True):
            bench_document(path.stem, text, work)
        bench_document("ke-hoach-60-trang", long_plan(texts, 60), work)
        ten = work / "ten-pages.txt"
        ten.write_text(long_plan(texts, 10), encoding="utf-8")
        seconds = best_time(ten, repeat=5)
        verdict = "đạt" if seconds < TARGET_SECONDS_10_PAGES else "CHƯA ĐẠT"
        print(
            f"Kế hoạch 10 trang (.txt): {seconds:.3f} s CPU "
            f"(mục tiêu < {TARGET_SECONDS_10_PAGES} s: {verdict})"
        )
        print(
            f"Kế hoạch 10 trang, tiến trình mới (khởi động + import + đọc): {fresh_process_seconds(ten):.3f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
