"""Reading and checking the Excel list of organisation changes, the form the
Sở Nội vụ receives: one row per change (a merger, a split, a rename, a move),
with the columns below (the downloadable template has them).

Reading never writes. Every row is checked the way ``draft_change`` checks a
change typed on screen (``organisation.check_change``'s parts), its parties
found by name or code without regard to accents or case, and every error is
returned with its row and column, so that the whole list is seen at once.
``import_change_list`` then writes the rows as drafts, all or none; each is
previewed and applied on its own page.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from danvan.core import organisation
from danvan.core.models import Agency, OrganisationChange, Province, Unit, User
from danvan.core.organisation import Kind, Level, NewParty
from danvan.core.orgsheet import SheetUnreadable, cell_text, open_workbook
from danvan.core.services import DomainError
from danvan.core.text import search_key

SHEET_TITLE = "Thay đổi tổ chức"
NUMBER = "STT"
KIND = "Loại thay đổi"
LEVEL = "Cấp"
BEFORE = "Bên trước thay đổi"
AFTER = "Bên sau thay đổi"
EFFECTIVE_ON = "Ngày hiệu lực"
DECISION = "Văn bản quyết định"
NOTE = "Ghi chú"
COLUMNS = [NUMBER, KIND, LEVEL, BEFORE, AFTER, EFFECTIVE_ON, DECISION, NOTE]
REQUIRED_COLUMNS = [KIND, LEVEL, BEFORE, AFTER, EFFECTIVE_ON, DECISION]
# A form often has a title above its table: the header is looked for in the first rows.
HEADER_SEARCH_ROWS = 10
MAX_ROWS = 500
FIRST_YEAR, LAST_YEAR = 1990, 2100
DECISION_LENGTH = OrganisationChange._meta.get_field("decision").max_length

# The words of the form (fixed by the form, not translated), and the model's labels.
KIND_WORDS = {
    "Sáp nhập": Kind.MERGE,
    "Hợp nhất": Kind.MERGE,
    "Chia tách": Kind.SPLIT,
    "Đổi tên": Kind.RENAME,
    "Chuyển trực thuộc": Kind.MOVE,
}
LEVEL_WORDS = {
    "Tỉnh": Level.PROVINCE,
    "Thành phố": Level.PROVINCE,
    "Cơ quan": Level.AGENCY,
    "Đơn vị": Level.UNIT,
}
_KINDS = {search_key(word): value for word, value in KIND_WORDS.items()} | {
    search_key(str(label)): value for value, label in Kind.choices
}
_LEVELS = {search_key(word): value for word, value in LEVEL_WORDS.items()} | {
    search_key(str(label)): value for value, label in Level.choices
}
# "Sở Tài chính - Kế hoạch [STCKH]": a party that does not exist yet, with its code.
_NEW = re.compile(r"^(?P<name>.*?)\s*\[(?P<code>[^\]]*)\]$")
_DAY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
# What the successor is, for a move: a unit goes to an agency, an agency to a province.
_PARENT_LEVEL = {Level.UNIT: Level.AGENCY, Level.AGENCY: Level.PROVINCE}
# Kinds after which the parties before no longer exist.
_ENDING = {Kind.MERGE, Kind.SPLIT}

Thing = Province | Agency | Unit


@dataclass
class SheetError:
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        if self.row is not None and self.column:
            return _("Dòng %(row)s, cột «%(column)s»: %(message)s") % {
                "row": self.row,
                "column": self.column,
                "message": self.message,
            }
        if self.row is not None:
            return _("Dòng %(row)s: %(message)s") % {"row": self.row, "message": self.message}
        return self.message


@dataclass
class ChangeRow:
    row: int
    kind: str = ""
    level: str = ""
    before: list[Thing] = field(default_factory=list)
    after: list[Thing | NewParty] = field(default_factory=list)
    effective_on: date | None = None
    decision: str = ""
    note: str = ""


@dataclass
class ChangeSheet:
    changes: list[ChangeRow] = field(default_factory=list)
    errors: list[SheetError] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.errors

    def refuse(self, row: int | None, column: str | None, message: str) -> None:
        self.errors.append(SheetError(row, column, message))


def read_change_list(data: bytes, *, province: Province) -> ChangeSheet:
    """Read and check the workbook against ``province``'s agencies and units
    (and the provinces, for a change of the province). Raises SheetUnreadable
    for a file that is no workbook; every other problem is in ``errors``."""
    workbook = open_workbook(data)
    sheet = ChangeSheet()
    rows = _rows(workbook, sheet)
    directory = _Directory(province)
    seen: dict[tuple, int] = {}  # what earlier rows end or name, with their row
    for number, cells in rows:
        change = _change_row(number, cells, directory, sheet)
        sheet.changes.append(change)
        _check_against_earlier_rows(change, seen, sheet)
    return sheet


def _rows(workbook, sheet: ChangeSheet) -> list[tuple[int, dict]]:
    """The rows under the header, as {column: raw value}, with their numbers in Excel."""
    worksheet = workbook[SHEET_TITLE] if SHEET_TITLE in workbook.sheetnames else workbook.worksheets[0]
    columns = {search_key(name): name for name in COLUMNS}
    rows = worksheet.iter_rows(values_only=True)
    header: list[str | None] = []
    header_row = 0
    for number, values in enumerate(rows, start=1):
        names = [columns.get(search_key(cell_text(value))) for value in values]
        if KIND in names:
            header, header_row = names, number
            break
        if number >= HEADER_SEARCH_ROWS:
            break
    if not header:
        sheet.refuse(
            None,
            None,
            _("Không tìm thấy dòng tiêu đề có cột «%(column)s»: hãy dùng tệp mẫu tải về từ trang này.")
            % {"column": KIND},
        )
        return []
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    for column in missing:
        sheet.refuse(header_row, column, _("Thiếu cột này trong dòng tiêu đề."))
    if missing:
        return []
    found = []
    for number, values in enumerate(rows, start=header_row + 1):
        cells = {name: value for name, value in zip(header, values, strict=False) if name}
        if not any(cell_text(value) for name, value in cells.items() if name != NUMBER):
            continue
        found.append((number, cells))
        if len(found) > MAX_ROWS:
            sheet.refuse(number, None, _("Danh sách có quá 500 dòng; hãy chia thành nhiều tệp."))
            return []
    return found


def _change_row(number: int, cells: dict, directory: _Directory, sheet: ChangeSheet) -> ChangeRow:
    text = {name: cell_text(value) for name, value in cells.items()}
    change = ChangeRow(row=number, decision=text.get(DECISION, ""), note=text.get(NOTE, ""))
    errors_before = len(sheet.errors)
    change.kind = _choice(number, KIND, text.get(KIND, ""), _KINDS, KIND_WORDS, sheet)
    change.level = _choice(number, LEVEL, text.get(LEVEL, ""), _LEVELS, LEVEL_WORDS, sheet)
    change.effective_on = _day(number, cells.get(EFFECTIVE_ON), sheet)
    if not change.decision:
        sheet.refuse(number, DECISION, _("Ghi số, ngày của văn bản quyết định thay đổi."))
    elif len(change.decision) > DECISION_LENGTH:
        sheet.refuse(
            number, DECISION, _("Dài quá %(limit)s ký tự; hãy ghi gọn lại.") % {"limit": DECISION_LENGTH}
        )
    if change.kind and change.level:
        if (change.kind, change.level) not in organisation.SHAPES:
            sheet.refuse(number, LEVEL, _("Loại thay đổi này không áp dụng cho cấp đã chọn."))
        else:
            change.before = _parties(number, BEFORE, text.get(BEFORE, ""), change, directory, sheet)
            change.after = _parties(number, AFTER, text.get(AFTER, ""), change, directory, sheet)
    if len(sheet.errors) == errors_before:
        _check_shape(change, directory, sheet)
    return change


def _choice(number: int, column: str, value: str, known: dict, words: dict, sheet: ChangeSheet) -> str:
    if not value:
        sheet.refuse(number, column, _("Ô này để trống."))
        return ""
    choice = known.get(search_key(value), "")
    if not choice:
        sheet.refuse(
            number,
            column,
            _("«%(value)s» không có trong danh mục (%(words)s).")
            % {"value": value, "words": ", ".join(words)},
        )
    return choice


def _day(number: int, value, sheet: ChangeSheet) -> date | None:
    """An Excel date cell, or a text dd/mm/yyyy (never mm/dd)."""
    day = None
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    elif cell_text(value):
        match = _DAY.match(cell_text(value))
        if match:
            try:
                day = date(int(match[3]), int(match[2]), int(match[1]))
            except ValueError:
                day = None
        if day is None:
            sheet.refuse(
                number,
                EFFECTIVE_ON,
                _("«%(value)s» không phải ngày dạng dd/mm/yyyy.") % {"value": cell_text(value)},
            )
            return None
    else:
        sheet.refuse(number, EFFECTIVE_ON, _("Ô này để trống."))
        return None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        sheet.refuse(
            number,
            EFFECTIVE_ON,
            _("Ngày %(day)s nằm ngoài khoảng năm %(first)s–%(last)s; hãy kiểm tra lại.")
            % {"day": f"{day:%d/%m/%Y}", "first": FIRST_YEAR, "last": LAST_YEAR},
        )
        return None
    return day


def _parties(
    number: int, column: str, value: str, change: ChangeRow, directory: _Directory, sheet: ChangeSheet
) -> list:
    names = [part.strip() for part in value.split(";") if part.strip()]
    if not names:
        sheet.refuse(number, column, _("Ô này để trống."))
        return []
    level = change.level
    if column == AFTER and change.kind == Kind.MOVE:
        level = _PARENT_LEVEL[change.level]
    found = []
    for name in names:
        new = _NEW.match(name)
        if column == AFTER and (new or change.kind == Kind.RENAME):
            found.append(NewParty(name=new["name"], code=new["code"].strip()) if new else NewParty(name=name))
            continue
        near = change.before[0].agency if change.before and isinstance(change.before[0], Unit) else None
        thing, problem = directory.find(level, name, near=near, new_allowed=column == AFTER)
        if problem:
            sheet.refuse(number, column, problem)
        else:
            found.append(thing)
    return found


def _check_shape(change: ChangeRow, directory: _Directory, sheet: ChangeSheet) -> None:
    """``draft_change``'s own checks, each side reported in its column."""
    if change.effective_on is None:
        return
    try:
        organisation.check_before(level=change.level, effective_on=change.effective_on, before=change.before)
    except DomainError as error:
        sheet.refuse(change.row, BEFORE, error.message)
        return
    try:
        organisation.check_after(
            kind=change.kind, level=change.level, before=change.before, after=change.after
        )
    except DomainError as error:
        sheet.refuse(change.row, AFTER, error.message)
        return
    for party in change.after:
        if isinstance(party, NewParty) and directory.taken(change, party):
            if party.code:
                message = _("Tên «%(name)s» hoặc mã «%(code)s» đã có; hãy chọn tên, mã khác.")
            else:
                message = _("Tên «%(name)s» đã có; hãy chọn tên khác.")
            sheet.refuse(change.row, AFTER, message % {"name": party.name, "code": party.code})


def _check_against_earlier_rows(change: ChangeRow, seen: dict, sheet: ChangeSheet) -> None:
    """What an earlier row merges or splits no longer exists for a later
    one, and a new name or code an earlier row gives is no longer free."""
    for column, parties in ((BEFORE, change.before), (AFTER, change.after)):
        for thing in parties:
            row = seen.get((type(thing), thing.pk)) if not isinstance(thing, NewParty) else None
            if row is not None:
                sheet.refuse(
                    change.row,
                    column,
                    _("%(name)s đã thôi hoạt động theo dòng %(row)s.") % {"name": thing.name, "row": row},
                )
    if change.kind in _ENDING:
        for thing in change.before:
            seen.setdefault((type(thing), thing.pk), change.row)
    if not change.before:
        return
    # New names and codes are unique among the province's agencies, or the agency's units.
    scope = change.before[0].agency_id if change.level == Level.UNIT else None
    for party in change.after:
        if not isinstance(party, NewParty):
            continue
        for given in filter(None, (party.name, party.code)):
            key = (change.level, scope, search_key(given))
            row = seen.setdefault(key, change.row)
            if row != change.row:
                sheet.refuse(
                    change.row,
                    AFTER,
                    _("«%(value)s» đã được dòng %(row)s dùng cho bên mới.") % {"value": given, "row": row},
                )


class _Directory:
    """The province's agencies and units (and every province), looked up by
    name, short name or code without regard to accents or case."""

    def __init__(self, province: Province) -> None:
        self.province = province
        self.new_allowed = False
        self.provinces = list(Province.objects.order_by("pk"))
        self.agencies = list(Agency.objects.filter(province=province).order_by("pk"))
        self.units = list(
            Unit.objects.filter(agency__province=province).select_related("agency").order_by("pk")
        )

    def find(
        self, level: str, text: str, *, near: Agency | None = None, new_allowed: bool = False
    ) -> tuple[Thing | None, str]:
        """The one thing ``text`` names at ``level``, or the reason there is
        none; ``near``: the agency whose unit is meant when units of several
        bear the name; ``new_allowed``: say how to name a new party."""
        self.new_allowed = new_allowed
        if level == Level.PROVINCE:
            key = search_key(text)
            bare = re.sub(r"^(tinh|thanh pho)\s+", "", key)
            matches: list = [p for p in self.provinces if bare in {search_key(p.name), search_key(p.code)}]
            return self._one(matches, text, _("Không tìm thấy tỉnh, thành phố «%(name)s».") % {"name": text})
        if level == Level.AGENCY:
            matches = self._agencies(text)
            return self._one(
                matches, text, _("Không tìm thấy cơ quan «%(name)s» trong tỉnh.") % {"name": text}
            )
        return self._unit(text, near)

    def _agencies(self, text: str) -> list[Agency]:
        key = search_key(text)
        return [
            a
            for a in self.agencies
            if key in {search_key(a.name), search_key(a.symbol_code), search_key(a.short_name)} - {""}
        ]

    def _unit(self, text: str, near: Agency | None) -> tuple[Thing | None, str]:
        matches = self._units(text, None)
        if "/" in text and not matches:
            agency_text, unit_text = (part.strip() for part in text.split("/", 1))
            agency, problem = self._one(
                self._agencies(agency_text),
                agency_text,
                _("Không tìm thấy cơ quan «%(name)s» trong tỉnh.") % {"name": agency_text},
            )
            if agency is None:
                return None, problem
            return self._one(
                self._units(unit_text, agency),
                unit_text,
                _("%(agency)s không có đơn vị «%(name)s».") % {"agency": agency.name, "name": unit_text},
            )
        if len(matches) > 1 and near is not None:
            matches = [unit for unit in matches if unit.agency_id == near.pk] or matches
        if len(matches) > 1:
            return None, _("«%(name)s» ứng với nhiều đơn vị (%(units)s); hãy ghi «Mã cơ quan/Mã đơn vị».") % {
                "name": text,
                "units": "; ".join(f"{u.agency.symbol_code}/{u.code}" for u in matches[:5]),
            }
        return self._one(
            matches,
            text,
            _("Không tìm thấy đơn vị «%(name)s»; hãy ghi «Mã cơ quan/Mã đơn vị».") % {"name": text},
        )

    def _units(self, text: str, agency: Agency | None) -> list[Unit]:
        key = search_key(text)
        return [
            unit
            for unit in self.units
            if (agency is None or unit.agency_id == agency.pk)
            and key in {search_key(unit.name), search_key(unit.code), search_key(unit.short_name)} - {""}
        ]

    def _one(self, matches: list, text: str, missing: str) -> tuple[Thing | None, str]:
        if not matches and self.new_allowed:
            return None, _("%(problem)s Bên mới ghi «Tên mới [MÃ]».") % {"problem": missing}
        if not matches:
            return None, missing
        if len(matches) > 1:
            return None, _("«%(name)s» ứng với nhiều nơi; hãy ghi mã thay cho tên.") % {"name": text}
        return matches[0], ""

    def taken(self, change: ChangeRow, party: NewParty) -> bool:
        """Whether a new name or code is already someone's, as the preview
        would find (a rename may keep its own code)."""
        name, code = search_key(party.name), search_key(party.code)
        itself = change.before[0] if change.kind == Kind.RENAME else None
        if change.level == Level.PROVINCE:
            others: list = [p for p in self.provinces if p != itself]
            return any(search_key(p.name) == name for p in others)
        if change.level == Level.AGENCY:
            others = [a for a in self.agencies if a != itself]
            return any(
                search_key(a.name) == name or (code and search_key(a.symbol_code) == code) for a in others
            )
        agency_id = change.before[0].agency_id
        others = [u for u in self.units if u.agency_id == agency_id and u != itself]
        return any(search_key(u.name) == name or (code and search_key(u.code) == code) for u in others)


@transaction.atomic
def import_change_list(*, data: bytes, province: Province, by: User) -> list[OrganisationChange]:
    """Write every row of the change list as a draft change, in the order of
    the sheet, when every row is right.

    Outcomes: the drafts, each to preview and apply on its own page; or
    ChangeListRefused (a DomainError) with every row's errors, or DomainError
    for a file that is no workbook or has no row; nothing is written then."""
    try:
        sheet = read_change_list(data, province=province)
    except SheetUnreadable as error:
        raise DomainError(error.message) from error
    if not sheet.is_valid:
        raise ChangeListRefused([str(error) for error in sheet.errors])
    if not sheet.changes:
        raise DomainError(_("Tệp không có dòng thay đổi nào dưới dòng tiêu đề."))
    return [
        organisation.draft_change(
            kind=row.kind,
            level=row.level,
            effective_on=row.effective_on,
            decision=row.decision,
            before=row.before,
            after=row.after,
            note=row.note,
            by=by,
        )
        for row in sheet.changes
        if row.effective_on is not None
    ]


class ChangeListRefused(DomainError):
    """A change list with errors: ``errors`` has one sentence per problem, with its row and column."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__(" ".join(errors))
        self.errors = errors


def template_workbook() -> bytes:
    """The blank list the Sở Nội vụ sends out: the header, drop-down lists
    for the kind and the level, and a sheet of examples and rules."""
    workbook = Workbook()
    changes = workbook.active
    changes.title = SHEET_TITLE
    changes.append(COLUMNS)
    guide = workbook.create_sheet("Hướng dẫn")
    guide.append(["Loại thay đổi"])
    for word in KIND_WORDS:
        guide.append([word])
    guide.append([])
    guide.append(["Cấp"])
    for word in ("Tỉnh", "Cơ quan", "Đơn vị"):
        guide.append([word])
    guide.append([])
    for line in (
        "Ghi tên hoặc mã (chữ viết tắt trong ký hiệu văn bản); nhiều bên cách nhau bằng dấu chấm phẩy (;).",
        "Đơn vị ghi «Mã cơ quan/Mã đơn vị», ví dụ SKHCN/VP, hoặc «Tên cơ quan/Tên đơn vị».",
        "Bên mới ghi «Tên mới [MÃ]», ví dụ Sở Tài chính - Kế hoạch [STCKH]; đổi tên chỉ cần tên mới.",
        "Chuyển trực thuộc: bên sau là cơ quan nhận đơn vị, hoặc tỉnh nhận cơ quan.",
        "Ngày hiệu lực ghi dd/mm/yyyy, ví dụ 01/07/2025.",
    ):
        guide.append([line])
    guide.append([])
    guide.append(["Ví dụ"])
    guide.append(COLUMNS)
    guide.append(
        [
            1,
            "Sáp nhập",
            "Cơ quan",
            "Sở Kế hoạch và Đầu tư",
            "Sở Tài chính",
            "01/03/2025",
            "Quyết định số 123/QĐ-UBND ngày 25/02/2025 của UBND tỉnh",
            "",
        ]
    )
    guide.append(
        [
            2,
            "Đổi tên",
            "Đơn vị",
            "STC/VP",
            "Văn phòng Sở Tài chính - Kế hoạch",
            "01/03/2025",
            "Quyết định số 124/QĐ-UBND ngày 25/02/2025 của UBND tỉnh",
            "",
        ]
    )
    kinds = DataValidation(
        type="list", formula1=f"'Hướng dẫn'!$A$2:$A${len(KIND_WORDS) + 1}", allow_blank=True
    )
    first_level = len(KIND_WORDS) + 4
    levels = DataValidation(
        type="list", formula1=f"'Hướng dẫn'!$A${first_level}:$A${first_level + 2}", allow_blank=True
    )
    for validation, cells in ((kinds, "B2:B1000"), (levels, "C2:C1000")):
        changes.add_data_validation(validation)
        validation.add(cells)
    for cell in changes[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    for column, width in zip("ABCDEFGH", (6, 20, 12, 40, 40, 14, 40, 30), strict=True):
        changes.column_dimensions[column].width = width
    guide.column_dimensions["A"].width = 90
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
