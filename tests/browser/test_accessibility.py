"""axe-core (vendored) on the key pages of each role and on the public pages:
no serious or critical violation anywhere."""

from datetime import date
from importlib import import_module

import pytest
from django.apps import apps
from django.core.management import call_command

from danvan.core.models import User
from danvan.demo.province import DEMO_PASSWORD
from danvan.evaluation import services as evaluation
from danvan.evaluation.models import Assessment
from danvan.petitions import services as petition_services
from danvan.petitions.models import Petition
from danvan.plans.models import Plan, Task
from danvan.reports.models import ReportRequest

YEAR_TITLE = "Báo cáo kết quả công tác dân vận chính quyền năm 2026"


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo_province", verbosity=0)
    import_module("danvan.petitions.migrations.0002_seed_time_limit_rules").seed(apps, None)
    plan = Plan.objects.get(agency__symbol_code="SKHCN", period_year=2026)
    petition = petition_services.receive_petition(
        agency=plan.agency,
        source=Petition.Source.POST,
        kind=Petition.Kind.FEEDBACK,
        subject="Kiến nghị về thời gian tiếp nhận hồ sơ",
        content="Đề nghị Sở bố trí tiếp nhận hồ sơ vào sáng thứ Bảy.",
        received_on=date(2026, 11, 20),
        sender_name="Lê Văn Tám",
        phone="0909 123 456",
        by=None,
    )
    office = User.objects.get(username="skhcn.vanphong")
    assessment = evaluation.open_assessment(agency=plan.agency, year=2026, by=office)
    return {
        "assessment": assessment,
        "finished": Assessment.objects.get(agency__symbol_code="SNV", year=2025),
        "plan": plan,
        "task": Task.objects.filter(plan=plan, lead_unit__code="CCTDC").first(),
        "agency_request": ReportRequest.objects.get(level="agencies", title=YEAR_TITLE),
        "unit_request": ReportRequest.objects.get(level="units", title=YEAR_TITLE),
        "petition": petition,
        "agency": plan.agency,
        "province": plan.agency.province,
    }


def pages_of(username: str, demo: dict) -> list[str]:
    """The landing page, the role's lists and one detail page of each."""
    plan, task, agency = demo["plan"], demo["task"], demo["agency"]
    return {
        "skhcn.lanhdao": [
            "/",
            "/ke-hoach/",
            f"/ke-hoach/{plan.pk}/",
            f"/ke-hoach/co-quan/{agency.pk}/tong-quan/",
            "/bao-cao/",
            "/tiep-cong-dan/",
        ],
        "skhcn.vanphong": [
            "/",
            "/ke-hoach/nhiem-vu/",
            f"/bao-cao/yeu-cau/{demo['agency_request'].pk}/",
            f"/bao-cao/yeu-cau/{demo['unit_request'].pk}/",
            "/tiep-cong-dan/so-tiep-cong-dan/",
            "/danh-gia/tu-danh-gia/",
            f"/danh-gia/tu-danh-gia/{demo['assessment'].pk}/",
        ],
        "skhcn.truongdonvi": ["/", "/ke-hoach/nhiem-vu/", f"/ke-hoach/nhiem-vu/{task.pk}/"],
        "skhcn.chuyenvien": ["/", "/ke-hoach/nhiem-vu/cua-toi/", f"/ke-hoach/nhiem-vu/{task.pk}/"],
        "skhcn.thanhtra": [
            "/",
            "/tiep-cong-dan/",
            f"/tiep-cong-dan/don/{demo['petition'].pk}/",
            "/tiep-cong-dan/tong-hop/",
        ],
        "snv.theodoi": [
            "/",
            "/bao-cao/",
            f"/bao-cao/yeu-cau/{demo['agency_request'].pk}/",
            f"/bao-cao/tinh/{demo['province'].pk}/bang-tong-hop/",
            f"/danh-gia/bo-tieu-chi/{demo['finished'].criteria_set_id}/",
            f"/danh-gia/tu-danh-gia/{demo['finished'].pk}/",
            f"/danh-gia/ket-qua/tinh/{demo['province'].pk}/?nam=2025",
        ],
        "skhcn.ttnd": ["/"],
        "quantri": ["/", "/co-quan/", "/thong-bao/"],
    }[username]


ROLES = [
    "skhcn.lanhdao",
    "skhcn.vanphong",
    "skhcn.truongdonvi",
    "skhcn.chuyenvien",
    "skhcn.thanhtra",
    "snv.theodoi",
    "skhcn.ttnd",
    "quantri",
]


@pytest.mark.parametrize("username", ROLES)
def test_the_key_pages_of_each_role_pass_axe(demo, sign_in, page, live_server, axe, username):
    sign_in(username, DEMO_PASSWORD)
    for path in pages_of(username, demo):
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        axe(path)


def test_the_public_pages_the_login_and_the_guide_pass_axe(demo, page, live_server, axe):
    for path in [
        "/tai-khoan/dang-nhap/",
        "/cong-dan/gui-don/",
        "/cong-dan/tra-cuu/",
        "/cong-dan/lich-tiep-cong-dan/",
        "/huong-dan/",
        "/huong-dan/thanh-tra/",
    ]:
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        axe(path)
