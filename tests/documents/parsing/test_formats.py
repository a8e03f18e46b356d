"""The same plan read from .docx, from a LibreOffice PDF, and from a scanned PDF through OCR."""

from danvan.documents.parsing import parse_file

KEY_CITATIONS = {"512/KH-UBND", "33/CT-TTg"}


def key_fields(plan):
    return {
        "kind": plan["kind"],
        "issuer": plan["issuer"],
        "province": plan["province"],
        "number": plan["number"],
        "symbol": plan["symbol"],
        "date": plan["date"],
        "title": plan["title"],
    }


EXPECTED = {
    "kind": "ke_hoach",
    "issuer": "Sở Tư pháp",
    "province": "Long An",
    "number": "37",
    "symbol": "KH-STP",
    "date": "2025-02-14",
    "title": "Thực hiện công tác dân vận chính quyền năm 2025",
}


def test_docx_with_header_and_signature_tables(sample_docx):
    plan = parse_file(sample_docx)
    assert key_fields(plan) == EXPECTED
    assert KEY_CITATIONS <= {c["number"] for c in plan["citations"]}
    assert plan["signer"] == {"authority": "KT. GIÁM ĐỐC", "title": "PHÓ GIÁM ĐỐC", "name": "Nguyễn Thị Mai"}
    assert plan["recipients"] == ["Sở Nội vụ", "Lưu: VT."]


def test_docx_tasks_targets_deadlines(sample_docx):
    plan = parse_file(sample_docx)
    assert [t["lead"] for t in plan["tasks"]] == ["Phòng Phổ biến, giáo dục pháp luật", "Thanh tra Sở"]
    assert [t["percent"] for t in plan["targets"]] == [100]
    assert [d["date"] for d in plan["deadlines"]] == ["2025-11-15"]


def test_pdf_made_by_libreoffice_reads_like_the_docx(sample_docx, sample_pdf):
    from_pdf, from_docx = parse_file(sample_pdf), parse_file(sample_docx)
    assert key_fields(from_pdf) == key_fields(from_docx)
    assert from_pdf["citations"] == from_docx["citations"]
    assert from_pdf["signer"] == from_docx["signer"]
    assert len(from_pdf["tasks"]) == len(from_docx["tasks"])


def test_scanned_pdf_is_read_by_ocr_with_progress(scanned_pdf, need_binary):
    need_binary("tesseract")
    progress = []
    plan = parse_file(scanned_pdf, on_progress=lambda page, total: progress.append((page, total)))
    assert progress == [(1, 1)]
    assert (plan["kind"], plan["symbol"], plan["date"]) == ("ke_hoach", "KH-STP", "2025-02-14")
    assert KEY_CITATIONS <= {c["number"] for c in plan["citations"]}


def _text_page_then_scan(sample_pdf, scanned_pdf, tmp_path):
    import pypdfium2

    merged = pypdfium2.PdfDocument.new()
    merged.import_pages(pypdfium2.PdfDocument(str(sample_pdf)))
    merged.import_pages(pypdfium2.PdfDocument(str(scanned_pdf)))
    path = tmp_path / "mixed.pdf"
    merged.save(str(path))
    return path


def test_only_pages_without_text_are_read_by_ocr(sample_pdf, scanned_pdf, tmp_path, need_binary):
    need_binary("tesseract")
    progress = []
    plan = parse_file(
        _text_page_then_scan(sample_pdf, scanned_pdf, tmp_path), on_progress=lambda *p: progress.append(p)
    )
    assert progress == [(1, 1)]
    assert plan["symbol"] == "KH-STP"


def test_mostly_text_pdf_is_read_without_ocr_installed(sample_pdf, scanned_pdf, tmp_path, monkeypatch):
    monkeypatch.setenv("DANVAN_TESSERACT", "/nonexistent/tesseract")
    plan = parse_file(_text_page_then_scan(sample_pdf, scanned_pdf, tmp_path))
    assert plan["issuer"] == "Sở Tư pháp"
