"""Metadata: number and symbol, place and date, issuer, province, title, period."""

from danvan.documents.parsing import parse_text

STATE_HEAD = """UBND TỈNH ĐỒNG THÁP CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH Độc lập - Tự do - Hạnh phúc
Số: {number}/KH-SVHTTDL {place}, ngày {date}
KẾ HOẠCH
Thực hiện Quy chế dân chủ ở cơ sở
năm 2025
I. MỤC ĐÍCH, YÊU CẦU
"""


def head(number="12", place="Đồng Tháp", date="05 tháng 3 năm 2025"):
    return parse_text(STATE_HEAD.format(number=number, place=place, date=date))


def test_state_number_is_before_the_slash():
    plan = head()
    assert (plan["number"], plan["symbol"]) == ("12", "KH-SVHTTDL")


def test_blank_number_keeps_the_symbol():
    plan = head(number=" ")
    assert (plan["number"], plan["symbol"]) == (None, "KH-SVHTTDL")


def test_leading_zeros_are_kept():
    assert head(number="045")["number"] == "045"


def test_party_number_is_before_the_hyphen():
    plan = parse_text(
        "TỈNH ỦY AN GIANG\nBAN DÂN VẬN\n*\nSố 14-KH/BDVTU\nKẾ HOẠCH\nCông tác dân vận năm 2024\n"
    )
    assert (plan["number"], plan["symbol"]) == ("14", "KH/BDVTU")
    assert plan["province"] == "An Giang"


def test_date_line_with_day_month_year():
    plan = head()
    assert (plan["place"], plan["date"]) == ("Đồng Tháp", "2025-03-05")


def test_partly_blank_date_is_null():
    plan = head(date=" tháng 11 năm 2025")
    assert plan["date"] is None
    assert plan["place"] == "Đồng Tháp"


def test_issuer_is_the_lower_header_line_in_sentence_case():
    assert head()["issuer"].casefold() == "sở văn hóa, thể thao và du lịch"


def test_province_from_the_header_parent_agency():
    assert head(place="Cao Lãnh")["province"] == "Đồng Tháp"


def test_title_lines_are_joined_and_period_read_from_it():
    plan = head()
    assert plan["title"] == "Thực hiện Quy chế dân chủ ở cơ sở năm 2025"
    assert plan["period"] == {"year": 2025, "quarter": None, "half": None}


def test_quarter_and_half_year_periods():
    plan = parse_text("BÁO CÁO\nKết quả công tác dân vận quý III năm 2024\n")
    assert plan["kind"] == "bao_cao"
    assert plan["period"] == {"year": 2024, "quarter": 3, "half": None}
    plan = parse_text("BÁO CÁO\nSơ kết 6 tháng đầu năm 2024\n")
    assert plan["period"]["half"] == 1


def test_issuer_from_body_without_header_with_abbreviation_expanded():
    text = "KẾ HOẠCH\nCông tác năm 2023\nSở Tài nguyên và Môi trường (TN&MT) xây dựng kế hoạch như sau:\n"
    assert parse_text(text)["issuer"] == "Sở Tài nguyên và Môi trường"


def test_separate_issuer_line_under_title_is_left_out():
    plan = parse_text("KẾ HOẠCH\nThực hiện công tác dân vận năm 2024\ncủa Sở Y tế\nCăn cứ ...\n")
    assert plan["title"] == "Thực hiện công tác dân vận năm 2024"


def test_web_opening_with_menu_and_bar_table():
    text = (
        "Trang chủ | Giới thiệu | Văn bản\n| UBND TỈNH TÂY NINH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "| SỞ NỘI VỤ | Độc lập - Tự do - Hạnh phúc |\n| Số: 125/KH-SNV | Tây Ninh, ngày 05 tháng 3 năm 2024 |\n"
        "KẾ HOẠCH\nThực hiện công tác dân vận năm 2024\nXem tiếp | Chia sẻ\n"
    )
    plan = parse_text(text)
    assert (plan["issuer"], plan["number"], plan["date"], plan["province"]) == (
        "Sở Nội vụ",
        "125",
        "2024-03-05",
        "Tây Ninh",
    )


def test_title_continues_on_a_short_line_starting_with_a_capital_or_digit():
    plan = parse_text("BÁO CÁO\nKết quả công tác dân vận\n6 tháng đầu năm 2024\nThực hiện Kế hoạch ...\n")
    assert plan["title"] == "Kết quả công tác dân vận 6 tháng đầu năm 2024"
    plan = parse_text("KẾ HOẠCH\nKiểm tra công tác dân vận\nQuý III năm 2024\nCăn cứ ...\n")
    assert plan["title"] == "Kiểm tra công tác dân vận Quý III năm 2024"


def test_menu_entry_in_capitals_does_not_hide_the_real_type_line():
    text = "TRANG CHỦ\nBÁO CÁO\nTIN TỨC\nSỞ NỘI VỤ\nSố: 5/KH-SNV\nKẾ HOẠCH\nCông tác năm 2024\n"
    plan = parse_text(text)
    assert (plan["kind"], plan["title"], plan["issuer"]) == ("ke_hoach", "Công tác năm 2024", "Sở Nội vụ")


def test_date_line_without_place():
    plan = parse_text("ĐẢNG ỦY SỞ Y TẾ\nSố 3-KH/ĐU\nngày 7 tháng 8 năm 2023\nKẾ HOẠCH\nViệc năm 2023\n")
    assert (plan["place"], plan["date"]) == (None, "2023-08-07")


def test_issuer_of_a_report_from_its_body():
    plan = parse_text("BÁO CÁO\nKết quả năm 2023\nSở Xây dựng báo cáo kết quả thực hiện như sau:\n")
    assert plan["issuer"] == "Sở Xây dựng"


def test_cua_line_that_goes_on_with_a_clause_belongs_to_the_title():
    plan = parse_text("KẾ HOẠCH\nThực hiện Chỉ thị số 05-CT/TW\ncủa Bộ Chính trị về học tập\nCăn cứ ...\n")
    assert plan["title"] == "Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị về học tập"


def test_period_variants():
    assert parse_text("BÁO CÁO\nKết quả quý I/2024\n")["period"] == {"year": 2024, "quarter": 1, "half": None}
    assert parse_text("BÁO CÁO\nSơ kết 06 tháng cuối năm 2024\n")["period"]["half"] == 2
    assert parse_text("KẾ HOẠCH\nTriển khai Nghị định số 59/2023/NĐ-CP\n")["period"]["year"] is None


def test_dates_in_a_site_menu_above_the_header_are_ignored():
    text = "Cập nhật, ngày 12/3/2024 | Số: 9/TB-VP\nSỞ NỘI VỤ\nSố: 5/KH-SNV\nTây Ninh, ngày 05 tháng 3 năm 2024\nKẾ HOẠCH\nX năm 2024\n"
    plan = parse_text(text)
    assert (plan["number"], plan["date"]) == ("5", "2024-03-05")


def test_agency_sharing_a_line_with_the_number_or_the_date():
    text = "UBND TỈNH AN GIANG\nSỞ Y TẾ Số: 12/KH-SYT\nLong Xuyên, ngày 3 tháng 4 năm 2024\nKẾ HOẠCH\nX năm 2024\n"
    plan = parse_text(text)
    assert (plan["issuer"], plan["province"], plan["place"]) == ("Sở Y tế", "An Giang", "Long Xuyên")
    plan = parse_text("SỞ Y TẾ Long Xuyên, ngày 3 tháng 4 năm 2024\nKẾ HOẠCH\nX năm 2024\n")
    assert (plan["issuer"], plan["place"]) == ("Sở Y tế", "Long Xuyên")


def test_place_that_is_not_a_province_gives_no_province():
    plan = parse_text(
        "UBND HUYỆN TÂN CHÂU\nPHÒNG NỘI VỤ\nTân Châu, ngày 15 tháng 6 năm 2023\nBÁO CÁO\nX năm 2023\n"
    )
    assert (plan["place"], plan["province"]) == ("Tân Châu", None)


def test_province_spelt_as_in_the_list_of_provinces():
    plan = parse_text("ỦY BAN NHÂN DÂN\nTỈNH BÀ RỊA-VŨNG TÀU\nSỞ NỘI VỤ\nKẾ HOẠCH\nX năm 2023\n")
    assert plan["province"] == "Bà Rịa - Vũng Tàu"


def test_title_ending_with_its_year_takes_no_following_short_line():
    plan = parse_text("KẾ HOẠCH\nThực hiện công tác dân vận năm 2024\nXem tiếp\nChia sẻ\n")
    assert plan["title"] == "Thực hiện công tác dân vận năm 2024"
