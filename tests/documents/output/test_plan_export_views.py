from io import BytesIO

import pytest
from django.urls import reverse
from docx import Document

from danvan.documents.output import pdf


@pytest.mark.parametrize("name", ["plan_docx", "plan_pdf", "plan_tasks_xlsx"])
def test_anonymous_visitor_is_sent_to_login(client, plan, name):
    response = client.get(reverse(f"plans:{name}", args=[plan.pk]))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("name", ["plan_docx", "plan_pdf", "plan_tasks_xlsx"])
def test_officer_of_other_agency_gets_404(client, plan, other_agency_officer, name):
    client.force_login(other_agency_officer)
    assert client.get(reverse(f"plans:{name}", args=[plan.pk])).status_code == 404


def test_unit_officer_downloads_the_plan_as_word(client, plan, unit_officer):
    client.force_login(unit_officer)
    response = client.get(reverse("plans:plan_docx", args=[plan.pk]))
    assert response["Content-Disposition"] == f'attachment; filename="ke-hoach-{plan.pk}.docx"'
    assert Document(BytesIO(response.content)).tables[0].rows[1].cells[0].text == "Số: 12/KH-SKHCN"


def test_agency_head_downloads_the_task_list_as_excel(client, plan, agency_head):
    client.force_login(agency_head)
    response = client.get(reverse("plans:plan_tasks_xlsx", args=[plan.pk]))
    assert response.status_code == 200 and response.content.startswith(b"PK")


def test_pdf_without_libreoffice_returns_to_the_plan_with_a_message(client, plan, agency_head, monkeypatch):
    monkeypatch.setattr(pdf, "soffice_path", lambda: None)
    client.force_login(agency_head)
    response = client.get(reverse("plans:plan_pdf", args=[plan.pk]), follow=True)
    assert response.redirect_chain[0][0] == reverse("plans:plan_detail", args=[plan.pk])
    assert "chưa cài LibreOffice" in response.content.decode()
