"""The values a plan template is filled with, formatted as Nghị định
30/2020/NĐ-CP, Phụ lục I requires (spec/domain.md section 7).

The text built here is part of an official Vietnamese document whose wording
the decree fixes ("Số:", "ngày … tháng … năm …", "- Lưu: VT"), so it is not
translated: an English interface still prints a Vietnamese plan.
"""

from __future__ import annotations

import re
from datetime import date

from danvan.core.models import Agency, Unit
from danvan.documents.content_items import by_content_item, section_key
from danvan.documents.parsing.deadlines import extract_deadlines

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
# The section of a task made from a paragraph of the part "Tổ chức thực hiện"
# (plans.implementation): printed there as its paragraph, not among the tasks.
IMPLEMENTATION_PART = "Tổ chức thực hiện"
# Blank space an official writes the number or date into after signing.
BLANK_NUMBER = "\u00a0" * 6
BLANK_DAY = "\u00a0" * 5


def two_digits_below_ten(value: int) -> str:
    return f"{value:02d}" if value < 10 else str(value)


def date_phrase(day: date | None, *, year: int | None = None) -> str:
    """'ngày 05 tháng 3 năm 2026': day below 10 and months 1 and 2 take a
    leading zero (Phụ lục I, II.4: "ngày 05 tháng 01 năm 2020", "ngày 29
    tháng 6 năm 2019"). A draft without a date keeps blanks to fill by hand."""
    if day is None:
        shown_year = str(year) if year else BLANK_DAY
        return f"ngày{BLANK_DAY}tháng{BLANK_DAY}năm {shown_year}"
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {two_digits_below_ten(day.day)} tháng {month} năm {day.year}"


def place_date_line(place: str, day: date | None, *, year: int | None = None) -> str:
    return f"{place}, {date_phrase(day, year=year)}" if place else date_phrase(day, year=year)


def document_number(number: str) -> str:
    """'5' is printed '05' (numbers below 10 take a leading zero); a plan not
    yet issued has a blank to fill in."""
    number = number.strip()
    if number.isdecimal():
        return two_digits_below_ten(int(number))
    return number or BLANK_NUMBER


def agency_lines(agency: Agency, day: date | None = None) -> tuple[str, str]:
    """The governing body (tên cơ quan chủ quản) and the issuing agency, upper case,
    by their names on ``day`` (today's without one).
    A Sở belongs to the provincial People's Committee; a People's Committee
    prints its own name alone."""
    name = (agency.name_on(day) if day else agency.name).upper()
    if agency.kind in (Agency.Kind.PROVINCIAL_COMMITTEE, Agency.Kind.COMMUNE_COMMITTEE):
        return "", name
    province = agency.province.name_on(day) if day else agency.province.name
    return f"UBND TỈNH {province.upper()}", name


def citation_line(document) -> str:
    """'Căn cứ Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ …'"""
    if document.number:
        text = f"{document.doc_type} số {document.number}"
        if document.date:
            text += f" ngày {document.date:%d/%m/%Y}"
        if document.issuer:
            text += f" của {document.issuer}"
        if document.title:
            text += (
                f" {document.title}" if document.title.lower().startswith("về ") else f" về {document.title}"
            )
    else:
        text = document.name or document.doc_type
    return f"Căn cứ {text.strip().rstrip(';.')}"


def punctuate(lines: list[str]) -> list[str]:
    """Each line of a list ends ';', the last one '.' (Căn cứ, Nơi nhận)."""
    clean = [line.strip().rstrip(";.,") for line in lines if line.strip()]
    return [line + ("." if index == len(clean) - 1 else ";") for index, line in enumerate(clean)]


def recipient_lines(recipients: list[str], office_code: str) -> list[str]:
    """'- Sở Nội vụ;' … ending '- Lưu: VT, <drafting unit>.' (Phụ lục I, II.9)."""
    names = [str(name).strip().lstrip("-–• ").strip() for name in recipients]
    names = [name for name in names if name]
    if not any(name.lower().startswith("lưu") for name in names):
        names.append(f"Lưu: VT, {office_code}" if office_code else "Lưu: VT")
    filed = [name for name in names if name.lower().startswith("lưu")]
    names = [name for name in names if not name.lower().startswith("lưu")] + filed
    return [f"- {line}" for line in punctuate(names)]


def task_lead(task) -> str:
    if task.lead_unit_id:
        return task.lead_unit.name
    return task.lead_text


def task_timing(task) -> str:
    """The plan's own words for the task's timing; when blank, the words of
    its chosen kind ("Hằng quý", "Trước ngày 20 hằng tháng") or its date."""
    if task.timing:
        return task.timing
    if task.due_date:
        return f"Trước ngày {task.due_date:%d/%m/%Y}"
    return (task.timing_label() if hasattr(task, "timing_label") else "") or "…"


def introduction(plan) -> str:
    """'Thực hiện Kế hoạch số 1026/KH-UBND …, Sở … ban hành Kế hoạch như sau:'"""
    higher = plan.higher_plan.strip().rstrip(".;,")
    day = plan.names_day()
    if not higher and plan.unit_id and plan.implements_id:
        higher = f"Kế hoạch số {plan.implements.reference} của {plan.agency.name_on(day)}"
    lead = f"Thực hiện {higher}, " if higher else ""
    issuer = plan.unit.name_on(day) if plan.unit_id else plan.agency.name_on(day)
    return f"{lead}{issuer} ban hành Kế hoạch như sau:"


# The ordinal a content item's heading was typed with ("1.", "2)", "a)"): the
# tasks carry the numbers, so the heading prints as a title of its own.
_ORDINAL = re.compile(r"^\s*(?:\d+(?:\.\d+)*|[a-zđ])[.)]\s+", re.IGNORECASE)


def group_title(section: str) -> str:
    return _ORDINAL.sub("", section.strip()).strip()


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def plan_sections(plan, tasks, targets, deadlines) -> list[dict]:
    """The numbered parts of the body in the genre's order (purposes and
    requirements, targets, tasks, organisation of implementation), numbered
    only over the parts present. The tasks print under their content items,
    each heading once (the tasks of an item added later join it); the first
    task of an item carries the item's heading (``group``) so it prints
    before it. A task made from a paragraph of the organisation of
    implementation is that paragraph, and a dated obligation that a
    paragraph states is its sentence."""
    parts = []
    purposes = _paragraphs(plan.purposes)
    if purposes:
        parts.append({"title": "MỤC ĐÍCH, YÊU CẦU", "lines": purposes, "tasks": []})
    if targets:
        lines = [f"- {target.text.strip().rstrip('.;')}." for target in targets]
        parts.append({"title": "MỤC TIÊU, CHỈ TIÊU", "lines": lines, "tasks": []})
    tasks = [task for task in tasks if section_key(task.section) != section_key(IMPLEMENTATION_PART)]
    if tasks:
        rows = []
        for section, grouped in by_content_item(tasks, lambda task: task.section):
            for task in grouped:
                rows.append(
                    {
                        "number": len(rows) + 1,
                        "group": group_title(section) if section and task is grouped[0] else "",
                        "heading": task.heading.strip(),
                        "lead": task_lead(task) or "…",
                        "supporting": ", ".join(unit.name for unit in task.supporting_units.all()),
                        "timing": task_timing(task),
                    }
                )
        parts.append({"title": "NHIỆM VỤ, GIẢI PHÁP", "lines": [], "tasks": rows})
    written = _paragraphs(plan.implementation)
    # A date the part's own text states is printed once, in its sentence.
    stated = {found["date"] for found in extract_deadlines(written, plan.period_year)}
    implementation = written + [deadline_line(d) for d in deadlines if d.due_date.isoformat() not in stated]
    if implementation:
        parts.append({"title": "TỔ CHỨC THỰC HIỆN", "lines": implementation, "tasks": []})
    for numeral, part in zip(ROMAN, parts, strict=False):
        part["numeral"] = numeral
    return parts


def deadline_line(deadline) -> str:
    """In the genre's own words: "- Chi cục …, Trung tâm … báo cáo kết quả
    … về Văn phòng Sở trước ngày 20/10/2026." """
    units = ", ".join(str(unit).strip() for unit in deadline.units if str(unit).strip())
    action = deadline.action.strip().rstrip(".;")
    text = f"- {units} {action}" if units else f"- {action[:1].upper()}{action[1:]}"
    if deadline.recipient:
        text += f" về {deadline.recipient.strip()}"
    return f"{text} trước ngày {deadline.due_date:%d/%m/%Y}."


def office_code(plan) -> str:
    office = plan.agency.units.filter(kind=Unit.Kind.OFFICE, is_active=True).order_by("pk").first()
    return office.code if office else ""


def plan_context(plan) -> dict:
    """Every value ke_hoach.docx uses, as plain strings and lists."""
    # The names of the plan's time: a 2024 plan prints under its 2024 names.
    day = plan.names_day()
    parent, name = agency_lines(plan.agency, day)
    if plan.unit_id:
        # A unit's plan: the agency governs, the unit issues (NĐ 30/2020, Phụ lục I).
        parent, name = plan.agency.name_on(day).upper(), plan.unit.name_on(day).upper()
    tasks = list(
        plan.tasks.select_related("lead_unit").prefetch_related("supporting_units").order_by("order", "pk")
    )
    citations = [citation_line(cited.document) for cited in plan.plancitation_set.select_related("document")]
    year = plan.issue_date.year if plan.issue_date else plan.period_year
    return {
        "parent_agency": parent,
        "agency_name": name,
        "number": document_number(plan.number),
        "symbol": plan.symbol or f"KH-{plan.agency.symbol_code}",
        "place_date": place_date_line(
            plan.place or plan.agency.province.name_on(day), plan.issue_date, year=year
        ),
        "doc_type_title": "KẾ HOẠCH",
        "summary": plan.title.strip(),
        "citations": punctuate(citations),
        "introduction": introduction(plan),
        "sections": plan_sections(plan, tasks, list(plan.targets.all()), list(plan.deadlines.all())),
        "closing": "",
        "recipients": recipient_lines(list(plan.recipients or []), office_code(plan)),
        "signer_authority": plan.signer_authority.strip().upper(),
        "signer_title": plan.signer_title.strip().upper(),
        "signer_name": plan.signer_name.strip(),
    }


def sample_context() -> dict:
    """A complete context without the database, to try an uploaded template."""
    return {
        "parent_agency": "UBND TỈNH TÂY NINH",
        "agency_name": "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
        "number": "12",
        "symbol": "KH-SKHCN",
        "place_date": place_date_line("Tây Ninh", date(2026, 3, 5)),
        "doc_type_title": "KẾ HOẠCH",
        "summary": "Thực hiện công tác dân vận chính quyền năm 2026",
        "citations": ["Căn cứ Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ."],
        "introduction": "Sở Khoa học và Công nghệ ban hành Kế hoạch như sau:",
        "sections": [
            {
                "numeral": "I",
                "title": "NHIỆM VỤ, GIẢI PHÁP",
                "lines": [],
                "tasks": [
                    {
                        "number": 1,
                        "heading": "Tuyên truyền công tác dân vận",
                        "lead": "Văn phòng Sở",
                        "supporting": "",
                        "timing": "Thường xuyên",
                    }
                ],
            }
        ],
        "closing": "",
        "recipients": ["- Sở Nội vụ;", "- Lưu: VT, VP."],
        "signer_authority": "KT. GIÁM ĐỐC",
        "signer_title": "PHÓ GIÁM ĐỐC",
        "signer_name": "Nguyễn Văn An",
    }
