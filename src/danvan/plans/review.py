"""Between the extraction and the plan: the review page's initial values,
and the person's confirmed values turned into a ReviewedPlan."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from danvan.core.models import Unit
from danvan.documents.output.context import deadline_line
from danvan.plans.matching import match_unit
from danvan.plans.models import Plan
from danvan.plans.services import ReviewedPlan


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _implementation(text: str, deadlines: list[dict]) -> str:
    """The organisation of implementation without the lines that state one of the plan's deadlines
    in the words Danvan prints it with: those come back as the deadline rows, and print again from them."""
    printed = set()
    for d in deadlines:
        due = _day(d.get("date"))
        if due is not None:
            row = SimpleNamespace(
                due_date=due,
                action=d.get("action") or "",
                units=d.get("units") or [],
                recipient=d.get("recipient"),
            )
            printed.add(deadline_line(row))
    return "\n".join(line for line in text.splitlines() if line.strip() not in printed)


def initial_values(extraction: dict, units: list[Unit]) -> dict:
    """Initial data for the review form and its four row formsets.

    The citations offered are the plan's basis (its "Căn cứ …" lines), not every document its text
    names; the deadlines are the plan's own, not the dates of its tasks' timing lines."""
    period = extraction.get("period") or {}
    signer = extraction.get("signer") or {}
    kind = Plan.Kind.QUARTERLY if period.get("quarter") else Plan.Kind.YEARLY
    plan = {
        "title": extraction.get("title") or "",
        "kind": kind,
        "number": extraction.get("number") or "",
        "symbol": extraction.get("symbol") or "",
        "place": extraction.get("place") or "",
        "issue_date": _day(extraction.get("date")),
        "period_year": period.get("year"),
        "period_quarter": period.get("quarter"),
        "period_half": period.get("half"),
        "recipients": "\n".join(extraction.get("recipients") or []),
        "signer_authority": signer.get("authority") or "",
        "signer_title": signer.get("title") or "",
        "signer_name": signer.get("name") or "",
    }
    tasks = []
    for item in extraction.get("tasks") or []:
        lead = item.get("lead") or ""
        unit = match_unit(lead, units) if lead else None
        tasks.append(
            {
                "section": item.get("section") or "",
                "heading": item.get("heading") or "",
                "lead_text": lead,
                "lead_unit": unit,
                "timing": item.get("timing") or "",
            }
        )
    # A target prints with its final period added: the text is kept without it.
    targets = [
        {"text": (t.get("text") or "").rstrip(" .;"), "percent": t.get("percent")}
        for t in extraction.get("targets") or []
    ]
    own_deadlines = [d for d in extraction.get("deadlines") or [] if d.get("task") is None]
    deadlines = [
        {
            "due_date": _day(d.get("date")),
            "action": d.get("action") or "",
            "units": "; ".join(d.get("units") or []),
            "recipient": d.get("recipient") or "",
        }
        for d in own_deadlines
    ]
    plan["higher_plan"] = extraction.get("higher_plan") or ""
    plan["purposes"] = extraction.get("purposes") or ""
    plan["implementation"] = _implementation(extraction.get("implementation") or "", own_deadlines)
    # An extraction read before the basis was told apart offers every citation, as it did then.
    basis = extraction.get("basis", extraction.get("citations"))
    citations = [
        {
            "doc_type": c.get("type") or "",
            "number": c.get("number") or "",
            "name": c.get("name") or "",
            "date": _day(c.get("date")),
            "issuer": c.get("issuer") or "",
        }
        for c in basis or []
    ]
    return {"plan": plan, "tasks": tasks, "targets": targets, "deadlines": deadlines, "citations": citations}


def kept_rows(formset) -> list[dict]:
    """The rows the person kept: filled in and not marked for deletion."""
    return [
        form.cleaned_data
        for form in formset.forms
        if form.has_changed() and not form.cleaned_data.get("DELETE")
    ]


def reviewed_plan(form, tasks, targets, deadlines, citations) -> ReviewedPlan:
    return ReviewedPlan(
        **form.cleaned_data,
        tasks=kept_rows(tasks),
        targets=kept_rows(targets),
        deadlines=kept_rows(deadlines),
        citations=kept_rows(citations),
    )
