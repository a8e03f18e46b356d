"""Following docs/adding-an-app.md literally gives a working app.

The test writes the page's code blocks as the files they name into a
temporary directory, adds the page's lines for INSTALLED_APPS, the URLs and
the menu to a temporary settings module and URL module, runs the page's
``danvan makemigrations`` and then the app's own tests (its role matrix) with
pytest in another process, so that the temporary settings reach nothing of
this session. A block that names what it needs (``khi đã có `module```) is
followed only when that module exists.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "adding-an-app.md"

BLOCK = r"(?P<note>[^\n]*):\n\n```[a-z]*\n(?P<code>.*?)^```$"
WHOLE_FILE = re.compile(r"^Tệp `(?P<path>[^`]+)`" + BLOCK, re.MULTILINE | re.DOTALL)
ADDITION = re.compile(
    r"^Thêm vào `(?P<name>[^`]+)` trong `(?P<path>[^`]+)`" + BLOCK, re.MULTILINE | re.DOTALL
)
COMMAND = re.compile(r"^```sh\n(?P<commands>.*?)^```$", re.MULTILINE | re.DOTALL)
NEEDS = re.compile(r"khi đã có `([\w.]+)`")

# The only places outside its own folders that a new app touches.
PROJECT_LINES = {
    ("INSTALLED_APPS", "src/danvan/settings.py"),
    ("urlpatterns", "src/danvan/urls.py"),
    ("AREAS", "src/danvan/core/context_processors.py"),
}


def _followed(note: str) -> bool:
    needed = NEEDS.search(note)
    return needed is None or importlib.util.find_spec(needed.group(1)) is not None


def read_doc(text: str):
    """The app's name, its files, the project lines it adds and its commands."""
    files = {m["path"]: m["code"] for m in WHOLE_FILE.finditer(text) if _followed(m["note"])}
    apps = {path.split("/")[2] for path in files if path.startswith("src/danvan/")}
    assert len(apps) == 1, f"the page builds one app, not {sorted(apps)}"
    app = apps.pop()
    additions: dict[tuple[str, str], list[str]] = {}
    for m in ADDITION.finditer(text):
        if _followed(m["note"]):
            additions.setdefault((m["name"], m["path"]), []).append(m["code"])
    commands = [
        shlex.split(line) for m in COMMAND.finditer(text) for line in m["commands"].splitlines() if line
    ]
    return app, files, additions, commands


def test_the_page_names_only_the_apps_own_folders_and_three_project_lines():
    app, files, additions, commands = read_doc(DOC.read_text(encoding="utf-8"))
    outside = [path for path in files if not path.startswith((f"src/danvan/{app}/", f"tests/{app}/"))]
    assert outside == []
    assert f"tests/{app}/test_permission_matrix.py" in files
    own = {(name, path) for name, path in additions if path.startswith(f"src/danvan/{app}/")}
    assert set(additions) - own == PROJECT_LINES
    assert all(len(additions[place]) == 1 and additions[place][0].count("\n") == 1 for place in PROJECT_LINES)
    assert [command[:2] for command in commands] == [["danvan", "makemigrations"]]


def _write(tmp_path: Path) -> tuple[str, Path, dict]:
    app, files, additions, commands = read_doc(DOC.read_text(encoding="utf-8"))
    for path, code in files.items():
        target = tmp_path / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(code, encoding="utf-8")
    for (name, path), codes in additions.items():
        if (name, path) in PROJECT_LINES:
            continue
        # An addition to one of the app's own files: its last function (``ready()``).
        with (tmp_path / path).open("a", encoding="utf-8") as file:
            file.write("\n" + "".join(codes))
    conf = tmp_path / "conf"
    conf.mkdir()
    installed = additions[("INSTALLED_APPS", "src/danvan/settings.py")][0]
    urls = additions[("urlpatterns", "src/danvan/urls.py")][0]
    menu = additions[("AREAS", "src/danvan/core/context_processors.py")][0]
    database = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "db.sqlite3")}
    (conf / "throwaway_settings.py").write_text(
        "import danvan\n"
        "# The app's folder stands beside src/danvan/, as if it were in it.\n"
        f"danvan.__path__.append({str(tmp_path / 'src' / 'danvan')!r})\n"
        "from danvan.settings import *  # noqa: E402,F403\n"
        f"INSTALLED_APPS = [*INSTALLED_APPS,\n{installed}]\n"
        'ROOT_URLCONF = "throwaway_urls"\n'
        f'DATABASES = {{"default": {database!r}}}\n',
        encoding="utf-8",
    )
    (conf / "throwaway_urls.py").write_text(
        "from django.urls import include, path\n"
        "from django.utils.translation import gettext_lazy as _\n"
        "from danvan.core import context_processors\n"
        "from danvan.urls import handler403, handler404, urlpatterns\n"
        f"urlpatterns = [*urlpatterns,\n{urls}]\n"
        f"context_processors.AREAS = [*context_processors.AREAS,\n{menu}]\n",
        encoding="utf-8",
    )
    # The project's fixtures (the personas of the role matrix) for the app's tests.
    (tmp_path / "conftest.py").write_text('pytest_plugins = ["tests.conftest"]\n', encoding="utf-8")
    (tmp_path / "pytest.ini").write_text(
        "[pytest]\nDJANGO_SETTINGS_MODULE = throwaway_settings\n"
        "addopts = -p no:cacheprovider -p no:xdist --import-mode=importlib\n",
        encoding="utf-8",
    )
    environment = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(conf), str(ROOT / "src"), str(ROOT)]),
        "DJANGO_SETTINGS_MODULE": "throwaway_settings",
    }
    environment.pop("DANVAN_DATABASE_URL", None)
    return app, conf, {"env": environment, "commands": commands}


def _run(arguments, *, cwd, env):
    done = subprocess.run(arguments, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-6000:]
    return done.stdout


def test_an_app_made_by_following_the_page_runs_its_role_matrix(tmp_path):
    app, _conf, run = _write(tmp_path)
    for command in run["commands"]:
        # ``danvan`` is the project's command (danvan.cli).
        danvan = [sys.executable, "-c", "import sys; from danvan.cli import main; sys.exit(main())"]
        _run([*danvan, *command[1:]], cwd=tmp_path, env=run["env"])
    assert list((tmp_path / "src" / "danvan" / app / "migrations").glob("0001_*.py"))
    output = _run(
        [sys.executable, "-m", "pytest", "-q", "-c", str(tmp_path / "pytest.ini"), f"tests/{app}"],
        cwd=tmp_path,
        env=run["env"],
    )
    passed = re.search(r"(\d+) passed", output)
    assert passed and int(passed.group(1)) >= 9 * 4, output
    assert "failed" not in output and "error" not in output.lower(), output
