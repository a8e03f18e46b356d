import pytest

from danvan.documents.output.docx import render_plan_docx
from danvan.documents.output.pdf import docx_to_pdf
from tests.conftest import require_binary
from tests.documents.output.conftest import plan  # noqa: F401 — the printed plan.
from tests.signing_ca import agency_bundle, test_ca, unknown_ca  # noqa: F401

_PRINTED: dict[str, bytes] = {}


@pytest.fixture
def plan_pdf(plan):  # noqa: F811
    """The plan printed by LibreOffice, once per test run (it takes seconds)."""
    require_binary("soffice")
    if "plan" not in _PRINTED:
        _PRINTED["plan"] = docx_to_pdf(render_plan_docx(plan))
    return _PRINTED["plan"]
