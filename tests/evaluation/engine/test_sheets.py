"""A criteria set and its rules through the Excel workbook: template, export, import, refusals."""

import zipfile
from dataclasses import replace
from decimal import Decimal as D
from io import BytesIO

import pytest
from openpyxl import load_workbook

from danvan.evaluation.engine.classification import classify
from danvan.evaluation.engine.errors import InvalidCriteriaSet
from danvan.evaluation.engine.model import (
    Band,
    Deduction,
    MinimumShare,
    NoNodeAtZero,
    Quota,
    Steps,
    WhenNotApplicable,
)
from danvan.evaluation.engine.scoring import score
from danvan.evaluation.engine.sheets import (
    METHODS,
    criteria_template,
    read_criteria_sheet,
    write_criteria_sheet,
)
from danvan.evaluation.engine.validation import Row, build_criteria_set
from tests.evaluation.engine.can_tho_2579 import CRITERIA, HT, KHT, ROWS, RULES, TOT, XS
from tests.evaluation.engine.test_can_tho_2579 import AGENCIES

# Rows of the exported Cần Thơ workbook: "Tiêu chí" starts on row 3 with group I.
ROW_OF = {
    "I": 3,
    "I/1": 4,
    "I/2": 5,
    "II": 6,
    "II/1": 7,
    "II/1/1.1": 8,
    "II/1/1.2": 9,
    "II/2": 10,
    "II/3": 11,
}


def without_rows(criteria):
    def strip(node):
        return replace(node, row=None, children=tuple(strip(child) for child in node.children))

    return replace(criteria, roots=tuple(strip(root) for root in criteria.roots))


def edited(change):
    """The Cần Thơ workbook with `change(book)` applied, as an official would edit it."""
    book = load_workbook(BytesIO(write_criteria_sheet(CRITERIA, RULES)))
    change(book)
    output = BytesIO()
    book.save(output)
    return output.getvalue()


def refused(data):
    with pytest.raises(InvalidCriteriaSet) as error:
        read_criteria_sheet(data)
    return error.value.messages


def test_the_can_tho_set_read_back_is_the_set_written():
    criteria, rules = read_criteria_sheet(write_criteria_sheet(CRITERIA, RULES))
    assert without_rows(criteria) == without_rows(CRITERIA)
    assert rules == RULES
    assert criteria.node("II/1/1.2").row == ROW_OF["II/1/1.2"]
    again = read_criteria_sheet(write_criteria_sheet(criteria, rules))
    assert again == (criteria, rules)


@pytest.mark.parametrize("agency", AGENCIES)
def test_the_hand_worked_agencies_score_the_same_from_the_imported_set(agency):
    criteria, rules = read_criteria_sheet(write_criteria_sheet(CRITERIA, RULES))
    entered, events, total, band = AGENCIES[agency]
    card = score(criteria, entered)
    assert card.total == D(total)
    assert classify(rules, card, events).band == band


def test_every_method_and_option_survives_the_round_trip():
    rows = [
        Row("I", "Nhóm có trần", D(10), cap_at_max=True, row=2),
        Row("a", "Theo mức, không cần lý do", D(6), "I", Steps((D(0), D("1.5"), D(6)), False), row=3),
        Row(
            "b",
            "Trừ 25%, có thể âm",
            D(6),
            "I",
            Deduction(D(25), as_percent=True, floor_at_zero=False),
            when_not_applicable=WhenNotApplicable.EXCLUDED,
            evidence="Biên bản kiểm tra",
            note="Theo Điều 5",
            row=4,
        ),
    ]
    criteria = build_criteria_set("Thử", rows, floor_total_at_zero=False, rescale_when_excluded=True)
    rules = replace(
        RULES,
        bands=(
            Band(XS, D("9.5"), (MinimumShare(D("50.5"), 1),), council_vote=True),
            Band(TOT, D(8), (NoNodeAtZero(1),)),
            Band(HT, D(5)),
            Band(KHT, D(0)),
        ),
        quotas=(Quota(XS, TOT, D(20)),),
        commendation_from=None,
    )
    read, read_rules = read_criteria_sheet(write_criteria_sheet(criteria, rules))
    assert without_rows(read) == without_rows(criteria)
    assert read_rules == rules


def test_a_parent_written_by_its_code_is_the_nearest_above():
    def short_parents(book):
        book["Tiêu chí"].cell(row=ROW_OF["II/1/1.1"], column=2, value="1")
        book["Tiêu chí"].cell(row=ROW_OF["II/1/1.2"], column=2, value="1")

    criteria, _rules = read_criteria_sheet(edited(short_parents))
    assert [child.key for child in criteria.node("II/1").children] == ["II/1/1.1", "II/1/1.2"]


def test_points_that_do_not_add_up_to_the_maximum():
    def fewer_points(book):
        book["Tiêu chí"].cell(row=ROW_OF["I/2"], column=4, value=5)
        book["Tiêu chí"].cell(row=ROW_OF["I/2"], column=6, value="0; 5")

    assert refused(edited(fewer_points)) == [
        "Trang tính “Tiêu chí”, dòng 3: Tiêu chí I: tổng điểm các tiêu chí con (9) khác điểm tối đa (10)."
    ]


def test_groups_that_do_not_add_up_to_the_declared_total():
    def declared(book):
        book["Bộ tiêu chí"]["B2"] = 95

    assert refused(edited(declared)) == [
        "Trang tính “Bộ tiêu chí”, dòng 2: Tổng điểm các nhóm tiêu chí (100) khác tổng điểm công bố (95)."
    ]


def test_a_duplicate_code():
    def duplicate(book):
        book["Tiêu chí"].cell(row=ROW_OF["I/2"], column=1, value="1")

    assert refused(edited(duplicate)) == [
        "Trang tính “Tiêu chí”, dòng 5: Mã 1 bị trùng (đã có ở dòng 4).",
        "Trang tính “Tiêu chí”, dòng 3: Tiêu chí I: tổng điểm các tiêu chí con (4) khác điểm tối đa (10).",
    ]


def test_a_child_whose_parent_does_not_exist():
    def orphan(book):
        book["Tiêu chí"].cell(row=ROW_OF["II/1/1.2"], column=2, value="II/7")

    assert refused(edited(orphan)) == [
        "Trang tính “Tiêu chí”, dòng 9: Tiêu chí 1.2: không có tiêu chí cha “II/7”.",
        "Trang tính “Tiêu chí”, dòng 7: Tiêu chí 1: tổng điểm các tiêu chí con (15) khác điểm tối đa (30).",
    ]


def test_a_band_threshold_above_the_maximum():
    def too_high(book):
        book["Xếp loại"]["B3"] = 110

    assert refused(edited(too_high)) == [
        "Trang tính “Xếp loại”, dòng 3: Mức “Hoàn thành xuất sắc”: ngưỡng 110 điểm cao hơn số điểm "
        "tối đa có thể đạt (103)."
    ]


def test_a_leaf_without_a_scoring_method():
    def no_method(book):
        book["Tiêu chí"].cell(row=ROW_OF["I/1"], column=5).value = None

    assert refused(edited(no_method)) == [
        "Trang tính “Tiêu chí”, dòng 4: Tiêu chí 1: chưa có cách chấm điểm."
    ]


def test_an_unknown_method_and_unreadable_parameters_are_reported_once_each():
    def garbled(book):
        sheet = book["Tiêu chí"]
        sheet.cell(row=ROW_OF["I/1"], column=5, value="chấm đại")
        sheet.cell(row=ROW_OF["II/1/1.1"], column=6, value="trên 95 thì 15")
        sheet.cell(row=ROW_OF["II/3"], column=4, value="ba mươi")

    assert refused(edited(garbled)) == [
        "Trang tính “Tiêu chí”, dòng 4: Tiêu chí 1: cách chấm “chấm đại” không có trong danh sách "
        "(" + ", ".join(METHODS) + ").",
        "Trang tính “Tiêu chí”, dòng 8: Tiêu chí 1.1: tham số “theo khoảng tỷ lệ” là các khoảng cách nhau "
        "bởi dấu chấm phẩy, ví dụ từ 95%: 15; từ 80%: 10.",
        "Trang tính “Tiêu chí”, dòng 11: Điểm tối đa “ba mươi” không phải là số.",
        "Trang tính “Tiêu chí”, dòng 11: Tiêu chí 3: thiếu số điểm tối đa hoặc điểm âm.",
        "Trang tính “Tiêu chí”, dòng 6: Tiêu chí II: tổng điểm các tiêu chí con (60) khác điểm tối đa (90).",
    ]


def test_every_error_of_every_sheet_is_reported_together():
    def many(book):
        book["Tiêu chí"].cell(row=ROW_OF["I/1"], column=5).value = None
        book["Xếp loại"]["C4"] = "không bị kỷ luật"
        book["Sự kiện"]["D3"] = "Yếu kém"

    assert refused(edited(many)) == [
        "Trang tính “Xếp loại”, dòng 4: Mức “Hoàn thành tốt”: điều kiện “không bị kỷ luật” không đọc được; "
        "ghi “không có tiêu chí nào bị 0 điểm”, “không có tiêu chí cấp 2 nào bị 0 điểm” hoặc "
        "“mọi tiêu chí cấp 2 đạt từ 50% số điểm tối đa”.",
        "Trang tính “Sự kiện”, dòng 3: Sự kiện corruption: mức “Yếu kém” không có ở trang “Xếp loại”.",
        "Trang tính “Tiêu chí”, dòng 4: Tiêu chí 1: chưa có cách chấm điểm.",
    ]


def test_the_bands_are_checked_even_when_the_criteria_do_not_hold():
    def both(book):
        book["Tiêu chí"].cell(row=ROW_OF["I/1"], column=4, value=3)
        book["Tiêu chí"].cell(row=ROW_OF["I/1"], column=5).value = None
        book["Xếp loại"]["B3"] = 104

    assert refused(edited(both)) == [
        "Trang tính “Tiêu chí”, dòng 4: Tiêu chí 1: chưa có cách chấm điểm.",
        "Trang tính “Tiêu chí”, dòng 3: Tiêu chí I: tổng điểm các tiêu chí con (9) khác điểm tối đa (10).",
        "Trang tính “Xếp loại”, dòng 3: Mức “Hoàn thành xuất sắc”: ngưỡng 104 điểm cao hơn số điểm "
        "tối đa có thể đạt (103).",
    ]


def test_a_yes_or_no_setting_that_is_neither():
    def garbled(book):
        book["Bộ tiêu chí"]["B3"] = "tùy"

    assert refused(edited(garbled)) == [
        "Trang tính “Bộ tiêu chí”, dòng 3: Tổng điểm không dưới 0 “tùy” không hợp lệ; chọn có, không."
    ]


def test_a_file_that_is_not_a_workbook():
    message = "Tệp không phải là bảng tính Excel (.xlsx) hoặc bị hỏng; hãy dùng tệp theo mẫu."
    assert refused(b"STT;Noi dung;Diem\n1;Ke hoach;4\n") == [message]
    archive = BytesIO()
    with zipfile.ZipFile(archive, "w") as opened:
        opened.writestr("word/document.xml", "<w:document/>")
    assert refused(archive.getvalue()) == [message]


def test_a_workbook_without_the_sheets_of_the_template():
    book = load_workbook(BytesIO(criteria_template()))
    del book["Xếp loại"]
    output = BytesIO()
    book.save(output)
    assert refused(output.getvalue()) == ["Tệp thiếu trang tính “Xếp loại”; hãy dùng tệp theo mẫu."]


def test_the_template_has_the_headings_instructions_and_choices():
    book = load_workbook(BytesIO(criteria_template()))
    assert book.sheetnames == ["Bộ tiêu chí", "Tiêu chí", "Xếp loại", "Sự kiện"]
    criteria = book["Tiêu chí"]
    assert [cell.value for cell in criteria[1]][:8] == [
        "Mã tiêu chí (STT)",
        "Mã tiêu chí cha",
        "Nội dung tiêu chí",
        "Điểm tối đa",
        "Cách chấm",
        "Tham số cách chấm",
        "Minh chứng yêu cầu",
        "Ghi chú",
    ]
    assert criteria["A2"].value.startswith("Ghi đúng như văn bản")
    assert criteria.column_dimensions["C"].width == 60
    lists = {
        str(validation.sqref): validation.formula1 for validation in criteria.data_validations.dataValidation
    }
    assert lists["E3:E1000"] == '"' + ",".join(METHODS) + '"'
    assert [cell.value for cell in book["Xếp loại"][1]][:3] == ["Mức xếp loại", "Từ điểm", "Điều kiện"]
    assert criteria.max_row == 2  # nothing but the headings and the instructions


def test_the_template_as_filled_in_by_hand_is_read():
    book = load_workbook(BytesIO(criteria_template()))
    book["Bộ tiêu chí"]["B1"] = "Bộ thử"
    book["Bộ tiêu chí"]["B2"] = "10"
    sheet = book["Tiêu chí"]
    sheet.append(["I", None, "Văn bản", "10"])
    sheet.append(["1", "I", "Kế hoạch", "4", "Đạt/không đạt"])
    sheet.append(["2", "I", "Cụ thể hóa", "6", "theo mức", "0; 3; 6"])
    book["Xếp loại"].append(["Tốt", "8", "không có tiêu chí nào bị 0 điểm"])
    book["Xếp loại"].append(["Chưa tốt", 0])
    output = BytesIO()
    book.save(output)
    criteria, rules = read_criteria_sheet(output.getvalue())
    assert criteria.name == "Bộ thử"
    assert [leaf.key for leaf in criteria.leaves()] == ["I/1", "I/2"]
    assert criteria.node("I/2").method == Steps((D(0), D(3), D(6)))
    assert [band.name for band in rules.bands] == ["Tốt", "Chưa tốt"]


def test_the_cantho_rows_are_those_of_the_sheet():
    # The rows of the example are the ones the workbook gives back, method for method.
    criteria, _rules = read_criteria_sheet(write_criteria_sheet(CRITERIA, RULES))
    assert [(node.code, node.method) for node in criteria.nodes()] == [(row.code, row.method) for row in ROWS]
