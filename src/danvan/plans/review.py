"""Between the extraction and the plan: the review page's initial values,
and the person's confirmed values turned into a ReviewedPlan."""

from __future__ import annotations

from datetime import date

from danvan.core.models import Unit
from danvan.plans.matching import match_unit
from danvan.plans.models import Plan
from danvan.plans.services import ReviewedPlan


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def initial_values(extraction: dict, units: list[Unit]) -> dict:
    """Initial data for the review form and its four row formsets."""
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
                "heading": item.get("heading") or "",
                "lead_text": lead,
                "lead_unit": unit,
                "timing": item.get("timing") or "",
            }
        )
    targets = [
        {"text": t.get("text") or "", "percent": t.get("percent")} for t in extraction.get("targets") or []
    ]
    deadlines = [
        {
            "due_date": _day(d.get("date")),
            "action": d.get("action") or "",
            "units": "; ".join(d.get("units") or []),
            "recipient": d.get("recipient") or "",
        }
        for d in extraction.get("deadlines") or []
    ]
    citations = [
        {
            "doc_type": c.get("type") or "",
            "number": c.get("number") or "",
            "name": c.get("name") or "",
            "date": _day(c.get("date")),
            "issuer": c.get("issuer") or "",
        }
        for c in extraction.get("citations") or []
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
