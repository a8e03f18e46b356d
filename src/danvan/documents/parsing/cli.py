"""`danvan parse FILE` / `python -m danvan.documents.parsing FILE`: print the plan as JSON."""

from __future__ import annotations

import argparse
import json
import sys

from . import ParseError, parse_file


def _progress(page: int, total: int) -> None:
    print(f"Đang nhận dạng chữ trang {page}/{total}...", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="danvan parse",
        description="Đọc kế hoạch/báo cáo (.txt, .docx, .pdf) và in kết quả dạng JSON (danvan.plan/1).",
    )
    parser.add_argument("file", help="tệp văn bản cần đọc")
    args = parser.parse_args(argv)
    try:
        plan = parse_file(args.file, on_progress=_progress)
    except ParseError as exc:
        print(exc.message, file=sys.stderr)
        return 2
    json.dump(plan, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0
