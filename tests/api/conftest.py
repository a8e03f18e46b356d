"""A registered client and a personal token, each acting through the pages'
permissions; a task of Sở Khoa học's issued plan and one of Sở Tài chính's."""

import base64

import pytest
from django.urls import reverse

from danvan.api import services
from danvan.plans.models import Plan, Task


@pytest.fixture
def issued_task(agency, office_officer, lead_unit):
    plan = Plan.objects.create(
        agency=agency,
        title="Kế hoạch công tác dân vận chính quyền năm 2026",
        period_year=2026,
        status=Plan.Status.ISSUED,
        number="01",
        symbol="KH-SKHCN",
        created_by=office_officer,
    )
    return Task.objects.create(
        plan=plan,
        order=0,
        heading="Tuyên truyền, quán triệt Chỉ thị 33",
        lead_unit=lead_unit,
        timing="Năm 2026",
    )


@pytest.fixture
def other_task(other_agency, other_agency_officer, other_unit):
    plan = Plan.objects.create(
        agency=other_agency,
        title="Kế hoạch dân vận của Sở Tài chính",
        period_year=2026,
        status=Plan.Status.ISSUED,
        created_by=other_agency_officer,
    )
    return Task.objects.create(plan=plan, order=0, heading="Công khai ngân sách", lead_unit=other_unit)


def register(*, acting_person, agencies, scopes, by):
    return services.register_client(
        name="Hệ thống báo cáo quốc gia", acting_person=acting_person, agencies=agencies, scopes=scopes, by=by
    )


def client_token(client, registered, scope: str = "") -> str:
    """A token by the client-credentials grant, as a calling system gets it."""
    basic = base64.b64encode(f"{registered.client_id}:{registered.client_secret}".encode()).decode()
    data = {"grant_type": "client_credentials", **({"scope": scope} if scope else {})}
    response = client.post(reverse("oauth_token"), data, HTTP_AUTHORIZATION=f"Basic {basic}")
    assert response.status_code == 200, response.content
    return response.json()["access_token"]


def bearer(token: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}
