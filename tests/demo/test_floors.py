"""The demo is on the top floor: nothing else in the source tree imports it,
not even the project's own modules (urls, settings, the command line), which
tests/test_layers.py lets import any app."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "danvan"


def imported_modules(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def modules_of(folder: Path):
    for path in sorted(folder.rglob("*.py")):
        if "migrations" not in path.parts:
            yield path.relative_to(PACKAGE).as_posix(), imported_modules(path)


def test_no_code_outside_the_demo_imports_it():
    offenders = [
        name
        for name, imports in modules_of(PACKAGE)
        if not name.startswith("demo/")
        and any(module == "danvan.demo" or module.startswith("danvan.demo.") for module in imports)
    ]
    assert offenders == []
