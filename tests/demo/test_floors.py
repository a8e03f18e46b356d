"""The floors of the source tree, read from its imports: the demo on top,
imported by nothing that serves requests; core at the bottom, importing no app."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "danvan"
APPS = ("documents", "plans", "engagement", "petitions", "reports", "api", "demo")
# Core modules still allowed to reach up, each with its reason.
CORE_EXCEPTIONS = {
    "core/permissions.py": "holds the apps' permission rules until each app has its permissions module",
}


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


def test_core_imports_no_app():
    offenders = {
        name: sorted(
            module for module in imports if module.split(".")[:2] in [["danvan", app] for app in APPS]
        )
        for name, imports in modules_of(PACKAGE / "core")
        if name not in CORE_EXCEPTIONS
    }
    assert {name: found for name, found in offenders.items() if found} == {}
