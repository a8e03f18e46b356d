"""Demo «Dân vận khéo» at Sở Khoa học và Công nghệ: the 2026 campaign
(deadline 20/03/2026, progress reports on 30/06 and 30/11) for three units;
the Chi cục TĐC's model reported twice, scored by the council and recognised
by decision, then replicated by the Phòng Quản lý công nghệ; the Trung tâm
KH&CN's model in progress; the Phòng Quản lý khoa học has not registered.

Loading twice changes nothing: the campaign is looked up by agency, year and title first."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from danvan.core.models import Agency, User
from danvan.emulation import services
from danvan.emulation.models import Campaign, Field, Level

TITLE = "Đăng ký mô hình «Dân vận khéo» năm 2026"
REGISTERED_ON = date(2026, 3, 10)
CRITERIA = [
    ("Hiệu quả thiết thực, được Nhân dân đồng tình", Decimal(6)),
    ("Tính bền vững và khả năng nhân rộng", Decimal(4)),
]
COMMON = {
    "level": Level.GRASSROOTS,
    "participants": "Công chức, viên chức của đơn vị; Ban quản lý chợ; tiểu thương",
    "starts_on": date(2026, 4, 1),
    "ends_on": date(2026, 11, 30),
}


def load_demo_emulation(*, agencies: dict[str, Agency], units: dict) -> int:
    skhcn = agencies["SKHCN"]
    if Campaign.objects.filter(agency=skhcn, year=2026, title=TITLE).exists():
        return 0
    office = User.objects.get(username="skhcn.vanphong")
    leader = User.objects.get(username="skhcn.lanhdao")
    campaign = services.open_campaign(
        province=skhcn.province,
        agency=skhcn,
        year=2026,
        title=TITLE,
        deadline=date(2026, 3, 20),
        report_dates=[date(2026, 6, 30), date(2026, 11, 30)],
        units=[units[("SKHCN", code)] for code in ("CCTDC", "TTKHCN", "QLKH")],
        criteria=CRITERIA,
        council=[leader, office],
        by=office,
    )
    scales = services.register_practice(
        campaign=campaign,
        unit=units[("SKHCN", "CCTDC")],
        name="Cân đúng, đủ – chợ văn minh",
        address="Chợ Long Hoa, phường Long Hoa, thị xã Hòa Thành",
        field=Field.ECONOMY,
        aims="Bảo đảm người mua bán tại chợ được cân đúng, đủ; giảm phản ánh về gian lận đo lường",
        content="Kiểm định miễn phí cân của tiểu thương, đặt trạm cân đối chứng, tuyên truyền quy định đo lường",
        expected_results="100% cân đang dùng tại chợ được kiểm định; không còn phản ánh về cân sai",
        responsible="Phạm Văn Cường, Chi cục trưởng",
        today=REGISTERED_ON,
        by=User.objects.get(username="skhcn.truongdonvi"),
        **COMMON,
    )
    centre = services.register_practice(
        campaign=campaign,
        unit=units[("SKHCN", "TTKHCN")],
        name="Đưa tiến bộ kỹ thuật về với nhà nông",
        address="Xã Tân Hòa, huyện Tân Châu",
        field=Field.CULTURE_SOCIETY,
        aims="Giúp nông dân ứng dụng giống và quy trình canh tác mới",
        content="Hội thảo đầu bờ, mô hình trình diễn, tư vấn tại ruộng",
        expected_results="200 hộ áp dụng quy trình mới",
        responsible="Trung tâm Khoa học và Công nghệ",
        today=REGISTERED_ON,
        by=office,
        **COMMON,
    )
    services.start_practice(practice=centre, by=office)
    services.start_practice(practice=scales, by=office)
    for period, text in (
        ("6 tháng đầu năm 2026", "Đã kiểm định 180 cân, đặt 01 trạm cân đối chứng"),
        ("Năm 2026", "Đã kiểm định 260 cân; không còn phản ánh về cân sai"),
    ):
        services.report_progress(practice=scales, period=period, text=text, figures="", by=office)
    services.finish_practice(
        practice=scales, results="260 cân được kiểm định; tiểu thương và người dân đồng tình", by=office
    )
    criteria = list(campaign.criteria.all())
    for member, points in ((leader, (Decimal(6), Decimal(3))), (office, (Decimal(5), Decimal(4)))):
        services.score_practice(
            practice=scales, points={c.pk: p for c, p in zip(criteria, points, strict=True)}, by=member
        )
    services.propose_recognition(practice=scales, by=office)
    services.decide_recognition(
        campaign=campaign,
        agency=skhcn,
        signed_on=date(2026, 7, 15),
        level=Level.SECTOR,
        recognised=[scales],
        by=leader,
    )
    services.replicate_practice(
        origin=scales,
        campaign=campaign,
        unit=units[("SKHCN", "QLCN")],
        address="Chợ Trảng Bàng, thị xã Trảng Bàng",
        starts_on=date(2026, 8, 1),
        ends_on=date(2026, 12, 31),
        responsible="Phòng Quản lý công nghệ và chuyên ngành",
        by=office,
    )
    return 1
