"""Citations of every document type, numbered or cited by name."""

from danvan.documents.parsing.citations import extract_citations


def numbers(text):
    return [(c["number"] or c["name"], c["date"]) for c in extract_citations(text)]


def test_state_and_party_numbers_with_dates():
    text = "Căn cứ Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ; Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị."
    assert numbers(text) == [("04/2015/NĐ-CP", "2015-01-09"), ("05-CT/TW", "2016-05-15")]


def test_two_numbers_joined_by_va_share_one_date_and_issuer():
    text = "Quy định số 11-QĐi/TU và Hướng dẫn số 09-HD/BTGTU ngày 3/4/2019 của Ban Thường vụ Tỉnh ủy."
    cites = extract_citations(text)
    assert [c["date"] for c in cites] == ["2019-04-03", "2019-04-03"]
    assert {c["issuer"] for c in cites} == {"Ban Thường vụ Tỉnh ủy"}


def test_second_number_without_its_type_word():
    assert numbers("theo Quyết định số 217-QĐ/TW và 218-QĐ/TW ngày 12/12/2013") == [
        ("217-QĐ/TW", "2013-12-12"),
        ("218-QĐ/TW", "2013-12-12"),
    ]


def test_spelled_out_date():
    assert numbers("Luật số 10/2022/QH15 ngày 10 tháng 11 năm 2022 của Quốc hội") == [
        ("10/2022/QH15", "2022-11-10")
    ]


def test_law_cited_by_name():
    cites = extract_citations("Thực hiện nghiêm Luật Khiếu nại, Luật Tố cáo và các văn bản pháp luật.")
    assert [(c["type"], c["number"], c["name"]) for c in cites] == [
        ("Luật", None, "Luật Khiếu nại"),
        ("Luật", None, "Luật Tố cáo"),
    ]


def test_pháp_luật_is_not_a_law_name():
    assert extract_citations("tuyên truyền pháp luật Nhà nước") == []


def test_document_without_number_is_not_listed():
    assert extract_citations("Kế hoạch cải cách hành chính năm 2022 của Sở; TCVN ISO 9001") == []


def test_repeated_citation_listed_once_with_a_later_date():
    text = (
        "Nghị định số 04/2015/NĐ-CP về dân chủ. Sau đó, Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 quy định."
    )
    assert numbers(text) == [("04/2015/NĐ-CP", "2015-01-09")]


def test_lower_case_type_is_capitalised():
    cites = extract_citations("công văn số 4685/UBND-SNV ngày 22/12/2015")
    assert cites[0]["type"] == "Công văn"


def test_qualified_type_keeps_its_head_word():
    cites = extract_citations(
        "Chương trình phối hợp số 04-CTr/BDVTU-BCSĐUBND ngày 21/10/2021 giữa Ban Dân vận và UBND"
    )
    assert (cites[0]["type"], cites[0]["number"]) == ("Chương trình", "04-CTr/BDVTU-BCSĐUBND")
    assert cites[0]["issuer"] == "Ban Dân vận và UBND"


def test_word_after_the_symbol_is_dropped():
    assert numbers("Kế hoạch số 34-KH/BDVTU tỉnh ngày 01/3/2022") == [("34-KH/BDVTU", "2022-03-01")]


def test_deadline_date_after_a_citation_is_not_its_date():
    assert numbers("thực hiện Kế hoạch số 15/KH-UBND trước ngày 20/10/2024") == [("15/KH-UBND", None)]


def test_the_document_itself_is_left_out():
    cites = extract_citations("Kế hoạch số 12/KH-SNV này thay thế Kế hoạch số 7/KH-SNV", "12", "KH-SNV")
    assert [c["number"] for c in cites] == ["7/KH-SNV"]


def test_many_types_are_recognised():
    types = [
        "Thông tư liên tịch",
        "Thông tri",
        "Đề án",
        "Thông báo",
        "Tờ trình",
        "Quy chế",
        "Pháp lệnh",
        "Kết luận",
    ]
    text = "; ".join(f"{t} số {i}-XX/TU" for i, t in enumerate(types, start=1))
    assert [c["type"] for c in extract_citations(text)] == types


def test_law_names_with_a_comma():
    cites = extract_citations(
        "Thực hiện Luật Phòng, chống tham nhũng và Luật Cán bộ, công chức; Luật Viên chức."
    )
    assert [c["name"] for c in cites] == [
        "Luật Phòng, chống tham nhũng",
        "Luật Cán bộ, công chức",
        "Luật Viên chức",
    ]


def test_number_with_a_space_after_the_hyphen():
    assert numbers("Quyết định số 01/QĐ- UBND ngày 08/01/2022") == [("01/QĐ-UBND", "2022-01-08")]


def test_party_number_cited_without_so():
    assert numbers("theo tinh thần Chỉ thị 05-CT/TW ngày 15/5/2016") == [("05-CT/TW", "2016-05-15")]


def test_law_named_with_and_without_its_year_is_one_citation():
    cites = extract_citations(
        "Luật Thực hiện dân chủ ở cơ sở năm 2022; thực hiện Luật Thực hiện dân chủ ở cơ sở."
    )
    assert [c["name"] for c in cites] == ["Luật Thực hiện dân chủ ở cơ sở năm 2022"]


def test_shared_date_is_not_given_to_a_number_of_another_year():
    assert numbers("Nghị định số 04/2015/NĐ-CP và Quyết định số 12/QĐ-UBND ngày 5/3/2020") == [
        ("04/2015/NĐ-CP", None),
        ("12/QĐ-UBND", "2020-03-05"),
    ]


def test_date_in_brackets_and_qualified_types():
    assert numbers(
        "Quyết định số 12/QĐ-UBND (ngày 5/3/2020); Nghị quyết chuyên đề số 05-NQ/TU ngày 1/2/2021"
    ) == [
        ("12/QĐ-UBND", "2020-03-05"),
        ("05-NQ/TU", "2021-02-01"),
    ]
