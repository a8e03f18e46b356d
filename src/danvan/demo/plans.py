"""The demo province's plans: the province's yearly plan, the Sở Khoa học và
Công nghệ plan that implements it (issued, with tasks at every stage), and
last year's plan to copy from. Loaded once: a plan found by its title is kept."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from danvan.core.models import User
from danvan.documents.register import hold_document_number
from danvan.documents.services import record_citation
from danvan.plans.models import Plan, PlanCitation, PlanDeadline, Target, Task

TITLE = "Thực hiện công tác dân vận chính quyền năm {year}"

CITATIONS = [
    ("Chỉ thị", "33/CT-TTg", date(2021, 11, 26), "Thủ tướng Chính phủ"),
    ("Quyết định", "23-QĐ/TW", date(2021, 7, 30), "Ban Chấp hành Trung ương"),
    ("Luật", "10/2022/QH15", date(2022, 11, 10), "Quốc hội"),
]

# heading, lead unit code, timing, due date, status, percent
TASKS = [
    (
        "Tuyên truyền, quán triệt các chủ trương của Đảng, pháp luật của Nhà nước về công tác dân vận",
        "VP",
        "Thường xuyên",
        None,
        Task.Status.IN_PROGRESS,
        60,
    ),
    (
        "Thực hiện tốt công tác tiếp công dân, giải quyết khiếu nại, tố cáo đúng thời hạn",
        "TTRA",
        "Cả năm",
        None,
        Task.Status.IN_PROGRESS,
        70,
    ),
    (
        "Đăng ký và triển khai mô hình «Dân vận khéo» về đo lường phục vụ người dân",
        "CCTDC",
        "Trước 30/6/2026",
        date(2026, 6, 30),
        Task.Status.DONE,
        100,
    ),
    (
        "Công khai thông tin cho công chức, viên chức theo Luật Thực hiện dân chủ ở cơ sở",
        "VP",
        "Trước 15/9/2026",
        date(2026, 9, 15),
        Task.Status.OVERDUE,
        40,
    ),
    (
        "Tổ chức đối thoại với doanh nghiệp khoa học và công nghệ",
        "TTKHCN",
        "Trước 15/12/2026",
        date(2026, 12, 15),
        Task.Status.NOT_STARTED,
        0,
    ),
    (
        "Tự đánh giá, chấm điểm kết quả thực hiện công tác dân vận chính quyền",
        "VP",
        "Trước 25/11/2026",
        date(2026, 11, 25),
        Task.Status.IN_PROGRESS,
        30,
    ),
]


def load_demo_plans(*, agencies: dict, units: dict) -> int:
    if Plan.objects.filter(agency=agencies["SKHCN"], title=TITLE.format(year=2026)).exists():
        return 0
    office = User.objects.get(username="skhcn.vanphong")
    leader = User.objects.get(username="skhcn.lanhdao")
    provincial = Plan.objects.create(
        agency=agencies["UBND"],
        title=TITLE.format(year=2026),
        status=Plan.Status.ISSUED,
        number="25",
        symbol="KH-UBND",
        place="Tây Ninh",
        issue_date=date(2026, 1, 20),
        period_year=2026,
        implementation_due=date(2026, 2, 28),
        signer_authority="KT. CHỦ TỊCH",
        signer_title="PHÓ CHỦ TỊCH",
        recipients=["Các sở, ban, ngành tỉnh", "UBND các xã, phường", "Lưu: VT."],
        created_by=office,
    )
    hold_document_number(agency=provincial.agency, year=2026, number=provincial.number)
    last_year = _agency_plan(
        agencies["SKHCN"], units, office, leader, year=2025, status=Plan.Status.CLOSED, number="03"
    )
    current = _agency_plan(
        agencies["SKHCN"], units, office, leader, year=2026, status=Plan.Status.ISSUED, number="05"
    )
    current.implements, current.copied_from = provincial, last_year
    current.save(update_fields=["implements", "copied_from"])
    staff = User.objects.get(username="skhcn.chuyenvien")
    current.tasks.filter(lead_unit__code="CCTDC").update(assignee=staff)
    return 3


def _agency_plan(agency, units, office, leader, *, year: int, status: str, number: str) -> Plan:
    plan = Plan.objects.create(
        agency=agency,
        title=TITLE.format(year=year),
        status=status,
        number=number,
        symbol="KH-SKHCN",
        place="Tây Ninh",
        issue_date=date(year, 2, 10),
        period_year=year,
        issued_by=leader,
        higher_plan=f"Kế hoạch của UBND tỉnh về thực hiện công tác Dân vận chính quyền năm {year}",
        signer_authority="KT. GIÁM ĐỐC",
        signer_title="PHÓ GIÁM ĐỐC",
        signer_name=leader.full_name,
        recipients=["Sở Nội vụ", "Các phòng, đơn vị (th/h)", "BCĐ Quy chế dân chủ", "Lưu: VT."],
        created_by=office,
    )
    # Numbered as issued outside the system: the agency's series goes on from it.
    hold_document_number(agency=agency, year=year, number=number)
    for order, (heading, unit_code, timing, due, task_status, percent) in enumerate(TASKS):
        due = due.replace(year=year) if due else None
        done = status == Plan.Status.CLOSED
        finished = done or task_status == Task.Status.DONE
        Task.objects.create(
            plan=plan,
            order=order,
            heading=heading,
            lead_unit=units[("SKHCN", unit_code)],
            lead_text=units[("SKHCN", unit_code)].name,
            timing=timing.replace("2026", str(year)),
            timing_kind=Task.TimingKind.DUE_DATE if due else Task.TimingKind.ONGOING,
            due_date=due,
            status=Task.Status.DONE if done else task_status,
            percent=100 if done else percent,
            # Done a few days before it was due; an ongoing task of a closed year, at its end.
            completed_on=(due - timedelta(days=3) if due else date(year, 12, 20)) if finished else None,
        )
    Target.objects.create(
        plan=plan,
        order=0,
        text="100% công chức, viên chức được quán triệt Chỉ thị 33/CT-TTg",
        percent=Decimal(100),
    )
    Target.objects.create(
        plan=plan, order=1, text="100% hồ sơ thủ tục hành chính giải quyết đúng hạn", percent=Decimal(100)
    )
    PlanDeadline.objects.create(
        plan=plan,
        order=0,
        due_date=date(year, 5, 25),
        action="Báo cáo kết quả 6 tháng",
        units=["Các phòng, đơn vị"],
        recipient="Văn phòng Sở",
    )
    PlanDeadline.objects.create(
        plan=plan,
        order=1,
        due_date=date(year, 10, 20),
        action="Báo cáo kết quả năm",
        units=["Các phòng, đơn vị"],
        recipient="Văn phòng Sở",
    )
    for order, (doc_type, number, issued, issuer) in enumerate(CITATIONS):
        document = record_citation(doc_type=doc_type, number=number, name=None, issued=issued, issuer=issuer)
        PlanCitation.objects.create(plan=plan, document=document, order=order)
    return plan
