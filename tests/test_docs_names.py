"""The architecture notes and the glossary name only what the code has: every
class the glossary names is defined under src/danvan/, every file or folder
the architecture notes name exists, and every app of the layers is a folder."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "src" / "danvan"
DOCS = ROOT / "docs"

CODE = re.compile(r"`([^`]+)`")
CLASS_NAME = re.compile(r"^[A-Z][a-z]+(?:[A-Z][a-z]+)+$|^[A-Z][a-z]{3,}$")


def _classes() -> set[str]:
    names = set()
    for path in SOURCE.rglob("*.py"):
        names.update(re.findall(r"^\s*class (\w+)", path.read_text(encoding="utf-8"), re.MULTILINE))
    return names


def test_every_class_the_glossary_names_exists():
    defined = _classes()
    named = {name for name in CODE.findall((DOCS / "glossary.md").read_text(encoding="utf-8"))}
    missing = sorted(name for name in named if CLASS_NAME.match(name) and name not in defined)
    assert missing == []


def _paths_named(text: str) -> set[str]:
    """Files and folders in backticks: ``src/danvan/core/``, ``core/search.py``, ``reports/receivers.py``."""
    found = set()
    for code in CODE.findall(text):
        code = code.split(" ")[0].rstrip(":")
        if code.startswith("/") or "<" in code or "*" in code or not re.fullmatch(r"[\w./-]+", code):
            continue
        if code.endswith((".py", "/")) and "/" in code.rstrip("/"):
            found.add(code)
    return found


def _exists(path: str) -> bool:
    candidates = [ROOT / path, SOURCE / path, ROOT / "docs" / path]
    return any(candidate.exists() for candidate in candidates)


def test_every_file_the_architecture_notes_name_exists():
    text = (DOCS / "architecture.md").read_text(encoding="utf-8")
    missing = sorted(path for path in _paths_named(text) if not _exists(path))
    print("named but missing:", missing)
    assert missing == []


def test_every_app_of_the_layers_is_a_folder():
    text = (DOCS / "architecture.md").read_text(encoding="utf-8")
    layers = re.search(r"^`core` <.*$", text, re.MULTILINE).group(0)
    apps = CODE.findall(layers)
    assert apps[0] == "core"
    # demo becomes an app of its own when the demo province moves out of core.
    assert [app for app in apps if app != "demo" and not (SOURCE / app / "__init__.py").exists()] == []
