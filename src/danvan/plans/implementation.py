"""Part IV of a plan, "Tổ chức thực hiện", read as what each unit does.

The office writes the part as the genre writes it, one paragraph per unit
("1. Văn phòng Sở: chủ trì, tham mưu …; báo cáo kết quả trước ngày 10/12").
Each paragraph is read here for the unit it names first, the work it gives
that unit, and the dates it sets, so that the parts page can offer to make
the paragraph a task of that unit and each date a dated obligation of the
plan. Nothing is made without the office: a paragraph stays text until
they choose.

A task made from a paragraph belongs to the section IMPLEMENTATION_SECTION:
it is printed as part IV's paragraph, not a second time among the tasks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from django.utils import translation

from danvan.core.models import Unit
from danvan.core.text import search_key
from danvan.documents.output.context import IMPLEMENTATION_PART
from danvan.documents.parsing.deadlines import extract_deadlines
from danvan.plans import recurrence
from danvan.plans.matching import match_unit
from danvan.plans.models import Plan, Task

IMPLEMENTATION_SECTION = IMPLEMENTATION_PART

# "1.", "1)", "a)", "-", "+", "•" before a paragraph.
_NUMBERING = re.compile(r"^\s*(?:\d{1,2}[.)]|[a-zđ][)]|[-+•–])\s*", re.IGNORECASE)
# Where the unit's name ends: a colon, or the first verb of its duty.
_DUTY_VERB = re.compile(
    r"\s(?:chủ trì|phối hợp|tham mưu|thực hiện|có trách nhiệm|căn cứ|theo dõi|tổ chức|bố trí|"
    r"hướng dẫn|đôn đốc|triển khai|xây dựng|báo cáo|tổng hợp)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Duty:
    """One paragraph of part IV."""

    index: int
    text: str
    unit: Unit | None  # the one unit the paragraph names first, if it names one
    work: str  # the paragraph without its numbering and the unit's name
    dates: list[dict] = field(
        default_factory=list
    )  # each {"date", "action", "units", "recipient", "entered"}
    task: Task | None = None  # the task already made from it

    @property
    def dates_to_enter(self) -> list[dict]:
        return [found for found in self.dates if not found["entered"]]


def paragraphs(plan: Plan) -> list[str]:
    return [line.strip() for line in (plan.implementation or "").splitlines() if line.strip()]


def _unit_and_work(text: str, units: list[Unit]) -> tuple[Unit | None, str]:
    body = _NUMBERING.sub("", text, count=1).strip()
    head, colon, rest = body.partition(":")
    if colon and len(head) <= 120:
        unit = match_unit(head, units)
        if unit is not None:
            return unit, rest.strip()
    verb = _DUTY_VERB.search(body)
    if verb and verb.start() <= 120:
        unit = match_unit(body[: verb.start()], units)
        if unit is not None:
            return unit, body[verb.start() :].strip()
    return None, body


def _heading(work: str) -> str:
    work = work.strip(" ;.")
    return work[:1].upper() + work[1:]


def duties(plan: Plan, units: list[Unit]) -> list[Duty]:
    """Part IV's paragraphs, each with its unit, its dates and whether they
    are already a task and dated obligations of the plan."""
    entered_days = set(plan.deadlines.values_list("due_date", flat=True))
    made = {
        search_key(task.heading): task
        for task in plan.tasks.filter(section=IMPLEMENTATION_SECTION).select_related("lead_unit")
    }
    rows = []
    for index, text in enumerate(paragraphs(plan)):
        unit, work = _unit_and_work(text, units)
        found = []
        for deadline in extract_deadlines([text], plan.period_year):
            day = date.fromisoformat(deadline["date"])
            found.append({**deadline, "date": day, "entered": day in entered_days})
        rows.append(
            Duty(
                index=index,
                text=text,
                unit=unit,
                work=work,
                dates=found,
                task=made.get(search_key(_heading(work))),
            )
        )
    return rows


def duty_at(plan: Plan, units: list[Unit], index: int) -> Duty | None:
    rows = duties(plan, units)
    return rows[index] if 0 <= index < len(rows) else None


def timing_words(text: str, year: int | None) -> str:
    """The timing a paragraph states, in the words a plan prints it ("Hằng
    quý", "Trước ngày 10/12/2026"): the task's timing text is the plan's, in
    Vietnamese whatever the language of the page."""
    with translation.override("vi"):
        return recurrence.describe(recurrence.parse_timing(text, year=year))


def task_fields(duty: Duty, unit: Unit, year: int | None) -> dict:
    """The fields of the task a paragraph becomes: its work as the heading
    and the timing its words state, read again when the task is added."""
    return {
        "section": IMPLEMENTATION_SECTION,
        "heading": _heading(duty.work),
        "lead_unit": unit,
        "timing": timing_words(duty.text, year),
    }


def deadline_fields(duty: Duty, found: dict) -> dict:
    """A date the paragraph sets, as a dated obligation of the plan: owned by
    the paragraph's unit, else by the units the sentence names."""
    if duty.unit is not None:
        units = [duty.unit.name]
    else:
        named = _NUMBERING.sub("", duty.text, count=1).partition(":")[0]
        units = [named.strip()] if ":" in duty.text and len(named) <= 120 else list(found["units"] or [])
    return {
        "due_date": found["date"],
        "action": found["action"] or _heading(duty.work),
        "units": units,
        "recipient": found["recipient"] or "",
    }
