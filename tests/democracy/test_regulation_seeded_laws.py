"""With the library as a new installation has it (the replacements seeded by
documents' migration), a regulation issued under NĐ 04/2015 calls for a
revision by Luật 10/2022/QH15 and NĐ 59/2023/NĐ-CP, each once."""

from datetime import date

from danvan.democracy import selectors, services
from danvan.documents.models import LegalDocument


def test_the_seeded_laws_call_for_a_revision_of_an_older_regulation(agency, office_officer):
    assert LegalDocument.objects.filter(number__in=["10/2022/QH15", "59/2023/NĐ-CP"]).count() == 2
    services.register_regulation(
        agency=agency,
        number="15/QĐ-SKHCN",
        issued_on=date(2021, 3, 1),
        decision="Quyết định số 15/QĐ-SKHCN ban hành Quy chế dân chủ",
        today=date(2026, 3, 1),
        by=office_officer,
    )
    status = selectors.regulation_status(agency)
    assert [document.number for document in status.pending] == ["10/2022/QH15", "59/2023/NĐ-CP"]
    assert status.message == (
        "Quy chế dân chủ cần rà soát, sửa đổi theo Luật số 10/2022/QH15, Nghị định số 59/2023/NĐ-CP."
    )
