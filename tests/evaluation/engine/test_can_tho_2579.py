"""Agencies scored by hand against Cần Thơ QĐ 2579/QĐ-UBND and classified by its Điều 6."""

from decimal import Decimal as D

import pytest

from danvan.evaluation.engine.classification import classify, may_be_proposed
from danvan.evaluation.engine.model import Done, Occurrences, Ratio, StepChoice
from danvan.evaluation.engine.scoring import score
from tests.evaluation.engine.can_tho_2579 import CRITERIA, HT, KHT, RULES, TOT, XS


def entries(plan, documents, briefed, late_reports, dialogues, on_time, models=0, exemplars=0, reminders=0):
    return {
        "I/1": Done(plan),
        "I/2": StepChoice(D(documents), "Theo hồ sơ minh chứng"),
        "II/1/1.1": Ratio(D(briefed[0]), D(briefed[1])),
        "II/1/1.2": Occurrences(late_reports),
        "II/2": StepChoice(D(dialogues), "Theo biên bản đối thoại"),
        "II/3": Ratio(D(on_time[0]), D(on_time[1])),
        "III/1": Occurrences(models),
        "III/2": Occurrences(exemplars),
        "IV/1": Occurrences(reminders),
    }


AGENCIES = {
    # A. Plan 4 + documents 6 + briefed 48/50 = 96 % → 15 + no late report 15 + dialogues 30
    #    + 100 % on time → 30 = 100; bonus 2 models → 2, 1 exemplar → 0,5: 2,5 (≤ 3). Total 102,5 → XS.
    "Sở Nội vụ": (entries(True, 6, (48, 50), 0, 30, (100, 100), models=2, exemplars=1), (), "102.50", XS),
    # B. 4 + 4 + 45/50 = 90 % → 10 + one late report 15 − 5 = 10 + 30 + 190/200 = 95 % → 30 × 45/50 = 27:
    #    base 85; bonus 3 models → 2 (item cap), 4 exemplars → 2: 4 → 3 (cap for all bonus);
    #    1 reminder → −1. Total 85 + 3 − 1 = 87 → TOT.
    "Sở Tài chính": (
        entries(True, 4, (45, 50), 1, 30, (190, 200), models=3, exemplars=4, reminders=1),
        (),
        "87",
        TOT,
    ),
    # C. 4 + 6 + 15 + 15 + 30 + 180/200 = 90 % → 30 × 40/50 = 24: base 94; 1 model → 1.
    #    Total exactly 95 → XS (from 95 inclusive).
    "Sở Y tế": (entries(True, 6, (48, 50), 0, 30, (180, 200), models=1), (), "95", XS),
    # D. No plan → 0 + 6 + 15 + 15 + 30 + 30 = 96; 2 models → 2: total 98, but a criterion at 0 bars
    #    XS and TOT → HT.
    "Sở Xây dựng": (entries(False, 6, (48, 50), 0, 30, (100, 100), models=2), (), "98", HT),
    # E. As A (102,5) but the director was reprimanded (khiển trách) → at most TOT.
    "Sở Công Thương": (
        entries(True, 6, (48, 50), 0, 30, (100, 100), models=2, exemplars=1),
        ("leader_reprimanded",),
        "102.50",
        TOT,
    ),
    # F. As A, a warning (cảnh cáo, cap HT) and corruption (forces KHT, below the cap) → KHT.
    "Sở Giáo dục": (
        entries(True, 6, (48, 50), 0, 30, (100, 100), models=2, exemplars=1),
        ("leader_warned", "corruption"),
        "102.50",
        KHT,
    ),
    # G. No plan 0 + documents 2 + 40/50 = 80 % → 10 + 4 late reports 15 − 20 → 0 (floor)
    #    + dialogues 20 + 150/200 = 75 % → 30 × 25/50 = 15: base 47; 3 reminders → −3. Total 44 → KHT.
    "UBND phường Ninh Kiều": (entries(False, 2, (40, 50), 4, 20, (150, 200), reminders=3), (), "44", KHT),
    # H. 4 + 6 + 15 + 15 + 20 + 7/9 = 77,78 % → 30 × 27,78/50 = 16,666… → 16,67: base 76,67;
    #    2 reminders → −2. Total 74,67, under 75 → KHT.
    "UBND xã Phong Điền": (entries(True, 6, (48, 50), 0, 20, (7, 9), reminders=2), (), "74.67", KHT),
    # I. As H without reminders: 76,67 → HT.
    "UBND xã Thới Lai": (entries(True, 6, (48, 50), 0, 20, (7, 9)), (), "76.67", HT),
    # J. 4 + 6 + 40/50 = 80 % → 10 + 1 late 10 + 30 + 170/200 = 85 % → 30 × 35/50 = 21: 81; 4 models → 2,
    #    2 exemplars → 1: 3; total exactly 84 → HT (85 not reached).
    "Ban Quản lý các khu chế xuất": (
        entries(True, 6, (40, 50), 1, 30, (170, 200), models=4, exemplars=2),
        (),
        "84",
        HT,
    ),
}


@pytest.mark.parametrize("agency", AGENCIES)
def test_hand_worked_agencies(agency):
    entered, events, total, band = AGENCIES[agency]
    card = score(CRITERIA, entered)
    assert card.total == D(total)
    assert classify(RULES, card, events).band == band


def test_the_reason_names_the_threshold_and_the_cap():
    entered, events, _total, _band = AGENCIES["Sở Công Thương"]
    result = classify(RULES, score(CRITERIA, entered), events)
    assert result.score_band == XS
    assert result.notes == ("Do “người đứng đầu bị kỷ luật khiển trách”, tối đa xếp “Hoàn thành tốt”.",)
    assert result.reason == "Tổng điểm 102,5, từ 85 điểm trở lên: “Hoàn thành tốt”."


def test_an_agency_that_did_not_submit_is_not_completed():
    result = classify(RULES, None, {"no_self_assessment"})
    assert result.band == KHT
    assert result.reason == "Xếp “Không hoàn thành” do: không gửi báo cáo tự đánh giá."


def test_only_good_or_excellent_agencies_may_be_proposed_for_commendation():
    proposed = {
        agency
        for agency, (entered, events, _total, _band) in AGENCIES.items()
        if may_be_proposed(RULES, classify(RULES, score(CRITERIA, entered), events))
    }
    assert proposed == {"Sở Nội vụ", "Sở Tài chính", "Sở Y tế", "Sở Công Thương"}
