"""Demo one-stop figures at Sở Khoa học và Công nghệ: quarters I and II of
2026 imported from an export made here the way the province's one-stop system
writes it (title rows, Vietnamese headers), two late dossiers (one apologised
for in time with its new date), and the 2026 plan's target "100% hồ sơ thủ tục
hành chính giải quyết đúng hạn" bound to the on-time rate.

Loading twice changes nothing: the periods are looked up first."""

from __future__ import annotations

from datetime import date

from danvan.core.models import Agency, User
from danvan.onestop import selectors, services, sheets
from danvan.onestop.models import StatisticsPeriod
from danvan.plans.models import Target
from danvan.plans.services import bind_target

HEADER = "Đơn vị;Tên thủ tục;Tiếp nhận;Trước hạn;Đúng hạn;Quá hạn;Đang giải quyết;Rút hồ sơ"
QUARTERS = [
    (
        date(2026, 1, 1),
        date(2026, 3, 31),
        [
            ("Chi cục Tiêu chuẩn Đo lường Chất lượng", "Đăng ký công bố hợp chuẩn", 48, 12, 30, 1, 4, 1),
            ("Chi cục Tiêu chuẩn Đo lường Chất lượng", "Kiểm tra nhà nước về đo lường", 15, 3, 10, 0, 2, 0),
            (
                "Phòng Quản lý công nghệ và chuyên ngành",
                "Cấp giấy phép tiến hành công việc bức xạ",
                22,
                2,
                17,
                2,
                1,
                0,
            ),
        ],
    ),
    (
        date(2026, 4, 1),
        date(2026, 6, 30),
        [
            ("Chi cục Tiêu chuẩn Đo lường Chất lượng", "Đăng ký công bố hợp chuẩn", 52, 15, 33, 0, 4, 0),
            ("Chi cục Tiêu chuẩn Đo lường Chất lượng", "Kiểm tra nhà nước về đo lường", 11, 4, 7, 0, 0, 0),
            (
                "Phòng Quản lý công nghệ và chuyên ngành",
                "Cấp giấy phép tiến hành công việc bức xạ",
                19,
                3,
                15,
                1,
                0,
                0,
            ),
        ],
    ),
]
LATE = [
    {
        "code": "000.00.12.H57-260210-0007",
        "procedure": "Cấp giấy phép tiến hành công việc bức xạ",
        "unit_name": "Phòng Quản lý công nghệ và chuyên ngành",
        "applicant": "Phòng khám đa khoa Hòa Bình",
        "received_on": date(2026, 2, 10),
        "due_date": date(2026, 3, 3),
        "returned_on": date(2026, 3, 9),
        "reason": "Chờ ý kiến thẩm định của Cục An toàn bức xạ và hạt nhân",
    },
    {
        "code": "000.00.12.H57-260302-0015",
        "procedure": "Đăng ký công bố hợp chuẩn",
        "unit_name": "Chi cục Tiêu chuẩn Đo lường Chất lượng",
        "applicant": "Công ty TNHH Cơ khí Tân Phú",
        "received_on": date(2026, 3, 2),
        "due_date": date(2026, 3, 16),
        "returned_on": date(2026, 3, 18),
        "reason": "Công chức thụ lý nghỉ ốm, chưa bàn giao hồ sơ",
    },
]


def _export(starts_on: date, ends_on: date, rows) -> bytes:
    lines = [
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ;;;;;;;",
        f"THỐNG KÊ TÌNH HÌNH GIẢI QUYẾT HỒ SƠ TỪ {starts_on:%d/%m/%Y} ĐẾN {ends_on:%d/%m/%Y};;;;;;;",
        ";;;;;;;",
        HEADER,
    ]
    lines += [";".join(str(value) for value in row) for row in rows]
    return "\n".join(lines).encode("utf-8-sig")


def load_demo_onestop(*, agencies: dict[str, Agency]) -> int:
    skhcn = agencies["SKHCN"]
    if StatisticsPeriod.objects.filter(agency=skhcn).exists():
        return 0
    office = User.objects.get(username="skhcn.vanphong")
    created = 0
    for starts_on, ends_on, rows in QUARTERS:
        table = sheets.read_table(
            _export(starts_on, ends_on, rows), "thong-ke-mot-cua.csv", sheets.STATISTICS
        )
        services.import_statistics(
            agency=skhcn,
            starts_on=starts_on,
            ends_on=ends_on,
            table=table,
            mapping=sheets.guess_mapping(table, sheets.STATISTICS),
            source_name=f"thong-ke-mot-cua-{starts_on:%m-%Y}.csv",
            replace=False,
            by=office,
        )
        created += 1 + len(rows)
    for values in LATE:
        dossier = services.record_late_dossier(agency=skhcn, by=office, **values)
        created += 1
        if dossier.code.endswith("0007"):
            services.record_apology(
                dossier=dossier,
                sent_on=date(2026, 3, 2),
                new_due_date=date(2026, 3, 10),
                reason=values["reason"],
                by_system=True,
                by=office,
            )
    targets = Target.objects.filter(
        plan__agency=skhcn, plan__period_year=2026, text__startswith="100% hồ sơ thủ tục hành chính"
    )
    for target in targets.select_related("plan__agency"):
        bind_target(target=target, measured_by=selectors.SOURCE_CODE, document=None, by=office)
    return created
