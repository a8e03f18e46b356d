from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document

from danvan.documents.models import OutputTemplate
from danvan.documents.output.docx import DEFAULT_TEMPLATES, render_plan_docx
from tests.documents.output.conftest import all_text, open_docx


def word_file(*lines: str) -> bytes:
    document = Document()
    for line in lines:
        document.add_paragraph(line)
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def post_template(client, agency, data: bytes, name="mau-rieng.docx"):
    url = reverse("documents:output_template_upload", args=[agency.pk])
    return client.post(url, {"file": SimpleUploadedFile(name, data)})


@pytest.fixture
def office_client(client, office_officer):
    client.force_login(office_officer)
    return client


def test_office_replaces_the_plan_template_and_exports_use_it(office_client, agency, plan):
    response = post_template(
        office_client, agency, word_file("Mẫu riêng: {{ summary }} — {{ number }}/{{ symbol }}")
    )
    assert response.status_code == 302
    assert "Mẫu riêng: Thực hiện công tác dân vận chính quyền năm 2026 — 12/KH-SKHCN" in all_text(
        open_docx(render_plan_docx(plan))
    )


def test_broken_template_is_refused_with_a_message_and_nothing_saved(office_client, agency):
    response = post_template(office_client, agency, word_file("{% for task in %}"))
    assert response.status_code == 422 and "Không dùng được mẫu này" in response.content.decode()
    assert not OutputTemplate.objects.exists()


def test_template_reaching_python_internals_is_refused(office_client, agency):
    # Templates come from agencies: docxtpl's Jinja must run sandboxed.
    response = post_template(
        office_client, agency, word_file("{{ ''.__class__.__mro__[1].__subclasses__() }}")
    )
    assert response.status_code == 422 and not OutputTemplate.objects.exists()


def test_file_that_is_not_word_is_refused(office_client, agency):
    response = post_template(office_client, agency, b"%PDF-1.4 not a template", name="mau.docx")
    assert response.status_code == 422 and "không phải là văn bản Word" in response.content.decode()
    assert not OutputTemplate.objects.exists()


def test_template_over_five_megabytes_is_refused(office_client, agency):
    response = post_template(office_client, agency, word_file("x") + b"\0" * (5 * 1024 * 1024))
    assert response.status_code == 422 and not OutputTemplate.objects.exists()


def test_unit_officer_may_not_replace_the_template(client, agency, unit_officer):
    client.force_login(unit_officer)
    assert post_template(client, agency, word_file("{{ summary }}")).status_code == 403


def test_officer_of_other_agency_gets_404(client, agency, other_agency_officer):
    client.force_login(other_agency_officer)
    assert post_template(client, agency, word_file("{{ summary }}")).status_code == 404


def test_anonymous_visitor_is_sent_to_login(client, agency):
    response = client.get(reverse("documents:output_template_upload", args=[agency.pk]))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_office_downloads_the_default_template_until_it_has_its_own(office_client, agency):
    response = office_client.get(reverse("documents:output_template", args=[agency.pk]))
    assert response.content == DEFAULT_TEMPLATES[OutputTemplate.Kind.PLAN].read_bytes()


def test_upload_page_says_the_default_template_is_in_use(office_client, agency):
    response = office_client.get(reverse("documents:output_template_upload", args=[agency.pk]))
    assert "Đang dùng mẫu mặc định của hệ thống." in response.content.decode()
