"""A criteria set of the test province, imported from the Cần Thơ 2579 workbook."""

from io import BytesIO

import pytest
from openpyxl import load_workbook

from danvan.core.models import Agency
from danvan.evaluation import services
from danvan.evaluation.engine.sheets import write_criteria_sheet
from danvan.evaluation.models import Assessment
from tests.evaluation.engine.can_tho_2579 import CRITERIA, RULES
from tests.signing_ca import test_ca  # noqa: F401 — the test CA's fixture.


@pytest.fixture
def can_tho_workbook() -> bytes:
    return write_criteria_sheet(CRITERIA, RULES)


def edited(workbook: bytes, changes: dict[tuple[str, str], object]) -> bytes:
    """The workbook with cells changed: {(sheet, "D4"): value}."""
    book = load_workbook(BytesIO(workbook))
    for (sheet, cell), value in changes.items():
        book[sheet][cell] = value
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def import_can_tho(province, by, workbook, *, kinds=(Agency.Kind.DEPARTMENT,), years=(2025,)):
    details = services.SetDetails(
        document_number="2579/QĐ-UBND", years=list(years), agency_kinds=[str(kind) for kind in kinds]
    )
    return services.import_criteria_set(province=province, details=details, data=workbook, by=by)


def assess(
    agency,
    criteria_set,
    by,
    *,
    year=2025,
    status=Assessment.Status.FINAL,
    final=None,
    band="",
    late=False,
    **fields,
):
    """An assessment written straight to the database, as the workflow would have left it."""
    finalised = status == Assessment.Status.FINAL
    return Assessment.objects.create(
        criteria_set=criteria_set,
        agency=agency,
        year=year,
        status=status,
        opened_by=by,
        self_total=fields.pop("self_total", final),
        self_band=fields.pop("self_band", band),
        reviewed_total=fields.pop("reviewed_total", final if status != Assessment.Status.DRAFT else None),
        final_total=final if finalised else None,
        final_band=band if finalised else "",
        classification=fields.pop(
            "classification", {"band": band or None, "reason": "", "needs_review": False}
        ),
        submitted_late=late,
        **fields,
    )


@pytest.fixture
def draft_set(province, province_officer, can_tho_workbook):
    return import_can_tho(province, province_officer, can_tho_workbook)


@pytest.fixture
def set_in_use(draft_set, province_officer):
    return services.put_in_use(criteria_set=draft_set, by=province_officer)


@pytest.fixture
def commune_set(province, province_officer, can_tho_workbook):
    criteria_set = import_can_tho(
        province, province_officer, can_tho_workbook, kinds=(Agency.Kind.COMMUNE_COMMITTEE,)
    )
    return services.put_in_use(criteria_set=criteria_set, by=province_officer)
