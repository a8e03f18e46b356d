"""An amendment as the document it is: a plan "sửa đổi, bổ sung Kế hoạch số
…" of the NĐ 30/2020 layout, numbered in the agency's register, citing the
plan it amends and saying each change in words."""

from __future__ import annotations

from danvan.documents.models import OutputTemplate
from danvan.documents.output.context import (
    agency_lines,
    citation_line,
    document_number,
    office_code,
    place_date_line,
    punctuate,
    recipient_lines,
)
from danvan.documents.output.docx import render_docx, template_bytes
from danvan.plans.models import AmendmentChange, PlanAmendment
from danvan.plans.selectors import amendment_changes

# The parts of the document, in the order they print.
_PARTS = (
    (AmendmentChange.Kind.PLAN, "SỬA ĐỔI NỘI DUNG KẾ HOẠCH"),
    (AmendmentChange.Kind.CHANGE, "SỬA ĐỔI NHIỆM VỤ"),
    (AmendmentChange.Kind.ADD, "BỔ SUNG NHIỆM VỤ"),
    (AmendmentChange.Kind.CANCEL, "BÃI BỎ NHIỆM VỤ"),
)
_ROMAN = ("I", "II", "III", "IV")


def _lines(item: dict) -> list[str]:
    kind = item["change"].kind
    if kind == AmendmentChange.Kind.CANCEL:
        return [f"- Bãi bỏ nhiệm vụ «{item['heading']}». Lý do: {item['reason']}."]
    if kind == AmendmentChange.Kind.ADD:
        details = "; ".join(f"{line['field'].lower()}: {line['new']}" for line in item["lines"])
        return [f"- Bổ sung nhiệm vụ «{item['heading']}»" + (f" ({details})." if details else ".")]
    what = f"nhiệm vụ «{item['heading']}»" if item["task"] is not None else "kế hoạch"
    return [
        f"- Sửa đổi {line['field'].lower()} của {what}: «{line['old'] or '…'}» thành «{line['new'] or '…'}»."
        for line in item["lines"]
    ]


def amendment_context(amendment: PlanAmendment) -> dict:
    plan = amendment.plan
    # The names on the amendment's date, else the plan's (a 2024 plan's 2024 names).
    on = amendment.issue_date or plan.names_day()
    parent, name = agency_lines(plan.agency, on)
    if plan.unit_id:
        parent, name = plan.agency.name_on(on).upper(), plan.unit.name_on(on).upper()
    issuer = plan.unit.name_on(on) if plan.unit_id else plan.agency.name_on(on)
    plan_ref = f"Kế hoạch số {plan.reference}" + (
        f" ngày {plan.issue_date:%d/%m/%Y}" if plan.issue_date else ""
    )
    changes = amendment_changes(amendment)
    sections = []
    for kind, title in _PARTS:
        lines = [line for item in changes if item["change"].kind == kind for line in _lines(item)]
        if lines:
            sections.append({"numeral": _ROMAN[len(sections)], "title": title, "lines": lines, "tasks": []})
    citations = [citation_line(cited.document) for cited in plan.plancitation_set.select_related("document")]
    citations.append(f"Căn cứ {plan_ref} của {issuer} về {plan.title.strip().rstrip('.')}")
    day = amendment.issue_date
    return {
        "parent_agency": parent,
        "agency_name": name,
        "number": document_number(amendment.number),
        "symbol": amendment.symbol or plan.symbol,
        "place_date": place_date_line(
            plan.place or plan.agency.province.name_on(on), day, year=day.year if day else None
        ),
        "doc_type_title": "KẾ HOẠCH",
        "summary": f"Sửa đổi, bổ sung {plan_ref}",
        "citations": punctuate(citations),
        "introduction": f"{amendment.reason.strip().rstrip('.')}, {issuer} sửa đổi, bổ sung {plan_ref} như sau:",
        "sections": sections,
        "closing": f"Các nội dung khác của {plan_ref} giữ nguyên hiệu lực.",
        "recipients": recipient_lines(list(plan.recipients or []), office_code(plan)),
        "signer_authority": plan.signer_authority.strip().upper(),
        "signer_title": plan.signer_title.strip().upper(),
        "signer_name": plan.signer_name.strip(),
    }


def render_amendment_docx(amendment: PlanAmendment) -> bytes:
    """In the agency's own plan template when it has one, else Danvan's."""
    return render_docx(
        template_bytes(amendment.plan.agency, OutputTemplate.Kind.PLAN), amendment_context(amendment)
    )
