"""Exports of the province's one-stop system, made here as a real export
looks: title rows above the header, a header over two rows under merged group
titles, a unit's cell merged down over its procedures, a total line."""

from datetime import date
from io import BytesIO

import pytest
from openpyxl import Workbook

from danvan.onestop import services, sheets
from danvan.onestop.models import LateDossier

TITLE_ROWS = [
    ["UBND TỈNH TÂY NINH"],
    ["BÁO CÁO TÌNH HÌNH GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH"],
    ["Từ ngày 01/01/2026 đến ngày 31/03/2026"],
    [],
]
# (unit, procedure, received, early, on time, late, in progress, withdrawn)
FIGURES = [
    (
        "Chi cục Tiêu chuẩn Đo lường Chất lượng",
        "Cấp giấy chứng nhận đăng ký công bố hợp chuẩn",
        40,
        10,
        20,
        5,
        4,
        1,
    ),
    ("Chi cục Tiêu chuẩn Đo lường Chất lượng", "Thủ tục kiểm tra nhà nước về đo lường", 12, 2, 8, 0, 2, 0),
    ("Văn phòng Sở", "Cấp giấy phép tiến hành công việc bức xạ", 20, 0, 15, 5, 0, 0),
]


def statistics_xlsx(figures=FIGURES, *, sheet="Thống kê", late_header="Quá hạn") -> bytes:
    book = Workbook()
    ws = book.active
    ws.title = sheet
    for row in TITLE_ROWS:
        ws.append(row)
    ws.merge_cells("A1:J1")
    ws.merge_cells("A2:J2")
    ws.append(
        [
            "STT",
            "Đơn vị",
            "Tên thủ tục",
            "Tiếp nhận",
            "Đã giải quyết",
            None,
            None,
            "Đang giải quyết",
            "Rút hồ sơ",
        ]
    )
    ws.append([None, None, None, None, "Trước hạn", "Đúng hạn", late_header, None, None])
    for column in ("A", "B", "C", "D", "H", "I"):
        ws.merge_cells(f"{column}5:{column}6")
    ws.merge_cells("E5:G5")
    first = ws.max_row + 1
    previous = None
    for number, (unit, procedure, *counts) in enumerate(figures, start=1):
        ws.append([number, unit if unit != previous else None, procedure, *counts])
        previous = unit
    # The unit cell merged down over its procedures.
    if len(figures) >= 2 and figures[0][0] == figures[1][0]:
        ws.merge_cells(f"B{first}:B{first + 1}")
    ws.append(
        [None, "Tổng cộng", None, *[sum(r[i] for r in figures if isinstance(r[i], int)) for i in range(2, 8)]]
    )
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def statistics_csv(figures=FIGURES) -> bytes:
    lines = [
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ;;;;;;;;",
        "Thống kê hồ sơ TTHC quý I năm 2026;;;;;;;;",
        ";;;;;;;;",
        "Đơn vị;Thủ tục hành chính;Tiếp nhận;Trước hạn;Đúng hạn;Quá hạn;Đang giải quyết;Rút hồ sơ",
    ]
    lines += [";".join(str(value) for value in row) for row in figures]
    return ("\n".join(lines) + "\n").encode("utf-8-sig")


LATE_ROWS = [
    (
        "000.00.12.H57-260105-0001",
        "Cấp giấy phép tiến hành công việc bức xạ",
        "Văn phòng Sở",
        "Nguyễn Thị Hồ Sơ Một",
        "05/01/2026",
        "20/01/2026",
        "27/01/2026",
        "Do công chức chậm thẩm định",
        "18/01/2026",
        "27/01/2026",
    ),
    (
        "000.00.12.H57-260210-0002",
        "Cấp giấy phép tiến hành công việc bức xạ",
        "Văn phòng Sở",
        "Công ty TNHH Trễ Hẹn",
        "10/02/2026",
        "25/02/2026",
        "03/03/2026",
        "Chờ ý kiến cơ quan phối hợp",
        "",
        "",
    ),
]


def late_xlsx(rows=LATE_ROWS) -> bytes:
    book = Workbook()
    ws = book.active
    ws.title = "Hồ sơ trễ hạn"
    ws.append(["DANH SÁCH HỒ SƠ TRỄ HẠN"])
    ws.append([])
    ws.append(
        [
            "Mã hồ sơ",
            "Tên thủ tục",
            "Đơn vị",
            "Tổ chức, cá nhân",
            "Ngày tiếp nhận",
            "Ngày hẹn trả",
            "Ngày trả kết quả",
            "Nguyên nhân",
            "Ngày gửi phiếu xin lỗi",
            "Ngày hẹn trả mới",
        ]
    )
    for row in rows:
        ws.append(list(row))
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def import_figures(
    agency, by, data=None, *, starts_on=date(2026, 1, 1), ends_on=date(2026, 3, 31), replace=False
):
    table = sheets.read_table(data or statistics_xlsx(), "thong-ke.xlsx", sheets.STATISTICS)
    mapping = sheets.guess_mapping(table, sheets.STATISTICS)
    return services.import_statistics(
        agency=agency,
        starts_on=starts_on,
        ends_on=ends_on,
        table=table,
        mapping=mapping,
        source_name="thong-ke.xlsx",
        replace=replace,
        by=by,
    )


@pytest.fixture
def period(agency, office_officer):
    return import_figures(agency, office_officer)


@pytest.fixture
def late_dossier(agency, office_officer):
    return LateDossier.objects.create(
        agency=agency,
        code="000.00.12.H57-260301-0042",
        procedure="Cấp giấy phép tiến hành công việc bức xạ",
        unit_name="Văn phòng Sở",
        applicant="Trần Văn Nộp Hồ Sơ",
        received_on=date(2026, 3, 1),
        due_date=date(2026, 3, 20),
        reason="Hồ sơ phải lấy ý kiến Cục An toàn bức xạ",
        created_by=office_officer,
    )
