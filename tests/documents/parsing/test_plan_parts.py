"""The parts of a plan that the import keeps besides the scored fields: the
purposes and requirements, the organisation of implementation, the heading of
each content item, the basis ("Căn cứ …"), and the task whose own timing a
dated line states."""

from danvan.documents.parsing import parse_text

# A plan laid out as Danvan prints one: content items headed by a line of their own.
PLAN = """SỞ TƯ PHÁP
Số: 08/KH-STP
Long An, ngày 14 tháng 01 năm 2027
KẾ HOẠCH
Thực hiện công tác dân vận chính quyền năm 2027
Căn cứ Luật số 10/2022/QH15 ngày 10/11/2022 của Quốc hội;
Căn cứ Nghị định số 59/2023/NĐ-CP ngày 14/08/2023 của Chính phủ.
Sở Tư pháp ban hành Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích: Nâng cao nhận thức của công chức về công tác dân vận.
2. Yêu cầu: Triển khai nghiêm túc, đúng tiến độ.
II. NHIỆM VỤ, GIẢI PHÁP
Công tác tuyên truyền
1. Quán triệt Kết luận số 114-KL/TW đến công chức
- Đơn vị chủ trì: Văn phòng Sở
- Thời gian thực hiện: Quý I/2027
2. Công khai thông tin theo Luật Thực hiện dân chủ ở cơ sở
- Đơn vị chủ trì: Phòng Hành chính tư pháp
- Thời gian thực hiện: Thường xuyên
Thực hiện dân chủ ở cơ quan
3. Tổ chức Hội nghị cán bộ, công chức năm 2027
- Đơn vị chủ trì: Văn phòng Sở
- Thời gian thực hiện: Trước 31/3/2027
III. TỔ CHỨC THỰC HIỆN
Văn phòng Sở là đơn vị thường trực, theo dõi việc thực hiện Kế hoạch.
- Phòng Hành chính tư pháp báo cáo kết quả năm về Văn phòng Sở trước ngày 20/11/2027.
Nơi nhận:
- Sở Nội vụ;
- Lưu: VT.
GIÁM ĐỐC
Lê Văn Bình
"""


def plan():
    return parse_text(PLAN)


def test_the_purposes_and_requirements_are_kept_line_by_line():
    assert plan()["purposes"] == (
        "1. Mục đích: Nâng cao nhận thức của công chức về công tác dân vận.\n"
        "2. Yêu cầu: Triển khai nghiêm túc, đúng tiến độ."
    )


def test_the_organisation_of_implementation_is_kept_line_by_line():
    assert plan()["implementation"] == (
        "Văn phòng Sở là đơn vị thường trực, theo dõi việc thực hiện Kế hoạch.\n"
        "- Phòng Hành chính tư pháp báo cáo kết quả năm về Văn phòng Sở trước ngày 20/11/2027."
    )


def test_a_plan_without_those_parts_has_them_empty():
    text = PLAN.replace("I. MỤC ĐÍCH, YÊU CẦU", "").replace("III. TỔ CHỨC THỰC HIỆN", "")
    text = "\n".join(
        line for line in text.splitlines() if not line.startswith(("1. Mục", "2. Yêu", "Văn phòng Sở là"))
    )
    parsed = parse_text(text)
    assert parsed["purposes"] == "" and parsed["implementation"] == ""


def test_each_task_carries_the_heading_of_its_content_item():
    assert [(t["section"], t["heading"]) for t in plan()["tasks"]] == [
        ("Công tác tuyên truyền", "Quán triệt Kết luận số 114-KL/TW đến công chức"),
        ("Công tác tuyên truyền", "Công khai thông tin theo Luật Thực hiện dân chủ ở cơ sở"),
        ("Thực hiện dân chủ ở cơ quan", "Tổ chức Hội nghị cán bộ, công chức năm 2027"),
    ]


def test_a_heading_line_is_not_read_into_the_task_above_it():
    tasks = plan()["tasks"]
    assert [(t["lead"], t["timing"]) for t in tasks] == [
        ("Văn phòng Sở", "Quý I/2027"),
        ("Phòng Hành chính tư pháp", "Thường xuyên"),
        ("Văn phòng Sở", "Trước 31/3/2027"),
    ]


def test_tasks_without_item_headings_have_no_section():
    text = PLAN.replace("Công tác tuyên truyền\n", "").replace("Thực hiện dân chủ ở cơ quan\n", "")
    assert [t["section"] for t in parse_text(text)["tasks"]] == [None, None, None]


def test_the_basis_is_what_the_preamble_cites_every_citation_still_listed():
    parsed = plan()
    assert [(c["type"], c["number"], c["date"]) for c in parsed["basis"]] == [
        ("Luật", "10/2022/QH15", "2022-11-10"),
        ("Nghị định", "59/2023/NĐ-CP", "2023-08-14"),
    ]
    # Documents the tasks name are citations of the document, not its basis.
    assert [c["number"] or c["name"] for c in parsed["citations"]] == [
        "10/2022/QH15",
        "59/2023/NĐ-CP",
        "114-KL/TW",
        "Luật Thực hiện dân chủ ở cơ sở",
    ]


def test_a_tasks_own_dated_timing_is_that_tasks_deadline_not_the_plans():
    deadlines = plan()["deadlines"]
    assert [(d["date"], d["task"]) for d in deadlines] == [("2027-03-31", 2), ("2027-11-20", None)]
    own = deadlines[0]
    assert own["action"] == "Tổ chức Hội nghị cán bộ, công chức năm 2027"
    assert own["units"] == ["Văn phòng Sở"]
    report = deadlines[1]
    assert (report["action"], report["units"], report["recipient"]) == (
        "báo cáo kết quả năm",
        ["Phòng Hành chính tư pháp"],
        "Văn phòng Sở",
    )


def test_a_law_named_as_the_subject_of_a_cited_document_is_not_a_basis_of_its_own():
    text = PLAN.replace(
        "của Quốc hội;", "của Quốc hội về Luật Thực hiện dân chủ ở cơ sở;\nCăn cứ Luật Tiếp công dân;"
    ).replace(
        "của Chính phủ.", "của Chính phủ quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở."
    )
    assert [c["number"] or c["name"] for c in parse_text(text)["basis"]] == [
        "10/2022/QH15",
        "Luật Tiếp công dân",
        "59/2023/NĐ-CP",
    ]


def test_the_plan_it_implements_is_read_from_the_opening_line():
    text = PLAN.replace(
        "Sở Tư pháp ban hành Kế hoạch như sau:",
        "Thực hiện Kế hoạch số 1026/KH-UBND ngày 25/3/2027 của UBND tỉnh về công tác dân vận chính quyền, "
        "Sở Tư pháp ban hành Kế hoạch như sau:",
    )
    parsed = parse_text(text)
    assert parsed["higher_plan"] == (
        "Kế hoạch số 1026/KH-UBND ngày 25/3/2027 của UBND tỉnh về công tác dân vận chính quyền"
    )
    # It is what the plan carries out, not its basis; it is still a citation of the document.
    assert "1026/KH-UBND" not in [c["number"] for c in parsed["basis"]]
    assert "1026/KH-UBND" in [c["number"] for c in parsed["citations"]]


def test_a_plan_that_names_no_higher_plan_has_none():
    assert plan()["higher_plan"] is None
    opening = "Thực hiện chỉ đạo của Giám đốc Sở, Sở Tư pháp ban hành Kế hoạch như sau:"
    assert parse_text(PLAN.replace("Sở Tư pháp ban hành Kế hoạch như sau:", opening))["higher_plan"] is None
