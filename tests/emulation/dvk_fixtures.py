"""Fixtures of the «Dân vận khéo» tests: Sở Khoa học's 2026 campaign (deadline
20/03/2026, progress reports on 30/06 and 30/11) for two of its units, and a
model of the lead unit."""

from datetime import date
from decimal import Decimal

import pytest

from danvan.emulation import services
from danvan.emulation.models import Field, GoodPractice, Level

BEFORE_DEADLINE = date(2026, 3, 1)


def practice_fields(**overrides) -> dict:
    fields = {
        "name": "Dân vận khéo trong kiểm định đo lường phục vụ người dân",
        "address": "Chợ Long Hoa, thị xã Hòa Thành",
        "field": Field.ECONOMY,
        "level": Level.GRASSROOTS,
        "aims": "Bảo đảm cân đúng, đủ cho người mua bán tại chợ",
        "content": "Kiểm định miễn phí cân của tiểu thương, đặt cân đối chứng",
        "participants": "Chi cục, Ban quản lý chợ, tiểu thương",
        "starts_on": date(2026, 4, 1),
        "ends_on": date(2026, 11, 30),
        "expected_results": "100% cân tại chợ được kiểm định",
        "responsible": "Nguyễn Văn An, Phó Chi cục trưởng",
    }
    fields.update(overrides)
    return fields


@pytest.fixture
def campaign(province, agency, lead_unit, sibling_unit, agency_head, office_officer):
    return services.open_campaign(
        province=province,
        agency=agency,
        year=2026,
        title="Đăng ký mô hình «Dân vận khéo» năm 2026",
        deadline=date(2026, 3, 20),
        report_dates=[date(2026, 6, 30), date(2026, 11, 30)],
        units=[lead_unit, sibling_unit],
        criteria=[("Hiệu quả thiết thực", Decimal(6)), ("Khả năng nhân rộng", Decimal(4))],
        council=[agency_head, office_officer],
        by=office_officer,
    )


@pytest.fixture
def practice(campaign, lead_unit, unit_officer):
    return services.register_practice(
        campaign=campaign, unit=lead_unit, **practice_fields(), today=BEFORE_DEADLINE, by=unit_officer
    )


def advance(practice: GoodPractice, status: str, *, by) -> GoodPractice:
    """Walk the model along the main path until it reaches ``status``."""
    S = GoodPractice.Status
    steps = [S.IN_PROGRESS, S.REPORTED, S.PROPOSED, S.RECOGNISED, S.REPLICATED]
    if status == S.NOT_RECOGNISED:
        steps = [S.IN_PROGRESS, S.REPORTED, S.PROPOSED, S.NOT_RECOGNISED]
    if status == S.WITHDRAWN:
        steps = [S.WITHDRAWN]
    council = list(practice.campaign.council.all())
    for step in steps:
        if practice.status == status:
            break
        if step == S.IN_PROGRESS:
            services.start_practice(practice=practice, by=by)
        elif step == S.REPORTED:
            services.report_progress(
                practice=practice, period="6 tháng đầu năm", text="Đã kiểm định 120 cân", by=by
            )
            services.finish_practice(practice=practice, results="Kiểm định 250 cân", by=by)
        elif step == S.PROPOSED:
            criteria = list(practice.campaign.criteria.all())
            for member in council:
                services.score_practice(
                    practice=practice, points={c.pk: c.max_points - 1 for c in criteria}, by=member
                )
            services.propose_recognition(practice=practice, by=by)
        elif step in (S.RECOGNISED, S.NOT_RECOGNISED):
            chosen = (
                {"recognised": [practice]}
                if step == S.RECOGNISED
                else {"recognised": [], "not_recognised": [practice]}
            )
            services.decide_recognition(
                campaign=practice.campaign,
                agency=practice.agency,
                signed_on=date(2026, 12, 10),
                level=Level.SECTOR,
                by=by,
                **chosen,
            )
        elif step == S.REPLICATED:
            sibling = practice.agency.units.exclude(pk=practice.unit_id).order_by("pk").first()
            services.replicate_practice(
                origin=practice,
                campaign=practice.campaign,
                unit=sibling,
                address="Chợ Trảng Bàng",
                starts_on=date(2027, 1, 1),
                ends_on=date(2027, 12, 31),
                responsible="Trần Thị Bình",
                by=by,
            )
        elif step == S.WITHDRAWN:
            services.withdraw_practice(practice=practice, reason="Đơn vị sáp nhập", by=by)
        practice.refresh_from_db()
    assert practice.status == status
    return practice
