"""The demo province: Tây Ninh with its departments, whose units are named as
their own plans name them, one person per role, the known day swaps, and
the 2025 merger of Sở Kế hoạch và Đầu tư into Sở Tài chính.

Loading is idempotent: every row is looked up by its natural key first, so a
second run changes nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction

from danvan.core.models import Agency, CalendarDay, Province, Role, RoleAssignment, Unit, User
from danvan.demo.democracy import load_demo_democracy
from danvan.demo.emulation import load_demo_emulation
from danvan.demo.emulation_commendation import load_demo_emulation_commendation
from danvan.demo.evaluation import load_demo_evaluation
from danvan.demo.merger import load_demo_merger
from danvan.demo.onestop import load_demo_onestop
from danvan.demo.plans import load_demo_plans
from danvan.demo.reports import load_demo_reports
from danvan.demo.surveys import load_demo_surveys
from danvan.documents.models import LegalDocument
from danvan.documents.validity import put_replacements

DEMO_PASSWORD = "Danvan@2026"  # noqa: S105 - printed to the person running the demo

K = Unit.Kind
COMMON_UNITS = [
    ("BGD", "Ban Giám đốc", "BGĐ", K.LEADERSHIP, ""),
    ("VP", "Văn phòng Sở", "VP Sở", K.OFFICE, ""),
    ("TTRA", "Thanh tra Sở", "", K.INSPECTORATE, ""),
    ("BCDQCDC", "Ban Chỉ đạo Quy chế dân chủ", "BCĐ QCDC", K.DEMOCRACY_BOARD, ""),
    ("BTTND", "Ban Thanh tra nhân dân", "Ban TTND", K.PEOPLE_INSPECTION_BOARD, ""),
    ("CD", "Công đoàn Sở", "BCH Công đoàn Sở", K.TRADE_UNION, ""),
    ("DU", "Đảng ủy Sở", "", K.PARTY_CELL, ""),
]

AGENCIES = [
    (
        "Sở Khoa học và Công nghệ",
        "Sở KH&CN",
        "SKHCN",
        [
            ("QLKH", "Phòng Quản lý khoa học", "", K.DIVISION, ""),
            ("QLCN", "Phòng Quản lý công nghệ và chuyên ngành", "", K.DIVISION, ""),
            ("KHTC", "Phòng Kế hoạch - Tài chính", "", K.DIVISION, ""),
            ("CCTDC", "Chi cục Tiêu chuẩn Đo lường Chất lượng", "Chi cục TĐC", K.SUB_DEPARTMENT, ""),
            ("CCTDC-HC", "Phòng Hành chính - Tổng hợp (Chi cục)", "", K.DIVISION, "CCTDC"),
            ("TTKHCN", "Trung tâm Khoa học và Công nghệ", "TT KH&CN", K.CENTER, ""),
        ],
    ),
    (
        "Sở Nội vụ",
        "SNV",
        "SNV",
        [
            ("XDCQ", "Phòng Xây dựng chính quyền và Công tác thanh niên", "", K.DIVISION, ""),
            ("TCBC", "Phòng Tổ chức, biên chế và Tổ chức phi chính phủ", "", K.DIVISION, ""),
            ("CCHC", "Phòng Cải cách hành chính", "", K.DIVISION, ""),
            ("BTDKT", "Ban Thi đua - Khen thưởng", "Ban TĐKT", K.SUB_DEPARTMENT, ""),
            ("CCVTLT", "Chi cục Văn thư - Lưu trữ", "", K.SUB_DEPARTMENT, ""),
            ("TTLTLS", "Trung tâm Lưu trữ lịch sử", "TT.LTLS", K.CENTER, "CCVTLT"),
        ],
    ),
    (
        "Sở Tài chính",
        "STC",
        "STC",
        [
            ("NS", "Phòng Quản lý ngân sách", "", K.DIVISION, ""),
            ("TCDN", "Phòng Tài chính doanh nghiệp", "", K.DIVISION, ""),
        ],
    ),
    (
        "Sở Kế hoạch và Đầu tư",
        "Sở KH&ĐT",
        "SKHĐT",
        [
            ("THQHKH", "Phòng Tổng hợp, Quy hoạch, Kế hoạch", "", K.DIVISION, ""),
            ("DKKD", "Phòng Đăng ký kinh doanh", "", K.DIVISION, ""),
            ("KTDN", "Phòng Kinh tế đối ngoại", "", K.DIVISION, ""),
            ("TDGSDT", "Phòng Thẩm định và Giám sát đầu tư", "", K.DIVISION, ""),
        ],
    ),
]


@dataclass(frozen=True)
class DemoPerson:
    username: str
    full_name: str
    position: str
    agency_code: str | None
    unit_code: str | None
    role: str


PEOPLE = [
    DemoPerson("quantri", "Đỗ Minh Quân", "Quản trị hệ thống", None, None, Role.SYSTEM_ADMIN),
    DemoPerson(
        "snv.theodoi",
        "Võ Thị Thu Hà",
        "Chuyên viên Phòng Xây dựng chính quyền",
        "SNV",
        "XDCQ",
        Role.PROVINCE_REVIEWER,
    ),
    DemoPerson("skhcn.lanhdao", "Nguyễn Văn An", "Phó Giám đốc", "SKHCN", "BGD", Role.AGENCY_LEADER),
    DemoPerson("skhcn.vanphong", "Lê Thị Bình", "Chánh Văn phòng", "SKHCN", "VP", Role.AGENCY_OFFICE),
    DemoPerson("skhcn.truongdonvi", "Phạm Văn Cường", "Chi cục trưởng", "SKHCN", "CCTDC", Role.UNIT_HEAD),
    DemoPerson("skhcn.chuyenvien", "Trần Thị Dung", "Chuyên viên", "SKHCN", "CCTDC", Role.STAFF),
    DemoPerson("skhcn.thanhtra", "Huỳnh Văn Em", "Chánh Thanh tra", "SKHCN", "TTRA", Role.INSPECTOR),
    DemoPerson(
        "skhcn.ttnd",
        "Đặng Thị Phượng",
        "Trưởng ban Thanh tra nhân dân",
        "SKHCN",
        "BTTND",
        Role.PEOPLE_INSPECTOR,
    ),
]

# Government day swaps (hoán đổi ngày làm việc) that the holidays table does
# not hold: the Saturdays worked to make up for a weekday off.
CALENDAR_DAYS = [
    (
        date(2025, 4, 26),
        CalendarDay.Kind.WORKING_DAY,
        "Làm bù cho ngày nghỉ 02/5/2025 (Thông báo của Bộ Nội vụ)",
    ),
    (
        date(2026, 8, 22),
        CalendarDay.Kind.WORKING_DAY,
        "Làm bù cho ngày nghỉ 31/8/2026 (Thông báo của Bộ Nội vụ)",
    ),
]


@dataclass
class DemoResult:
    created: int
    people: list[DemoPerson]


@transaction.atomic
def load_demo_province() -> DemoResult:
    created = 0
    province, made = Province.objects.get_or_create(code="TNI", defaults={"name": "Tây Ninh"})
    created += made
    agencies: dict[str, Agency] = {}
    units: dict[tuple[str, str], Unit] = {}
    for name, short_name, symbol, own_units in AGENCIES:
        agency, made = Agency.objects.get_or_create(
            province=province, symbol_code=symbol, defaults={"name": name, "short_name": short_name}
        )
        created += made
        agencies[symbol] = agency
        for code, unit_name, unit_short, kind, parent_code in [*COMMON_UNITS, *own_units]:
            parent = units[(symbol, parent_code)] if parent_code else None
            # After the merger a unit of Sở Kế hoạch và Đầu tư may be Sở Tài chính's.
            owners = [agency.pk, agency.successor_id] if agency.successor_id else [agency.pk]
            unit = Unit.objects.filter(agency__in=owners, code=code).order_by("pk").first()
            if unit is None:
                unit = Unit.objects.create(
                    agency=agency, code=code, name=unit_name, short_name=unit_short, kind=kind, parent=parent
                )
                created += 1
            units[(symbol, code)] = unit
    committee, made = Agency.objects.get_or_create(
        province=province,
        symbol_code="UBND",
        defaults={
            "name": "UBND tỉnh Tây Ninh",
            "short_name": "UBND tỉnh",
            "kind": Agency.Kind.PROVINCIAL_COMMITTEE,
        },
    )
    created += made
    unit, made = Unit.objects.get_or_create(
        agency=committee, code="VP", defaults={"name": "Văn phòng UBND tỉnh", "kind": Unit.Kind.OFFICE}
    )
    created += made
    agencies["UBND"], units[("UBND", "VP")] = committee, unit
    for person in PEOPLE:
        created += _load_person(person, province, agencies, units)
    for day, kind, note in CALENDAR_DAYS:
        created += CalendarDay.objects.get_or_create(date=day, defaults={"kind": kind, "note": note})[1]
    # The merger comes first: what is loaded after it is of the agencies of today.
    created += load_demo_merger(province=province, agencies=agencies, units=units)
    created += load_demo_plans(agencies=agencies, units=units)
    # The migration marks the well-known replaced documents; a database emptied since gets them again.
    created += put_replacements(LegalDocument)
    created += load_demo_reports(province=province, agencies=agencies, units=units)
    created += load_demo_democracy(agencies=agencies, units=units)
    created += load_demo_emulation(agencies=agencies, units=units)
    created += load_demo_evaluation(province=province, agencies=agencies)
    created += load_demo_emulation_commendation(agencies=agencies, units=units)
    created += load_demo_onestop(agencies=agencies)
    created += load_demo_surveys(agencies=agencies, units=units)
    return DemoResult(created=created, people=PEOPLE)


def _load_person(person: DemoPerson, province: Province, agencies, units) -> int:
    agency = agencies.get(person.agency_code) if person.agency_code else None
    unit = units.get((person.agency_code, person.unit_code)) if person.unit_code else None
    user, made = User.objects.get_or_create(
        username=person.username,
        defaults={
            "full_name": person.full_name,
            "position": person.position,
            "agency": agency,
            "unit": unit,
            "email": f"{person.username}@tayninh.gov.vn",
            "is_staff": person.role == Role.SYSTEM_ADMIN,
            "is_superuser": person.role == Role.SYSTEM_ADMIN,
        },
    )
    if made:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    scope = {"province": None, "agency": None, "unit": None}
    if person.role == Role.PROVINCE_REVIEWER:
        scope["province"] = province
    elif person.role in (Role.UNIT_HEAD, Role.STAFF):
        scope["agency"], scope["unit"] = agency, unit
    elif person.role != Role.SYSTEM_ADMIN:
        scope["agency"] = agency
    made_role = RoleAssignment.objects.get_or_create(user=user, role=person.role, **scope)[1]
    return int(made) + int(made_role)
