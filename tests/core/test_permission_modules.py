"""Each app decides its own actions in its permissions module, on core's
scopes: core's module knows no domain app, none imports inside a function,
and the rules templates and the library ask for are the apps' own."""

import ast
from pathlib import Path

import pytest

import danvan
from danvan.core import permissions as core_permissions
from danvan.documents import permissions as document_permissions
from danvan.plans import permissions as plan_permissions
from danvan.reports import permissions as report_permissions

SOURCE = Path(danvan.__file__).parent
MODULES = sorted(SOURCE.glob("*/permissions.py"))
DOMAIN_APPS = ("documents", "plans", "petitions", "engagement", "reports")


def imported_modules(tree: ast.AST) -> list[str]:
    return [
        node.module if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    ]


def test_every_domain_app_has_its_own_permissions_module():
    assert {path.parent.name for path in MODULES} >= {"core", *DOMAIN_APPS}


def test_core_permissions_imports_no_domain_app():
    tree = ast.parse((SOURCE / "core" / "permissions.py").read_text(encoding="utf-8"))
    apps = {name.split(".")[1] for name in imported_modules(tree) if name.startswith("danvan.")}
    assert apps == {"core"}


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.parent.name)
def test_permissions_module_imports_only_at_its_top(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    inside = [
        inner.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef)
        for inner in ast.walk(node)
        if isinstance(inner, ast.Import | ast.ImportFrom)
    ]
    assert inside == []


def test_templates_ask_the_apps_rules():
    rules = core_permissions.TEMPLATE_RULES
    assert rules["amend_plan"] is plan_permissions.can_amend_plan
    assert rules["approve_report"] is report_permissions.can_approve_report
    assert rules["manage_organisation"] is core_permissions.can_manage_organisation


def test_library_entries_are_read_through_the_plans_that_cite_them():
    assert document_permissions.CITING["plans"] is plan_permissions.visible_plans
