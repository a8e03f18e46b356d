from danvan.core.downloads import XLSX_TYPE, download


def test_an_ascii_name_is_sent_as_is():
    response = download(b"PK", XLSX_TYPE, "mau-nhap-don-vi-can-bo.xlsx")
    assert response["Content-Disposition"] == 'attachment; filename="mau-nhap-don-vi-can-bo.xlsx"'
    assert response["Content-Type"] == XLSX_TYPE and response.content == b"PK"


def test_a_vietnamese_name_is_encoded_for_the_browser():
    response = download(b"%PDF", "application/pdf", "Biên bản hội nghị.pdf")
    assert (
        response["Content-Disposition"]
        == "attachment; filename*=utf-8''Bi%C3%AAn%20b%E1%BA%A3n%20h%E1%BB%99i%20ngh%E1%BB%8B.pdf"
    )
