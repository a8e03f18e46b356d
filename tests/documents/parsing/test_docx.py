"""Word specifics: footnotes placed after the paragraph that cites them, merged cells read once."""

import io
import zipfile

from docx import Document

from danvan.documents.parsing import parse_bytes
from danvan.documents.parsing.docx_reader import read_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES = (
    f'<w:footnotes xmlns:w="{W}">'
    '<w:footnote w:id="0"><w:p><w:r><w:t>separator</w:t></w:r></w:p></w:footnote>'
    '<w:footnote w:id="1"><w:p><w:r><w:t>Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ.</w:t></w:r></w:p>'
    "</w:footnote></w:footnotes>"
)
FOOTNOTE_REL = (
    '<Relationship Id="rIdFn" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"'
    ' Target="footnotes.xml"/>'
)
FOOTNOTE_TYPE = (
    '<Override PartName="/word/footnotes.xml"'
    ' ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
)


def docx_with_footnote() -> bytes:
    document = Document()
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Công tác dân vận năm 2024")
    document.add_paragraph("Tập trung vào các văn bản.FOOTNOTE_HERE")
    document.add_paragraph("I. MỤC ĐÍCH")
    buffer = io.BytesIO()
    document.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                ref = '</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t>'
                data = data.replace(b"FOOTNOTE_HERE", ref.encode())
            elif item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", FOOTNOTE_REL.encode() + b"</Relationships>")
            elif item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", FOOTNOTE_TYPE.encode() + b"</Types>")
            target.writestr(item, data)
        target.writestr("word/footnotes.xml", FOOTNOTES.encode("utf-8"))
    return out.getvalue()


def test_footnote_text_follows_the_citing_paragraph():
    lines = [line for line in read_docx(docx_with_footnote()).split("\n") if line]
    assert lines[2:4] == [
        "Tập trung vào các văn bản.",
        "(1) Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ.",
    ]


def test_citation_in_a_footnote_is_found():
    plan = parse_bytes(docx_with_footnote(), "a.docx")
    assert [(c["number"], c["date"]) for c in plan["citations"]] == [("33/CT-TTg", "2021-11-26")]


def test_merged_header_cell_is_read_once():
    document = Document()
    table = document.add_table(rows=2, cols=2)
    merged = table.cell(0, 0).merge(table.cell(1, 0))
    merged.text = "SỞ NỘI VỤ"
    table.cell(0, 1).text = "Số: 9/KH-SNV"
    buffer = io.BytesIO()
    document.save(buffer)
    assert read_docx(buffer.getvalue()).count("SỞ NỘI VỤ") == 1


def test_text_in_a_text_box_is_read_once():
    document = Document()
    paragraph = document.add_paragraph("KẾ HOẠCH")
    box = (
        f'<w:r xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>'
        "<w:p><w:r><w:t>SỞ NỘI VỤ</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>SỞ NỘI VỤ</w:t></w:r></w:p>"
        "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    from lxml import etree

    paragraph._p.append(etree.fromstring(box))
    buffer = io.BytesIO()
    document.save(buffer)
    assert read_docx(buffer.getvalue()).split("\n")[:2] == ["SỞ NỘI VỤ", "KẾ HOẠCH"]
