"""A criteria set and its classification rules as an Excel workbook, in the shape of an annex.

Sheets: "Bộ tiêu chí" (the set's name and options), "Tiêu chí" (one row per
group, criterion and sub-criterion), "Xếp loại" (the bands) and "Sự kiện"
(events that force or cap a band). Row 1 holds the headings, row 2 short
instructions, the data starts on row 3. Reading checks the whole workbook
and raises InvalidCriteriaSet with every problem, each naming its sheet and
row: nothing is returned unless all of it holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from io import BytesIO
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from danvan.evaluation.engine.errors import InvalidCriteriaSet, Issue
from danvan.evaluation.engine.model import (
    AllOrNothing,
    Band,
    CapBand,
    Condition,
    CriteriaSet,
    Deduction,
    ForceBand,
    Kind,
    Method,
    MinimumShare,
    Node,
    NoLeafAtZero,
    NoNodeAtZero,
    PerItem,
    Quota,
    RatioBand,
    RatioBands,
    RatioLinear,
    Rules,
    Steps,
    WhenNotApplicable,
    show_points,
)
from danvan.evaluation.engine.validation import Row, build_criteria_set, check_rules

SET_SHEET = "Bộ tiêu chí"
CRITERIA_SHEET = "Tiêu chí"
BANDS_SHEET = "Xếp loại"
EVENTS_SHEET = "Sự kiện"

# The scoring methods as the sheet names them.
ALL_OR_NOTHING = "đạt/không đạt"
STEPS = "theo mức"
RATIO_BANDS = "theo khoảng tỷ lệ"
RATIO_LINEAR = "tỷ lệ tuyến tính"
DEDUCTION = "trừ điểm theo lần"
PER_ITEM = "theo từng lần"
METHODS = (ALL_OR_NOTHING, STEPS, RATIO_BANDS, RATIO_LINEAR, DEDUCTION, PER_ITEM)

KINDS = {"tiêu chí chính": Kind.BASE, "điểm thưởng": Kind.BONUS, "điểm trừ": Kind.PENALTY}
NOT_APPLICABLE = {
    "không cho phép": WhenNotApplicable.REFUSED,
    "tính đủ điểm": WhenNotApplicable.FULL_POINTS,
    "không tính": WhenNotApplicable.EXCLUDED,
}
YES, NO = "có", "không"
FORCE, CAP = "buộc xếp", "tối đa xếp"
NO_NOTE = "không bắt buộc ghi lý do"
NO_FLOOR = "có thể dưới 0"


@dataclass(frozen=True)
class Column:
    heading: str
    instruction: str
    width: int


CRITERIA_COLUMNS = (
    Column("Mã tiêu chí (STT)", "Ghi đúng như văn bản: I, 1, 1.1, a", 12),
    Column("Mã tiêu chí cha", "Để trống ở dòng nhóm; ghi mã cha (II/1 nếu mã lặp lại)", 16),
    Column("Nội dung tiêu chí", "Tên tiêu chí như trong phụ lục", 60),
    Column("Điểm tối đa", "Số điểm, ví dụ 10 hoặc 0,5", 11),
    Column("Cách chấm", "Chỉ ghi ở tiêu chí không có tiêu chí con; chọn trong danh sách", 20),
    Column(
        "Tham số cách chấm",
        "Theo mức: 0; 2; 4; 6 — theo khoảng tỷ lệ: từ 95%: 15; từ 80%: 10 — tỷ lệ tuyến tính: "
        "từ 50% đến 100% — trừ điểm theo lần: 5 hoặc 25% — theo từng lần: 1",
        36,
    ),
    Column("Minh chứng yêu cầu", "Tài liệu đơn vị phải nộp kèm", 30),
    Column("Ghi chú", "", 24),
    Column("Loại nhóm", "Chỉ ghi ở dòng nhóm: tiêu chí chính, điểm thưởng, điểm trừ", 16),
    Column("Khi không áp dụng", "Không cho phép, tính đủ điểm hoặc không tính", 18),
    Column(
        "Không vượt điểm tối đa", "Có: tổng các tiêu chí con được vượt, nhưng chỉ tính đến điểm tối đa", 16
    ),
    Column(
        "Mã số liệu từ hệ thống",
        "Không bắt buộc; chỉ ở tiêu chí không có tiêu chí con: mã số liệu hệ thống tự tính, đề xuất làm điểm",
        24,
    ),
)
BANDS_COLUMNS = (
    Column("Mức xếp loại", "Từ mức cao nhất xuống", 26),
    Column("Từ điểm", "Tính cả ngưỡng: từ 95 điểm trở lên", 10),
    Column(
        "Điều kiện",
        "Ví dụ: không có tiêu chí nào bị 0 điểm; mọi tiêu chí cấp 2 đạt từ 50% số điểm tối đa",
        50,
    ),
    Column("Chỉ đủ điều kiện để Hội đồng xét", "Có hoặc để trống", 16),
    Column("Chỉ tiêu (%)", "Số đơn vị ở mức này không quá bao nhiêu %", 12),
    Column("Tính theo số đơn vị mức", "Mức dùng để tính chỉ tiêu", 24),
)
EVENTS_COLUMNS = (
    Column("Mã sự kiện", "Mã ngắn, không trùng", 20),
    Column("Tên sự kiện", "Như trong quy định", 50),
    Column("Tác động", "Buộc xếp hoặc tối đa xếp", 14),
    Column("Mức", "Tên mức như ở trang Xếp loại", 26),
)
SET_LABELS = (
    ("Tên bộ tiêu chí", "name"),
    ("Tổng điểm tiêu chí chính", "declared_max"),
    ("Tổng điểm không dưới 0", "floor"),
    ("Quy đổi về thang điểm chuẩn khi có tiêu chí không tính", "rescale"),
    ("Mức thấp nhất được đề nghị khen thưởng", "commendation"),
)

NOT_XLSX = "Tệp không phải là bảng tính Excel (.xlsx) hoặc bị hỏng; hãy dùng tệp theo mẫu."
HEADING_FILL = PatternFill("solid", fgColor="DDEBF7")


# --- Writing --------------------------------------------------------------------


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _text(value: Decimal) -> str:
    return show_points(value)


def _table(book: Workbook, title: str, columns: tuple[Column, ...]) -> Worksheet:
    sheet = book.create_sheet(title)
    for index, column in enumerate(columns, start=1):
        heading = sheet.cell(row=1, column=index, value=column.heading)
        heading.font = Font(bold=True)
        heading.fill = HEADING_FILL
        heading.alignment = Alignment(wrap_text=True, vertical="center")
        hint = sheet.cell(row=2, column=index, value=column.instruction or None)
        hint.font = Font(italic=True, color="595959")
        hint.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[hint.column_letter].width = column.width
    sheet.freeze_panes = "A3"
    return sheet


def _choices(sheet: Worksheet, column: str, values: tuple[str, ...] | list[str]) -> None:
    validation = DataValidation(
        type="list",
        formula1='"' + ",".join(values) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Giá trị không hợp lệ",
        error="Chọn một giá trị trong danh sách.",
    )
    sheet.add_data_validation(validation)
    validation.add(f"{column}3:{column}1000")


def method_parameters(method: Method) -> tuple[str, str]:
    """The method's name and its parameters as the sheet writes them."""
    if isinstance(method, AllOrNothing):
        return ALL_OR_NOTHING, ""
    if isinstance(method, Steps):
        steps = "; ".join(_text(step) for step in method.steps)
        return STEPS, steps if method.note_required else f"{steps}; {NO_NOTE}"
    if isinstance(method, RatioBands):
        return RATIO_BANDS, "; ".join(
            f"từ {_text(band.from_percent)}%: {_text(band.points)}" for band in method.bands
        )
    if isinstance(method, RatioLinear):
        return RATIO_LINEAR, f"từ {_text(method.zero_at)}% đến {_text(method.full_at)}%"
    if isinstance(method, Deduction):
        text = _text(method.amount) + ("%" if method.as_percent else "")
        return DEDUCTION, text if method.floor_at_zero else f"{text}; {NO_FLOOR}"
    return PER_ITEM, _text(method.points)


def _condition_text(condition: Condition) -> str:
    if isinstance(condition, NoLeafAtZero):
        return "không có tiêu chí nào bị 0 điểm"
    if isinstance(condition, NoNodeAtZero):
        return f"không có tiêu chí cấp {condition.depth} nào bị 0 điểm"
    return f"mọi tiêu chí cấp {condition.depth} đạt từ {_text(condition.percent)}% số điểm tối đa"


def _workbook(criteria: CriteriaSet | None, rules: Rules | None) -> bytes:
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    info = book.create_sheet(SET_SHEET)
    info.column_dimensions["A"].width = 52
    info.column_dimensions["B"].width = 50
    values: dict[str, Any] = {"floor": YES, "rescale": NO}
    if criteria is not None:
        values.update(
            name=criteria.name,
            declared_max=_number(criteria.base_max),
            floor=YES if criteria.floor_total_at_zero else NO,
            rescale=YES if criteria.rescale_when_excluded else NO,
        )
    if rules is not None and rules.commendation_from is not None:
        values["commendation"] = rules.commendation_from
    for index, (label, key) in enumerate(SET_LABELS, start=1):
        info.cell(row=index, column=1, value=label).font = Font(bold=True)
        info.cell(row=index, column=2, value=values.get(key))
    yes_no = DataValidation(type="list", formula1=f'"{YES},{NO}"', allow_blank=True)
    info.add_data_validation(yes_no)
    yes_no.add("B3:B4")

    table = _table(book, CRITERIA_SHEET, CRITERIA_COLUMNS)
    table.row_dimensions[2].height = 60
    _choices(table, "E", METHODS)
    _choices(table, "I", tuple(KINDS))
    _choices(table, "J", tuple(NOT_APPLICABLE))
    _choices(table, "K", (YES, NO))
    if criteria is not None:
        line = 3
        for node in criteria.nodes():
            parent = node.key.rsplit("/", 1)[0] if "/" in node.key else ""
            name, parameters = method_parameters(node.method) if node.method is not None else ("", "")
            kind = (
                next(label for label, kind in KINDS.items() if kind is node.kind) if node.depth == 1 else ""
            )
            not_applicable = next(
                label for label, when in NOT_APPLICABLE.items() if when is node.when_not_applicable
            )
            cells = (
                node.code,
                parent,
                node.name,
                _number(node.max_points),
                name,
                parameters,
                node.evidence,
                node.note,
                kind if node.kind is not Kind.BASE else "",
                not_applicable if node.when_not_applicable is not WhenNotApplicable.REFUSED else "",
                YES if node.cap_at_max else "",
                node.indicator,
            )
            for column, value in enumerate(cells, start=1):
                cell = table.cell(row=line, column=column, value=value if value != "" else None)
                if column in (1, 2, 6, 12):
                    cell.number_format = "@"
            if node.depth == 1:
                for column in range(1, 5):
                    table.cell(row=line, column=column).font = Font(bold=True)
            table.cell(row=line, column=3).alignment = Alignment(wrap_text=True, vertical="top")
            line += 1

    bands = _table(book, BANDS_SHEET, BANDS_COLUMNS)
    _choices(bands, "D", (YES, NO))
    events = _table(book, EVENTS_SHEET, EVENTS_COLUMNS)
    _choices(events, "C", (FORCE, CAP))
    if rules is not None:
        quotas = {quota.band: quota for quota in rules.quotas}
        for line, band in enumerate(rules.bands, start=3):
            quota = quotas.get(band.name)
            cells_: tuple[Any, ...] = (
                band.name,
                _number(band.lower),
                "; ".join(_condition_text(condition) for condition in band.conditions),
                YES if band.council_vote else "",
                _number(quota.percent) if quota else "",
                quota.relative_to if quota else "",
            )
            for column, value in enumerate(cells_, start=1):
                bands.cell(row=line, column=column, value=value if value != "" else None)
        effects = [(force.event, FORCE, force.band) for force in rules.forces]
        effects += [(cap.event, CAP, cap.band) for cap in rules.caps]
        effects += [(code, "", "") for code in rules.events if code not in {e[0] for e in effects}]
        for line, (code, effect, band_name) in enumerate(effects, start=3):
            for column, value in enumerate((code, rules.events.get(code, ""), effect, band_name), start=1):
                events.cell(row=line, column=column, value=value or None)
    output = BytesIO()
    book.save(output)
    return output.getvalue()


def criteria_template() -> bytes:
    """An empty workbook to fill in, with the headings, instructions and choice lists."""
    return _workbook(None, None)


def write_criteria_sheet(criteria: CriteriaSet, rules: Rules) -> bytes:
    """The set and its rules as a workbook that `read_criteria_sheet` reads back unchanged."""
    return _workbook(criteria, rules)


# --- Reading --------------------------------------------------------------------


class _Problems:
    def __init__(self) -> None:
        self.issues: list[Issue] = []
        self.unreadable_methods: set[int] = set()  # rows whose method was refused already

    def add(self, sheet: str, row: int | None, message: str, code: str = "") -> None:
        self.issues.append(Issue(message, code, row, sheet))


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")


def _decimal(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


def _cell_number(value: Any) -> Decimal | None:
    """The number in a cell, None when empty; ValueError when it is not one."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    text = str(value).strip()
    if not NUMBER.fullmatch(text):
        raise ValueError
    try:
        return _decimal(text)
    except InvalidOperation as error:  # pragma: no cover - the pattern admits only numbers
        raise ValueError from error


def parse_method(name: str, parameters: str) -> Method:
    """The method named in the sheet; ValueError with the reason in Vietnamese."""
    parts = [part.strip() for part in parameters.split(";") if part.strip()]
    key = name.strip().lower()
    if key == ALL_OR_NOTHING:
        if parts:
            raise ValueError(f"cách chấm “{ALL_OR_NOTHING}” không có tham số")
        return AllOrNothing()
    if key == STEPS:
        note_required = NO_NOTE not in [part.lower() for part in parts]
        values = [part for part in parts if part.lower() != NO_NOTE]
        if not values or not all(NUMBER.fullmatch(value) for value in values):
            raise ValueError(
                "tham số “theo mức” là các mức điểm cách nhau bởi dấu chấm phẩy, ví dụ 0; 2; 4; 6"
            )
        return Steps(tuple(_decimal(value) for value in values), note_required)
    if key == RATIO_BANDS:
        bands = []
        for part in parts:
            found = re.fullmatch(r"(?:từ\s*)?(-?\d+(?:[.,]\d+)?)\s*%?\s*:\s*(-?\d+(?:[.,]\d+)?)", part, re.I)
            if found is None:
                raise ValueError(
                    "tham số “theo khoảng tỷ lệ” là các khoảng cách nhau bởi dấu chấm phẩy, ví dụ từ 95%: 15; từ 80%: 10"
                )
            bands.append(RatioBand(_decimal(found[1]), _decimal(found[2])))
        return RatioBands(tuple(bands))
    if key == RATIO_LINEAR:
        numbers = NUMBER.findall(parameters)
        if len(numbers) != 2:
            raise ValueError("tham số “tỷ lệ tuyến tính” là hai tỷ lệ, ví dụ từ 50% đến 100%")
        return RatioLinear(_decimal(numbers[0]), _decimal(numbers[1]))
    if key == DEDUCTION:
        floor = NO_FLOOR not in [part.lower() for part in parts]
        values = [part for part in parts if part.lower() != NO_FLOOR]
        found = re.fullmatch(r"(-?\d+(?:[.,]\d+)?)\s*(%?)", values[0]) if len(values) == 1 else None
        if found is None:
            raise ValueError(
                "tham số “trừ điểm theo lần” là số điểm trừ mỗi lần (ví dụ 5) hoặc % điểm của tiêu chí (ví dụ 25%)"
            )
        return Deduction(_decimal(found[1]), as_percent=bool(found[2]), floor_at_zero=floor)
    if key == PER_ITEM:
        if len(parts) != 1 or not NUMBER.fullmatch(parts[0]):
            raise ValueError("tham số “theo từng lần” là số điểm mỗi lần, ví dụ 1 hoặc 0,5")
        return PerItem(_decimal(parts[0]))
    raise ValueError(f"cách chấm “{name}” không có trong danh sách ({', '.join(METHODS)})")


def _condition(text: str) -> Condition:
    lowered = " ".join(text.lower().split())
    if lowered == "không có tiêu chí nào bị 0 điểm":
        return NoLeafAtZero()
    found = re.fullmatch(r"không có tiêu chí cấp (\d+) nào bị 0 điểm", lowered)
    if found:
        return NoNodeAtZero(int(found[1]))
    found = re.fullmatch(r"mọi tiêu chí cấp (\d+) đạt từ (\d+(?:[.,]\d+)?)\s*% số điểm tối đa", lowered)
    if found:
        return MinimumShare(_decimal(found[2]), int(found[1]))
    raise ValueError(
        f"điều kiện “{text}” không đọc được; ghi “không có tiêu chí nào bị 0 điểm”, "
        "“không có tiêu chí cấp 2 nào bị 0 điểm” hoặc “mọi tiêu chí cấp 2 đạt từ 50% số điểm tối đa”"
    )


def _data_rows(sheet: Worksheet, width: int, columns: tuple[Column, ...]) -> list[tuple[int, list[Any]]]:
    rows = []
    for number, values in enumerate(sheet.iter_rows(min_row=2, max_col=width, values_only=True), start=2):
        cells = list(values) + [None] * (width - len(values))
        if number == 2 and _cell_text(cells[0]) == columns[0].instruction:
            continue
        if all(_cell_text(cell) == "" for cell in cells):
            continue
        rows.append((number, cells))
    return rows


def _choice(text: str, choices: dict[str, Any], default: Any, what: str) -> Any:
    if not text:
        return default
    for label, value in choices.items():
        if label == text.lower():
            return value
    raise ValueError(f"{what} “{text}” không hợp lệ; chọn {', '.join(choices)}")


def _read_criteria(sheet: Worksheet, problems: _Problems) -> list[Row]:
    rows: list[Row] = []
    keys: list[tuple[str, str]] = []  # (code, key) of the rows above, for parents written by code
    for number, cells in _data_rows(sheet, len(CRITERIA_COLUMNS), CRITERIA_COLUMNS):
        text = [_cell_text(cell) for cell in cells]
        code, parent, name = text[0], text[1], text[2]
        try:
            max_points = _cell_number(cells[3])
        except ValueError:
            problems.add(CRITERIA_SHEET, number, f"Điểm tối đa “{text[3]}” không phải là số.", code)
            max_points = None
        if parent and all(parent != key for _code, key in keys):
            parent = next((key for above, key in reversed(keys) if above == parent), parent)
        method = None
        if text[4]:
            try:
                method = parse_method(text[4], text[5])
            except ValueError as error:
                problems.add(CRITERIA_SHEET, number, f"Tiêu chí {code}: {error}.", code)
                problems.unreadable_methods.add(number)
        elif text[5]:
            problems.add(
                CRITERIA_SHEET, number, f"Tiêu chí {code}: có tham số nhưng chưa chọn cách chấm.", code
            )
        try:
            kind = _choice(text[8], KINDS, Kind.BASE, "Loại nhóm")
            when = _choice(text[9], NOT_APPLICABLE, WhenNotApplicable.REFUSED, "Khi không áp dụng")
            cap = _choice(text[10], {YES: True, NO: False}, False, "Không vượt điểm tối đa")
        except ValueError as error:
            problems.add(CRITERIA_SHEET, number, f"Tiêu chí {code}: {error}.", code)
            kind, when, cap = Kind.BASE, WhenNotApplicable.REFUSED, False
        if not name:
            problems.add(CRITERIA_SHEET, number, f"Tiêu chí {code}: thiếu nội dung tiêu chí.", code)
        row = Row(code, name, max_points, parent, method, kind, cap, when, number, text[6], text[7], text[11])
        rows.append(row)
        keys.append((code, row.key))
    return rows


def _read_rules(
    bands_sheet: Worksheet, events_sheet: Worksheet, commendation: str, problems: _Problems
) -> tuple[Rules, dict[str, int], dict[str, int]]:
    bands: list[Band] = []
    quotas: list[Quota] = []
    band_rows: dict[str, int] = {}
    for number, cells in _data_rows(bands_sheet, len(BANDS_COLUMNS), BANDS_COLUMNS):
        text = [_cell_text(cell) for cell in cells]
        name = text[0]
        if not name:
            problems.add(BANDS_SHEET, number, "Thiếu tên mức xếp loại.")
            continue
        band_rows.setdefault(name, number)
        lower = None
        try:
            lower = _cell_number(cells[1])
        except ValueError:
            pass
        if lower is None:
            problems.add(BANDS_SHEET, number, f"Mức “{name}”: “Từ điểm” phải là một số.", name)
        conditions: list[Condition] = []
        for part in (part for part in text[2].split(";") if part.strip()):
            try:
                conditions.append(_condition(part.strip()))
            except ValueError as error:
                problems.add(BANDS_SHEET, number, f"Mức “{name}”: {error}.", name)
        council = False
        try:
            council = _choice(text[3], {YES: True, NO: False}, False, "Chỉ đủ điều kiện để Hội đồng xét")
        except ValueError as error:
            problems.add(BANDS_SHEET, number, f"Mức “{name}”: {error}.", name)
        if text[4] or text[5]:
            try:
                percent = _cell_number(cells[4])
            except ValueError:
                percent = None
            if percent is None or not text[5]:
                problems.add(
                    BANDS_SHEET, number, f"Mức “{name}”: chỉ tiêu cần cả tỷ lệ (%) và mức dùng để tính.", name
                )
            else:
                quotas.append(Quota(name, text[5], percent))
        bands.append(Band(name, lower if lower is not None else Decimal(0), tuple(conditions), council))
    forces: list[ForceBand] = []
    caps: list[CapBand] = []
    events: dict[str, str] = {}
    event_rows: dict[str, int] = {}
    for number, cells in _data_rows(events_sheet, len(EVENTS_COLUMNS), EVENTS_COLUMNS):
        code, name, effect, band = (_cell_text(cell) for cell in cells)
        if not code:
            problems.add(EVENTS_SHEET, number, "Thiếu mã sự kiện.")
            continue
        event_rows.setdefault(code, number)
        if name:
            if events.get(code, name) != name:
                problems.add(EVENTS_SHEET, number, f"Sự kiện {code} có hai tên khác nhau.", code)
            events[code] = name
        if effect.lower() == FORCE:
            forces.append(ForceBand(code, band))
        elif effect.lower() == CAP:
            caps.append(CapBand(code, band))
        elif effect:
            problems.add(
                EVENTS_SHEET,
                number,
                f"Sự kiện {code}: tác động “{effect}” không hợp lệ; chọn {FORCE} hoặc {CAP}.",
                code,
            )
        if effect and not band:
            problems.add(EVENTS_SHEET, number, f"Sự kiện {code}: chưa ghi mức.", code)
        elif band and band not in band_rows:
            problems.add(
                EVENTS_SHEET, number, f"Sự kiện {code}: mức “{band}” không có ở trang “{BANDS_SHEET}”.", band
            )
    for quota in quotas:
        if quota.relative_to not in band_rows:
            problems.add(
                BANDS_SHEET,
                band_rows[quota.band],
                f"Mức “{quota.band}”: chỉ tiêu tính theo mức “{quota.relative_to}” không có.",
                quota.band,
            )
    rules = Rules(
        bands=tuple(bands),
        forces=tuple(forces),
        caps=tuple(caps),
        quotas=tuple(quotas),
        events=events,
        commendation_from=commendation or None,
    )
    return rules, band_rows, event_rows


def _groups_only(name: str, rows: list[Row]) -> CriteriaSet:
    """The groups alone, to check the bands against the maxima when the tree does not hold."""
    groups = [
        Node(row.key, row.code, row.name, row.max_points, row.kind, depth=1)
        for row in rows
        if not row.parent and row.max_points is not None
    ]
    return CriteriaSet(name, tuple(groups))


def _yes_no(text: str, default: bool, label: str, row: int | None, problems: _Problems) -> bool:
    try:
        return bool(_choice(text, {YES: True, NO: False}, default, label))
    except ValueError as error:
        problems.add(SET_SHEET, row, f"{error}.")
        return default


def read_criteria_sheet(data: bytes) -> tuple[CriteriaSet, Rules]:
    """The criteria set and its rules, or InvalidCriteriaSet with every problem by sheet and row."""
    try:
        book = load_workbook(BytesIO(data), read_only=False, data_only=True)
    except Exception as error:  # zip, XML or format errors: all mean the same to the official
        raise InvalidCriteriaSet([Issue(NOT_XLSX)]) from error
    problems = _Problems()
    missing = [title for title in (CRITERIA_SHEET, BANDS_SHEET) if title not in book.sheetnames]
    if missing:
        raise InvalidCriteriaSet(
            [Issue(f"Tệp thiếu trang tính “{title}”; hãy dùng tệp theo mẫu.") for title in missing]
        )
    settings: dict[str, tuple[int, Any]] = {}
    if SET_SHEET in book.sheetnames:
        labels = {label.lower(): key for label, key in SET_LABELS}
        for number, (label, value) in enumerate(
            book[SET_SHEET].iter_rows(min_row=1, max_col=2, values_only=True), start=1
        ):
            key = labels.get(_cell_text(label).lower())
            if key:
                settings[key] = (number, value)
    name = _cell_text(settings.get("name", (0, None))[1])
    declared_row, declared_value = settings.get("declared_max", (None, None))
    declared_max = None
    try:
        declared_max = _cell_number(declared_value)
    except ValueError:
        problems.add(
            SET_SHEET, declared_row, f"Tổng điểm tiêu chí chính “{declared_value}” không phải là số."
        )
    floor_row, floor_value = settings.get("floor", (None, None))
    floor = _yes_no(_cell_text(floor_value), True, "Tổng điểm không dưới 0", floor_row, problems)
    rescale_row, rescale_value = settings.get("rescale", (None, None))
    rescale = _yes_no(_cell_text(rescale_value), False, "Quy đổi", rescale_row, problems)
    commendation_row, commendation = settings.get("commendation", (None, None))

    rows = _read_criteria(book[CRITERIA_SHEET], problems)
    empty = Workbook().active
    events_sheet = book[EVENTS_SHEET] if EVENTS_SHEET in book.sheetnames else empty
    rules, band_rows, _event_rows = _read_rules(
        book[BANDS_SHEET],
        events_sheet,
        _cell_text(commendation),
        problems,  # type: ignore[arg-type]
    )
    commendation_name = _cell_text(commendation)
    if commendation_name and commendation_name not in band_rows:
        problems.add(
            SET_SHEET, commendation_row, f"Mức “{commendation_name}” không có ở trang “{BANDS_SHEET}”."
        )
    criteria = None
    try:
        criteria = build_criteria_set(
            name, rows, declared_max=declared_max, floor_total_at_zero=floor, rescale_when_excluded=rescale
        )
    except InvalidCriteriaSet as refused:
        for issue in refused.issues:
            if issue.row is None and issue.message.startswith("Tổng điểm các nhóm"):
                problems.add(SET_SHEET, declared_row, issue.message, issue.code)
            elif not (
                issue.row in problems.unreadable_methods and issue.message.endswith("chưa có cách chấm điểm.")
            ):
                problems.add(CRITERIA_SHEET, issue.row, issue.message, issue.code)
    try:
        check_rules(criteria or _groups_only(name, rows), rules)
    except InvalidCriteriaSet as refused:
        for issue in refused.issues:
            if issue.message.startswith("Quy định nhắc đến mức"):
                continue  # already reported on the row that names it
            if criteria is None and "bộ tiêu chí không có cấp" in issue.message:
                continue  # the tree could not be read: its levels are unknown
            problems.add(BANDS_SHEET, band_rows.get(issue.code), issue.message, issue.code)
    if problems.issues:
        raise InvalidCriteriaSet(problems.issues)
    assert criteria is not None
    return criteria, rules
