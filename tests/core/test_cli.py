import json
import subprocess
import sys


def run_danvan(*args):
    return subprocess.run(
        [sys.executable, "-m", "danvan.cli", *args], capture_output=True, text=True, timeout=120
    )


def test_parse_prints_the_plan_json_without_django(tmp_path):
    plan = tmp_path / "ke-hoach.txt"
    plan.write_text("KẾ HOẠCH\nThực hiện công tác dân vận chính quyền năm 2026\n", encoding="utf-8")
    result = run_danvan("parse", str(plan))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["format"] == "danvan.plan/1"


def test_worker_alias_reaches_the_task_worker():
    result = run_danvan("worker", "--help")
    assert result.returncode == 0 and "worker" in result.stdout.lower()


def test_unknown_command_fails_clearly():
    result = run_danvan("khong-co-lenh")
    assert result.returncode != 0 and "Unknown command" in result.stderr


def test_help_lists_the_projects_commands_before_djangos():
    result = run_danvan("--help")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    own = [text.index(f"  {name}") for name in ("parse", "worker", "demo", "scan_deadlines", "serve")]
    assert max(own) < text.index("[django]") < text.index("migrate")
    assert text.index("Lệnh của Danvan") < text.index("Lệnh của Django")


def test_help_on_one_command_is_still_djangos():
    result = run_danvan("help", "scan_deadlines")
    assert result.returncode == 0 and "usage: danvan scan_deadlines" in result.stdout


def test_serve_prod_runs_gunicorn_with_the_workers_asked_and_the_forwarded_addresses():
    from danvan.core.management.commands.serve import gunicorn_command

    command = gunicorn_command(bind="127.0.0.1:8000", workers=5)
    assert command[1:4] == ["-m", "gunicorn", "danvan.wsgi:application"]
    assert command[command.index("--workers") + 1] == "5" and "--forwarded-allow-ips" in command
