"""The command line: JSON on stdout, or a Vietnamese message on stderr and status 2."""

import json
import subprocess
import sys

from danvan.documents.parsing.cli import main

PLAN = "KẾ HOẠCH\nCông tác dân vận năm 2024\nCăn cứ Quyết định số 23-QĐ/TW ngày 30/7/2021.\n"


def test_main_prints_the_plan_as_json(tmp_path, capsys):
    path = tmp_path / "ke-hoach.txt"
    path.write_text(PLAN, encoding="utf-8")
    assert main([str(path)]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert plan["format"] == "danvan.plan/1"
    assert "Công tác dân vận năm 2024" in json.dumps(plan, ensure_ascii=False)


def test_main_reports_a_parse_error_in_vietnamese(tmp_path, capsys):
    path = tmp_path / "rong.docx"
    path.write_bytes(b"")
    assert main([str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "rỗng" in captured.err


def test_missing_file_is_a_parse_error(tmp_path, capsys):
    assert main([str(tmp_path / "khong-co.txt")]) == 2
    assert "Không mở được tệp" in capsys.readouterr().err


def test_module_runs_as_a_program(tmp_path):
    path = tmp_path / "ke-hoach.txt"
    path.write_text(PLAN, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "danvan.documents.parsing", str(path)], capture_output=True, check=False
    )
    assert done.returncode == 0
    assert json.loads(done.stdout.decode("utf-8"))["citations"][0]["number"] == "23-QĐ/TW"
