"""Demo democracy at Sở Khoa học và Công nghệ: a conference briefing on Chỉ thị
33/CT-TTg with two absentees, the 2026 plan's target bound to it so that its
value is counted, and the plan disclosed to staff (Luật 10/2022/QH15 Điều 46 k2);
the staff conference for 2025 held on 20/01/2026 with its quorum, the People's
Inspection Board it elected (from the demo staff who may sit on it) and one
inspection with a recommendation to the head; the coordination programme signed
with the provincial Fatherland Front committee, with two joint activities, and
its supervision finding awaiting the Sở's answer; the Sở's democracy regulation
of 2019 and its 2023 revision after Luật 10/2022/QH15; the draft 2027 work plan
put out for staff's comments (Điều 53 k2) with two comments, one of them
anonymous through the intranet, and the head's explanation published.

Loading twice changes nothing: the briefing's title, the conference's year,
the Board's election day and the consultation's title are looked up first."""

from __future__ import annotations

from datetime import date

from danvan.core.models import Agency, User
from danvan.democracy import services
from danvan.democracy.models import (
    Attendance,
    BoardProgramme,
    Briefing,
    Consultation,
    ConsultationForm,
    ConsultationTopic,
    CoordinationProgramme,
    DisclosureForm,
    InspectionBoard,
    JointActivity,
    Organisation,
    OrganisationKind,
    RegulationVersion,
    StaffConference,
    StaffPetition,
    SupervisionFinding,
)
from danvan.democracy.selectors import BRIEFED_SOURCE
from danvan.documents.models import LegalDocument, number_key
from danvan.plans.models import Plan, Target
from danvan.plans.services import bind_target

BRIEFING_TITLE = "Hội nghị quán triệt Chỉ thị 33/CT-TTg về tăng cường và đổi mới công tác dân vận"
HELD_ON = date(2026, 3, 10)
ABSENT = {"skhcn.thanhtra": "Đi công tác tại Bộ Khoa học và Công nghệ", "skhcn.ttnd": "Nghỉ phép năm"}
EXPECTED_UNITS = ("BGD", "VP", "CCTDC", "TTRA", "BTTND")


CONFERENCE_DAY = date(2026, 1, 20)
# A Sở of 45 staff: the demo has only a few of them as users.
CONFERENCE_STAFF = 45
CONFERENCE_PRESENT = 40
CONFERENCE_ITEMS = [
    (
        "previous_resolution",
        "Kiểm điểm việc thực hiện Nghị quyết hội nghị năm 2024 và Quy chế dân chủ của Sở",
    ),
    ("accountability", "Báo cáo kết quả thực hiện nhiệm vụ năm 2025 và kế hoạch công tác năm 2026"),
    ("board_report", "Báo cáo hoạt động của Ban Thanh tra nhân dân năm 2025"),
    ("emulation", "Ký giao ước thi đua năm 2026 giữa Giám đốc Sở và Ban Chấp hành công đoàn"),
    ("decisions", "Bầu Ban Thanh tra nhân dân nhiệm kỳ 2026 – 2028"),
]
# Who sits on the Board: none is the head, a deputy or the chief accountant.
BOARD = [("skhcn.ttnd", "chair"), ("skhcn.truongdonvi", "vice_chair"), ("skhcn.chuyenvien", "member")]


def load_demo_democracy(*, agencies: dict[str, Agency], units: dict) -> int:
    skhcn = agencies["SKHCN"]
    return (
        _load_briefing(agencies, units)
        + _load_conference_and_board(skhcn)
        + _load_coordination(skhcn)
        + _load_regulation(skhcn)
        + _load_consultation(skhcn)
        + _load_board_work(skhcn)
    )


PROGRAMME_TITLE = "Chương trình phối hợp thực hiện công tác dân vận chính quyền giai đoạn 2026 – 2030"


def _load_coordination(skhcn: Agency) -> int:
    if CoordinationProgramme.objects.filter(agency=skhcn, title=PROGRAMME_TITLE).exists():
        return 0
    office = User.objects.get(username="skhcn.vanphong")
    services.add_standard_organisations(agency=skhcn, by=office)
    front = Organisation.objects.get(agency=skhcn, kind=OrganisationKind.FATHERLAND_FRONT)
    programme = services.sign_programme(
        agency=skhcn,
        organisation=front,
        kind=CoordinationProgramme.Kind.PROGRAMME,
        title=PROGRAMME_TITLE,
        number="05/CTPH-MTTQ-SKHCN",
        signed_on=date(2026, 1, 12),
        content="Phối hợp tuyên truyền chủ trương, chính sách; giám sát việc giải quyết thủ tục hành chính.",
        valid_from=date(2026, 1, 12),
        valid_until=date(2030, 12, 31),
        by=office,
    )
    done = services.add_joint_activity(
        programme=programme,
        title="Hội nghị lấy ý kiến Nhân dân về dịch vụ công trực tuyến của Sở",
        planned_on=date(2026, 3, 5),
        by=office,
    )
    services.record_activity(
        activity=done,
        status=JointActivity.Status.DONE,
        done_on=date(2026, 3, 5),
        note="85 đại biểu dự; 12 ý kiến được tiếp thu.",
        today=date(2026, 3, 6),
        by=office,
    )
    services.add_joint_activity(
        programme=programme,
        title="Sơ kết 6 tháng thực hiện chương trình phối hợp",
        planned_on=date(2026, 7, 15),
        by=office,
    )
    services.receive_finding(
        agency=skhcn,
        organisation=front,
        kind=SupervisionFinding.Kind.SUPERVISION,
        number="112/BC-MTTQ",
        received_on=date(2026, 3, 20),
        content="Giám sát việc tiếp nhận, giải quyết hồ sơ thủ tục hành chính tại Bộ phận một cửa của Sở.",
        recommendations="Gửi thư xin lỗi đúng quy định với mọi hồ sơ trễ hẹn; công khai kết quả giải quyết hằng tháng.",
        today=date(2026, 3, 20),
        by=office,
    )
    return 1


def _load_regulation(skhcn: Agency) -> int:
    if RegulationVersion.objects.filter(agency=skhcn).exists():
        return 0
    office = User.objects.get(username="skhcn.vanphong")
    services.register_regulation(
        agency=skhcn,
        number="45/QĐ-SKHCN",
        issued_on=date(2019, 4, 2),
        decision="Quyết định số 45/QĐ-SKHCN của Giám đốc Sở ban hành Quy chế thực hiện dân chủ trong hoạt động của Sở",
        today=date(2019, 4, 2),
        by=office,
    )
    laws = LegalDocument.objects.filter(
        number_key__in=[number_key("10/2022/QH15"), number_key("59/2023/NĐ-CP")]
    )
    services.register_regulation(
        agency=skhcn,
        number="88/QĐ-SKHCN",
        issued_on=date(2023, 10, 16),
        decision="Quyết định số 88/QĐ-SKHCN của Giám đốc Sở sửa đổi Quy chế thực hiện dân chủ ở cơ quan",
        reason=(
            "Thực hiện Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 và Nghị định 59/2023/NĐ-CP, "
            "thay thế Quy chế ban hành theo Nghị định 04/2015/NĐ-CP."
        ),
        grounds=list(laws),
        today=date(2023, 10, 16),
        by=office,
    )
    return 1


def _load_conference_and_board(skhcn: Agency) -> int:
    created = 0
    office = User.objects.get(username="skhcn.vanphong")
    if not StaffConference.objects.filter(agency=skhcn, work_year=2025).exists():
        conference = services.hold_conference(
            agency=skhcn,
            work_year=2025,
            held_on=CONFERENCE_DAY,
            convened_by=StaffConference.ConvenedBy.HEAD,
            form=StaffConference.Form.ALL_STAFF,
            staff_count=CONFERENCE_STAFF,
            expected=CONFERENCE_STAFF,
            present=CONFERENCE_PRESENT,
            items=CONFERENCE_ITEMS,
            today=CONFERENCE_DAY,
            by=office,
        )
        for item in conference.items.all():
            services.record_vote(item=item, votes_for=38, votes_against=1, abstentions=1, by=office)
        created += 1
    if not InspectionBoard.objects.filter(agency=skhcn, elected_on=CONFERENCE_DAY).exists():
        people = {
            person.username: person for person in User.objects.filter(username__in=[u for u, _p in BOARD])
        }
        board = services.elect_board(
            agency=skhcn,
            elected_on=CONFERENCE_DAY,
            staff_count=CONFERENCE_STAFF,
            seats=[(people[username], post, False) for username, post in BOARD],
            recognised_on=date(2026, 1, 23),
            today=CONFERENCE_DAY.replace(day=23),
            by=office,
        )
        chair = people["skhcn.ttnd"]
        inspection = services.plan_inspection(
            board=board,
            subject="Kiểm tra việc công khai dự toán ngân sách năm 2026 với cán bộ",
            inspected_party="Văn phòng Sở",
            planned_on=date(2026, 3, 17),
            notified_on=date(2026, 3, 9),
            by=chair,
        )
        services.recommend(
            inspection=inspection,
            text="Đề nghị Giám đốc Sở chỉ đạo niêm yết dự toán ngân sách đủ 20 ngày liên tục tại trụ sở.",
            sent_on=date(2026, 3, 18),
            by=chair,
        )
        created += 1
    return created


def _load_briefing(agencies: dict[str, Agency], units: dict) -> int:
    skhcn = agencies["SKHCN"]
    if Briefing.objects.filter(agency=skhcn, title=BRIEFING_TITLE).exists():
        return 0
    chi_thi = LegalDocument.objects.filter(
        number_key=number_key("33/CT-TTg"), date=date(2021, 11, 26)
    ).first()
    if chi_thi is None:
        return 0
    office = User.objects.get(username="skhcn.vanphong")
    leader = User.objects.get(username="skhcn.lanhdao")
    briefing = services.schedule_briefing(
        agency=skhcn,
        title=BRIEFING_TITLE,
        held_on=HELD_ON,
        form=Briefing.Form.CONFERENCE,
        documents=[chi_thi],
        units=[units[("SKHCN", code)] for code in EXPECTED_UNITS],
        presenter=leader,
        by=office,
    )
    marks = {}
    for line in briefing.attendances.select_related("person"):
        reason = ABSENT.get(line.person.username)
        marks[line.person_id] = (
            (Attendance.Status.ABSENT, reason) if reason else (Attendance.Status.PRESENT, "")
        )
    services.record_attendance(briefing=briefing, marks=marks, today=HELD_ON, by=office)
    created = 1
    target = Target.objects.filter(
        plan__agency=skhcn,
        plan__period_year=2026,
        plan__status=Plan.Status.ISSUED,
        text__contains="Chỉ thị 33",
    ).first()
    if target is not None:
        bind_target(target=target, measured_by=BRIEFED_SOURCE.code, document=chi_thi, by=office)
        disclosure = services.propose_disclosure_for_plan(plan=target.plan, by=leader)
        if disclosure is not None:
            disclosed_on = date(2026, 2, 12)
            services.record_disclosure(
                disclosure=disclosure,
                forms=[DisclosureForm.POSTING, DisclosureForm.PORTAL],
                disclosed_on=disclosed_on,
                posted_from=disclosed_on,
                today=disclosed_on,
                by=office,
            )
            created += 1
    return created


CONSULTATION_TITLE = "Dự thảo Kế hoạch công tác dân vận chính quyền năm 2027"
NEXT_YEAR_PLAN = "Thực hiện công tác dân vận chính quyền năm 2027"


def _load_consultation(skhcn: Agency) -> int:
    """The draft plan for 2027 out for comment from 02/11 to 16/11/2026."""
    if Consultation.objects.filter(agency=skhcn, title=CONSULTATION_TITLE).exists():
        return 0
    office = User.objects.get(username="skhcn.vanphong")
    leader = User.objects.get(username="skhcn.lanhdao")
    plan = Plan.objects.filter(agency=skhcn, period_year=2027, status=Plan.Status.DRAFT).first()
    if plan is None:
        plan = Plan.objects.create(
            agency=skhcn,
            title=NEXT_YEAR_PLAN,
            period_year=2027,
            symbol="KH-SKHCN",
            place="Tây Ninh",
            created_by=office,
        )
    consultation = services.open_consultation(
        agency=skhcn,
        topic=ConsultationTopic.WORK_PLAN,
        title=CONSULTATION_TITLE,
        content="Các phòng, đơn vị và cán bộ góp ý vào nhiệm vụ, chỉ tiêu của dự thảo kế hoạch.",
        forms=[ConsultationForm.WRITTEN, ConsultationForm.PORTAL],
        opens_on=date(2026, 11, 2),
        deadline=date(2026, 11, 16),
        plan=plan,
        by=office,
    )
    services.comment_on_consultation(
        consultation=consultation,
        text="Đề nghị bổ sung chỉ tiêu số hồ sơ thủ tục hành chính giải quyết trực tuyến.",
        today=date(2026, 11, 5),
        by=User.objects.get(username="skhcn.truongdonvi"),
    )
    services.comment_on_consultation(
        consultation=consultation,
        text="Nên giảm số cuộc họp định kỳ, dành thời gian tiếp xúc người dân.",
        anonymous=True,
        today=date(2026, 11, 9),
        by=User.objects.get(username="skhcn.chuyenvien"),
    )
    services.publish_explanation(
        consultation=consultation,
        summary="Nhận 02 ý kiến: 01 ý kiến của Trưởng đơn vị, 01 ý kiến không ghi tên qua mạng nội bộ.",
        explanation=(
            "Tiếp thu bổ sung chỉ tiêu hồ sơ trực tuyến; về số cuộc họp, Sở giữ họp giao ban tháng "
            "theo Quy chế làm việc và lồng ghép nội dung tiếp xúc người dân."
        ),
        today=date(2026, 11, 18),
        by=leader,
    )
    return 1


# The Board's first quarter of 2026: its programme, the report owed at the
# quarter's end and a staff member's petition whose sender's name is kept
# from all but the Board.
BOARD_PROGRAMME_ITEMS = [
    "Kiểm tra việc công khai dự toán ngân sách năm 2026 với cán bộ",
    "Giám sát việc thực hiện nghị quyết hội nghị cán bộ năm 2025",
    "Tiếp nhận kiến nghị, phản ánh của cán bộ, công chức, viên chức",
]
STAFF_PETITION_TEXT = "Phản ánh việc thanh toán chế độ làm thêm giờ quý IV năm 2025 chưa được công khai."


def _load_board_work(skhcn: Agency) -> int:
    board = InspectionBoard.objects.filter(agency=skhcn, elected_on=CONFERENCE_DAY).first()
    if board is None or BoardProgramme.objects.filter(board=board).exists():
        return 0
    chair = User.objects.get(username="skhcn.ttnd")
    services.adopt_programme(
        board=board, period="quarter", year=2026, number=1, items=BOARD_PROGRAMME_ITEMS, by=chair
    )
    services.schedule_report(board=board, period="quarter", year=2026, number=1, by=chair)
    services.schedule_report(board=board, period="half_year", year=2026, number=1, by=chair)
    board_people = [username for username, _post in BOARD]
    sender = (
        User.objects.filter(agency=skhcn, is_active=True)
        .exclude(username__in=[*board_people, "skhcn.vanphong", "skhcn.lanhdao"])
        .order_by("username")
        .first()
    )
    if sender is not None and not StaffPetition.objects.filter(board=board).exists():
        services.receive_staff_petition(
            board=board,
            sender=sender,
            received_on=date(2026, 3, 20),
            content=STAFF_PETITION_TEXT,
            keep_name_confidential=True,
            today=date(2026, 3, 20),
            by=chair,
        )
    return 1
