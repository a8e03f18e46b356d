"""What the review page offers from an extraction: the basis as the plan's
citations, the plan's own deadlines, the organisation section without the
lines those deadlines print again, and each task's content item."""

from danvan.plans.review import initial_values

LAW = {"type": "Luật", "number": "10/2022/QH15", "name": None, "date": "2022-11-10", "issuer": "Quốc hội"}
CONCLUSION = {"type": "Kết luận", "number": "114-KL/TW", "name": None, "date": None, "issuer": None}
REPORT = {
    "date": "2026-11-20",
    "action": "báo cáo kết quả năm",
    "units": ["Văn phòng Sở"],
    "recipient": "Sở Nội vụ",
    "task": None,
}
OWN_TIMING = {"date": "2026-03-31", "action": "Tổ chức hội nghị", "units": [], "recipient": None, "task": 0}
EXTRACTION = {
    "title": "Công tác dân vận năm 2026",
    "period": {"year": 2026, "quarter": None, "half": None},
    "citations": [LAW, CONCLUSION],
    "basis": [LAW],
    "tasks": [
        {"heading": "Tổ chức hội nghị", "lead": None, "timing": "Trước 31/3/2026", "section": "Dân chủ"}
    ],
    "targets": [{"text": "100% công chức được quán triệt.", "percent": 100}],
    "deadlines": [OWN_TIMING, REPORT],
    "higher_plan": "Kế hoạch số 1026/KH-UBND ngày 25/3/2026 của UBND tỉnh",
    "purposes": "Nâng cao nhận thức.",
    "implementation": (
        "Văn phòng Sở theo dõi, đôn đốc.\n"
        "- Văn phòng Sở báo cáo kết quả năm về Sở Nội vụ trước ngày 20/11/2026.\n"
        "- Các phòng gửi báo cáo về Văn phòng Sở trước ngày 20/11/2026 để tổng hợp."
    ),
}


def test_the_citations_offered_are_the_basis():
    assert [c["number"] for c in initial_values(EXTRACTION, [])["citations"]] == ["10/2022/QH15"]


def test_an_extraction_read_before_the_basis_was_told_apart_offers_every_citation():
    older = {k: v for k, v in EXTRACTION.items() if k != "basis"}
    assert [c["number"] for c in initial_values(older, [])["citations"]] == ["10/2022/QH15", "114-KL/TW"]


def test_a_tasks_own_timing_is_not_offered_as_a_deadline_of_the_plan():
    deadlines = initial_values(EXTRACTION, [])["deadlines"]
    assert [(d["due_date"].isoformat(), d["units"]) for d in deadlines] == [("2026-11-20", "Văn phòng Sở")]


def test_the_higher_plan_and_the_purposes_are_offered_and_the_organisation_section_without_the_lines_its_deadlines_print_again():
    values = initial_values(EXTRACTION, [])["plan"]
    assert values["higher_plan"] == "Kế hoạch số 1026/KH-UBND ngày 25/3/2026 của UBND tỉnh"
    assert values["purposes"] == "Nâng cao nhận thức."
    # A line in other words than Danvan's stays: nothing the plan says is lost.
    assert values["implementation"] == (
        "Văn phòng Sở theo dõi, đôn đốc.\n"
        "- Các phòng gửi báo cáo về Văn phòng Sở trước ngày 20/11/2026 để tổng hợp."
    )


def test_each_task_keeps_its_content_item_and_a_target_its_words_without_the_final_period():
    values = initial_values(EXTRACTION, [])
    assert values["tasks"][0]["section"] == "Dân chủ"
    assert values["targets"] == [{"text": "100% công chức được quán triệt", "percent": 100}]
