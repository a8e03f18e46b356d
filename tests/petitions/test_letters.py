"""The outgoing letter of a processed petition, as a Word file."""

from datetime import date
from io import BytesIO

from django.urls import reverse
from docx import Document

from danvan.petitions import services
from tests.petitions.factories import classified, petition_for


def text_of(data: bytes) -> str:
    return "\n".join(p.text for p in Document(BytesIO(data)).paragraphs)


def test_forwarded_petition_downloads_its_forwarding_slip(client, agency, inspector):
    petition = services.classify_petition(
        petition=petition_for(agency),
        kind="complaint",
        conditions_met=True,
        in_jurisdiction=False,
        competent_body="UBND xã Tân Hòa",
        by=inspector,
    )
    services.forward_petition(
        petition=petition, note="Chuyển theo thẩm quyền", on=date(2026, 3, 4), by=inspector
    )
    client.force_login(inspector)
    response = client.get(reverse("petitions:petition_letter", args=[petition.pk]))
    text = text_of(response.content)
    assert "PHIẾU CHUYỂN ĐƠN" in text and "UBND xã Tân Hòa" in text and "Trần Thị Bưởi" in text


def test_denunciation_letter_never_names_the_denouncer(client, agency, inspector):
    petition = classified(agency, by=inspector, kind="denunciation")
    services.accept_petition(petition=petition, accepted_on=date(2026, 3, 5), handler=inspector, by=inspector)
    client.force_login(inspector)
    response = client.get(reverse("petitions:petition_letter", args=[petition.pk]))
    text = text_of(response.content)
    assert "PHIẾU ĐỀ XUẤT THỤ LÝ ĐƠN" in text and "Trần Thị Bưởi" not in text


def test_petition_without_outcome_has_no_letter(client, agency, inspector):
    client.force_login(inspector)
    assert client.get(reverse("petitions:petition_letter", args=[petition_for(agency).pk])).status_code == 404


def test_office_officer_may_not_download_the_letter(client, agency, inspector, office_officer):
    petition = classified(agency, by=inspector)
    services.file_petition(petition=petition, note="Trùng", on=date(2026, 3, 4), by=inspector)
    client.force_login(office_officer)
    assert client.get(reverse("petitions:petition_letter", args=[petition.pk])).status_code == 403


def forwarded(agency, inspector, *, on=date(2026, 3, 4)):
    petition = services.classify_petition(
        petition=petition_for(agency),
        kind="complaint",
        conditions_met=True,
        in_jurisdiction=False,
        competent_body="UBND xã Tân Hòa",
        by=inspector,
    )
    return services.forward_petition(petition=petition, note="Chuyển theo thẩm quyền", on=on, by=inspector)


def letter_of(client, person, petition):
    client.force_login(person)
    response = client.get(reverse("petitions:petition_letter", args=[petition.pk]))
    assert response.status_code == 200
    return Document(BytesIO(response.content))


def test_forwarding_slip_has_every_part_of_the_decree_layout(client, agency, office_unit, inspector):
    document = letter_of(client, inspector, forwarded(agency, inspector))
    heading = document.tables[0]
    agency_block, motto = heading.rows[0].cells
    assert [p.text for p in agency_block.paragraphs][:2] == ["UBND TỈNH TÂY NINH", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"]
    assert [p.text for p in motto.paragraphs] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    number, place_date = heading.rows[1].cells
    assert number.text == "Số: 01/PC-SKHCN"
    assert place_date.text == "Tây Ninh, ngày 04 tháng 3 năm 2026"
    body = [p.text for p in document.paragraphs if p.text]
    assert body[:3] == [
        "PHIẾU CHUYỂN ĐƠN",
        "Chuyển đơn khiếu nại (mã hồ sơ " + body[1].split("(mã hồ sơ ")[1],
        "Kính gửi: UBND xã Tân Hòa.",
    ]
    assert any("chuyển đơn đến UBND xã Tân Hòa để xem xét, giải quyết" in line for line in body)
    recipients, signature = document.tables[-1].rows[0].cells
    assert [p.text for p in recipients.paragraphs] == [
        "Nơi nhận:",
        "- Như trên;",
        "- Trần Thị Bưởi (để biết);",
        "- Lưu: VT, VP.",
    ]
    assert [p.text for p in signature.paragraphs if p.text] == [
        inspector.position.upper(),
        inspector.full_name,
    ]


def test_letters_are_numbered_in_the_agency_series_that_plans_and_reports_use(
    client, agency, office_unit, inspector
):
    from danvan.documents.register import next_document_number

    assert next_document_number(agency=agency, year=2026) == "01"  # a plan issued earlier in the year
    first = forwarded(agency, inspector)
    answered = services.answer_petition(
        petition=classified(agency, by=inspector, kind="feedback"),
        note="Đã xem xét",
        public_answer="Ủy ban đã chỉ đạo sửa chữa tuyến đường trong quý II.",
        on=date(2026, 3, 6),
        by=inspector,
    )
    assert (first.letter_number, first.letter_symbol, first.letter_date) == (
        "02",
        "PC-SKHCN",
        date(2026, 3, 4),
    )
    assert (answered.letter_number, answered.letter_symbol) == ("03", "SKHCN-VP")
    assert next_document_number(agency=agency, year=2026) == "04"
    document = letter_of(client, inspector, answered)
    assert document.tables[0].rows[1].cells[0].text == "Số: 03/SKHCN-VP"
    body = [p.text for p in document.paragraphs if p.text]
    assert body[0] == "VĂN BẢN TRẢ LỜI" and "Kính gửi: Trần Thị Bưởi." in body
    assert "Ủy ban đã chỉ đạo sửa chữa tuyến đường trong quý II." in body


def test_filing_a_petition_takes_no_number(agency, inspector):
    from danvan.documents.register import next_document_number

    filed = services.file_petition(
        petition=classified(agency, by=inspector), note="Trùng", on=date(2026, 3, 4), by=inspector
    )
    assert filed.letter_number == ""
    assert next_document_number(agency=agency, year=2026) == "01"


def test_acceptance_proposal_is_addressed_to_the_head_and_signed_by_the_proposer(
    client, agency, inspector, agency_head
):
    petition = classified(agency, by=inspector, kind="denunciation")
    services.accept_petition(
        petition=petition, accepted_on=date(2026, 3, 5), handler=inspector, by=agency_head
    )
    document = letter_of(client, inspector, petition)
    body = [p.text for p in document.paragraphs if p.text]
    assert body[0] == "PHIẾU ĐỀ XUẤT THỤ LÝ ĐƠN" and "Kính gửi: Thủ trưởng Sở Khoa học và Công nghệ." in body
    assert document.tables[0].rows[1].cells[1].text == "Tây Ninh, ngày 05 tháng 3 năm 2026"
    recipients, signature = document.tables[-1].rows[0].cells
    assert [p.text for p in signature.paragraphs if p.text] == ["NGƯỜI ĐỀ XUẤT", inspector.full_name]
    everything = "\n".join(
        [
            *body,
            *(
                p.text
                for table in document.tables
                for row in table.rows
                for c in row.cells
                for p in c.paragraphs
            ),
        ]
    )
    assert "Trần Thị Bưởi" not in everything and "072180001234" not in everything


def test_the_letter_as_pdf_holds_its_parts_in_one_font(client, agency, office_unit, inspector, tmp_path):
    from tests.conftest import require_binary
    from tests.documents.output.conftest import pdf_font_families, pdf_pages_text, printed_serif_family

    require_binary("soffice")
    petition = forwarded(agency, inspector)
    client.force_login(inspector)
    response = client.get(reverse("petitions:petition_letter_pdf", args=[petition.pk]))
    assert response.status_code == 200 and response.content[:5] == b"%PDF-"
    path = tmp_path / "van-ban.pdf"
    path.write_bytes(response.content)
    (page,) = pdf_pages_text(path)
    for part in (
        "PHIẾU CHUYỂN ĐƠN",
        "Số: 01/PC-SKHCN",
        "Kính gửi: UBND xã Tân Hòa.",
        "Nơi nhận:",
        "Lưu: VT, VP.",
    ):
        assert part in page
    families = pdf_font_families(path)
    assert families and all(family.startswith(printed_serif_family()) for family in families), families


def test_a_forwarded_denunciation_lists_no_denouncer_among_the_recipients(
    client, agency, office_unit, inspector
):
    petition = services.classify_petition(
        petition=petition_for(agency, kind="denunciation"),
        kind="denunciation",
        conditions_met=True,
        in_jurisdiction=False,
        competent_body="Thanh tra tỉnh",
        by=inspector,
    )
    services.forward_petition(
        petition=petition, note="Chuyển theo thẩm quyền", on=date(2026, 3, 4), by=inspector
    )
    recipients = letter_of(client, inspector, petition).tables[-1].rows[0].cells[0]
    assert [p.text for p in recipients.paragraphs] == ["Nơi nhận:", "- Như trên;", "- Lưu: VT, VP."]
