from datetime import date
from io import BytesIO
from types import SimpleNamespace

from openpyxl import load_workbook

from danvan.documents.output.xlsx import plan_tasks_xlsx, task_status
from danvan.plans.models import Task


def open_sheet(plan):
    return load_workbook(BytesIO(plan_tasks_xlsx(plan))).active


def test_workbook_holds_one_row_per_task_under_the_header(plan):
    rows = list(open_sheet(plan).iter_rows(values_only=True))
    assert rows[0] == (
        "STT",
        "Nội dung",
        "Đơn vị chủ trì",
        "Đơn vị phối hợp",
        "Thời gian thực hiện",
        "Hạn hoàn thành",
        "Trạng thái",
        "Tiến độ (%)",
    )
    assert rows[1][:5] == (1, "Tuyên truyền công tác dân vận", "Văn phòng Sở", None, "Thường xuyên")
    assert rows[2][:5] == (2, "Tiếp công dân định kỳ", "Thanh tra Sở", None, "Hằng tháng")


def test_header_is_bold_frozen_and_columns_are_wide(plan):
    sheet = open_sheet(plan)
    assert sheet.freeze_panes == "A2" and all(cell.font.bold for cell in sheet[1])
    assert sheet.column_dimensions["B"].width >= 60


def test_task_columns_hold_supporting_units_due_date_status_and_percent(plan, sibling_unit):
    task = plan.tasks.get(order=2)
    task.supporting_units.add(sibling_unit)
    Task.objects.filter(pk=task.pk).update(
        due_date=date(2026, 6, 30), status=Task.Status.IN_PROGRESS, percent=40
    )
    row = [cell.value for cell in open_sheet(plan)[3]]
    assert row[3] == "Trung tâm Khoa học và Công nghệ" and row[5].date() == date(2026, 6, 30)
    assert row[6:] == ["Đang thực hiện", 40]


def test_status_reads_the_label_of_a_task_with_status():
    task = SimpleNamespace(status="done", get_status_display=lambda: "Đã hoàn thành")
    assert task_status(task) == "Đã hoàn thành"


def test_status_is_blank_for_a_task_without_status():
    # Task status is being added beside this export: until then the column is empty.
    assert task_status(SimpleNamespace()) == ""
