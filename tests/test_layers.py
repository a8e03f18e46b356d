"""The floors of the code, read from its imports (nothing is imported or run).

Lowest first: core < documents < plans < engagement, petitions < reports < api
< demo. A module imports its own app and the floors below it, never one above
nor one beside it on the same floor; core imports no domain app at all. An
app not named in LAYERS (a new area) stands above reports and below api: it
may use every domain app up to reports, and only api and demo may use it. The
project's own modules (settings, urls, the ``danvan`` command) stand on top.
Emulation stands half a floor above the other new areas: its commendation
conditions read the evaluation's yearly band.

No two modules import each other, even through others, and nothing is
imported inside a function unless ALLOWED names the function with its reason:
an import inside a function is how a cycle or an upward import hides.
"""

from __future__ import annotations

import ast
import fnmatch
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

SOURCE = Path(__file__).resolve().parents[1] / "src"
PACKAGE = "danvan"

LAYERS = {
    "core": 0,
    "formats": 0,  # the date and number formats Django reads: no imports of the project
    "documents": 1,
    "plans": 2,
    "engagement": 3,
    "petitions": 3,
    "reports": 4,
    # Commendation reads the agency's yearly result (evaluation's band); the
    # evaluation reads emulation's figures through core.indicators, not by import.
    "emulation": 5.5,
    "api": 6,
    "demo": 7,
}
NEW_APP = 5  # an app not named above
PROJECT = 9
PROJECT_MODULES = {"settings", "urls", "wsgi", "cli"}  # danvan.settings and the like

# "path:function" (fnmatch patterns) -> why its imports stay inside it.
ALLOWED = {
    "danvan/*/apps.py:*.ready": (
        "AppConfig.ready() imports the modules that register the app's signal handlers, checks, "
        "to-do sources, search kinds and daily steps: they need the models loaded"
    ),
    "danvan/cli.py:*": (
        "`danvan parse` reads a file without Django; the rest runs Django's commands only once "
        "DJANGO_SETTINGS_MODULE is set"
    ),
    "danvan/documents/parsing/readers.py:*": (
        "the PDF and Word readers (pypdfium2, python-docx, OCR) are heavy and loaded only for a file "
        "of their kind"
    ),
    "danvan/core/uploads.py:pdf_refusal": "PDFium is loaded only when a PDF is sent",
}


@dataclass(frozen=True)
class Import:
    module: str  # the importing module
    target: str  # the imported module of the project, or the outside module's name
    place: str  # file:line
    function: str  # the enclosing function's qualified name, "" at module level
    type_only: bool  # under ``if TYPE_CHECKING:``


def _module_name(path: Path, source: Path) -> str:
    parts = list(path.relative_to(source).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def read_imports(source: Path = SOURCE) -> tuple[set[str], list[Import]]:
    """Every module of the package (migrations left out) and every import in it."""
    paths = {
        _module_name(path, source): path
        for path in sorted((source / PACKAGE).rglob("*.py"))
        if "migrations" not in path.relative_to(source).parts
    }

    def known(name: str) -> str | None:
        while name:
            if name in paths:
                return name
            name = name.rpartition(".")[0]
        return None

    found: list[Import] = []
    for module, path in paths.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        is_package = path.name == "__init__.py"
        place = path.relative_to(source).as_posix()
        visitor = _Visitor(module, is_package, place, known)
        visitor.visit(tree)
        found.extend(visitor.found)
    return set(paths), found


class _Visitor(ast.NodeVisitor):
    def __init__(self, module, is_package, place, known):
        self.module, self.is_package, self.place, self.known = module, is_package, place, known
        self.scope: list[str] = []
        self.functions = 0
        self.type_only = 0
        self.found: list[Import] = []

    def _nested(self, node, is_function):
        self.scope.append(node.name)
        self.functions += is_function
        self.generic_visit(node)
        self.functions -= is_function
        self.scope.pop()

    def visit_ClassDef(self, node):
        self._nested(node, False)

    def visit_FunctionDef(self, node):
        self._nested(node, True)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_If(self, node):
        test = node.test
        guarded = (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
            isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
        )
        self.type_only += guarded
        for child in node.body:
            self.visit(child)
        self.type_only -= guarded
        for child in node.orelse:
            self.visit(child)

    def _add(self, target, line):
        if target == self.module:
            return
        self.found.append(
            Import(
                module=self.module,
                target=target,
                place=f"{self.place}:{line}",
                function=".".join(self.scope) if self.functions else "",
                type_only=bool(self.type_only),
            )
        )

    def visit_Import(self, node):
        for alias in node.names:
            self._add(self.known(alias.name) or alias.name, node.lineno)

    def visit_ImportFrom(self, node):
        if node.level:
            base = self.module.split(".")
            if not self.is_package:
                base = base[:-1]
            base = base[: len(base) - (node.level - 1)]
            module = ".".join([*base, *([node.module] if node.module else [])])
        else:
            module = node.module or ""
        targets = set()
        for alias in node.names:
            # ``from danvan.core import permissions`` imports a module; ``from
            # danvan.core.models import Agency`` a name of one.
            full = f"{module}.{alias.name}"
            targets.add(full if self.known(full) == full else (self.known(module) or module))
        for target in sorted(targets):
            self._add(target, node.lineno)


def app_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] not in PROJECT_MODULES else ""


def floor_of(module: str) -> int:
    app = app_of(module)
    if not app:
        return PROJECT
    return LAYERS.get(app, NEW_APP)


def allowed_reason(imported: Import) -> str | None:
    path = imported.place.rpartition(":")[0]
    for pattern, reason in ALLOWED.items():
        path_pattern, _, function_pattern = pattern.partition(":")
        if fnmatch.fnmatch(path, path_pattern) and fnmatch.fnmatch(imported.function, function_pattern):
            return reason
    return None


def _ours(imported: Import) -> bool:
    return imported.target == PACKAGE or imported.target.startswith(PACKAGE + ".")


def cycles(modules: set[str], imports: list[Import]) -> list[list[str]]:
    """Groups of modules that import each other, directly or through others
    (strongly connected components), over the imports that run."""
    edges: dict[str, set[str]] = defaultdict(set)
    for imported in imports:
        if _ours(imported) and not imported.type_only and imported.target in modules:
            edges[imported.module].add(imported.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(start: str) -> None:
        # Tarjan's algorithm, iterative: the graph is deeper than the recursion limit allows for.
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))

    for module in sorted(modules):
        if module not in index:
            visit(module)
    return sorted(groups)


def _places(imports, group: list[str]) -> list[str]:
    members = set(group)
    return sorted(
        f"{imported.place} {imported.module} -> {imported.target}"
        for imported in imports
        if imported.module in members and imported.target in members and not imported.type_only
    )


def problems(source: Path = SOURCE) -> dict[str, list[str]]:
    """What breaks the floors, each import named by file:line."""
    modules, imports = read_imports(source)
    found: dict[str, list[str]] = {
        "cycles": [],
        "core into an app": [],
        "upward": [],
        "inside a function": [],
    }
    for group in cycles(modules, imports):
        found["cycles"].append(" <-> ".join(group) + "\n      " + "\n      ".join(_places(imports, group)))
    for imported in imports:
        if not _ours(imported) or imported.type_only:
            continue
        line = f"{imported.place} {imported.module} -> {imported.target}"
        source_app, target_app = app_of(imported.module), app_of(imported.target)
        if source_app == target_app or not target_app:
            continue
        if source_app == "core":
            found["core into an app"].append(line)
        elif floor_of(imported.target) >= floor_of(imported.module):
            found["upward"].append(line)
    for imported in imports:
        if imported.function and allowed_reason(imported) is None:
            found["inside a function"].append(
                f"{imported.place} {imported.module}.{imported.function} -> {imported.target}"
            )
    return found


def report(found: dict[str, list[str]]) -> str:
    return "\n".join(
        f"{kind} ({len(lines)}):\n" + "\n".join(f"  {line}" for line in lines)
        for kind, lines in found.items()
        if lines
    )


def test_the_floors_hold():
    found = problems()
    print(report(found))
    assert not any(found.values()), report(found)


# The reader itself, on a small tree written here.


def _tree(tmp_path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = tmp_path / PACKAGE / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for folder in [tmp_path / PACKAGE, *(p for p in (tmp_path / PACKAGE).rglob("*") if p.is_dir())]:
        (folder / "__init__.py").touch()
    return tmp_path


def test_the_reader_finds_each_kind_of_fault_with_its_line(tmp_path):
    source = _tree(
        tmp_path,
        {
            "core/models.py": "from danvan.plans.models import Plan\n",
            "plans/models.py": "import danvan.core.models\nfrom . import services\n",
            "plans/services.py": "from danvan.plans import models\nfrom danvan.reports.models import Report\n",
            "reports/models.py": "from danvan.plans.models import Plan\n",
            "reports/selectors.py": (
                "from typing import TYPE_CHECKING\n"
                "if TYPE_CHECKING:\n"
                "    from danvan.api import views\n"
                "def figures():\n"
                "    from danvan.petitions import selectors\n"
            ),
            "petitions/selectors.py": "from danvan.engagement.models import Dialogue\n",
            "engagement/models.py": "",
            "api/views.py": "from danvan.reports import selectors\n",
            "reports/apps.py": "class ReportsConfig:\n    def ready(self):\n        from danvan.reports import models\n",
        },
    )
    found = problems(source)
    assert found["core into an app"] == ["danvan/core/models.py:1 danvan.core.models -> danvan.plans.models"]
    assert sorted(found["upward"]) == [
        "danvan/petitions/selectors.py:1 danvan.petitions.selectors -> danvan.engagement.models",
        "danvan/plans/services.py:2 danvan.plans.services -> danvan.reports.models",
    ]
    assert found["inside a function"] == [
        "danvan/reports/selectors.py:5 danvan.reports.selectors.figures -> danvan.petitions.selectors"
    ]
    cycle_lines = "\n".join(found["cycles"])
    assert (
        "danvan.core.models <-> danvan.plans.models <-> danvan.plans.services <-> danvan.reports.models"
        in (cycle_lines)
    )
    assert "danvan/plans/models.py:2 danvan.plans.models -> danvan.plans.services" in cycle_lines
    assert "danvan.api" not in cycle_lines  # an import for type checking only runs nowhere


def test_a_new_app_stands_above_reports_and_below_api(tmp_path):
    source = _tree(
        tmp_path,
        {
            "surveys/models.py": "from danvan.reports.models import Report\nfrom danvan.plans import models\n",
            "reports/models.py": "from danvan.surveys.models import Survey\n",
            "api/views.py": "from danvan.surveys import models\n",
            "plans/models.py": "",
        },
    )
    found = problems(source)
    assert found["upward"] == ["danvan/reports/models.py:1 danvan.reports.models -> danvan.surveys.models"]


def test_the_test_identity_provider_is_no_part_of_danvan():
    """tests/oidc_provider/ is a separate Django project the tests start: no
    module under src/ imports anything of tests/, and Danvan does not install it."""
    importers = []
    for path in SOURCE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            importers += [
                f"{path.relative_to(SOURCE)}: {name}" for name in names if name.split(".")[0] == "tests"
            ]
    assert importers == []
    assert not [app for app in settings.INSTALLED_APPS if app.startswith("tests")]
    assert (SOURCE.parent / "tests" / "oidc_provider" / "settings.py").is_file()
