"""Importing the one-stop system's exports: the header found under title rows
and merged cells, the columns guessed from Vietnamese names and remembered
per agency, and every bad sheet refused with its row and reason, nothing
written."""

from datetime import date

import pytest

from danvan.core.services import DomainError
from danvan.onestop import services, sheets
from danvan.onestop.models import LateDossier, OnestopSetting, StatisticsPeriod, StatisticsRow
from tests.onestop.conftest import (
    FIGURES,
    LATE_ROWS,
    import_figures,
    late_xlsx,
    statistics_csv,
    statistics_xlsx,
)

LATE_ROWS_FIRST = LATE_ROWS[0]


def test_an_xlsx_with_title_rows_and_a_two_row_header_is_read(agency, office_officer):
    period = import_figures(agency, office_officer)
    rows = list(period.rows.order_by("source_row"))
    assert [
        (row.unit_name, row.procedure, row.received, row.early, row.on_time, row.late) for row in rows
    ] == [
        (unit, procedure, received, early, on_time, late)
        for unit, procedure, received, early, on_time, late, _progress, _withdrawn in FIGURES
    ]
    # The unit merged down over two procedures is read on both; the total line is not a procedure.
    assert rows[1].unit_name == "Chi cục Tiêu chuẩn Đo lường Chất lượng"
    assert rows[0].source_row == 7


def test_a_csv_with_title_rows_and_semicolons_is_read(agency, office_officer):
    period = import_figures(agency, office_officer, statistics_csv())
    assert period.rows.count() == 3
    assert period.rows.get(procedure__startswith="Cấp giấy phép").late == 5


def test_the_columns_are_guessed_from_headers_without_accents():
    table = sheets.read_table(statistics_xlsx(), "a.xlsx", sheets.STATISTICS)
    mapping = sheets.guess_mapping(table, sheets.STATISTICS)
    assert table.header[mapping["late"]] == "Quá hạn"
    assert table.header[mapping["early"]] == "Trước hạn"
    assert table.header[mapping["withdrawn"]] == "Rút hồ sơ"
    assert mapping["settled"] is None  # the merged group title gave way to its sub-titles


def test_the_confirmed_mapping_is_remembered_for_the_agencys_next_import(agency, office_officer):
    data = statistics_xlsx(late_header="Số HS xử lý chậm")
    table = sheets.read_table(data, "a.xlsx", sheets.STATISTICS)
    guessed = sheets.guess_mapping(table, sheets.STATISTICS)
    assert guessed["late"] is None
    chosen = {**guessed, "late": table.header.index("Số HS xử lý chậm")}
    services.import_statistics(
        agency=agency,
        starts_on=date(2026, 1, 1),
        ends_on=date(2026, 3, 31),
        table=table,
        mapping=chosen,
        source_name="a.xlsx",
        replace=False,
        by=office_officer,
    )
    remembered = OnestopSetting.objects.get(agency=agency).column_mapping[sheets.STATISTICS]
    assert sheets.guess_mapping(table, sheets.STATISTICS, remembered)["late"] == chosen["late"]


def test_a_sheet_without_a_required_column_is_refused(agency, office_officer):
    data = statistics_csv().replace("Quá hạn".encode(), b"Ghi ch\xc3\xba")
    with pytest.raises(services.ImportRefused) as refused:
        import_figures(agency, office_officer, data)
    assert "thiếu cột bắt buộc: Quá hạn" in str(refused.value.problems[0])
    assert not StatisticsPeriod.objects.exists()


def test_a_negative_count_is_refused_with_its_sheet_and_row(agency, office_officer):
    figures = [*FIGURES[:2], (*FIGURES[2][:5], -3, 0, 0)]
    with pytest.raises(services.ImportRefused) as refused:
        import_figures(agency, office_officer, statistics_xlsx(figures))
    assert str(refused.value.problems[0]) == (
        "Trang tính «Thống kê», dòng 9: cột «Quá hạn» có giá trị «-3»: số hồ sơ phải là số nguyên không âm."
    )
    assert not StatisticsPeriod.objects.exists() and not StatisticsRow.objects.exists()


def test_a_fraction_or_a_word_is_not_a_count(agency, office_officer):
    figures = [(*FIGURES[0][:3], 2.5, *FIGURES[0][4:]), (*FIGURES[1][:4], "mười", *FIGURES[1][5:])]
    with pytest.raises(services.ImportRefused) as refused:
        import_figures(agency, office_officer, statistics_xlsx(figures))
    assert [problem.row for problem in refused.value.problems] == [7, 8]


def test_a_total_that_does_not_add_up_is_refused(agency, office_officer):
    data = statistics_csv().replace(
        b"Tr\xc6\xb0\xe1\xbb\x9bc h\xe1\xba\xa1n;", "Đã giải quyết;Trước hạn;".encode()
    )
    data = (
        data.replace(b";40;10;", b";40;99;10;")
        .replace(b";12;2;", b";12;10;2;")
        .replace(b";20;0;", b";20;20;0;")
    )
    with pytest.raises(services.ImportRefused) as refused:
        import_figures(agency, office_officer, data)
    assert [problem.row for problem in refused.value.problems] == [5]
    assert "tổng đã giải quyết là 99 nhưng trước hạn + đúng hạn + quá hạn là 35" in str(
        refused.value.problems[0]
    )


def test_received_that_differs_from_the_dossiers_handled_is_a_warning_only():
    figures = [(*FIGURES[0][:2], 50, *FIGURES[0][3:])]
    table = sheets.read_table(statistics_xlsx(figures), "a.xlsx", sheets.STATISTICS)
    reading = sheets.read_rows(table, sheets.STATISTICS, sheets.guess_mapping(table, sheets.STATISTICS))
    assert not reading.errors and reading.rows
    assert "tiếp nhận 50 hồ sơ nhưng đã giải quyết + đang giải quyết + rút là 40" in str(reading.warnings[0])


def test_the_same_period_again_is_refused_until_confirmed_then_replaced(agency, office_officer, period):
    with pytest.raises(DomainError, match="đã được nhập; hãy xác nhận"):
        import_figures(agency, office_officer, statistics_csv(FIGURES[:1]))
    assert period.rows.count() == 3
    again = import_figures(agency, office_officer, statistics_csv(FIGURES[:1]), replace=True)
    assert again.pk == period.pk and StatisticsPeriod.objects.count() == 1
    assert again.rows.count() == 1


def test_an_overlapping_period_is_refused(agency, office_officer, period):
    with pytest.raises(DomainError, match="trùng một phần với kỳ 01/01/2026–31/03/2026"):
        import_figures(agency, office_officer, starts_on=date(2026, 3, 1), ends_on=date(2026, 4, 30))
    assert StatisticsPeriod.objects.count() == 1


def test_late_dossiers_are_imported_from_their_sheet(agency, office_officer):
    table = sheets.read_table(late_xlsx(), "tre-han.xlsx", sheets.LATE)
    count = services.import_late_dossiers(
        agency=agency, table=table, mapping=sheets.guess_mapping(table, sheets.LATE), by=office_officer
    )
    assert count == 2
    first = LateDossier.objects.get(code="000.00.12.H57-260105-0001")
    assert first.applicant == "Nguyễn Thị Hồ Sơ Một"
    assert first.cause == LateDossier.Cause.OFFICIAL
    assert (first.due_date, first.apology_sent_on, first.new_due_date) == (
        date(2026, 1, 20),
        date(2026, 1, 18),
        date(2026, 1, 27),
    )
    assert first.apology_by_system and first.apology_in_time()
    assert LateDossier.objects.get(code="000.00.12.H57-260210-0002").cause == LateDossier.Cause.OTHER


def test_a_late_sheet_giving_a_second_new_date_is_refused(agency, office_officer):
    table = sheets.read_table(late_xlsx(), "tre-han.xlsx", sheets.LATE)
    mapping = sheets.guess_mapping(table, sheets.LATE)
    services.import_late_dossiers(agency=agency, table=table, mapping=mapping, by=office_officer)
    rows = [(*row[:9], "05/02/2026") if row[0].endswith("0001") else row for row in LATE_ROWS]
    table = sheets.read_table(late_xlsx(rows), "tre-han.xlsx", sheets.LATE)
    with pytest.raises(services.ImportRefused) as refused:
        services.import_late_dossiers(agency=agency, table=table, mapping=mapping, by=office_officer)
    assert "ngày hẹn trả chỉ được hẹn lại một lần" in str(refused.value.problems[0])
    assert LateDossier.objects.get(code__endswith="0001").new_due_date == date(2026, 1, 27)


def test_a_late_sheet_with_a_bad_date_is_refused_with_its_row(agency, office_officer):
    rows = [(*LATE_ROWS_FIRST[:5], "31/02/2026", *LATE_ROWS_FIRST[6:])]
    table = sheets.read_table(late_xlsx(rows), "tre-han.xlsx", sheets.LATE)
    with pytest.raises(services.ImportRefused) as refused:
        services.import_late_dossiers(
            agency=agency, table=table, mapping=sheets.guess_mapping(table, sheets.LATE), by=office_officer
        )
    assert str(refused.value.problems[0]).startswith("Trang tính «Hồ sơ trễ hạn», dòng 4: cột «Ngày hẹn trả»")
    assert not LateDossier.objects.exists()
