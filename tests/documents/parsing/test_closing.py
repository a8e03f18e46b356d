"""Recipients and signature, in either order or interleaved by a flattened two-column layout."""

from danvan.documents.parsing.closing import extract_closing

RECIPIENTS = ["Nơi nhận:", "- Sở Nội vụ;", "- Các phòng, đơn vị (th/h);", "- Lưu: VT."]
SIGNATURE = ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "(Đã ký)", "Trần Văn Hòa"]
EXPECTED = (
    ["Sở Nội vụ", "Các phòng, đơn vị (th/h)", "Lưu: VT."],
    {"authority": "KT. GIÁM ĐỐC", "title": "PHÓ GIÁM ĐỐC", "name": "Trần Văn Hòa"},
)


def test_recipients_then_signature():
    assert extract_closing(RECIPIENTS + SIGNATURE) == EXPECTED


def test_signature_then_recipients():
    assert extract_closing(SIGNATURE + RECIPIENTS) == EXPECTED


def test_two_columns_flattened_line_by_line():
    lines = [
        "Nơi nhận: KT. GIÁM ĐỐC",
        "- Sở Nội vụ; PHÓ GIÁM ĐỐC",
        "- Các phòng, đơn vị (th/h);",
        "- Lưu: VT. Trần Văn Hòa",
    ]
    assert extract_closing(lines) == EXPECTED


def test_alternating_lines():
    lines = [
        "Nơi nhận:",
        "KT. GIÁM ĐỐC",
        "- Sở Nội vụ;",
        "PHÓ GIÁM ĐỐC",
        "- Các phòng, đơn vị (th/h);",
        "- Lưu: VT.",
        "Trần Văn Hòa",
    ]
    assert extract_closing(lines) == EXPECTED


def test_signer_in_own_right_has_no_authority():
    _, signer = extract_closing(["GIÁM ĐỐC", "Lê Thị Hạnh"])
    assert signer == {"authority": None, "title": "GIÁM ĐỐC", "name": "Lê Thị Hạnh"}


def test_party_authority_and_title():
    _, signer = extract_closing(["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Nguyễn Văn An"])
    assert signer == {"authority": "T/M BAN THƯỜNG VỤ", "title": "PHÓ BÍ THƯ", "name": "Nguyễn Văn An"}


def test_no_signature_block():
    assert extract_closing(["Nơi nhận:", "- Lưu: VT."]) == (
        ["Lưu: VT."],
        {"authority": None, "title": None, "name": None},
    )


def test_recipients_written_without_dashes():
    recipients, _ = extract_closing(["Nơi nhận:", "Như trên;", "Lưu: VT."])
    assert recipients == ["Như trên", "Lưu: VT."]


def test_signature_above_recipients_in_a_whole_document():
    from danvan.documents.parsing import parse_text

    text = "KẾ HOẠCH\nViệc năm 2024\nI. NỘI DUNG\n1. Làm việc A.\nGIÁM ĐỐC\nLê Văn Tám\nNơi nhận:\n- Sở Nội vụ;\n"
    plan = parse_text(text)
    assert plan["signer"] == {"authority": None, "title": "GIÁM ĐỐC", "name": "Lê Văn Tám"}
    assert plan["recipients"] == ["Sở Nội vụ"]


def test_appendix_after_the_signature_is_not_read_as_recipients():
    from danvan.documents.parsing import parse_text

    text = (
        "KẾ HOẠCH\nViệc năm 2024\nI. NỘI DUNG\n1. Làm A./.\nNơi nhận:\n- Sở Nội vụ;\nGIÁM ĐỐC\nLê Văn Tám\n"
        "PHỤ LỤC\n- Nhiệm vụ B hoàn thành trước ngày 30/6/2024.\n"
    )
    plan = parse_text(text)
    assert plan["recipients"] == ["Sở Nội vụ"]
    assert [d["date"] for d in plan["deadlines"]] == ["2024-06-30"]


def test_kt_line_under_a_tm_line_is_the_authority():
    _, signer = extract_closing(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"])
    assert signer == {"authority": "KT. CHỦ TỊCH", "title": "PHÓ CHỦ TỊCH", "name": "Nguyễn Văn An"}


def test_closing_collapsed_onto_single_lines_by_a_web_page():
    lines = [
        "Nơi nhận: - Sở Nội vụ; - Các phòng, đơn vị (th/h); - Lưu: VT.",
        "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Trần Văn Hòa",
    ]
    assert extract_closing(lines) == EXPECTED


def test_title_after_a_comma_is_split_off_but_an_agency_is_not():
    recipients, signer = extract_closing(
        ["Nơi nhận: T/M BAN THƯỜNG VỤ", "- Ban Dân vận (b/c), PHÓ BÍ THƯ", "- UBND tỉnh, UBMTTQ;"]
    )
    assert recipients == ["Ban Dân vận (b/c)", "UBND tỉnh, UBMTTQ"]
    assert signer["title"] == "PHÓ BÍ THƯ"


def test_signature_ending_a_document_without_recipients_or_end_mark():
    from danvan.documents.parsing import parse_text

    plan = parse_text("Kế hoạch\nViệc năm 2024\nI. NỘI DUNG\n1. Việc một.\nGIÁM ĐỐC\nNguyễn Văn Bình\n")
    assert plan["kind"] == "ke_hoach"
    assert plan["signer"] == {"authority": None, "title": "GIÁM ĐỐC", "name": "Nguyễn Văn Bình"}
    assert len(plan["tasks"]) == 1
