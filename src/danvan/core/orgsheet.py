"""Reading and checking the Excel sheet of an agency's units and people.

The workbook has two sheets, «Đơn vị» and «Cán bộ», with the columns below
(the downloadable template has them). Reading never writes: it returns the
rows and every error with its sheet, row and reason, so that the person sees
the whole list at once and nothing is written unless the sheet is clean.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from django.core.validators import validate_email
from django.forms import ValidationError
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from danvan.core.models import Role, Unit, User
from danvan.core.text import search_key

UNIT_SHEET = "Đơn vị"
PEOPLE_SHEET = "Cán bộ"
UNIT_COLUMNS = ["Mã đơn vị", "Tên đơn vị", "Tên viết tắt", "Loại đơn vị", "Mã đơn vị cấp trên"]
PEOPLE_COLUMNS = ["Tên đăng nhập", "Họ và tên", "Chức vụ", "Email", "Số điện thoại", "Mã đơn vị", "Vai trò"]
REQUIRED_UNIT_COLUMNS = ["Mã đơn vị", "Tên đơn vị"]
REQUIRED_PEOPLE_COLUMNS = ["Tên đăng nhập", "Họ và tên", "Mã đơn vị"]
IMPORTABLE_ROLES = [
    Role.AGENCY_LEADER,
    Role.AGENCY_OFFICE,
    Role.INSPECTOR,
    Role.PEOPLE_INSPECTOR,
    Role.UNIT_HEAD,
    Role.STAFF,
]
MAX_ROWS = 5000
# A real sheet of units and people is a few hundred kB; this refuses zip bombs.
MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024

_USERNAME = re.compile(r"^[A-Za-z0-9_.@+-]{3,150}$")


@dataclass
class UnitRow:
    row: int
    code: str
    name: str
    short_name: str
    kind: str
    parent_code: str


@dataclass
class PersonRow:
    row: int
    username: str
    full_name: str
    position: str
    email: str
    phone: str
    unit_code: str
    roles: list[str]


@dataclass
class SheetError:
    sheet: str
    row: int | None
    message: str


@dataclass
class OrganisationSheet:
    units: list[UnitRow] = field(default_factory=list)
    people: list[PersonRow] = field(default_factory=list)
    errors: list[SheetError] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.errors


class SheetUnreadable(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def read_organisation_sheet(data: bytes, *, agency_id: int) -> OrganisationSheet:
    """Read and check the workbook against the agency's existing units and people."""
    workbook = open_workbook(data)
    sheet = OrganisationSheet()
    unit_rows = _rows(workbook, UNIT_SHEET, REQUIRED_UNIT_COLUMNS, sheet)
    people_rows = _rows(workbook, PEOPLE_SHEET, REQUIRED_PEOPLE_COLUMNS, sheet)
    if sheet.errors:
        return sheet
    sheet.units = [_unit_row(number, values, sheet) for number, values in unit_rows]
    existing = dict(Unit.objects.filter(agency_id=agency_id).values_list("code", "name"))
    existing_codes = set(existing)
    _check_units(sheet, existing)
    known_codes = existing_codes | {unit.code for unit in sheet.units}
    sheet.people = [_person_row(number, values, sheet, known_codes) for number, values in people_rows]
    _check_people(sheet, agency_id)
    return sheet


def open_workbook(data: bytes):
    """The workbook of an uploaded .xlsx, or SheetUnreadable saying why not
    (empty, no workbook, a zip bomb, damaged). The change list reads it too."""
    if not data:
        raise SheetUnreadable(_("Tệp tải lên trống."))
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise SheetUnreadable(
            _("Tệp không phải là bảng tính Excel (.xlsx). Hãy dùng mẫu tải về từ trang này.")
        )
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if sum(item.file_size for item in archive.infolist()) > MAX_UNCOMPRESSED_BYTES:
            raise SheetUnreadable(_("Tệp Excel giải nén ra quá lớn; hãy kiểm tra lại tệp."))
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise SheetUnreadable(
            _("Không đọc được tệp Excel: tệp bị hỏng hoặc không đúng định dạng .xlsx.")
        ) from error


def _rows(
    workbook, title: str, required: list[str], sheet: OrganisationSheet
) -> list[tuple[int, dict[str, str]]]:
    if title not in workbook.sheetnames:
        sheet.errors.append(
            SheetError(title, None, _("Thiếu trang «%(sheet)s» trong tệp Excel.") % {"sheet": title})
        )
        return []
    rows = workbook[title].iter_rows(values_only=True)
    header = [cell_text(value) for value in next(rows, ())]
    missing = [column for column in required if column not in header]
    for column in missing:
        sheet.errors.append(
            SheetError(
                title,
                1,
                _("Thiếu cột «%(column)s» trong trang «%(sheet)s».") % {"column": column, "sheet": title},
            )
        )
    if missing:
        return []
    found = []
    for number, values in enumerate(rows, start=2):
        cells = {name: cell_text(value) for name, value in zip(header, values, strict=False) if name}
        if any(cells.values()):
            found.append((number, cells))
        if len(found) > MAX_ROWS:
            sheet.errors.append(
                SheetError(title, number, _("Trang có quá 5.000 dòng; hãy chia thành nhiều tệp."))
            )
            return []
    return found


def cell_text(value) -> str:
    """A cell as one line of text: empty for nothing, 12 for 12.0."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return re.sub(r"\s+", " ", str(value)).strip()


_KIND_BY_KEY = {search_key(str(label)): value for value, label in Unit.Kind.choices}
_ROLE_BY_KEY = {search_key(str(role.label)): role.value for role in IMPORTABLE_ROLES}


def _unit_row(number: int, cells: dict[str, str], sheet: OrganisationSheet) -> UnitRow:
    row = UnitRow(
        row=number,
        code=cells.get("Mã đơn vị", ""),
        name=cells.get("Tên đơn vị", ""),
        short_name=cells.get("Tên viết tắt", ""),
        kind="",
        parent_code=cells.get("Mã đơn vị cấp trên", ""),
    )
    kind_text = cells.get("Loại đơn vị", "")
    row.kind = _KIND_BY_KEY.get(search_key(kind_text), "") if kind_text else Unit.Kind.DIVISION
    if not row.code:
        sheet.errors.append(SheetError(UNIT_SHEET, number, _("Thiếu mã đơn vị.")))
    if not row.name:
        sheet.errors.append(SheetError(UNIT_SHEET, number, _("Thiếu tên đơn vị.")))
    if kind_text and not row.kind:
        sheet.errors.append(
            SheetError(
                UNIT_SHEET, number, _("Loại đơn vị «%(kind)s» không có trong danh mục.") % {"kind": kind_text}
            )
        )
    return row


def _check_units(sheet: OrganisationSheet, existing: dict[str, str]) -> None:
    """Codes and names are unique within the sheet and against the agency's
    other units; every parent exists; parents form no cycle."""
    existing_codes = set(existing)
    code_of_name = {search_key(name): code for code, name in existing.items()}
    for unit in sheet.units:
        other_code = code_of_name.get(search_key(unit.name))
        if other_code is not None and other_code != unit.code:
            sheet.errors.append(
                SheetError(
                    UNIT_SHEET,
                    unit.row,
                    _("Tên đơn vị «%(name)s» đã có trong cơ quan với mã «%(code)s».")
                    % {"name": unit.name, "code": other_code},
                )
            )
    seen_codes: dict[str, int] = {}
    seen_names: dict[str, int] = {}
    for unit in sheet.units:
        for seen, key, message in (
            (seen_codes, unit.code, _("Mã đơn vị «%(value)s» trùng với dòng %(row)s.")),
            (seen_names, search_key(unit.name), _("Tên đơn vị «%(value)s» trùng với dòng %(row)s.")),
        ):
            if key and key in seen:
                value = unit.code if seen is seen_codes else unit.name
                sheet.errors.append(
                    SheetError(UNIT_SHEET, unit.row, message % {"value": value, "row": seen[key]})
                )
            elif key:
                seen[key] = unit.row
    known = existing_codes | set(seen_codes)
    parents = {unit.code: unit.parent_code for unit in sheet.units}
    for unit in sheet.units:
        if not unit.parent_code:
            continue
        if unit.parent_code not in known:
            sheet.errors.append(
                SheetError(
                    UNIT_SHEET,
                    unit.row,
                    _("Đơn vị cấp trên «%(parent)s» không tồn tại (không có trong trang và trong cơ quan).")
                    % {"parent": unit.parent_code},
                )
            )
        elif _has_cycle(unit.code, parents):
            sheet.errors.append(SheetError(UNIT_SHEET, unit.row, _("Đơn vị cấp trên tạo thành vòng lặp.")))


def _has_cycle(code: str, parents: dict[str, str]) -> bool:
    seen, node = {code}, parents.get(code, "")
    while node:
        if node in seen:
            return True
        seen.add(node)
        node = parents.get(node, "")
    return False


def _person_row(
    number: int, cells: dict[str, str], sheet: OrganisationSheet, unit_codes: set[str]
) -> PersonRow:
    row = PersonRow(
        row=number,
        username=cells.get("Tên đăng nhập", ""),
        full_name=cells.get("Họ và tên", ""),
        position=cells.get("Chức vụ", ""),
        email=cells.get("Email", ""),
        phone=cells.get("Số điện thoại", ""),
        unit_code=cells.get("Mã đơn vị", ""),
        roles=[],
    )
    if not _USERNAME.match(row.username):
        sheet.errors.append(
            SheetError(
                PEOPLE_SHEET,
                number,
                _("Tên đăng nhập «%(value)s» không hợp lệ: 3–150 ký tự gồm chữ không dấu, số và . _ @ + -.")
                % {"value": row.username},
            )
        )
    if not row.full_name:
        sheet.errors.append(SheetError(PEOPLE_SHEET, number, _("Thiếu họ và tên.")))
    if row.unit_code not in unit_codes:
        sheet.errors.append(
            SheetError(
                PEOPLE_SHEET, number, _("Mã đơn vị «%(value)s» không tồn tại.") % {"value": row.unit_code}
            )
        )
    if row.email:
        try:
            validate_email(row.email)
        except ValidationError:
            sheet.errors.append(
                SheetError(PEOPLE_SHEET, number, _("Email «%(value)s» không hợp lệ.") % {"value": row.email})
            )
    for label in filter(None, (part.strip() for part in re.split(r"[;,]", cells.get("Vai trò", "")))):
        role = _ROLE_BY_KEY.get(search_key(label))
        if role is None:
            sheet.errors.append(
                SheetError(
                    PEOPLE_SHEET, number, _("Vai trò «%(value)s» không có trong danh mục.") % {"value": label}
                )
            )
        else:
            row.roles.append(role)
    return row


def _check_people(sheet: OrganisationSheet, agency_id: int) -> None:
    seen: dict[str, int] = {}
    for person in sheet.people:
        key = person.username.lower()
        if key in seen:
            sheet.errors.append(
                SheetError(
                    PEOPLE_SHEET,
                    person.row,
                    _("Tên đăng nhập «%(value)s» trùng với dòng %(row)s.")
                    % {"value": person.username, "row": seen[key]},
                )
            )
        seen[key] = person.row
    taken = User.objects.filter(username__in=[p.username for p in sheet.people]).exclude(agency_id=agency_id)
    taken_names = {name.lower() for name in taken.values_list("username", flat=True)}
    for person in sheet.people:
        if person.username.lower() in taken_names:
            sheet.errors.append(
                SheetError(
                    PEOPLE_SHEET,
                    person.row,
                    _("Tên đăng nhập «%(value)s» đã được dùng ở cơ quan khác.") % {"value": person.username},
                )
            )


def template_workbook() -> bytes:
    """The blank sheet an office downloads, with headers, two example rows
    and drop-down lists for the unit kind and the roles."""
    workbook = Workbook()
    units = workbook.active
    units.title = UNIT_SHEET
    units.append(UNIT_COLUMNS)
    units.append(["VP", "Văn phòng Sở", "VP Sở", str(Unit.Kind.OFFICE.label), ""])
    units.append(["TCHC", "Phòng Tổ chức - Hành chính", "", str(Unit.Kind.DIVISION.label), "VP"])
    people = workbook.create_sheet(PEOPLE_SHEET)
    people.append(PEOPLE_COLUMNS)
    people.append(
        [
            "nguyenvana",
            "Nguyễn Văn A",
            "Chánh Văn phòng",
            "a@example.gov.vn",
            "",
            "VP",
            str(Role.UNIT_HEAD.label),
        ]
    )
    guide = workbook.create_sheet("Hướng dẫn")
    guide.append(["Loại đơn vị được dùng"])
    for _value, label in Unit.Kind.choices:
        guide.append([str(label)])
    guide.append([])
    guide.append(["Vai trò được dùng (nhiều vai trò cách nhau bằng dấu phẩy)"])
    for role in IMPORTABLE_ROLES:
        guide.append([str(role.label)])
    kinds = DataValidation(
        type="list", formula1=f"'Hướng dẫn'!$A$2:$A${len(Unit.Kind.choices) + 1}", allow_blank=True
    )
    units.add_data_validation(kinds)
    kinds.add("D2:D1000")
    for sheet in (units, people):
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DDEBF7")
        for column in sheet.columns:
            sheet.column_dimensions[column[0].column_letter].width = 24
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
