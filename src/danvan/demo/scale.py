"""A province-sized demo data set: 40 agencies (sở and UBND xã, phường),
their units and people, and five years of plans with tasks, progress
updates, targets and deadlines — for trying the system at the size of a real
province and for measuring its pages (``danvan demo --scale province``).

Rows are written with ``bulk_create`` in batches: no history rows, no
``save()``, so the stored sort and search keys are filled here. The data is
made from a fixed random seed, so two databases built from it hold the same
rows. Loading is idempotent: when the generated agencies exist, nothing is
written."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from danvan.core.models import Agency, Province, Role, RoleAssignment, Unit, User
from danvan.core.text import search_key
from danvan.demo.province import DEMO_PASSWORD, load_demo_province
from danvan.documents.models import NumberSeries
from danvan.plans.models import Plan, PlanDeadline, Target, Task, TaskUpdate

BATCH = 2000
K = Unit.Kind

# (name, short name, symbol code, username prefix)
# Sở Tài chính is the small demo's own (it took over Sở Kế hoạch và Đầu tư in 2025).
DEPARTMENTS = [
    ("Sở Tư pháp", "STP", "STP", "stp"),
    ("Sở Xây dựng", "SXD", "SXD", "sxd"),
    ("Sở Công Thương", "SCT", "SCT", "sct"),
    ("Sở Nông nghiệp và Phát triển nông thôn", "Sở NN&PTNT", "SNNPTNT", "snnptnt"),
    ("Sở Tài nguyên và Môi trường", "Sở TN&MT", "STNMT", "stnmt"),
    ("Sở Giáo dục và Đào tạo", "Sở GD&ĐT", "SGDĐT", "sgddt"),
    ("Sở Y tế", "SYT", "SYT", "syt"),
    ("Sở Văn hóa, Thể thao và Du lịch", "Sở VHTTDL", "SVHTTDL", "svhttdl"),
    ("Sở Lao động - Thương binh và Xã hội", "Sở LĐTBXH", "SLĐTBXH", "sldtbxh"),
    ("Sở Thông tin và Truyền thông", "Sở TT&TT", "STTTT", "stttt"),
    ("Sở Giao thông vận tải", "Sở GTVT", "SGTVT", "sgtvt"),
    ("Sở Ngoại vụ", "SNgV", "SNgV", "sngv"),
    ("Sở Du lịch", "SDL", "SDL", "sdl"),
    ("Sở Quy hoạch - Kiến trúc", "Sở QHKT", "SQHKT", "sqhkt"),
    ("Sở Dân tộc và Tôn giáo", "Sở DTTG", "SDTTG", "sdttg"),
]

# (kind word, place name, symbol code, username prefix)
COMMUNES = [
    ("phường", "Tân Ninh", "UBND-PTNI", "ptanninh"),
    ("phường", "Bình Minh", "UBND-PBM", "pbinhminh"),
    ("phường", "Ninh Thạnh", "UBND-PNT", "pninhthanh"),
    ("phường", "Long Hoa", "UBND-PLH", "plonghoa"),
    ("phường", "Hòa Thành", "UBND-PHT", "phoathanh"),
    ("phường", "Thanh Điền", "UBND-PTĐ", "pthanhdien"),
    ("phường", "Trảng Bàng", "UBND-PTB", "ptrangbang"),
    ("phường", "An Tịnh", "UBND-PAT", "pantinh"),
    ("phường", "Gò Dầu", "UBND-PGD", "pgodau"),
    ("phường", "Gia Lộc", "UBND-PGL", "pgialoc"),
    ("xã", "Hưng Thuận", "UBND-XHTH", "xhungthuan"),
    ("xã", "Phước Chỉ", "UBND-XPC", "xphuocchi"),
    ("xã", "Thạnh Đức", "UBND-XTĐ", "xthanhduc"),
    ("xã", "Phước Thạnh", "UBND-XPT", "xphuocthanh"),
    ("xã", "Truông Mít", "UBND-XTM", "xtruongmit"),
    ("xã", "Lộc Ninh", "UBND-XLN", "xlocninh"),
    ("xã", "Cầu Khởi", "UBND-XCK", "xcaukhoi"),
    ("xã", "Dương Minh Châu", "UBND-XDMC", "xduongminhchau"),
    ("xã", "Tân Đông", "UBND-XTĐO", "xtandong"),
    ("xã", "Tân Châu", "UBND-XTC", "xtanchau"),
    ("xã", "Tân Phú", "UBND-XTP", "xtanphu"),
    ("xã", "Tân Hội", "UBND-XTHO", "xtanhoi"),
    ("xã", "Tân Thành", "UBND-XTT", "xtanthanh"),
    ("xã", "Tân Hòa", "UBND-XTHA", "xtanhoa"),
]

# (code, name, kind, title of its head); the first is the leadership, the second the office.
DEPARTMENT_UNITS = [
    ("BGD", "Ban Giám đốc", K.LEADERSHIP, "Giám đốc"),
    ("VP", "Văn phòng Sở", K.OFFICE, "Chánh Văn phòng"),
    ("TTRA", "Thanh tra Sở", K.INSPECTORATE, "Chánh Thanh tra"),
    ("KHTC", "Phòng Kế hoạch - Tài chính", K.DIVISION, "Trưởng phòng"),
    ("TCCB", "Phòng Tổ chức cán bộ", K.DIVISION, "Trưởng phòng"),
    ("PC", "Phòng Pháp chế", K.DIVISION, "Trưởng phòng"),
    ("QLCN", "Phòng Quản lý chuyên ngành", K.DIVISION, "Trưởng phòng"),
    ("CCQL", "Chi cục Quản lý chuyên ngành", K.SUB_DEPARTMENT, "Chi cục trưởng"),
    ("TTDV", "Trung tâm Dịch vụ công", K.CENTER, "Giám đốc Trung tâm"),
    ("BTTND", "Ban Thanh tra nhân dân", K.PEOPLE_INSPECTION_BOARD, "Trưởng ban"),
]
COMMUNE_UNITS = [
    ("LD", "Lãnh đạo Ủy ban nhân dân", K.LEADERSHIP, "Chủ tịch UBND"),
    ("VP", "Văn phòng HĐND và UBND", K.OFFICE, "Chánh Văn phòng"),
    ("KT", "Phòng Kinh tế", K.DIVISION, "Trưởng phòng"),
    ("VHXH", "Phòng Văn hóa - Xã hội", K.DIVISION, "Trưởng phòng"),
    ("TTPVHCC", "Trung tâm Phục vụ hành chính công", K.CENTER, "Giám đốc Trung tâm"),
    ("BCDQCDC", "Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở", K.DEMOCRACY_BOARD, "Trưởng ban"),
    ("BTTND", "Ban Thanh tra nhân dân", K.PEOPLE_INSPECTION_BOARD, "Trưởng ban"),
    ("CD", "Công đoàn cơ sở", K.TRADE_UNION, "Chủ tịch Công đoàn"),
    ("DTN", "Đoàn Thanh niên", K.YOUTH_UNION, "Bí thư Đoàn"),
    ("DU", "Đảng ủy", K.PARTY_CELL, "Bí thư Đảng ủy"),
]

FAMILY_NAMES = (
    ["Nguyễn"] * 8
    + ["Trần"] * 3
    + ["Lê"] * 3
    + [
        "Phạm",
        "Hoàng",
        "Huỳnh",
        "Phan",
        "Vũ",
        "Võ",
        "Đặng",
        "Bùi",
        "Đỗ",
        "Hồ",
        "Ngô",
        "Dương",
        "Lý",
    ]
)
MIDDLE_NAMES = {
    "m": ["Văn", "Minh", "Hữu", "Quốc", "Thanh", "Đức", "Công", "Hoàng", "Ngọc"],
    "f": ["Thị", "Ngọc", "Thu", "Kim", "Mỹ", "Thanh", "Bích", "Hồng", "Thị Thu"],
}
GIVEN_NAMES = {
    "m": ["An", "Bảo", "Cường", "Dũng", "Hải", "Hùng", "Khang", "Long", "Nam", "Phúc", "Quang", "Sơn"]
    + ["Tâm", "Thắng", "Trung", "Tuấn", "Vinh", "Hiếu", "Đạt", "Toàn"],
    "f": ["Anh", "Châu", "Dung", "Giang", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga"]
    + ["Nhung", "Oanh", "Phượng", "Thảo", "Trang", "Tuyết", "Vân", "Yến"],
}

# Plan templates: (kind, title, half), cycled over the agencies of a year.
PLAN_KINDS = [
    (Plan.Kind.YEARLY, "Kế hoạch công tác dân vận chính quyền năm {year}", None),
    (Plan.Kind.YEARLY, "Kế hoạch thực hiện Quy chế dân chủ ở cơ sở năm {year}", None),
    (Plan.Kind.THEMATIC, "Kế hoạch triển khai phong trào thi đua “Dân vận khéo” năm {year}", None),
    (
        Plan.Kind.THEMATIC,
        "Kế hoạch tuyên truyền, phổ biến pháp luật về thực hiện dân chủ ở cơ sở năm {year}",
        None,
    ),
    (Plan.Kind.THEMATIC, "Kế hoạch kiểm tra công tác dân vận chính quyền 6 tháng đầu năm {year}", 1),
]

TASK_HEADINGS = [
    "Tuyên truyền, quán triệt Chỉ thị số 33-CT/TU của Ban Thường vụ Tỉnh ủy về tăng cường công tác dân vận",
    "Quán triệt Luật Thực hiện dân chủ ở cơ sở năm 2022 đến toàn thể cán bộ, công chức, viên chức",
    "Niêm yết công khai thủ tục hành chính tại Bộ phận tiếp nhận và trả kết quả",
    "Tổ chức Hội nghị cán bộ, công chức, viên chức năm {year}",
    "Kiện toàn Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở",
    "Kiện toàn Ban Thanh tra nhân dân nhiệm kỳ mới",
    "Đăng ký mô hình “Dân vận khéo” gắn với nhiệm vụ chuyên môn",
    "Tiếp công dân định kỳ của Thủ trưởng cơ quan theo quy định",
    "Giải quyết kịp thời đơn thư khiếu nại, tố cáo, kiến nghị, phản ánh của công dân",
    "Đối thoại với người dân, doanh nghiệp về thủ tục hành chính",
    "Rà soát, đơn giản hóa thủ tục hành chính thuộc thẩm quyền giải quyết",
    "Thực hiện văn hóa công sở, nâng cao đạo đức công vụ của cán bộ, công chức",
    "Khảo sát mức độ hài lòng của người dân đối với sự phục vụ của cơ quan hành chính",
    "Công khai tài chính, ngân sách, tài sản công theo quy định",
    "Phối hợp với Ủy ban Mặt trận Tổ quốc và các đoàn thể vận động nhân dân thực hiện chủ trương, chính sách",
    "Xây dựng báo cáo sơ kết 6 tháng thực hiện công tác dân vận chính quyền",
    "Xây dựng báo cáo tổng kết năm thực hiện Quy chế dân chủ ở cơ sở",
    "Tuyên truyền chuyển đổi số, dịch vụ công trực tuyến toàn trình",
    "Bồi dưỡng nghiệp vụ công tác dân vận cho cán bộ, công chức làm công tác tiếp dân",
    "Kiểm tra việc thực hiện Quy chế dân chủ tại các đơn vị trực thuộc",
    "Biểu dương, khen thưởng tập thể, cá nhân điển hình trong phong trào thi đua “Dân vận khéo”",
    "Lấy ý kiến nhân dân đối với dự thảo văn bản quy phạm pháp luật",
    "Thực hiện chế độ thông tin, báo cáo định kỳ về công tác dân vận chính quyền",
    "Theo dõi, đôn đốc thực hiện kết luận của lãnh đạo sau các buổi đối thoại",
    "Công khai kết quả giải quyết phản ánh, kiến nghị trên Cổng thông tin điện tử",
    "Tổ chức lấy phiếu tín nhiệm, đánh giá cán bộ lãnh đạo theo quy định",
    "Rà soát, sửa đổi Quy chế làm việc, Quy chế chi tiêu nội bộ",
    "Phổ biến giáo dục pháp luật về phòng, chống tham nhũng, tiêu cực",
    "Vận động nhân dân tham gia xây dựng nông thôn mới, đô thị văn minh",
    "Hỗ trợ người dân thực hiện dịch vụ công trực tuyến tại Bộ phận một cửa",
]
TASK_PLACES = ["", " năm {year}", " tại các đơn vị trực thuộc", " quý {quarter}/{year}", " đợt {round}"]

TARGETS = [
    ("100% cán bộ, công chức, viên chức được quán triệt Chỉ thị số 33-CT/TU", Decimal("100")),
    ("100% thủ tục hành chính được niêm yết công khai đúng quy định", Decimal("100")),
    ("Trên 95% hồ sơ thủ tục hành chính được giải quyết đúng hạn", Decimal("95")),
    ("100% đơn thư thuộc thẩm quyền được xem xét, giải quyết", Decimal("100")),
    ("Mỗi phòng, đơn vị đăng ký ít nhất 01 mô hình “Dân vận khéo”", None),
    ("Tỷ lệ hài lòng của người dân đạt trên 90%", Decimal("90")),
    ("Trên 80% hồ sơ được tiếp nhận trực tuyến", Decimal("80")),
    ("Tổ chức ít nhất 02 buổi đối thoại với người dân, doanh nghiệp", None),
]

TIMINGS = {
    Task.TimingKind.ONGOING: "Thường xuyên",
    Task.TimingKind.MONTHLY: "Hằng tháng",
    Task.TimingKind.QUARTERLY: "Hằng quý",
    Task.TimingKind.AS_SET_ABOVE: "Theo thời gian quy định của cấp trên",
}


@dataclass(frozen=True)
class ScaleSize:
    """How much to make. ``PROVINCE`` is the full size; tests pass a small one."""

    agencies: int = 40
    units_per_agency: int = 10
    people_per_agency: int = 100
    years: tuple[int, ...] = (2022, 2023, 2024, 2025, 2026)
    plans_per_year: int = 200
    tasks_per_year: int = 20_000


PROVINCE = ScaleSize()


@dataclass
class ScaleResult:
    created: bool
    counts: dict[str, int] = field(default_factory=dict)
    sample_logins: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class _Agency:
    agency: Agency
    prefix: str
    is_commune: bool
    units: list[Unit]
    heads: dict[int, User]
    staff: dict[int, list[User]]
    leader: User
    office: User


def chosen_agencies(count: int) -> list[tuple[str, str, str, str, bool]]:
    """The first ``count`` agencies: two sở for every three xã, phường."""
    departments = round(count * len(DEPARTMENTS) / (len(DEPARTMENTS) + len(COMMUNES)))
    departments = min(max(departments, 1 if count else 0), len(DEPARTMENTS))
    communes = min(count - departments, len(COMMUNES))
    rows = [(name, short, symbol, prefix, False) for name, short, symbol, prefix in DEPARTMENTS[:departments]]
    for word, place, symbol, prefix in COMMUNES[:communes]:
        rows.append((f"UBND {word} {place}", f"UBND {word} {place}", symbol, prefix, True))
    return rows


def sample_logins(size: ScaleSize = PROVINCE) -> list[tuple[str, str]]:
    """Accounts to print: the leader and office of the first generated agencies."""
    logins = []
    for name, _short, _symbol, prefix, _commune in chosen_agencies(size.agencies)[:2]:
        logins += [(f"{prefix}.lanhdao", f"Lãnh đạo — {name}"), (f"{prefix}.vanphong", f"Văn phòng — {name}")]
    return logins


def generate_province(
    size: ScaleSize = PROVINCE,
    *,
    today: date | None = None,
    report: Callable[[str], None] = lambda line: None,
    seed: int = 2026,
) -> ScaleResult:
    """Load the small demo, then the province-sized data on top of it, once."""
    load_demo_province()
    province = Province.objects.get(code="TNI")
    symbols = [row[2] for row in chosen_agencies(size.agencies)]
    if Agency.objects.filter(province=province, symbol_code__in=symbols).exists():
        report("Dữ liệu quy mô tỉnh đã có: không tạo thêm.")
        return ScaleResult(created=False, counts=counts(), sample_logins=sample_logins(size))
    rng = random.Random(seed)  # noqa: S311 - demo data, reproducible on purpose
    with transaction.atomic():
        _Generator(size, province, today or timezone.localdate(), rng, report).run()
    return ScaleResult(created=True, counts=counts(), sample_logins=sample_logins(size))


def counts() -> dict[str, int]:
    return {
        "cơ quan": Agency.objects.count(),
        "đơn vị": Unit.objects.count(),
        "cán bộ": User.objects.count(),
        "kế hoạch": Plan.objects.count(),
        "nhiệm vụ": Task.objects.count(),
        "cập nhật tiến độ": TaskUpdate.objects.count(),
        "chỉ tiêu": Target.objects.count(),
        "hạn trong kế hoạch": PlanDeadline.objects.count(),
    }


def _spread(total: int, parts: int) -> list[int]:
    """``total`` split into ``parts`` whole numbers that differ by at most one."""
    base, extra = divmod(total, parts) if parts else (0, 0)
    return [base + (1 if index < extra else 0) for index in range(parts)]


class _Generator:
    def __init__(self, size: ScaleSize, province: Province, today: date, rng: random.Random, report):
        self.size, self.province, self.today, self.rng, self.report = size, province, today, rng, report
        self.password = make_password(DEMO_PASSWORD)  # hashed once: argon2 is slow by design
        self.keys: dict[str, str] = {}
        self.agencies: list[_Agency] = []

    def key(self, text: str) -> str:
        if text not in self.keys:
            self.keys[text] = search_key(text)
        return self.keys[text]

    def run(self) -> None:
        self.make_organisation()
        for year in self.size.years:
            self.make_year(year)

    # --- Organisation ---------------------------------------------------------

    def make_organisation(self) -> None:
        rows = chosen_agencies(self.size.agencies)
        agencies = Agency.objects.bulk_create(
            [
                Agency(
                    province=self.province,
                    name=name,
                    short_name=short,
                    symbol_code=symbol,
                    kind=Agency.Kind.COMMUNE_COMMITTEE if commune else Agency.Kind.DEPARTMENT,
                    sort_key=self.key(name),
                )
                for name, short, symbol, _prefix, commune in rows
            ]
        )
        units: list[Unit] = []
        for agency, (_name, _short, _symbol, _prefix, commune) in zip(agencies, rows, strict=True):
            template = (COMMUNE_UNITS if commune else DEPARTMENT_UNITS)[: self.size.units_per_agency]
            units += [
                Unit(agency=agency, code=code, name=name, kind=kind, sort_key=self.key(name))
                for code, name, kind, _title in template
            ]
        units = Unit.objects.bulk_create(units, batch_size=BATCH)
        self.report(f"  {len(agencies)} cơ quan, {len(units)} đơn vị")
        people, roles = [], []
        for agency, (_name, _short, _symbol, prefix, commune) in zip(agencies, rows, strict=True):
            own_units = [unit for unit in units if unit.agency_id == agency.pk]
            people += self.people_of(agency, prefix, commune, own_units)
        User.objects.bulk_create([person for person, _role in people], batch_size=BATCH)
        for person, role in people:
            scope = {"agency_id": person.agency_id}
            if role in (Role.UNIT_HEAD, Role.STAFF):
                scope["unit_id"] = person.unit_id
            roles.append(RoleAssignment(user=person, role=role, **scope))
        RoleAssignment.objects.bulk_create(roles, batch_size=BATCH)
        self.report(f"  {len(people)} cán bộ với vai trò")
        by_agency: dict[int, list[tuple[User, str]]] = {}
        for person, role in people:
            by_agency.setdefault(person.agency_id, []).append((person, role))
        for agency, (_name, _short, _symbol, prefix, commune) in zip(agencies, rows, strict=True):
            own_units = [unit for unit in units if unit.agency_id == agency.pk]
            members = by_agency[agency.pk]
            self.agencies.append(
                _Agency(
                    agency=agency,
                    prefix=prefix,
                    is_commune=commune,
                    units=own_units,
                    leader=next(p for p, role in members if role == Role.AGENCY_LEADER),
                    office=next(p for p, role in members if role == Role.AGENCY_OFFICE),
                    heads={p.unit_id: p for p, role in members if role == Role.UNIT_HEAD},
                    staff={
                        unit.pk: [p for p, role in members if role == Role.STAFF and p.unit_id == unit.pk]
                        for unit in own_units
                    },
                )
            )

    def people_of(self, agency: Agency, prefix: str, commune: bool, units: list[Unit]):
        template = COMMUNE_UNITS if commune else DEPARTMENT_UNITS
        titles = {code: title for code, _name, _kind, title in template}
        leadership, office, others = units[0], units[1], units[2:]
        made: list[tuple[User, str]] = []

        def person(username: str, position: str, unit: Unit, role: str) -> None:
            full_name = self.full_name()
            user = User(
                username=username,
                full_name=full_name,
                position=position,
                agency=agency,
                unit=unit,
                email=f"{username}@tayninh.gov.vn",
                password=self.password,
                sort_key=self.key(full_name),
            )
            made.append((user, role))

        leader_title = "Phó Chủ tịch UBND" if commune else "Phó Giám đốc"
        person(f"{prefix}.lanhdao", leader_title, leadership, Role.AGENCY_LEADER)
        person(f"{prefix}.vanphong", titles[office.code], office, Role.AGENCY_OFFICE)
        for number, unit in enumerate(others, start=1):
            if len(made) < self.size.people_per_agency:
                person(f"{prefix}.truong{number:02d}", titles[unit.code], unit, Role.UNIT_HEAD)
        staff_units = [office, *others]
        number = 0
        while len(made) < self.size.people_per_agency:
            number += 1
            unit = staff_units[(number - 1) % len(staff_units)]
            person(f"{prefix}.cv{number:03d}", "Chuyên viên", unit, Role.STAFF)
        return made

    def full_name(self) -> str:
        sex = self.rng.choice("mf")
        family = self.rng.choice(FAMILY_NAMES)
        return f"{family} {self.rng.choice(MIDDLE_NAMES[sex])} {self.rng.choice(GIVEN_NAMES[sex])}"

    # --- Plans of one year ----------------------------------------------------------

    def make_year(self, year: int) -> None:
        rng = self.rng
        closed = year < self.today.year
        plans: list[Plan] = []
        owners: list[_Agency] = []
        numbers: dict[int, int] = {}
        for index in range(self.size.plans_per_year):
            owner = self.agencies[index % len(self.agencies)]
            kind, title, half = PLAN_KINDS[(index // len(self.agencies)) % len(PLAN_KINDS)]
            numbers[owner.agency.pk] = numbers.get(owner.agency.pk, 0) + 1
            plans.append(
                self.plan(owner, year, kind, title.format(year=year), half, numbers[owner.agency.pk])
            )
            owners.append(owner)
        for plan in plans:
            plan.status = Plan.Status.CLOSED if closed else Plan.Status.ISSUED
        Plan.objects.bulk_create(plans, batch_size=BATCH)
        NumberSeries.objects.bulk_create(
            [
                NumberSeries(agency_id=agency_id, year=year, last_number=last)
                for agency_id, last in numbers.items()
            ]
        )
        targets, deadlines = [], []
        for plan in plans:
            for order, (text, percent) in enumerate(rng.sample(TARGETS, rng.randint(3, 5))):
                targets.append(Target(plan=plan, order=order, text=text, percent=percent))
            deadlines += self.deadlines(plan, year)
        Target.objects.bulk_create(targets, batch_size=BATCH)
        PlanDeadline.objects.bulk_create(deadlines, batch_size=BATCH)

        weights = [3 if plan.kind == Plan.Kind.YEARLY else 1 for plan in plans]
        per_plan = self.weighted_spread(self.size.tasks_per_year, weights)
        tasks: list[Task] = []
        for plan, owner, count in zip(plans, owners, per_plan, strict=True):
            tasks += [self.task(plan, owner, order, year, closed) for order in range(count)]
        Task.objects.bulk_create(tasks, batch_size=BATCH)
        self.make_supporting_units(tasks, owners, plans)
        updates = self.updates(tasks, {plan.pk: owner for plan, owner in zip(plans, owners, strict=True)})
        TaskUpdate.objects.bulk_create(updates, batch_size=BATCH)
        statuses: dict[str, int] = {}
        for task in tasks:
            statuses[task.status] = statuses.get(task.status, 0) + 1
        spread = ", ".join(f"{Task.Status(s).label}: {n}" for s, n in sorted(statuses.items()))
        self.report(
            f"  năm {year}: {len(plans)} kế hoạch, {len(tasks)} nhiệm vụ ({spread}), "
            f"{len(updates)} cập nhật tiến độ"
        )

    def weighted_spread(self, total: int, weights: list[int]) -> list[int]:
        if not weights:
            return []
        units = _spread(total, sum(weights))
        result, start = [], 0
        for weight in weights:
            result.append(sum(units[start : start + weight]))
            start += weight
        return result

    def plan(self, owner: _Agency, year: int, kind: str, title: str, half, number: int) -> Plan:
        issue_date = date(year, 1, 10) + timedelta(days=7 * (number - 1) + self.rng.randint(0, 6))
        if owner.is_commune:
            authority, signer_title = "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
            place = owner.agency.name.split(" ", 2)[-1]
        else:
            authority, signer_title, place = "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Tây Ninh"
        symbol = f"KH-{owner.agency.symbol_code}"
        number_text = f"{number:02d}"
        return Plan(
            agency=owner.agency,
            kind=kind,
            title=title,
            number=number_text,
            symbol=symbol,
            place=place,
            issue_date=issue_date,
            period_year=year,
            period_half=half,
            recipients=[
                "Ban Dân vận Tỉnh ủy;",
                "Sở Nội vụ;",
                f"Lãnh đạo {owner.agency.short_name or owner.agency.name};",
                "Các phòng, đơn vị trực thuộc;",
                "Lưu: VT.",
            ],
            signer_authority=authority,
            signer_title=signer_title,
            signer_name=owner.leader.full_name,
            higher_plan=f"Kế hoạch số {self.rng.randint(100, 999)}/KH-UBND ngày 25/01/{year} của UBND tỉnh",
            created_by=owner.office,
            issued_by=owner.leader,
            submitted_at=self.moment(issue_date - timedelta(days=3)),
            issued_at=self.moment(issue_date),
            search_text=self.key(f"{title} {number_text}/{symbol}"),
        )

    def moment(self, day: date) -> datetime:
        return timezone.make_aware(datetime.combine(day, time(9, 0)))

    def deadlines(self, plan: Plan, year: int) -> list[PlanDeadline]:
        rows = [
            (date(year, 6, 15), "Báo cáo kết quả thực hiện 6 tháng đầu năm", "Sở Nội vụ"),
            (date(year, 11, 15), "Báo cáo kết quả thực hiện năm", "Sở Nội vụ; Ban Dân vận Tỉnh ủy"),
        ]
        if plan.kind == Plan.Kind.YEARLY:
            rows.insert(0, (date(year, 3, 31), "Đăng ký mô hình “Dân vận khéo”", "Sở Nội vụ"))
        return [
            PlanDeadline(
                plan=plan,
                order=order,
                due_date=day,
                action=action,
                recipient=recipient,
                units=["Các phòng, đơn vị"],
            )
            for order, (day, action, recipient) in enumerate(rows)
        ]

    def task(self, plan: Plan, owner: _Agency, order: int, year: int, closed: bool) -> Task:
        rng = self.rng
        heading = rng.choice(TASK_HEADINGS) + rng.choice(TASK_PLACES)
        heading = heading.format(year=year, quarter=rng.randint(1, 4), round=rng.randint(1, 3))
        lead_unit = rng.choice(owner.units[1:]) if len(owner.units) > 1 else owner.units[0]
        timing_kind = rng.choices(
            [Task.TimingKind.DUE_DATE, Task.TimingKind.ONGOING, Task.TimingKind.QUARTERLY]
            + [Task.TimingKind.MONTHLY, Task.TimingKind.AS_SET_ABOVE],
            weights=[60, 20, 10, 5, 5],
        )[0]
        due_date = None
        if timing_kind in (Task.TimingKind.DUE_DATE, Task.TimingKind.AS_SET_ABOVE):
            due_date = date(year, 1, 15) + timedelta(days=rng.randint(0, 340))
        timing = f"Trước ngày {due_date:%d/%m/%Y}" if due_date else TIMINGS[timing_kind]
        candidates = owner.staff.get(lead_unit.pk) or []
        assignee = rng.choice(candidates) if candidates and rng.random() < 0.7 else None
        status, percent, completed_on = self.status(due_date, year, closed)
        return Task(
            plan=plan,
            order=order,
            heading=heading,
            lead_text=lead_unit.name,
            lead_unit=lead_unit,
            timing=timing,
            timing_kind=timing_kind,
            due_date=due_date,
            assignee=assignee,
            status=status,
            percent=percent,
            completed_on=completed_on,
            cancel_reason="Nội dung đã được lồng ghép vào nhiệm vụ khác." if status == "cancelled" else "",
            search_text=self.key(heading),
        )

    def status(self, due: date | None, year: int, closed: bool) -> tuple[str, int, date | None]:
        """A status as a real year ends up: most done, some late, a few cancelled."""
        rng, today, S = self.rng, self.today, Task.Status
        roll = rng.random()
        if roll < 0.03:
            return S.CANCELLED, 0, None
        end = min(today, date(year, 12, 31))
        if closed or (due is not None and due < today):
            if roll < 0.82:
                finished = min(due or end, end) - timedelta(days=rng.randint(0, 20))
                return S.DONE, 100, finished
            if due is None:
                return S.IN_PROGRESS, rng.randrange(30, 95, 5), None
            return S.OVERDUE, rng.randrange(10, 90, 10), None
        if roll < 0.15:
            return S.DONE, 100, today - timedelta(days=rng.randint(1, 60))
        if roll < 0.75:
            return S.IN_PROGRESS, rng.randrange(10, 95, 5), None
        return S.NOT_STARTED, 0, None

    def make_supporting_units(self, tasks: list[Task], owners: list[_Agency], plans: list[Plan]) -> None:
        owner_of = {plan.pk: owner for plan, owner in zip(plans, owners, strict=True)}
        through = Task.supporting_units.through
        rows = []
        for task in tasks:
            if self.rng.random() < 0.3:
                units = [u for u in owner_of[task.plan_id].units[1:] if u.pk != task.lead_unit_id]
                for unit in self.rng.sample(units, min(len(units), self.rng.randint(1, 2))):
                    rows.append(through(task_id=task.pk, unit_id=unit.pk))
        through.objects.bulk_create(rows, batch_size=BATCH)

    def updates(self, tasks: list[Task], owner_of: dict[int, _Agency]) -> list[TaskUpdate]:
        rng, S = self.rng, Task.Status
        made = []
        for task in tasks:
            if task.status in (S.NOT_STARTED, S.CANCELLED):
                continue
            owner = owner_of[task.plan_id]
            head = owner.heads.get(task.lead_unit_id)
            reporter = task.assignee or head or owner.office
            last = task.completed_on or min(self.today, task.due_date or self.today)
            steps = [(S.IN_PROGRESS, max(task.percent // 2, 10))] if task.status == S.DONE else []
            steps.append((task.status, task.percent))
            for number, (status, percent) in enumerate(steps):
                reported_on = last - timedelta(days=30 * (len(steps) - 1 - number))
                confirmed = head is not None and rng.random() < 0.8
                made.append(
                    TaskUpdate(
                        task=task,
                        status=status,
                        percent=percent,
                        note=self.note(status, percent),
                        reported_on=reported_on,
                        created_by=reporter,
                        confirmed_by=head if confirmed else None,
                        confirmed_at=self.moment(reported_on + timedelta(days=2)) if confirmed else None,
                    )
                )
        return made

    def note(self, status: str, percent: int) -> str:
        if status == Task.Status.DONE:
            return "Đã hoàn thành, có báo cáo kết quả gửi Văn phòng."
        if status == Task.Status.OVERDUE:
            return f"Đạt {percent}%, chậm do chờ ý kiến của cấp trên; đề nghị gia hạn."
        return f"Đang triển khai, đạt khoảng {percent}% khối lượng."
