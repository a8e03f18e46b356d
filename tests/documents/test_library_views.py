from django.urls import reverse

from danvan.documents.services import record_citation
from danvan.plans.models import Plan, PlanCitation


def plan_citing(agency, person, number, doc_type="Chỉ thị"):
    plan = Plan.objects.create(agency=agency, title="Kế hoạch công tác dân vận năm 2026", created_by=person)
    document = record_citation(doc_type=doc_type, number=number, name=None, issued=None, issuer=None)
    PlanCitation.objects.create(plan=plan, document=document)
    return document


def test_search_without_accents_finds_the_directive(client, office_officer, agency):
    plan_citing(agency, office_officer, "33/CT-TTg")
    plan_citing(agency, office_officer, "23-QĐ/TW", doc_type="Quyết định")
    client.force_login(office_officer)
    body = client.get(reverse("documents:library"), {"q": "chi thi 33"}).content.decode()
    assert "Chỉ thị số 33/CT-TTg" in body and "23-QĐ/TW" not in body


def test_entry_page_lists_the_plans_citing_it(client, office_officer, agency):
    document = plan_citing(agency, office_officer, "33/CT-TTg")
    client.force_login(office_officer)
    body = client.get(reverse("documents:document_detail", args=[document.pk])).content.decode()
    assert "Kế hoạch công tác dân vận năm 2026" in body


def test_other_agency_officer_does_not_see_the_entry(client, office_officer, agency, other_agency_officer):
    document = plan_citing(agency, office_officer, "33/CT-TTg")
    client.force_login(other_agency_officer)
    assert client.get(reverse("documents:document_detail", args=[document.pk])).status_code == 404


def test_office_corrects_an_entry(client, office_officer, agency):
    document = plan_citing(agency, office_officer, "33/CT-TTg")
    client.force_login(office_officer)
    data = {
        "doc_type": "Chỉ thị",
        "number": "33/CT-TTg",
        "name": "",
        "date": "26/11/2021",
        "issuer": "Thủ tướng Chính phủ",
        "title": "",
    }
    client.post(reverse("documents:document_edit", args=[document.pk]), data)
    document.refresh_from_db()
    assert document.date.isoformat() == "2021-11-26"


def test_staff_member_cannot_edit_an_entry(client, office_officer, unit_officer, agency):
    document = plan_citing(agency, office_officer, "33/CT-TTg")
    client.force_login(unit_officer)
    assert client.get(reverse("documents:document_edit", args=[document.pk])).status_code == 403
