"""Plans as official websites and legal databases publish them: the site's menus and its own table of
the document's particulars above the text, the letterhead and the motto wrapped over several lines,
the place and date cut in two, a title of several hundred characters on one line, a draft mark, and
citations written the way such copies write them."""

import pytest

from danvan.documents.parsing import parse_text

SITE_MENU = [
    "Trang chủ | Giới thiệu | Tin tức | Văn bản chỉ đạo điều hành | Liên hệ",
    "CỔNG THÔNG TIN ĐIỆN TỬ SỞ TƯ PHÁP TỈNH VĨNH LONG",
    "Đăng nhập | Đăng ký",
    "Trang chủ > Văn bản > Kế hoạch",
    "KẾ HOẠCH",
    "BÁO CÁO",
    "Tìm kiếm văn bản",
]
SITE_TABLE = [
    "| Số hiệu | 41/KH-STP | Loại văn bản | Kế hoạch |",
    "|---|---|---|---|",
    "| Cơ quan ban hành | Sở Tư pháp tỉnh Vĩnh Long | Người ký | Phạm Quốc Toàn |",
    "| Ngày ban hành | 11/04/2025 | Ngày hiệu lực | 11/04/2025 |",
]
TITLE = "Tuyên truyền, phổ biến pháp luật về thực hiện dân chủ ở cơ sở năm 2025"
BODY = [
    "Căn cứ Luật Thực hiện dân chủ ở cơ sở năm 2022;",
    "Sở Tư pháp xây dựng Kế hoạch như sau:",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "Nâng cao nhận thức của cán bộ, công chức về dân chủ ở cơ sở.",
]


def plan_of(*blocks: list[str]) -> dict:
    return parse_text("\n".join(line for block in blocks for line in block) + "\n")


def metadata(plan: dict) -> tuple:
    return (plan["kind"], plan["issuer"], plan["province"], plan["number"], plan["symbol"], plan["date"])


EXPECTED = ("ke_hoach", "Sở Tư pháp", "Vĩnh Long", "41", "KH-STP", "2025-04-11")

# The letterhead, as copies of the header table come out of web pages.
HEADERS = {
    "agency and motto wrapped, one column after the other": [
        "UBND TỈNH",
        "VĨNH LONG",
        "SỞ TƯ PHÁP",
        "Số: 41/KH-STP",
        "CỘNG HÒA XÃ HỘI",
        "CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do -",
        "Hạnh phúc",
        "Vĩnh Long, ngày 11 tháng",
        "4 năm 2025",
    ],
    "table rows in columns drawn with |": [
        "| ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA |",
        "| TỈNH VĨNH LONG | VIỆT NAM |",
        "| SỞ TƯ PHÁP | Độc lập – Tự do – Hạnh phúc |",
        "| Số: 41/KH-STP | Vĩnh Long, ngày 11 tháng 4 |",
        "| | năm 2025 |",
    ],
    "rows copied with tabs, the date's end after the number": [
        "UBND TỈNH VĨNH LONG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "SỞ TƯ PHÁP\tĐộc lập - Tự do - Hạnh phúc",
        "\tVĩnh Long, ngày 11 tháng",
        "Số: 41/KH-STP\t04 năm 2025",
    ],
    "the letterhead and the motto cut every few words": [
        "ỦY BAN NHÂN",
        "DÂN TỈNH",
        "VĨNH LONG",
        "SỞ TƯ PHÁP",
        "CỘNG HÒA XÃ",
        "HỘI CHỦ NGHĨA",
        "VIỆT NAM",
        "Độc lập – Tự",
        "do – Hạnh phúc",
        "Số: 41/KH - STP",
        "Vĩnh Long, ngày 11",
        "tháng 4 năm 2025",
    ],
    "both columns cut every few words, rows copied with tabs": [
        "ỦY BAN NHÂN\tCỘNG HÒA XÃ",
        "DÂN TỈNH\tHỘI CHỦ NGHĨA",
        "VĨNH LONG\tVIỆT NAM",
        "SỞ TƯ\tĐộc lập - Tự",
        "PHÁP\tdo - Hạnh phúc",
        "Số: 41/KH-STP\tVĩnh Long,",
        "\tngày 11 tháng",
        "\t4 năm 2025",
    ],
    "the date's pieces between the lines of the agency's name": [
        "| UBND TỈNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |",
        "| VĨNH LONG | Độc lập - Tự do - Hạnh phúc |",
        "| SỞ TƯ PHÁP VÀ | Vĩnh Long, |",
        "| ĐĂNG KÝ | ngày |",
        "| Số: 41/KH-STP | 11/4/2025 |",
    ],
    "the place alone on the line above its date, the date before the number": [
        "UBND TỈNH VĨNH LONG",
        "SỞ TƯ PHÁP",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT",
        "NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Vĩnh Long,",
        "ngày 11/4/2025",
        "Số: 41/KH- STP",
    ],
}


@pytest.mark.parametrize("header", HEADERS.values(), ids=HEADERS.keys())
def test_a_published_copy_keeps_the_documents_own_particulars(header):
    plan = plan_of(SITE_MENU, SITE_TABLE, header, ["KẾ HOẠCH", TITLE], BODY)
    issuer = "Sở Tư pháp và Đăng ký" if any("ĐĂNG KÝ" in line for line in header) else "Sở Tư pháp"
    assert metadata(plan) == (EXPECTED[0], issuer, *EXPECTED[2:])
    assert plan["title"] == TITLE
    assert plan["period"]["year"] == 2025


@pytest.mark.parametrize(
    "rows",
    [
        ["UBND TỈNH VĨNH LONG CỘNG HÒA XÃ HỘI CHỦ NGHĨA", "SỞ TƯ PHÁP VIỆT NAM"],
        ["UBND TỈNH VĨNH LONG CỘNG HÒA XÃ HỘI", "SỞ TƯ PHÁP CHỦ NGHĨA VIỆT NAM"],
    ],
    ids=["country on the agency's row", "half the motto on the agency's row"],
)
def test_table_rows_run_together_with_spaces(rows):
    header = [*rows, "Độc lập - Tự do - Hạnh phúc", "Số: 41/KH-STP Vĩnh Long, ngày 11 tháng 4 năm 2025"]
    plan = plan_of(SITE_MENU, header, ["KẾ HOẠCH", TITLE.upper()], BODY)
    assert metadata(plan) == EXPECTED
    assert plan["title"] == TITLE.upper()


@pytest.mark.parametrize("province", ["Hà Nam", "Quảng Nam"])
def test_a_province_ending_like_the_motto_wrapped_between_its_pieces(province):
    *first, last = province.upper().split()
    header = [
        f"| UBND TỈNH {' '.join(first)} | CỘNG HÒA XÃ HỘI CHỦ |",
        f"| {last} | NGHĨA VIỆT NAM |",
        "| SỞ TƯ PHÁP | Độc lập - Tự do - Hạnh phúc |",
        f"| Số: 41/KH-STP | {province}, ngày 11 tháng 4 năm 2025 |",
    ]
    plan = plan_of(header, ["KẾ HOẠCH", TITLE], BODY)
    assert (plan["issuer"], plan["province"]) == ("Sở Tư pháp", province)


@pytest.mark.parametrize("province", ["Hà Nam", "Quảng Nam"])
def test_a_province_ending_like_the_motto_keeps_its_name(province):
    header = [
        f"| UBND TỈNH {province.upper()} | CỘNG HÒA XÃ HỘI CHỦ NGHĨA |",
        "| SỞ TƯ PHÁP | VIỆT NAM |",
        f"| Số: 41/KH-STP | {province}, ngày 11 tháng 4 năm 2025 |",
    ]
    plan = plan_of(header, ["KẾ HOẠCH", TITLE], BODY)
    assert (plan["issuer"], plan["province"]) == ("Sở Tư pháp", province)


@pytest.mark.parametrize(
    "header",
    [
        ["ĐẢNG BỘ TỈNH VĨNH LONG", "ĐẢNG CỘNG SẢN", "BAN DÂN VẬN", "VIỆT NAM", "*", "Số 14-KH/BDVTU"]
        + ["Vĩnh Long, ngày 11 tháng 4 năm", "2025"],
        ["TỈNH ỦY VĨNH LONG\tĐẢNG CỘNG SẢN VIỆT", "BAN DÂN VẬN\tNAM", "*\tVĩnh Long, ngày 11 tháng 4"]
        + ["Số 14 - KH/BDVTU\tnăm 2025"],
    ],
    ids=["one column after the other", "rows copied with tabs"],
)
def test_a_party_letterhead_with_its_motto_wrapped(header):
    plan = plan_of(SITE_MENU, header, ["KẾ HOẠCH", TITLE], BODY)
    assert metadata(plan) == ("ke_hoach", "Ban Dân vận", "Vĩnh Long", "14", "KH/BDVTU", "2025-04-11")


@pytest.mark.parametrize(
    "number_lines",
    [["Số: 41/KH-", "STP"], ["Số:", "41/KH-STP"], ["Số: 41/", "KH-STP"]],
    ids=["after the hyphen", "after Số", "after the slash"],
)
def test_a_number_line_cut_in_a_narrow_column(number_lines):
    header = ["UBND TỈNH VĨNH LONG", "SỞ TƯ PHÁP", *number_lines, "Vĩnh Long, ngày 11 tháng 4 năm 2025"]
    assert metadata(plan_of(header, ["KẾ HOẠCH", TITLE], BODY)) == EXPECTED


def test_an_agency_named_for_the_country_keeps_its_name():
    plan = plan_of(
        [
            "HỘI LIÊN HIỆP PHỤ NỮ",
            "VIỆT NAM",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
        ],
        ["Số: 41/KH-HLHPN", "Hà Nội, ngày 11 tháng 4 năm 2025", "KẾ HOẠCH", TITLE],
        BODY,
    )
    assert plan["issuer"].casefold() == "hội liên hiệp phụ nữ việt nam"


def test_the_motto_wrapped_under_a_short_agency_line_stays_out_of_the_issuer():
    plan = plan_of(
        ["| SỞ TƯ PHÁP VÀ | CỘNG HÒA XÃ HỘI |", "| ĐĂNG KÝ | CHỦ NGHĨA VIỆT NAM |"],
        ["Số: 41/KH-STP", "Vĩnh Long, ngày 11 tháng 4 năm 2025", "KẾ HOẠCH", TITLE],
        BODY,
    )
    assert plan["issuer"] == "Sở Tư pháp và Đăng ký"


@pytest.mark.parametrize(
    "mark",
    [["DỰ THẢO"], ["(Dự thảo)"], ["DỰ THẢO 2"]],
    ids=["capitals", "in brackets", "numbered"],
)
@pytest.mark.parametrize("above", [True, False], ids=["above the type line", "under the title"])
def test_a_draft_mark_is_neither_the_issuer_nor_the_title(mark, above):
    header = ["UBND TỈNH VĨNH LONG", "SỞ TƯ PHÁP", "Số: 41/KH-STP", "Vĩnh Long, ngày 11 tháng 4 năm 2025"]
    blocks = [header, mark, ["KẾ HOẠCH", TITLE]] if above else [header, ["KẾ HOẠCH", *mark, TITLE]]
    plan = plan_of(*blocks, BODY)
    assert metadata(plan) == EXPECTED
    assert plan["title"] == TITLE


@pytest.mark.parametrize(
    "header, type_line",
    [
        (["UBND TỈNH VĨNH LONG DỰ THẢO", "SỞ TƯ PHÁP"], "KẾ HOẠCH"),
        (
            ["| UBND TỈNH VĨNH LONG | DỰ THẢO | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |", "SỞ TƯ PHÁP"],
            "KẾ HOẠCH",
        ),
        (["UBND TỈNH VĨNH LONG", "SỞ TƯ PHÁP"], "KẾ HOẠCH (Dự thảo)"),
        (["UBND TỈNH VĨNH LONG", "SỞ TƯ PHÁP"], "DỰ THẢO KẾ HOẠCH"),
    ],
    ids=["after the agency", "in a cell of its own", "after the type word", "before the type word"],
)
def test_a_draft_mark_on_a_line_with_other_words(header, type_line):
    plan = plan_of(header, ["Số: 41/KH-STP", "Vĩnh Long, ngày 11 tháng 4 năm 2025", type_line, TITLE], BODY)
    assert metadata(plan) == EXPECTED
    assert plan["title"] == TITLE


LONG_TITLE = (
    "Triển khai thực hiện Chỉ thị của Thủ tướng Chính phủ về tăng cường và đổi mới công tác dân vận trong "
    "cơ quan hành chính nhà nước, chính quyền các cấp, gắn với thực hiện dân chủ ở cơ sở, cải cách thủ tục "
    "hành chính, nâng cao đạo đức công vụ, tinh thần trách nhiệm, ý thức phục vụ Nhân dân của đội ngũ cán bộ, "
    "công chức, viên chức và người lao động trên địa bàn tỉnh năm 2025"
)


@pytest.mark.parametrize("same_line", [False, True], ids=["under the type line", "after the type word"])
def test_a_title_of_several_hundred_characters_on_one_line(same_line):
    assert len(LONG_TITLE) > 300
    title = [f"KẾ HOẠCH {LONG_TITLE}"] if same_line else ["KẾ HOẠCH", LONG_TITLE]
    plan = plan_of(SITE_MENU, HEADERS["table rows in columns drawn with |"], title, BODY)
    assert plan["title"] == LONG_TITLE
    assert plan["period"]["year"] == 2025
    assert metadata(plan) == EXPECTED


def test_the_sites_table_does_not_stand_for_the_document():
    """The site's table and menus hold a number, a signer and "Kế hoạch": none is the document's text."""
    plan = plan_of(
        SITE_MENU, SITE_TABLE, HEADERS["table rows in columns drawn with |"], ["KẾ HOẠCH", TITLE], BODY
    )
    assert plan["citations"] == [
        {
            "type": "Luật",
            "number": None,
            "name": "Luật Thực hiện dân chủ ở cơ sở năm 2022",
            "date": None,
            "issuer": None,
        }
    ]


def citations(text: str) -> list[tuple]:
    plan = parse_text(f"KẾ HOẠCH\n{TITLE}\n{text}\nI. MỤC ĐÍCH, YÊU CẦU\nNâng cao nhận thức.\n")
    return [(c["type"], c["number"], c["date"]) for c in plan["citations"]]


def test_a_type_word_shared_by_a_list_of_numbers():
    assert citations(
        "Căn cứ các Nghị định số 04/2015/NĐ-CP, 59/2023/NĐ-CP và 145/2020/NĐ-CP của Chính phủ;"
    ) == [
        ("Nghị định", "04/2015/NĐ-CP", None),
        ("Nghị định", "59/2023/NĐ-CP", None),
        ("Nghị định", "145/2020/NĐ-CP", None),
    ]


def test_each_number_of_a_list_keeps_its_own_date():
    assert citations(
        "Căn cứ các Quyết định số 1520/QĐ-UBND ngày 03/7/2024, 2011/QĐ-UBND ngày 19/9/2024, "
        "số 87/QĐ-UBND ngày 10/01/2025 của UBND tỉnh;"
    ) == [
        ("Quyết định", "1520/QĐ-UBND", "2024-07-03"),
        ("Quyết định", "2011/QĐ-UBND", "2024-09-19"),
        ("Quyết định", "87/QĐ-UBND", "2025-01-10"),
    ]


def test_a_comma_separated_list_does_not_share_the_last_date():
    """Only documents joined by "và" share the date written after the last (the annotation rules)."""
    assert citations(
        "Thực hiện Kế hoạch số 66/KH-UBND, Kế hoạch số 71/KH-UBND ngày 14/3/2025 của UBND tỉnh;"
    ) == [("Kế hoạch", "66/KH-UBND", None), ("Kế hoạch", "71/KH-UBND", "2025-03-14")]
    assert citations(
        "Thực hiện Kế hoạch số 66/KH-UBND và Kế hoạch số 71/KH-UBND ngày 14/3/2025 của UBND tỉnh;"
    ) == [("Kế hoạch", "66/KH-UBND", "2025-03-14"), ("Kế hoạch", "71/KH-UBND", "2025-03-14")]


@pytest.mark.parametrize(
    "written",
    [
        "59/2023/NĐ- CP",
        "59/2023/NĐ -CP",
        "59/2023/NĐ - CP",
        "59/2023/ NĐ-CP",
        "59/ 2023/NĐ-CP",
        "59 /2023/NĐ-CP",
    ],
)
def test_a_space_inside_a_symbol(written):
    assert citations(f"Căn cứ Nghị định số {written} ngày 12/8/2023 của Chính phủ;") == [
        ("Nghị định", "59/2023/NĐ-CP", "2023-08-12")
    ]


@pytest.mark.parametrize(
    "written, number",
    [
        ("938- NQ/TU", "938-NQ/TU"),
        ("938 -NQ/TU", "938-NQ/TU"),
        ("33/CT - TTg", "33/CT-TTg"),
        ("33 / CT-TTg", "33/CT-TTg"),
    ],
)
def test_a_space_inside_a_party_or_state_symbol(written, number):
    assert citations(f"Căn cứ Chỉ thị số {written} ngày 12/8/2021;") == [("Chỉ thị", number, "2021-08-12")]


def test_a_dash_between_spaces_before_words_is_not_part_of_the_symbol():
    assert citations("Thực hiện Kế hoạch số 71/KH-UBND - Kế hoạch chung của tỉnh;") == [
        ("Kế hoạch", "71/KH-UBND", None)
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ngày 14/3/2025, UBND tỉnh ban hành Kế hoạch số 71/KH-UBND về công tác dân vận chính quyền.",
        "Ngày 14 tháng 3 năm 2025, Ủy ban nhân dân tỉnh đã ban hành Kế hoạch số 71/KH-UBND.",
        "Căn cứ Kế hoạch ngày 14/3/2025 số 71/KH-UBND của UBND tỉnh về công tác dân vận chính quyền;",
        "Ngày 14/3/2025, Ủy ban nhân dân tỉnh có Kế hoạch số 71/KH-UBND triển khai công tác dân vận.",
    ],
    ids=["numeric", "in words", "between type and number", "the agency has"],
)
def test_a_date_written_before_the_document(sentence):
    assert citations(sentence) == [("Kế hoạch", "71/KH-UBND", "2025-03-14")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ngày 14/3/2025, Sở tổ chức hội nghị quán triệt; tại hội nghị đã phổ biến Kế hoạch số 71/KH-UBND.",
        "Ngày 14/3/2025, Sở nhận được Kế hoạch số 71/KH-UBND của UBND tỉnh.",
        "Trước ngày 14/3/2025, các phòng báo cáo việc thực hiện Kế hoạch số 71/KH-UBND.",
    ],
    ids=["another sentence", "received", "a deadline"],
)
def test_a_date_that_is_not_the_documents_is_not_taken(sentence):
    assert citations(sentence) == [("Kế hoạch", "71/KH-UBND", None)]


def test_the_sites_list_of_other_documents_before_the_text_is_not_cited():
    sidebar = [
        "VĂN BẢN MỚI",
        "Nghị định số 13/2023/NĐ-CP ngày 17/4/2023 của Chính phủ về bảo vệ dữ liệu cá nhân",
        "Quyết định 2468/QĐ-UBND phê duyệt quy hoạch",
        "Xem thêm",
    ]
    plan = plan_of(
        SITE_MENU,
        sidebar,
        SITE_TABLE,
        HEADERS["table rows in columns drawn with |"],
        ["KẾ HOẠCH", TITLE],
        BODY,
    )
    assert [c["name"] or c["number"] for c in plan["citations"]] == [
        "Luật Thực hiện dân chủ ở cơ sở năm 2022"
    ]
    assert metadata(plan) == EXPECTED


def test_a_type_line_in_the_sites_table_does_not_open_a_copy_without_letterhead():
    """An opening that starts at the type line: the site's "Loại văn bản | Kế hoạch" is not the type line."""
    site_table = ["| Loại văn bản | Kế hoạch |", "| Nơi ban hành | Sở Tư pháp tỉnh Vĩnh Long |"]
    plan = plan_of(SITE_MENU[:4], site_table, ["KẾ HOẠCH", TITLE], BODY)
    assert (plan["kind"], plan["title"]) == ("ke_hoach", TITLE)


@pytest.mark.parametrize(
    "space",
    ["\u00a0", "\u202f", " \u200b"],
    ids=["no-break space", "narrow no-break space", "zero-width space"],
)
def test_spaces_of_web_pages(space):
    header = [line.replace(" ", space) for line in HEADERS["table rows in columns drawn with |"]]
    plan = plan_of(header, [f"KẾ{space}HOẠCH", TITLE.replace(" ", space)], BODY)
    assert metadata(plan) == EXPECTED
    assert plan["title"] == TITLE


def test_an_en_dash_inside_the_documents_own_symbol():
    header = ["UBND TỈNH VĨNH LONG", "SỞ TƯ PHÁP", "Số: 41/KH–STP", "Vĩnh Long, ngày 11 tháng 4 năm 2025"]
    plan = plan_of(header, ["KẾ HOẠCH", TITLE], BODY)
    assert plan["symbol"].replace("–", "-") == "KH-STP"


def test_a_type_word_followed_by_a_colon_before_its_list():
    assert citations("Căn cứ các Kế hoạch: số 66/KH-UBND ngày 14/3/2025, số 70/KH-UBND ngày 20/3/2025;") == [
        ("Kế hoạch", "66/KH-UBND", "2025-03-14"),
        ("Kế hoạch", "70/KH-UBND", "2025-03-20"),
    ]


def test_tabs_in_the_body_of_a_copy_keep_its_items_whole():
    body = [
        "II. NỘI DUNG THỰC HIỆN",
        "1.\tTuyên truyền pháp luật về dân chủ ở cơ sở",
        "- Đơn vị thực hiện:\tPhòng Phổ biến, giáo dục pháp luật.",
        "- Thời gian thực hiện:\tQuý II năm 2025.",
        "2.\tTổ chức hội nghị đối thoại với Nhân dân",
        "- Đơn vị thực hiện:\tThanh tra Sở.",
    ]
    plan = plan_of(HEADERS["table rows in columns drawn with |"], ["KẾ HOẠCH", TITLE], BODY, body)
    assert [(t["heading"], t["lead"]) for t in plan["tasks"]] == [
        ("Tuyên truyền pháp luật về dân chủ ở cơ sở", "Phòng Phổ biến, giáo dục pháp luật"),
        ("Tổ chức hội nghị đối thoại với Nhân dân", "Thanh tra Sở"),
    ]


@pytest.mark.parametrize("heading", ["VĂN BẢN LIÊN QUAN", "Văn bản cùng lĩnh vực", "Tin liên quan", "Tải về"])
def test_the_sites_links_after_the_signature_are_not_cited(heading):
    closing = ["Nơi nhận:", "- Sở Nội vụ;", "- Lưu: VT.", "GIÁM ĐỐC", "Phạm Quốc Toàn"]
    footer = [
        heading,
        "Nghị định số 13/2023/NĐ-CP ngày 17/4/2023 của Chính phủ về bảo vệ dữ liệu cá nhân",
        "Quyết định 2468/QĐ-UBND phê duyệt quy hoạch",
        "Bản quyền thuộc Sở Tư pháp tỉnh Vĩnh Long",
    ]
    plan = plan_of(HEADERS["table rows in columns drawn with |"], ["KẾ HOẠCH", TITLE], BODY, closing, footer)
    assert [c["name"] or c["number"] for c in plan["citations"]] == [
        "Luật Thực hiện dân chủ ở cơ sở năm 2022"
    ]
    assert plan["signer"]["name"] == "Phạm Quốc Toàn"
    assert plan["recipients"] == ["Sở Nội vụ", "Lưu: VT."]


def test_a_type_line_in_sentence_case_stays_the_type_line_before_a_heading_in_capitals():
    plan = plan_of(
        ["Kế hoạch", TITLE, "Căn cứ Luật Thực hiện dân chủ ở cơ sở năm 2022;", "I. MỤC ĐÍCH, YÊU CẦU"],
        ["Nâng cao nhận thức.", "QUY ĐỊNH CHUNG", "Các đơn vị thực hiện nghiêm túc."],
    )
    assert (plan["kind"], plan["title"]) == ("ke_hoach", TITLE)


def test_a_long_paragraph_under_the_type_line_is_not_a_title():
    paragraph = (
        "Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh về công tác dân vận chính quyền, nhằm nâng cao nhận thức "
        "của cán bộ, công chức, viên chức về vai trò của công tác dân vận trong tình hình mới, gắn với cải "
        "cách hành chính, tiếp công dân, giải quyết khiếu nại, tố cáo và thực hiện dân chủ ở cơ sở, Sở Tư "
        "pháp ban hành kế hoạch thực hiện công tác dân vận chính quyền năm 2025 trên địa bàn toàn tỉnh."
    )
    assert len(paragraph) > 300
    plan = plan_of(["UBND TỈNH VĨNH LONG", "SỞ TƯ PHÁP", "KẾ HOẠCH", paragraph], BODY[2:])
    assert plan["title"] is None
