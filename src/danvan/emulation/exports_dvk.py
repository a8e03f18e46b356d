"""The province's «Dân vận khéo» table as an Excel workbook."""

from __future__ import annotations

from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from danvan.emulation.models import Field, Level


def province_xlsx(rows, *, year: int) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _("Dân vận khéo")[:31]
    sheet.append([_("Mô hình «Dân vận khéo» năm %(year)s") % {"year": year}])
    sheet["A1"].font = Font(bold=True)
    sheet.append(
        [
            _("Cơ quan"),
            _("Số mô hình"),
            *[str(label) for label in Field.labels],
            *[str(label) for label in Level.labels],
            _("Được công nhận"),
            _("Nhân rộng"),
        ]
    )
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(
            [
                row.agency.name,
                row.total,
                *[row.by_field[value] for value in Field.values],
                *[row.by_level[value] for value in Level.values],
                row.recognised,
                row.replications,
            ]
        )
    sheet.column_dimensions["A"].width = 48
    out = BytesIO()
    book.save(out)
    return out.getvalue()
