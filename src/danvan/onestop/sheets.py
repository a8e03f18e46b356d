"""Reading the exports of the province's one-stop system: an Excel workbook
(.xlsx) or a CSV file, with title rows above the header, merged cells and a
header that may span two rows ("Đã giải quyết" over "Trước hạn | Đúng hạn |
Quá hạn"). Reading writes nothing: it returns the table, then the rows and
every error and warning with its sheet, row and reason."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook

from danvan.core.text import search_key

MAX_ROWS = 5000
MAX_COLUMNS = 60
HEADER_SEARCH_ROWS = 25
OLD_EXCEL_SIGNATURE = b"\xd0\xcf\x11\xe0"

STATISTICS, LATE = "statistics", "late"


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    required: bool
    names: tuple[str, ...]  # header words without accents
    kind: str = "count"  # count, text, date


STATISTICS_COLUMNS = (
    Column("procedure", gettext_lazy("Thủ tục hành chính"), True, ("ten thu tuc", "thu tuc", "tthc")),
    Column("unit_name", gettext_lazy("Đơn vị"), False, ("don vi", "co quan", "phong ban"), "text"),
    Column("received", gettext_lazy("Tiếp nhận"), True, ("tiep nhan", "so ho so nhan", "tong so ho so")),
    Column("settled", gettext_lazy("Đã giải quyết (tổng)"), False, ("da giai quyet", "da xu ly")),
    Column("early", gettext_lazy("Trước hạn"), False, ("truoc han",)),
    Column("on_time", gettext_lazy("Đúng hạn"), True, ("dung han", "trong han")),
    Column("late", gettext_lazy("Quá hạn"), True, ("qua han", "tre han", "tre hen")),
    Column("in_progress", gettext_lazy("Đang giải quyết"), False, ("dang giai quyet", "dang xu ly")),
    Column("withdrawn", gettext_lazy("Rút hồ sơ"), False, ("rut ho so", "da rut", "rut")),
)
LATE_COLUMNS = (
    Column("code", gettext_lazy("Mã hồ sơ"), True, ("ma ho so", "so ho so"), "text"),
    Column("procedure", gettext_lazy("Thủ tục hành chính"), True, ("ten thu tuc", "thu tuc", "tthc"), "text"),
    Column("unit_name", gettext_lazy("Đơn vị"), False, ("don vi", "co quan", "phong ban"), "text"),
    Column(
        "applicant",
        gettext_lazy("Tổ chức, cá nhân"),
        True,
        ("nguoi nop", "chu ho so", "to chuc, ca nhan", "ca nhan", "to chuc", "ho va ten", "ho ten"),
        "text",
    ),
    Column("received_on", gettext_lazy("Ngày tiếp nhận"), False, ("ngay tiep nhan", "ngay nhan"), "date"),
    Column(
        "due_date", gettext_lazy("Ngày hẹn trả"), True, ("ngay hen tra", "hen tra", "han giai quyet"), "date"
    ),
    Column("returned_on", gettext_lazy("Ngày trả kết quả"), False, ("ngay tra", "ngay co ket qua"), "date"),
    Column("reason", gettext_lazy("Lý do, nguyên nhân"), False, ("nguyen nhan", "ly do"), "text"),
    Column(
        "apology_sent_on",
        gettext_lazy("Ngày gửi phiếu xin lỗi"),
        False,
        ("phieu xin loi", "xin loi", "ngay xin loi"),
        "date",
    ),
    Column(
        "new_due_date",
        gettext_lazy("Ngày hẹn trả mới"),
        False,
        ("hen lai", "ngay hen moi", "hen tra moi"),
        "date",
    ),
)
COLUMNS = {STATISTICS: STATISTICS_COLUMNS, LATE: LATE_COLUMNS}
COUNTS = ("received", "settled", "early", "on_time", "late", "in_progress", "withdrawn")
TOTAL_WORDS = ("tong cong", "tong so", "tong")


class SheetRefused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class Table:
    """The header and the rows under it, as text and numbers (JSON-ready)."""

    sheet: str
    header: list[str]
    header_row: int  # 1-based number of the (last) header row
    rows: list[list]  # cells as str, int, float or "dd/mm/yyyy" strings
    first_row: int  # 1-based row number of rows[0]

    def as_dict(self) -> dict:
        return {
            "sheet": self.sheet,
            "header": self.header,
            "header_row": self.header_row,
            "rows": self.rows,
            "first_row": self.first_row,
        }

    @classmethod
    def from_dict(cls, data: dict) -> Table:
        return cls(**data)


@dataclass
class Problem:
    sheet: str
    row: int | None
    message: str

    def __str__(self) -> str:
        if self.row is None:
            return _("Trang tính «%(sheet)s»: %(message)s") % {"sheet": self.sheet, "message": self.message}
        return _("Trang tính «%(sheet)s», dòng %(row)s: %(message)s") % {
            "sheet": self.sheet,
            "row": self.row,
            "message": self.message,
        }


@dataclass
class Reading:
    rows: list[dict] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


# --- Files ----------------------------------------------------------------------


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, datetime):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return value
    return " ".join(str(value).split())


def _xlsx_grid(data: bytes) -> tuple[str, list[list]]:
    try:
        book = load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as error:
        raise SheetRefused(_("Tệp Excel bị hỏng hoặc không đúng định dạng .xlsx.")) from error
    sheet = book.worksheets[0]
    grid = []
    for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        if number > MAX_ROWS + HEADER_SEARCH_ROWS:
            raise SheetRefused(_("Bảng có quá nhiều dòng (tối đa %(limit)s).") % {"limit": MAX_ROWS})
        grid.append([_cell(value) for value in row[:MAX_COLUMNS]])
    return sheet.title, grid


def _csv_grid(data: bytes, filename: str) -> tuple[str, list[list]]:
    for encoding in ("utf-8-sig", "cp1258"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise SheetRefused(_("Không đọc được tệp CSV: hãy lưu tệp với bảng mã UTF-8."))
    # The delimiter the header line uses most (the sniffer stumbles on title rows like ";;;;").
    sample = text[:8192].splitlines()
    delimiter = max((";", ",", "\t"), key=lambda sign: max((line.count(sign) for line in sample), default=0))
    grid = []
    for number, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1):
        if number > MAX_ROWS + HEADER_SEARCH_ROWS:
            raise SheetRefused(_("Bảng có quá nhiều dòng (tối đa %(limit)s).") % {"limit": MAX_ROWS})
        grid.append([" ".join(cell.split()) for cell in row[:MAX_COLUMNS]])
    name = filename.rsplit("/", 1)[-1] or "CSV"
    return name, grid


def grid_of(data: bytes, filename: str) -> tuple[str, list[list]]:
    """The first sheet of a workbook or the CSV file, as rows of cells."""
    if data.startswith(OLD_EXCEL_SIGNATURE):
        raise SheetRefused(
            _("Tệp Excel 97–2003 (.xls) chưa đọc được: hãy lưu thành .xlsx hoặc CSV rồi nhập lại.")
        )
    if data.startswith(b"PK\x03\x04"):
        return _xlsx_grid(data)
    if b"\x00" in data[:4096]:
        raise SheetRefused(_("Tệp không phải là bảng tính Excel (.xlsx) hay CSV."))
    return _csv_grid(data, filename)


# --- Header -------------------------------------------------------------------------


def _name_score(header: str, column: Column) -> int:
    """How well a header names a column: the longest of its words found in it."""
    key = search_key(str(header))
    if not key:
        return 0
    best = 0
    for name in column.names:
        if key == name:
            best = max(best, 100 + len(name))
        elif re.search(rf"(^|[^a-z]){re.escape(name)}([^a-z]|$)", key):
            best = max(best, len(name))
    return best


def _matches(cells: list, columns: tuple[Column, ...]) -> int:
    return sum(1 for cell in cells if isinstance(cell, str) and any(_name_score(cell, c) for c in columns))


def read_table(data: bytes, filename: str, kind: str) -> Table:
    """Find the header under the title rows (the first row that names two of
    the kind's columns), join a second header row under merged group titles,
    and keep the rows below it."""
    sheet, grid = grid_of(data, filename)
    columns = COLUMNS[kind]
    index = next(
        (number for number, cells in enumerate(grid[:HEADER_SEARCH_ROWS]) if _matches(cells, columns) >= 2),
        None,
    )
    if index is None:
        raise SheetRefused(
            _(
                "Trang tính «%(sheet)s»: không tìm thấy dòng tiêu đề cột (ví dụ «Tiếp nhận», «Đúng hạn», «Quá hạn»)."
            )
            % {"sheet": sheet}
        )
    header = [str(cell) for cell in grid[index]]
    last = index
    below = grid[index + 1] if index + 1 < len(grid) else []
    if below and _matches(below, columns) and not any(isinstance(cell, int | float) for cell in below):
        # A second header row: the sub-titles under a merged group title.
        width = max(len(header), len(below))
        header += [""] * (width - len(header))
        header = [str(below[i]) if i < len(below) and below[i] != "" else header[i] for i in range(width)]
        last = index + 1
    rows = grid[last + 1 :]
    if len(rows) > MAX_ROWS:
        raise SheetRefused(_("Bảng có quá nhiều dòng (tối đa %(limit)s).") % {"limit": MAX_ROWS})
    return Table(sheet=sheet, header=header, header_row=last + 1, rows=rows, first_row=last + 2)


def guess_mapping(table: Table, kind: str, remembered: dict | None = None) -> dict[str, int | None]:
    """Which column holds each field: the agency's remembered header first,
    else the header that names it best; a column serves one field only."""
    columns = COLUMNS[kind]
    keys = [search_key(name) for name in table.header]
    mapping: dict[str, int | None] = {}
    taken: set[int] = set()
    for column in columns:
        wanted = (remembered or {}).get(column.key)
        if wanted and wanted in keys and keys.index(wanted) not in taken:
            mapping[column.key] = keys.index(wanted)
            taken.add(keys.index(wanted))
    scores = []
    for position, name in enumerate(table.header):
        for order, column in enumerate(columns):
            score = _name_score(name, column)
            if score:
                scores.append((-score, position, order, column.key))
    for _score, position, _order, key in sorted(scores):
        if key in mapping or position in taken:
            continue
        mapping[key] = position
        taken.add(position)
    return {column.key: mapping.get(column.key) for column in columns}


def mapping_to_remember(table: Table, mapping: dict[str, int | None]) -> dict[str, str]:
    return {
        key: search_key(table.header[position])
        for key, position in mapping.items()
        if position is not None and position < len(table.header)
    }


# --- Rows ---------------------------------------------------------------------------

_THOUSANDS = re.compile(r"^\d{1,3}([.,\s]\d{3})+$")
_DAY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


def _count(value) -> int | None:
    """A non-negative whole number, or None when it is not one; blank is 0."""
    if value in ("", None):
        return 0
    if isinstance(value, float):
        return int(value) if value.is_integer() and value >= 0 else None
    if isinstance(value, int):
        return value if value >= 0 else None
    text = str(value).strip()
    if text.isdecimal():
        return int(text)
    if _THOUSANDS.match(text):
        return int(re.sub(r"[.,\s]", "", text))
    return None


def _day(value) -> date | None:
    match = _DAY.match(str(value).strip())
    if not match:
        raise ValueError(value)
    day, month, year = (int(part) for part in match.groups())
    return date(year, month, day)


def _text(row: list, position: int | None) -> str:
    if position is None or position >= len(row):
        return ""
    value = row[position]
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def missing_columns(kind: str, mapping: dict[str, int | None]) -> list[str]:
    return [
        str(column.label) for column in COLUMNS[kind] if column.required and mapping.get(column.key) is None
    ]


def read_rows(table: Table, kind: str, mapping: dict[str, int | None]) -> Reading:
    reading = Reading()
    missing = missing_columns(kind, mapping)
    if missing:
        reading.errors.append(
            Problem(
                table.sheet, None, _("thiếu cột bắt buộc: %(columns)s.") % {"columns": ", ".join(missing)}
            )
        )
        return reading
    if kind == STATISTICS:
        _read_statistics(table, mapping, reading)
    else:
        _read_late(table, mapping, reading)
    if not reading.rows and not reading.errors:
        reading.errors.append(Problem(table.sheet, None, _("không có dòng số liệu nào dưới dòng tiêu đề.")))
    return reading


def _read_statistics(table: Table, mapping: dict[str, int | None], reading: Reading) -> None:
    labels = {column.key: str(column.label) for column in STATISTICS_COLUMNS}
    unit = ""
    seen: dict[tuple[str, str], int] = {}
    for offset, row in enumerate(table.rows):
        number = table.first_row + offset
        procedure = _text(row, mapping["procedure"])
        if mapping.get("unit_name") is not None:
            # A unit's cell merged down over its procedures is read on its first row only.
            unit = _text(row, mapping["unit_name"]) or unit
        cells = {
            key: row[mapping[key]] if mapping.get(key) is not None and mapping[key] < len(row) else ""
            for key in COUNTS
        }
        if all(value == "" for value in cells.values()):
            continue  # a title, a group heading or an empty row
        if search_key(procedure).startswith(TOTAL_WORDS) or (
            not procedure and search_key(unit).startswith(TOTAL_WORDS)
        ):
            continue  # the export's own total line
        if not procedure:
            reading.errors.append(Problem(table.sheet, number, _("thiếu tên thủ tục hành chính.")))
            continue
        counts = {}
        for key, value in cells.items():
            found = _count(value)
            if found is None:
                reading.errors.append(
                    Problem(
                        table.sheet,
                        number,
                        _("cột «%(column)s» có giá trị «%(value)s»: số hồ sơ phải là số nguyên không âm.")
                        % {"column": labels[key], "value": value},
                    )
                )
            counts[key] = found or 0
        settled = counts["early"] + counts["on_time"] + counts["late"]
        if mapping.get("settled") is not None and cells["settled"] != "" and counts["settled"] != settled:
            reading.errors.append(
                Problem(
                    table.sheet,
                    number,
                    _("tổng đã giải quyết là %(total)s nhưng trước hạn + đúng hạn + quá hạn là %(sum)s.")
                    % {"total": counts["settled"], "sum": settled},
                )
            )
        handled = settled + counts["in_progress"] + counts["withdrawn"]
        if counts["received"] != handled:
            # Dossiers carried over from the period before make this differ: a warning only.
            reading.warnings.append(
                Problem(
                    table.sheet,
                    number,
                    _(
                        "tiếp nhận %(received)s hồ sơ nhưng đã giải quyết + đang giải quyết + rút là %(handled)s "
                        "(có thể do hồ sơ kỳ trước chuyển sang)."
                    )
                    % {"received": counts["received"], "handled": handled},
                )
            )
        key = (search_key(procedure), search_key(unit))
        if key in seen:
            reading.errors.append(
                Problem(
                    table.sheet,
                    number,
                    _("thủ tục «%(procedure)s» của đơn vị này đã có ở dòng %(row)s.")
                    % {"procedure": procedure, "row": seen[key]},
                )
            )
            continue
        seen[key] = number
        counts.pop("settled")
        reading.rows.append({"row": number, "procedure": procedure[:500], "unit_name": unit[:255], **counts})


def _read_late(table: Table, mapping: dict[str, int | None], reading: Reading) -> None:
    labels = {column.key: str(column.label) for column in LATE_COLUMNS}
    dates = [column.key for column in LATE_COLUMNS if column.kind == "date"]
    seen: dict[str, int] = {}
    for offset, row in enumerate(table.rows):
        number = table.first_row + offset
        values = {column.key: _text(row, mapping.get(column.key)) for column in LATE_COLUMNS}
        if not any(values.values()):
            continue
        if not values["code"]:
            if search_key(values["procedure"] or values["applicant"]).startswith(TOTAL_WORDS):
                continue
            reading.errors.append(Problem(table.sheet, number, _("thiếu mã hồ sơ.")))
            continue
        line = {"row": number, **{key: value for key, value in values.items() if key not in dates}}
        broken = False
        for key in dates:
            try:
                line[key] = _day(values[key]) if values[key] else None
            except ValueError:
                reading.errors.append(
                    Problem(
                        table.sheet,
                        number,
                        _("cột «%(column)s» có giá trị «%(value)s»: hãy ghi ngày dạng dd/mm/yyyy.")
                        % {"column": labels[key], "value": values[key]},
                    )
                )
                broken = True
        for key in ("applicant", "procedure"):
            if not values[key]:
                reading.errors.append(
                    Problem(table.sheet, number, _("thiếu «%(column)s».") % {"column": labels[key]})
                )
                broken = True
        if values["code"] in seen:
            reading.errors.append(
                Problem(
                    table.sheet,
                    number,
                    _("mã hồ sơ %(code)s đã có ở dòng %(row)s.")
                    % {"code": values["code"], "row": seen[values["code"]]},
                )
            )
            broken = True
        seen[values["code"]] = number
        if broken:
            continue
        if line["due_date"] is None:
            reading.errors.append(Problem(table.sheet, number, _("thiếu ngày hẹn trả.")))
            continue
        reading.rows.append(line)
