"""The proposal file and the council's minutes in Word, reopened with python-docx;
the API of movements and proposals, scoped."""

from io import BytesIO

from django.urls import reverse
from docx import Document

from danvan.emulation import services


def text_of(data: bytes) -> str:
    document = Document(BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_the_proposal_file(client, proposal, candidate, office_officer):
    client.force_login(office_officer)
    response = client.get(reverse("emulation:proposal_download", args=[proposal.pk]))
    assert response.status_code == 200
    text = text_of(response.content)
    for part in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "TỜ TRÌNH",
        "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG",
        "BIÊN BẢN HỌP HỘI ĐỒNG",
        "BÁO CÁO THÀNH TÍCH",
        "Nơi nhận:",
        "06/2022/QH15",
    ):
        assert part in text
    assert candidate.person.full_name in text and "Tổ chức đối thoại với doanh nghiệp" in text


def test_the_minutes(client, proposal, candidate, meeting, council, office_officer):
    services.record_vote(candidate=candidate, votes_for=3, by=office_officer)
    client.force_login(council[2][0])
    response = client.get(reverse("emulation:proposal_minutes", args=[proposal.pk]))
    assert response.status_code == 200
    text = text_of(response.content)
    assert "BIÊN BẢN" in text and "20/12/2026" in text and "4/5 thành viên" in text
    assert council[4][0].full_name in text.split("vắng mặt")[1]


def test_the_api_is_scoped(
    client, proposal, candidate, movement, office_officer, other_agency_officer, unit_officer
):
    client.force_login(office_officer)
    assert len(client.get(reverse("api:emulation_movement_list")).json()["results"]) == 1
    found = client.get(reverse("api:emulation_proposal_list")).json()["results"]
    assert found[0]["candidates"][0]["title"] == "Lao động tiên tiến"
    client.force_login(other_agency_officer)
    assert client.get(reverse("api:emulation_movement_list")).json()["results"] == []
    assert client.get(reverse("api:emulation_proposal_list")).json()["results"] == []
