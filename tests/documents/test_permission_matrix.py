"""Every role × every page of the document library and of an agency's
templates of outgoing documents. A library entry is read by whoever reads a
plan citing it; any office corrects entries; an agency's office replaces its
templates, and nobody else learns they exist."""

import pytest
from django.urls import reverse

from danvan.documents.services import record_citation
from danvan.plans.models import Plan, PlanCitation
from tests.matrix import ROLES, matrix_cases, status_for

MATRIX = [
    ("documents:library", [], [200, 200, 200, 200, 200, 200, 200, 200, 200]),
    ("documents:document_detail", ["cited_document"], [200, 200, 200, 200, 200, 200, 200, 200, 404]),
    ("documents:document_edit", ["cited_document"], [200, 403, 403, 200, 403, 403, 403, 403, 404]),
    ("documents:document_validity", ["cited_document"], [200, 403, 403, 200, 403, 403, 403, 403, 404]),
    ("documents:output_template_upload", ["agency"], [200, 403, 403, 200, 403, 403, 403, 403, 404]),
    ("documents:report_template_upload", ["agency"], [200, 403, 403, 200, 403, 403, 403, 403, 404]),
    ("documents:output_template", ["agency"], [200, 404, 404, 200, 404, 404, 404, 404, 404]),
    ("documents:report_template", ["agency"], [200, 404, 404, 200, 404, 404, 404, 404, 404]),
]


@pytest.fixture
def cited_document(agency, office_officer):
    plan = Plan.objects.create(
        agency=agency, title="Kế hoạch công tác dân vận năm 2026", created_by=office_officer
    )
    document = record_citation(doc_type="Chỉ thị", number="33/CT-TTg", name=None, issued=None, issuer=None)
    PlanCitation.objects.create(plan=plan, document=document)
    return document


@pytest.mark.parametrize(("view", "args", "role", "status"), matrix_cases(MATRIX))
def test_role_gets_expected_status(client, db, request, view, args, role, status):
    assert status_for(client, request, view, args, role) == status


@pytest.mark.parametrize("role", ROLES)
def test_unknown_ids_answer_404_not_500(client, db, request, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("documents:document_detail", args=[999999])).status_code == 404
