"""A survey's results as an Excel workbook: the summary, each question's
counts, the rate per unit and per month, and every response (no column
names a respondent; the contacts a citizen chose to leave are added for the
office alone)."""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from danvan.surveys import selectors
from danvan.surveys.models import Question, Survey

BOLD = Font(bold=True)


def _percent(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _header(sheet: Worksheet, names: list[str]) -> None:
    sheet.append(names)
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD


def _widths(sheet: Worksheet, widths: list[int]) -> None:
    for position, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(position)].width = width


def _value(question: Question, answer) -> str | int | None:
    if answer is None:
        return None
    if question.kind == Question.Kind.SCALE:
        return answer.scale
    if question.kind == Question.Kind.TEXT:
        return answer.text
    return "; ".join(question.choices[p] for p in answer.choices if 0 <= p < len(question.choices))


def results_workbook(context: dict) -> bytes:
    """``context`` is ``selectors.survey_results``."""
    survey: Survey = context["survey"]
    book = Workbook()
    summary = book.active
    summary.title = _("Tổng hợp")
    summary.append([survey.title])
    summary["A1"].font = Font(bold=True, size=13)
    for label, value in (
        (_("Cơ quan"), survey.agency.name),
        (_("Đơn vị được khảo sát"), survey.unit.name if survey.unit else ""),
        (_("Thủ tục hành chính"), " – ".join(p for p in (survey.procedure_code, survey.procedure) if p)),
        (_("Số phiếu trả lời"), context["response_count"]),
        (_("Số lượt đánh giá theo thang 1–5"), context["overall"].scored),
        (_("Số lượt đánh giá mức 4–5"), context["overall"].satisfied),
        (_("Tỷ lệ hài lòng (%)"), _percent(context["overall"].percent)),
    ):
        summary.append([label, value])
    _widths(summary, [36, 60])

    questions = book.create_sheet(_("Theo câu hỏi"))
    _header(questions, [_("STT"), _("Câu hỏi"), _("Lựa chọn"), _("Số lượt"), _("Tỷ lệ (%)")])
    for number, result in enumerate(context["results"], start=1):
        question = result.question
        if question.kind == Question.Kind.TEXT:
            questions.append([number, question.text, _("(trả lời ngắn)"), result.answered, None])
            continue
        for label, count, share in result.rows:
            questions.append([number, question.text, label, count, _percent(share)])
        if result.satisfaction is not None:
            questions.append(
                [
                    number,
                    question.text,
                    _("Tỷ lệ hài lòng (mức 4–5)"),
                    result.satisfaction.satisfied,
                    _percent(result.satisfaction.percent),
                ]
            )
    _widths(questions, [6, 60, 30, 10, 10])

    groupings = (
        (_("Theo đơn vị"), _("Đơn vị"), context["by_unit"]),
        (_("Theo tháng"), _("Tháng"), context["by_month"]),
    )
    for title, first, groups in groupings:
        sheet = book.create_sheet(title)
        _header(
            sheet, [first, _("Số phiếu"), _("Lượt đánh giá 1–5"), _("Lượt mức 4–5"), _("Tỷ lệ hài lòng (%)")]
        )
        for group in groups:
            sheet.append(
                [
                    group.label,
                    group.responses,
                    group.satisfaction.scored,
                    group.satisfaction.satisfied,
                    _percent(group.satisfaction.percent),
                ]
            )
        _widths(sheet, [40, 10, 18, 14, 18])

    answers = book.create_sheet(_("Phiếu trả lời"))
    question_list = [result.question for result in context["results"]]
    with_contact = bool(context["contacts"])
    names = [_("STT"), _("Ngày gửi"), _("Đơn vị")] + [q.text for q in question_list]
    _header(answers, names + ([_("Cách liên hệ")] if with_contact else []))
    for number, (response, by_question) in enumerate(selectors.response_rows(survey, question_list), start=1):
        row = [
            number,
            response.submitted_on.strftime("%d/%m/%Y"),
            response.unit.name if response.unit else "",
        ]
        row += [_value(question, by_question.get(question.pk)) for question in question_list]
        answers.append(row + ([response.contact] if with_contact else []))
    _widths(answers, [6, 12, 30] + [24] * len(question_list))

    out = BytesIO()
    book.save(out)
    return out.getvalue()
