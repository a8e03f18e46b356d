"""Clean-up of extracted lines and joining of wrapped paragraphs."""

from danvan.documents.parsing.lines import clean_lines, join_lines


def test_number_split_after_hyphen_is_joined_without_space():
    lines = ["- Phấn đấu hoàn thành nhiệm vụ tại Quyết định số 01/QĐ-", "UBND ngày 08/01/2022 của UBND tỉnh."]
    assert join_lines(lines) == [
        "- Phấn đấu hoàn thành nhiệm vụ tại Quyết định số 01/QĐ-UBND ngày 08/01/2022 của UBND tỉnh."
    ]


def test_phrase_cut_mid_sentence_is_joined_with_space():
    lines = ["Thực hiện tốt quy chế dân chủ theo quy định tại Nghị định số", "04/2015/NĐ-CP của Chính phủ."]
    assert join_lines(lines) == [
        "Thực hiện tốt quy chế dân chủ theo quy định tại Nghị định số 04/2015/NĐ-CP của Chính phủ."
    ]


def test_list_markers_start_new_paragraphs():
    lines = ["1. Tuyên truyền", "- Nội dung thứ nhất;", "+ ý phụ", "a) Mục a", "II. TỔ CHỨC THỰC HIỆN"]
    assert join_lines(lines) == lines


def test_short_heading_is_not_joined_to_the_text_below():
    lines = ["x" * 90, "1. Mục đích", "Phát huy vai trò của người đứng đầu."]
    assert join_lines(lines)[1:] == ["1. Mục đích", "Phát huy vai trò của người đứng đầu."]


def test_page_numbers_and_running_headers_are_dropped():
    page = "Sở Nội vụ tỉnh X\nNội dung trang {n}.\n- {n} -"
    text = "\f".join(page.format(n=n) for n in range(1, 5))
    assert clean_lines(text) == [f"Nội dung trang {n}." for n in range(1, 5)]


def test_table_cells_drawn_with_bars_become_lines():
    text = "| UBND TỈNH A | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|---|---|\n| SỞ NỘI VỤ | Độc lập - Tự do - Hạnh phúc |"
    assert clean_lines(text) == [
        "UBND TỈNH A",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "SỞ NỘI VỤ",
        "Độc lập - Tự do - Hạnh phúc",
    ]


def test_bracket_left_open_keeps_the_paragraph_going():
    lines = ["- theo Pháp lệnh của Ủy ban Thường vụ Quốc hội (khóa", "XI) về thực hiện dân chủ."]
    assert len(join_lines(lines)) == 1


def test_full_line_ending_in_semicolon_runs_on_into_a_capital():
    lines = [
        "- Quyết định số 23-QĐ/TW ngày 30/7/2021 của Ban Chấp hành Trung ương về Quy chế công tác dân vận;",
        "Chỉ thị số 49-CT/TW.",
    ]
    assert len(join_lines(lines)) == 1


def test_capitalised_word_ending_a_wrapped_sentence():
    lines = ["- Gắn với nhiệm vụ phục hồi và phát triển kinh tế - xã hội của tỉnh sau đại dịch", "COVID-19."]
    assert join_lines(lines) == [lines[0] + " COVID-19."]


def test_markdown_from_web_pages_is_undone():
    text = "## KẾ HOẠCH\n1\\. Mục đích\n\\- Sở Nội vụ;\n**KT. GIÁM ĐỐC**"
    assert clean_lines(text) == ["KẾ HOẠCH", "1. Mục đích", "- Sở Nội vụ;", "KT. GIÁM ĐỐC"]


def test_dash_before_a_small_letter_continues_a_wrapped_phrase():
    lines = [
        "- Thực hiện có hiệu quả các chương trình phát triển kinh tế",
        "- xã hội của tỉnh.",
        "- Nội dung mới.",
    ]
    assert join_lines(lines) == [
        "- Thực hiện có hiệu quả các chương trình phát triển kinh tế - xã hội của tỉnh.",
        "- Nội dung mới.",
    ]


def test_html_breaks_and_entities_from_web_pages():
    text = "| UBND TỈNH TÂY NINH<br>SỞ KH&amp;CN | Độc lập - Tự do - Hạnh phúc |\nKẾ HOẠCH&nbsp;"
    assert clean_lines(text) == ["UBND TỈNH TÂY NINH", "SỞ KH&CN", "Độc lập - Tự do - Hạnh phúc", "KẾ HOẠCH"]


def test_markdown_italics_are_undone_but_not_lone_stars():
    text = "| Số: 5/KH-SNV | *Tây Ninh, ngày 05 tháng 3 năm 2024* |\n*\n* Mục một\nsnake_case 2*3*4"
    assert clean_lines(text) == [
        "Số: 5/KH-SNV",
        "Tây Ninh, ngày 05 tháng 3 năm 2024",
        "* Mục một",
        "snake_case 2*3*4",
    ]
