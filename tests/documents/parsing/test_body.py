"""Tasks, targets and deadlines from the body of a plan."""

from danvan.documents.parsing import parse_text

PLAN = """KẾ HOẠCH
Công tác dân vận năm 2023
I. MỤC TIÊU, YÊU CẦU
1. Mục tiêu
- Phấn đấu 100% hồ sơ được giải quyết đúng hạn.
- Nâng cao sự hài lòng của người dân.
2. Yêu cầu
- Bám sát chức năng, nhiệm vụ.
II. NỘI DUNG VÀ GIẢI PHÁP THỰC HIỆN
1. Tuyên truyền, quán triệt văn bản.
- Đơn vị thực hiện: Văn phòng Sở chủ trì phối hợp các phòng.
- Thời gian thực hiện: Thường xuyên.
+ ý phụ không phải nhiệm vụ
3. Cải cách hành chính. Tăng cường kiểm tra công vụ.
Phòng Hành chính - Tổng hợp chủ trì, phối hợp các đơn vị thực hiện.
4. Tiếp công dân
- Đơn vị thực hiện: Thanh tra Sở.
- Thời gian thực hiện: trước ngày 30/9.
III. TỔ CHỨC THỰC HIỆN
- Các phòng báo cáo kết quả về Văn phòng Sở trước ngày 20/10; Văn phòng tổng hợp báo cáo Sở Nội vụ chậm nhất ngày 5 tháng 11 năm 2023.
- Tỷ lệ giải quyết đúng hạn đạt 98,5% trở lên.
- Báo cáo khi có yêu cầu.
"""


def plan():
    return parse_text(PLAN)


def test_numbered_items_of_the_content_section_are_tasks_gaps_kept():
    assert [t["heading"] for t in plan()["tasks"]] == [
        "Tuyên truyền, quán triệt văn bản",
        "Cải cách hành chính",
        "Tiếp công dân",
    ]


def test_lead_from_unit_line_without_qualifiers():
    assert plan()["tasks"][0]["lead"] == "Văn phòng Sở"


def test_lead_named_in_the_text_before_chu_tri():
    assert plan()["tasks"][1]["lead"] == "Phòng Hành chính - Tổng hợp"


def test_timing_line():
    assert [t["timing"] for t in plan()["tasks"]] == ["Thường xuyên", None, "trước ngày 30/9"]


def test_bullets_are_tasks_when_the_section_has_no_numbers():
    text = "KẾ HOẠCH\nX năm 2023\nII. NHIỆM VỤ\n- Việc một.\n+ ý phụ\n- Việc hai.\nIII. TỔ CHỨC THỰC HIỆN\n- Không phải nhiệm vụ.\n"
    assert [t["heading"] for t in parse_text(text)["tasks"]] == ["Việc một", "Việc hai"]


def test_targets_under_muc_tieu_not_yeu_cau_plus_percent_sentences():
    targets = [(t["text"][:20], t["percent"]) for t in plan()["targets"]]
    assert targets == [
        ("Phấn đấu 100% hồ sơ ", 100),
        ("Nâng cao sự hài lòng", None),
        ("Tỷ lệ giải quyết đún", 98.5),
    ]


def test_deadlines_with_and_without_year():
    assert [d["date"] for d in plan()["deadlines"]] == ["2023-09-30", "2023-10-20", "2023-11-05"]


def test_deadline_units_and_recipient():
    deadline = plan()["deadlines"][1]
    assert deadline["units"] == ["Các phòng"]
    assert deadline["recipient"] == "Văn phòng Sở"


def test_lower_case_roman_heading_opens_the_content_section():
    text = "KẾ HOẠCH\nX năm 2023\nI. Mục đích\n1. Không phải nhiệm vụ.\nII. Nội dung thực hiện\n1. Việc một.\n2. Việc hai.\n"
    assert [t["heading"] for t in parse_text(text)["tasks"]] == ["Việc một", "Việc hai"]


def test_arabic_numbered_parts_with_nested_items():
    text = "KẾ HOẠCH\nX năm 2023\n1. MỤC ĐÍCH\nA.\n2. NỘI DUNG THỰC HIỆN\n2.1. Việc một.\n2.2. Việc hai.\n3. TỔ CHỨC THỰC HIỆN\n"
    assert [t["heading"] for t in parse_text(text)["tasks"]] == ["Việc một", "Việc hai"]


def test_lead_line_with_several_qualifying_words():
    text = "KẾ HOẠCH\nX năm 2023\nII. NHIỆM VỤ\n1. Việc một.\n- Đơn vị chủ trì thực hiện: Sở Y tế.\n"
    assert parse_text(text)["tasks"][0]["lead"] == "Sở Y tế"


def test_report_results_section_is_not_the_task_list():
    text = (
        "BÁO CÁO\nKết quả năm 2024\nI. KẾT QUẢ THỰC HIỆN NHIỆM VỤ\n1. Đã làm A.\n2. Đã làm B.\n"
        "II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025\n1. Sẽ làm C.\n"
    )
    assert [t["heading"] for t in parse_text(text)["tasks"]] == ["Sẽ làm C"]


def test_party_numbering_with_hyphens():
    text = "KẾ HOẠCH\nX năm 2024\nI- MỤC ĐÍCH\n1- Không phải.\nII- NHIỆM VỤ, GIẢI PHÁP\n1- Việc một.\n2- Việc hai.\nIII- TỔ CHỨC THỰC HIỆN\n1- Không phải.\n"
    assert [t["heading"] for t in parse_text(text)["tasks"]] == ["Việc một", "Việc hai"]


def test_deadline_without_the_word_ngay_but_not_a_fraction():
    text = "KẾ HOẠCH\nX năm 2024\nIII. TỔ CHỨC THỰC HIỆN\n- Các chi bộ báo cáo trước 15/12. Đạt trước 2/3 số phiếu.\n"
    assert [d["date"] for d in parse_text(text)["deadlines"]] == ["2024-12-15"]


def test_content_part_numbered_like_an_item_with_lettered_tasks():
    text = (
        "KẾ HOẠCH\nX năm 2024\n1. Mục đích, yêu cầu\na) Không phải.\n2. Nội dung thực hiện\n"
        "a) Tuyên truyền (Văn phòng chủ trì).\nb) Kiểm tra do Thanh tra Sở chủ trì thực hiện.\n3. Tổ chức thực hiện\na) Không.\n"
    )
    assert [t["lead"] for t in parse_text(text)["tasks"]] == ["Văn phòng", "Thanh tra Sở"]


def test_dates_listed_after_a_deadline_are_deadlines_too():
    text = "KẾ HOẠCH\nX năm 2024\nIII. TỔ CHỨC THỰC HIỆN\n- Các phòng báo cáo trước ngày 30/6 và 30/12 hằng năm.\n"
    assert [d["date"] for d in parse_text(text)["deadlines"]] == ["2024-06-30", "2024-12-30"]


def test_slogan_in_capitals_does_not_end_the_content_section():
    text = "KẾ HOẠCH\nX năm 2024\nII. NỘI DUNG THỰC HIỆN\n1. Việc một.\n“DÂN VẬN KHÉO”\n2. Việc hai.\n"
    assert len(parse_text(text)["tasks"]) == 2


def test_deadline_with_an_hour_and_a_due_label():
    from danvan.documents.parsing.deadlines import extract_deadlines

    paragraphs = ["- Gửi về Sở trước 17 giờ 00 ngày 30/9/2024.", "- Hạn nộp: 15/10."]
    assert [d["date"] for d in extract_deadlines(paragraphs, 2024)] == ["2024-09-30", "2024-10-15"]


def test_lead_with_an_abbreviation_keeps_its_dot():
    text = "KẾ HOẠCH\nX năm 2024\nII. NHIỆM VỤ\n1. Việc một.\n- Đơn vị thực hiện: TT. Công nghệ thông tin. Phối hợp: các phòng.\n"
    assert parse_text(text)["tasks"][0]["lead"] == "TT. Công nghệ thông tin"


def test_unit_on_the_line_after_its_label():
    text = "KẾ HOẠCH\nX năm 2024\nII. NHIỆM VỤ\n1. Việc một.\n- Đơn vị thực hiện:\nThanh tra Sở.\n- Thời gian thực hiện:\nThường xuyên.\n"
    assert parse_text(text)["tasks"][0] == {
        "heading": "Việc một",
        "lead": "Thanh tra Sở",
        "timing": "Thường xuyên",
        "section": None,
    }
