from datetime import date

import pytest

from danvan.documents.models import LegalDocument
from danvan.documents.services import record_citation, update_legal_document


def cite(number=None, issued=None, issuer=None, name=None, doc_type="Kết luận"):
    return record_citation(doc_type=doc_type, number=number, name=name, issued=issued, issuer=issuer)


@pytest.mark.django_db
def test_numbers_differing_in_case_and_spaces_are_one_document():
    before = LegalDocument.objects.count()  # the seeded replacements
    first = cite("77-Kl/TU")
    assert cite("77-KL/ TU") == first
    assert LegalDocument.objects.count() == before + 1


@pytest.mark.django_db
def test_a_later_mention_fills_in_the_date_and_issuer():
    document = cite("04/2015/NĐ-CP", doc_type="Nghị định")
    cite("04/2015/NĐ-CP", issued=date(2015, 1, 9), issuer="Chính phủ", doc_type="Nghị định")
    document.refresh_from_db()
    assert document.date == date(2015, 1, 9) and document.issuer == "Chính phủ"


@pytest.mark.django_db
def test_same_number_with_two_known_dates_is_two_documents():
    # Two "Chỉ thị 33/CT-TTg" exist: 26/11/2021 and 06/11/2025.
    first = cite("33/CT-TTg", issued=date(2021, 11, 26), doc_type="Chỉ thị")
    second = cite("33/CT-TTg", issued=date(2025, 11, 6), doc_type="Chỉ thị")
    assert first != second


@pytest.mark.django_db
def test_law_cited_by_name_is_found_again_without_accents_mattering():
    first = cite(name="Luật Tiếp công dân", doc_type="Luật")
    assert cite(name="Luật tiếp công dân", doc_type="Luật") == first


@pytest.mark.django_db
def test_update_legal_document_keeps_history(office_officer):
    document = cite("23-QĐ/TW")
    update_legal_document(document=document, changes={"title": "Quy chế công tác dân vận"}, by=office_officer)
    assert document.history.count() == 2
