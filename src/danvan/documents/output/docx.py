"""A plan or a report as a Word file, from the agency's template or
Danvan's default; an outgoing letter from Danvan's letter template; a
decision with its annex table from Danvan's decision template."""

from __future__ import annotations

import logging
from io import BytesIO
from pathlib import Path

from docxtpl import DocxTemplate
from jinja2.sandbox import SandboxedEnvironment

from danvan.documents.models import OutputTemplate
from danvan.documents.output.context import plan_context

logger = logging.getLogger(__name__)

DEFAULT_TEMPLATES = {
    OutputTemplate.Kind.PLAN: Path(__file__).resolve().parent / "templates" / "ke_hoach.docx",
    OutputTemplate.Kind.REPORT: Path(__file__).resolve().parent / "templates" / "bao_cao.docx",
}
LETTER_TEMPLATE = Path(__file__).resolve().parent / "templates" / "van_ban_di.docx"
DECISION_TEMPLATE = Path(__file__).resolve().parent / "templates" / "quyet_dinh.docx"


def current_template(agency, kind: str) -> OutputTemplate | None:
    return OutputTemplate.objects.filter(agency=agency, kind=kind).select_related("uploaded_by").first()


def template_bytes(agency, kind: str) -> bytes:
    """The agency's newest template of the kind, else the default one."""
    chosen = current_template(agency, kind)
    if chosen is not None:
        try:
            with chosen.file.open("rb") as handle:
                return handle.read()
        except OSError:
            # A file lost from storage must not stop every export: print
            # with the default layout and leave a trace for the operator.
            logger.warning("Output template %s is missing from storage; using the default.", chosen.pk)
    return DEFAULT_TEMPLATES[kind].read_bytes()


def render_docx(template: bytes, context: dict) -> bytes:
    """Fill a docxtpl template. An agency uploads its own, so its Jinja runs
    sandboxed (no reaching Python internals through ``__class__``); autoescape
    keeps '&' and '<' in a title from breaking the document's XML."""
    document = DocxTemplate(BytesIO(template))
    document.render(context, jinja_env=SandboxedEnvironment(autoescape=True))
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def render_plan_docx(plan) -> bytes:
    return render_docx(template_bytes(plan.agency, OutputTemplate.Kind.PLAN), plan_context(plan))


def render_letter_docx(context: dict) -> bytes:
    """A letter (công văn, phiếu) of the layout of NĐ 30/2020: heading, type
    and summary, "Kính gửi", the content lines, signature and Nơi nhận."""
    return render_docx(LETTER_TEMPLATE.read_bytes(), context)


def render_decision_docx(context: dict) -> bytes:
    """A decision (Quyết định) of the layout of NĐ 30/2020: heading, QUYẾT ĐỊNH and its summary,
    the authority, "Căn cứ", the articles, signature and Nơi nhận, then an annex table whose
    rows are grouped under headings (``bands``: numeral, title, rows of three cells)."""
    return render_docx(DECISION_TEMPLATE.read_bytes(), context)
