"""The plan the system prints as PDF reads back through the plan parser: what one agency sends,
another imports. Printed in Tinos, and as a server without Tinos prints it: in Liberation Serif,
whose missing Vietnamese letters LibreOffice borrows from a fallback font."""

import pytest

from danvan.documents.output import pdf
from danvan.documents.output.docx import render_plan_docx
from danvan.documents.parsing import parse_bytes
from tests.conftest import require_binary
from tests.documents.output.conftest import TITLE


@pytest.mark.parametrize("replacements", [None, {}], ids=["tinos", "fallback-font"])
def test_the_exported_pdf_reads_back_with_its_title_citations_and_tasks(plan, replacements, monkeypatch):
    require_binary("soffice")
    if replacements is not None:
        monkeypatch.setattr(pdf, "missing_font_replacements", lambda: replacements)
    data = pdf.docx_to_pdf(render_plan_docx(plan))
    parsed = parse_bytes(data, "ke-hoach.pdf")
    assert parsed["kind"] == "ke_hoach"
    assert parsed["title"] == TITLE
    assert (parsed["number"], parsed["symbol"], parsed["date"]) == ("12", "KH-SKHCN", "2026-03-05")
    assert parsed["issuer"] == "Sở Khoa học và Công nghệ" and parsed["province"] == "Tây Ninh"
    assert [(c["type"], c["number"], c["date"]) for c in parsed["citations"]] == [
        ("Chỉ thị", "33/CT-TTg", "2021-11-26")
    ]
    assert [task["heading"] for task in parsed["tasks"]] == [
        "Tuyên truyền công tác dân vận",
        "Tiếp công dân định kỳ",
    ]
    assert [task["timing"] for task in parsed["tasks"]] == ["Thường xuyên", "Hằng tháng"]
    assert [d["date"] for d in parsed["deadlines"]] == ["2026-10-20"]
    assert parsed["signer"] == {"authority": "KT. GIÁM ĐỐC", "title": "PHÓ GIÁM ĐỐC", "name": "Nguyễn Văn An"}


# The parts the import keeps besides the scored fields, and every scored field.
READ_BACK = (
    "kind title issuer province number symbol place date period citations basis tasks targets deadlines "
    "recipients signer purposes implementation"
).split()


@pytest.mark.parametrize("replacements", [None, {}], ids=["tinos", "fallback-font"])
def test_a_whole_exported_plan_reads_back_from_pdf_as_from_word(whole_plan, replacements, monkeypatch):
    """Purposes, targets, content items with their headings, the organisation section, the basis
    and the deadlines come out of the PDF as they come out of the Word file it is printed from."""
    require_binary("soffice")
    if replacements is not None:
        monkeypatch.setattr(pdf, "missing_font_replacements", lambda: replacements)
    word = render_plan_docx(whole_plan)
    from_word = parse_bytes(word, "ke-hoach.docx")
    from_pdf = parse_bytes(pdf.docx_to_pdf(word), "ke-hoach.pdf")
    assert {key: from_pdf[key] for key in READ_BACK} == {key: from_word[key] for key in READ_BACK}
    assert [task["section"] for task in from_pdf["tasks"]][::2] == [
        "Công tác tuyên truyền, quán triệt",
        "Thực hiện dân chủ ở cơ quan",
        "Xây dựng mô hình «Dân vận khéo»",
    ]
