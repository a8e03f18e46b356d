"""Invariants that reviewers forget (STYLE rule 22)."""

import ast
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver, reverse

SRC = Path(__file__).resolve().parents[2] / "src" / "danvan"
TESTS = Path(__file__).resolve().parents[1]

# Pages anyone may open without signing in.
PUBLIC = {"login", "logout", "healthz", "set_language", "password_change"}
PUBLIC |= {"petitions_public:submit", "petitions_public:submitted", "petitions_public:lookup"}
PUBLIC |= {"petitions_public:schedule"}
# A satisfaction survey answered from its link or QR code.
PUBLIC |= {"surveys_public:answer", "surveys_public:thanks"}
# The user guide: read before signing in too, since it explains how to.
PUBLIC |= {"core:guide_index", "core:guide_page", "core:guide_image"}
# Signing in with the province's identity provider (404 when none is configured).
PUBLIC |= {"oidc_sign_in", "oidc_callback"}
# The API's token endpoint: a registered client authenticates there with its own credentials.
PUBLIC |= {"oauth_token"}
# Service functions not yet covered by a test that names them. May only shrink.
SERVICES_WITHOUT_TESTS: set[str] = set()


def named_urls():
    found = []

    def walk(patterns, namespace):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                if entry.namespace == "admin":
                    continue
                walk(entry.url_patterns, f"{namespace}{entry.namespace}:" if entry.namespace else namespace)
            elif isinstance(entry, URLPattern) and entry.name:
                found.append((f"{namespace}{entry.name}", len(entry.pattern.converters)))

    walk(get_resolver().url_patterns, "")
    return found


def url_for(name, arity, **kwargs):
    if name == "core:area":
        return reverse(name, args=["plans"])
    return reverse(name, args=[kwargs.get("pk", 1)] * arity)


def test_no_pending_migrations(db):
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


@pytest.mark.parametrize(("name", "arity"), [u for u in named_urls() if u[0] not in PUBLIC])
def test_anonymous_visitor_is_sent_to_login(client, db, name, arity):
    response = client.get(url_for(name, arity))
    if name.startswith("api:"):
        assert response.status_code == 403
    else:
        assert response.status_code == 302 and response.url.startswith(reverse("login"))


_VIETNAMESE = re.compile(
    r"[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]", re.IGNORECASE
)


def pages(agency, lead_unit):
    for name, arity in named_urls():
        if name.startswith("api:") or name in {"healthz", "set_language", "schema", "api_docs", "logout"}:
            continue
        if name.endswith(("_template", "_apply", "_cancel", "_preview", "_save", "_status")):
            continue
        pk = lead_unit.pk if name == "core:unit_detail" else agency.pk
        yield name, url_for(name, arity, pk=pk)


def test_every_page_has_one_h1_and_a_vietnamese_title(client, system_admin, agency, lead_unit):
    client.force_login(system_admin)
    for name, url in pages(agency, lead_unit):
        response = client.get(url, follow=True)
        if response.status_code == 405:  # an action, not a page
            continue
        html = response.content.decode()
        assert html.count("<h1") == 1, name
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
        assert _VIETNAMESE.search(title) or agency.name in title, (name, title)
        assert "<" not in title, (name, title)


def test_every_service_function_is_named_by_a_test():
    test_text = "\n".join(path.read_text(encoding="utf-8") for path in TESTS.rglob("test_*.py"))
    missing = set()
    for services in [*SRC.rglob("services.py"), *SRC.rglob("services/*.py")]:
        tree = ast.parse(services.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
                if f"{node.name}(" not in test_text:
                    missing.add(node.name)
    assert missing <= SERVICES_WITHOUT_TESTS, (
        f"service functions without a test: {sorted(missing - SERVICES_WITHOUT_TESTS)}"
    )
