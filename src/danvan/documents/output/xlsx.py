"""A plan's task list as an Excel workbook, with each task's status."""

from __future__ import annotations

from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from danvan.documents.output.context import task_lead

WIDTHS = [6, 64, 30, 30, 24, 14, 18, 10]
COLUMNS = "ABCDEFGH"
THIN = Side(style="thin", color="000000")


def task_status(task) -> str:
    """The status label, or blank for a task model without status yet."""
    label = getattr(task, "get_status_display", None)
    if callable(label):
        return str(label())
    return str(getattr(task, "status", "") or "")


def headers() -> list[str]:
    return [
        _("STT"),
        _("Nội dung"),
        _("Đơn vị chủ trì"),
        _("Đơn vị phối hợp"),
        _("Thời gian thực hiện"),
        _("Hạn hoàn thành"),
        _("Trạng thái"),
        _("Tiến độ (%)"),
    ]


def task_row(number: int, task) -> list:
    supporting = ", ".join(unit.name for unit in task.supporting_units.all())
    return [
        number,
        task.heading,
        task_lead(task),
        supporting,
        task.timing,
        task.due_date,
        task_status(task),
        task.percent,
    ]


def plan_tasks_xlsx(plan) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _("Nhiệm vụ")[:31]
    sheet.append(headers())
    tasks = (
        plan.tasks.select_related("lead_unit").prefetch_related("supporting_units").order_by("order", "pk")
    )
    for number, task in enumerate(tasks, start=1):
        sheet.append(task_row(number, task))
    _style(sheet)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _style(sheet) -> None:
    for column, width in zip(COLUMNS, WIDTHS, strict=True):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows():
        for cell in row:
            cell.font = Font(name="Times New Roman", size=12, bold=cell.row == 1)
            cell.border = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
            if cell.column == 6:
                cell.number_format = "DD/MM/YYYY"
            cell.alignment = Alignment(
                wrap_text=True, vertical="top", horizontal="center" if cell.column in (1, 6, 8) else None
            )
    for cell in sheet[1]:
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    sheet.freeze_panes = "A2"
