"""Signing as a step of issuing: the leader who issues a plan or an amendment
of it ticks "Ký số khi ban hành" and the document is issued and signed in one
step; without a usable certificate it is issued all the same, and the leader
is told why it is not signed."""

from datetime import date

import pytest
from django.urls import reverse

from danvan.core.services import DomainError
from danvan.documents import services as document_services
from danvan.documents.models import SignedCopy
from danvan.documents.signatures import pades
from danvan.plans import services
from danvan.plans.models import Plan, PlanAmendment
from tests.conftest import require_binary
from tests.signing_ca import PASSPHRASE, stored_bytes

BOX = 'name="ky_so"'


@pytest.fixture
def certificate(agency, system_admin, agency_bundle):
    return document_services.configure_signing_certificate(
        agency=agency, bundle=agency_bundle, passphrase=PASSPHRASE, seal=None, by=system_admin
    )


@pytest.fixture
def submitted_plan(draft_plan, office_officer):
    return services.submit_plan(plan=draft_plan, by=office_officer)


@pytest.fixture
def submitted_amendment(issued_plan, office_officer):
    amendment = services.start_amendment(
        plan=issued_plan, reason="Thực hiện Kế hoạch số 45/KH-UBND của tỉnh", by=office_officer
    )
    services.propose_task_change(
        amendment=amendment, task=issued_plan.tasks.get(order=0), by=office_officer, heading="Nội dung đã sửa"
    )
    return services.submit_amendment(amendment=amendment, by=office_officer)


def test_the_leader_issues_and_signs_the_plan_in_one_step(
    client, submitted_plan, certificate, agency_head, test_ca
):
    require_binary("soffice")
    client.force_login(agency_head)
    page = client.get(reverse("plans:plan_detail", args=[submitted_plan.pk])).content.decode()
    assert BOX in page and "Ký số khi ban hành" in page
    response = client.post(
        reverse("plans:plan_approve", args=[submitted_plan.pk]), {"ky_so": "1"}, follow=True
    )
    submitted_plan.refresh_from_db()
    assert submitted_plan.status == Plan.Status.ISSUED and submitted_plan.number
    copy = SignedCopy.objects.get()
    assert copy.document == submitted_plan and copy.signer == agency_head
    assert copy.signed_at >= submitted_plan.issued_at.replace(microsecond=0)
    html = response.content.decode()
    assert "Đã phê duyệt và ban hành kế hoạch số" in html and "Đã ký số văn bản lúc" in html
    assert reverse("plans:plan_signed_pdf", args=[submitted_plan.pk, copy.pk]) in html
    [check] = pades.check_signatures(stored_bytes(copy), trust_roots=[test_ca.pem])
    assert check.verdict == pades.Verdict.VALID


def test_leaving_the_box_unticked_issues_without_signing(client, submitted_plan, certificate, agency_head):
    client.force_login(agency_head)
    client.post(reverse("plans:plan_approve", args=[submitted_plan.pk]))
    submitted_plan.refresh_from_db()
    assert submitted_plan.status == Plan.Status.ISSUED
    assert not SignedCopy.objects.exists()


def test_without_a_certificate_no_box_is_offered_and_a_forced_request_still_issues_unsigned(
    client, submitted_plan, agency_head
):
    require_binary("soffice")
    client.force_login(agency_head)
    assert BOX not in client.get(reverse("plans:plan_detail", args=[submitted_plan.pk])).content.decode()
    response = client.post(
        reverse("plans:plan_approve", args=[submitted_plan.pk]), {"ky_so": "1"}, follow=True
    )
    submitted_plan.refresh_from_db()
    assert submitted_plan.status == Plan.Status.ISSUED
    assert not SignedCopy.objects.exists()
    html = response.content.decode()
    assert "Văn bản đã ban hành nhưng chưa ký số được" in html and "chưa có chứng thư số" in html
    assert reverse("plans:plan_sign", args=[submitted_plan.pk]) in html


def test_the_office_is_not_offered_the_box(client, submitted_plan, certificate, office_officer):
    client.force_login(office_officer)
    assert BOX not in client.get(reverse("plans:plan_detail", args=[submitted_plan.pk])).content.decode()


def test_a_refused_issue_signs_nothing(client, draft_plan, certificate, agency_head):
    client.force_login(agency_head)
    client.post(reverse("plans:plan_approve", args=[draft_plan.pk]), {"ky_so": "1"})
    draft_plan.refresh_from_db()
    assert draft_plan.status == Plan.Status.DRAFT
    assert not SignedCopy.objects.exists()


def test_the_leader_issues_and_signs_an_amendment(
    client, submitted_amendment, certificate, agency_head, unit_officer, other_agency_officer, test_ca
):
    require_binary("soffice")
    client.force_login(agency_head)
    detail = reverse("plans:amendment_detail", args=[submitted_amendment.pk])
    assert BOX in client.get(detail).content.decode()
    client.post(reverse("plans:amendment_issue", args=[submitted_amendment.pk]), {"ky_so": "1"})
    submitted_amendment.refresh_from_db()
    assert submitted_amendment.status == PlanAmendment.Status.ISSUED
    copy = SignedCopy.objects.get()
    assert copy.document == submitted_amendment and copy.signer == agency_head
    assert submitted_amendment.reference in copy.title
    [check] = pades.check_signatures(stored_bytes(copy), trust_roots=[test_ca.pem])
    assert check.verdict == pades.Verdict.VALID

    url = reverse("plans:amendment_signed_pdf", args=[submitted_amendment.pk, copy.pk])
    client.force_login(unit_officer)
    assert url in client.get(detail).content.decode()
    download = client.get(url)
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    client.force_login(other_agency_officer)
    assert client.get(url).status_code == 404


def test_an_issued_amendment_is_signed_afterwards_by_the_leader_only(
    client, submitted_amendment, certificate, agency_head, office_officer
):
    require_binary("soffice")
    services.issue_amendment(amendment=submitted_amendment, by=agency_head, issue_date=date(2026, 7, 2))
    sign = reverse("plans:amendment_sign", args=[submitted_amendment.pk])
    client.force_login(office_officer)
    assert (
        sign
        not in client.get(reverse("plans:amendment_detail", args=[submitted_amendment.pk])).content.decode()
    )
    assert client.post(sign).status_code == 403
    client.force_login(agency_head)
    assert (
        sign in client.get(reverse("plans:amendment_detail", args=[submitted_amendment.pk])).content.decode()
    )
    client.post(sign)
    assert SignedCopy.objects.get().document == submitted_amendment


def test_a_draft_amendment_cannot_be_signed(client, issued_plan, certificate, agency_head, office_officer):
    amendment = services.start_amendment(plan=issued_plan, reason="Bổ sung nhiệm vụ", by=office_officer)
    client.force_login(agency_head)
    assert client.post(reverse("plans:amendment_sign", args=[amendment.pk])).status_code in (403, 404)
    assert not SignedCopy.objects.exists()


def test_sign_amendment_refuses_an_amendment_not_issued(submitted_amendment, certificate, agency_head):
    with pytest.raises(DomainError, match="đã ban hành"):
        services.sign_amendment(amendment=submitted_amendment, by=agency_head)
    assert not SignedCopy.objects.exists()
