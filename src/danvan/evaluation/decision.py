"""The province's decision recognising the year's evaluation results, as a Word file to edit
before signing: "Quyết định về việc công nhận kết quả đánh giá, xếp loại công tác dân vận
chính quyền năm …" in the layout of Nghị định 30/2020/NĐ-CP (heading, QUYẾT ĐỊNH, the
authority, Căn cứ, the articles, signature, Nơi nhận), with an annex listing the agencies
by band, best score first.

Only finalised assessments are listed. When some agencies of the table have no final result
yet, the decision can still be drafted: its annex ends with a note saying how many are pending
and which, for the drafter to settle before signing. Its wording is fixed official Vietnamese
and is not translated, like the plan's and the letters'.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from danvan.core.models import Province
from danvan.core.selectors import provincial_committee
from danvan.documents.output.context import (
    ROMAN,
    date_phrase,
    document_number,
    place_date_line,
    punctuate,
    recipient_lines,
)
from danvan.documents.output.docx import render_decision_docx
from danvan.evaluation.engine.model import show_points


class ResultsTable(Protocol):
    """What the decision reads of the results table (``selectors.ResultsTable``):
    named here so that the decision's wording needs nothing of the selectors,
    which reach it through the services that issue it."""

    province: Province
    year: int
    criteria_sets: list

    @property
    def finalised(self) -> list: ...

    @property
    def pending(self) -> list: ...

    def by_band(self) -> list: ...


SYMBOL = "QĐ-UBND"


def committee_name(table: ResultsTable) -> str:
    """'Ủy ban nhân dân tỉnh Tây Ninh', or the provincial committee's own name when it is an agency."""
    committee = provincial_committee(table.province)
    if committee is not None:
        return committee.name
    return f"Ủy ban nhân dân tỉnh {table.province.name}"


def summary(year: int) -> str:
    return f"Về việc công nhận kết quả đánh giá, xếp loại công tác dân vận chính quyền năm {year}"


def set_citation(criteria_set) -> str:
    """'Căn cứ Quyết định số 2579/QĐ-UBND ngày 21/11/2025 ban hành Bộ tiêu chí …'"""
    if criteria_set.document_number:
        text = f"Căn cứ văn bản số {criteria_set.document_number}"
        if criteria_set.document_date:
            text += f" ngày {criteria_set.document_date:%d/%m/%Y}"
        return f"{text} ban hành {criteria_set.name}"
    return f"Căn cứ {criteria_set.name}"


def band_lines(table: ResultsTable) -> list[str]:
    groups = table.by_band()
    lines = [f"- {name}: {len(rows):02d} cơ quan, đơn vị" for name, rows in groups]
    return punctuate(lines)


def pending_note(table: ResultsTable) -> str:
    pending = table.pending
    if not pending:
        return ""
    names = ", ".join(row.agency.name for row in sorted(pending, key=lambda row: row.agency.sort_key))
    return (
        f"Ghi chú: còn {len(pending)} cơ quan, đơn vị chưa có kết quả đánh giá chính thức, "
        f"chưa có tên trong danh sách: {names}."
    )


def decision_context(table: ResultsTable, *, today: date, signer_name: str = "") -> dict:
    committee = committee_name(table)
    heading = committee.upper()
    finalised = table.finalised
    bands = []
    number = 0
    for numeral, (name, rows) in zip(ROMAN, table.by_band(), strict=False):
        cells = []
        for row in rows:
            number += 1
            cells.append([str(number), row.agency.name, show_points(row.final_total or 0)])
        bands.append(
            {"numeral": numeral, "title": f"{name} ({len(rows):02d} cơ quan, đơn vị)", "rows": cells}
        )
    year = table.year
    return {
        "parent_agency": "",
        "agency_name": heading,
        "number": document_number(""),
        "symbol": SYMBOL,
        "place_date": place_date_line(table.province.name, None, year=today.year),
        "doc_type_title": "QUYẾT ĐỊNH",
        "summary": summary(year),
        "authority": f"CHỦ TỊCH {heading}",
        "citations": punctuate(
            [
                "Căn cứ Luật Tổ chức chính quyền địa phương",
                *[set_citation(criteria_set) for criteria_set in table.criteria_sets],
                "Theo đề nghị của Giám đốc Sở Nội vụ",
            ]
        ),
        "articles": [
            {
                "number": "Điều 1.",
                "text": f"Công nhận kết quả đánh giá, xếp loại công tác dân vận chính quyền năm {year} "
                f"đối với {len(finalised):02d} cơ quan, đơn vị (có danh sách kèm theo), cụ thể:",
                "lines": band_lines(table),
            },
            {"number": "Điều 2.", "text": "Quyết định này có hiệu lực kể từ ngày ký.", "lines": []},
            {
                "number": "Điều 3.",
                "text": "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Thủ trưởng các cơ quan, "
                "đơn vị có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
                "lines": [],
            },
        ],
        "recipients": recipient_lines(["Như Điều 3", "Chủ tịch, các Phó Chủ tịch UBND tỉnh"], ""),
        "signer_authority": "",
        "signer_title": "CHỦ TỊCH",
        "signer_name": signer_name,
        "annex_title": "DANH SÁCH",
        "annex_summary": f"Kết quả đánh giá, xếp loại công tác dân vận chính quyền năm {year}",
        "annex_reference": f"(Kèm theo Quyết định số {document_number('')}/{SYMBOL} "
        f"{date_phrase(None, year=today.year)} của Chủ tịch {committee})",
        "bands": bands,
        "pending_note": pending_note(table),
    }


def decision_docx(table: ResultsTable, *, today: date, signer_name: str = "") -> bytes:
    """The decision; ``signer_name`` printed under the signature when it is being signed."""
    return render_decision_docx(decision_context(table, today=today, signer_name=signer_name))
