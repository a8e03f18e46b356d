from datetime import date

import pytest

from danvan.core.models import CalendarDay, Role
from danvan.democracy import services
from danvan.democracy.models import Briefing, BriefingMaterial, Disclosure, DisclosureRequest
from danvan.documents.models import LegalDocument
from danvan.plans.models import Plan
from tests.factories import CalendarDayFactory, person_with_role


@pytest.fixture
def calendar_2026(db):
    """Tết 2026 (16–20/02, from the statutory table), one extra day off
    after it (Monday 23/02) and a make-up Saturday (28/02)."""
    CalendarDayFactory(date=date(2026, 2, 23), kind=CalendarDay.Kind.DAY_OFF, note="Nghỉ bù Tết")
    CalendarDayFactory(date=date(2026, 2, 28), kind=CalendarDay.Kind.WORKING_DAY)


@pytest.fixture
def chi_thi_33(db):
    return LegalDocument.objects.create(
        doc_type="Chỉ thị",
        number="33/CT-TTg",
        date=date(2021, 11, 26),
        issuer="Thủ tướng Chính phủ",
        title="Về tiếp tục tăng cường và đổi mới công tác dân vận của cơ quan hành chính nhà nước",
    )


@pytest.fixture
def briefing(agency, lead_unit, unit_officer, unit_head, office_officer, chi_thi_33):
    return services.schedule_briefing(
        agency=agency,
        title="Hội nghị quán triệt Chỉ thị 33/CT-TTg",
        held_on=date(2026, 3, 10),
        form=Briefing.Form.CONFERENCE,
        documents=[chi_thi_33],
        units=[lead_unit],
        presenter_text="Đồng chí Phó Giám đốc Sở",
        by=office_officer,
    )


@pytest.fixture
def sibling_briefing(agency, sibling_unit, office_officer, chi_thi_33):
    person_with_role(Role.STAFF, unit=sibling_unit, full_name="Lê Thị Trung Tâm")
    return services.schedule_briefing(
        agency=agency,
        title="Quán triệt tại Trung tâm",
        held_on=date(2026, 3, 11),
        form=Briefing.Form.ONLINE,
        documents=[chi_thi_33],
        units=[sibling_unit],
        by=office_officer,
    )


@pytest.fixture
def material(briefing, office_officer):
    return services.attach_material(
        briefing=briefing, data=b"%PDF-1.4\n% tai lieu\n", filename="Chi thi 33.pdf", by=office_officer
    )


@pytest.fixture
def disclosure(agency, office_officer, calendar_2026):
    return services.register_disclosure(
        agency=agency,
        kind="budget",
        subject="Quyết định giao dự toán ngân sách năm 2026",
        decision_date=date(2026, 2, 13),
        forms=["posting"],
        disclosed_on=date(2026, 2, 24),
        posted_from=date(2026, 2, 24),
        today=date(2026, 3, 1),
        by=office_officer,
    )


@pytest.fixture
def info_request(agency, unit_officer):
    return services.request_information(
        agency=agency,
        subject="Đề nghị cung cấp kết quả thi đua năm 2025",
        today=date(2026, 3, 2),
        by=unit_officer,
    )


@pytest.fixture
def board_staff(agency, lead_unit):
    """Six staff members who may sit on the Board."""
    return [person_with_role(Role.STAFF, unit=lead_unit, full_name=f"Trần Văn Ban {n}") for n in range(1, 7)]


@pytest.fixture
def board(agency, people_inspector, unit_officer, office_officer, calendar_2026):
    return services.elect_board(
        agency=agency,
        elected_on=date(2026, 2, 13),
        staff_count=30,
        seats=[
            (people_inspector, "chair", False),
            (unit_officer, "vice_chair", False),
            (office_officer, "member", False),
        ],
        today=date(2026, 3, 1),
        by=office_officer,
    )


@pytest.fixture
def inspection(board, people_inspector):
    return services.plan_inspection(
        board=board,
        subject="Kiểm tra việc thực hiện quy chế chi tiêu nội bộ",
        inspected_party="Văn phòng Sở",
        planned_on=date(2026, 3, 3),
        notified_on=date(2026, 2, 25),
        by=people_inspector,
    )


@pytest.fixture
def recommendation(inspection, people_inspector):
    return services.recommend(
        inspection=inspection,
        text="Đề nghị công khai quyết toán kinh phí hội nghị",
        sent_on=date(2026, 3, 10),
        by=people_inspector,
    )


@pytest.fixture
def inspection_with_file(inspection, people_inspector):
    return services.record_inspection_result(
        inspection=inspection,
        notified_on=date(2026, 2, 25),
        result="Đơn vị thực hiện đúng quy chế.",
        data=b"%PDF-1.4\n% ket qua\n",
        filename="Ket qua kiem tra.pdf",
        by=people_inspector,
    )


@pytest.fixture
def conference(agency, office_officer):
    return services.hold_conference(
        agency=agency,
        work_year=2025,
        held_on=date(2026, 1, 20),
        convened_by="head",
        form="all_staff",
        staff_count=30,
        expected=30,
        present=27,
        items=[
            ("accountability", "Báo cáo kế hoạch công tác năm 2026"),
            ("other", "Quy chế chi tiêu nội bộ"),
        ],
        today=date(2026, 3, 1),
        by=office_officer,
    )


__all__ = ["Briefing", "BriefingMaterial", "Disclosure", "DisclosureRequest"]


# --- Coordination with the Fatherland Front; the democracy regulation -------------


@pytest.fixture
def front(agency, office_officer):
    return services.add_organisation(
        agency=agency,
        kind="fatherland_front",
        name="Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Tây Ninh",
        by=office_officer,
    )


@pytest.fixture
def programme(agency, front, office_officer):
    return services.sign_programme(
        agency=agency,
        organisation=front,
        kind="programme",
        title="Chương trình phối hợp thực hiện công tác dân vận chính quyền giai đoạn 2026 – 2030",
        number="01/CTPH-MTTQ-SKHCN",
        signed_on=date(2026, 1, 15),
        valid_from=date(2026, 1, 15),
        valid_until=date(2030, 12, 31),
        by=office_officer,
    )


@pytest.fixture
def activity(programme, office_officer):
    return services.add_joint_activity(
        programme=programme,
        title="Hội nghị đối thoại với đoàn viên, hội viên",
        planned_on=date(2026, 6, 10),
        by=office_officer,
    )


@pytest.fixture
def finding(agency, front, office_officer):
    return services.receive_finding(
        agency=agency,
        organisation=front,
        kind="supervision",
        number="25/BC-MTTQ",
        received_on=date(2026, 3, 2),
        content="Giám sát việc giải quyết thủ tục hành chính tại Bộ phận một cửa của Sở.",
        recommendations="Niêm yết đầy đủ thủ tục hành chính; trả lời đúng hạn hồ sơ trễ hẹn.",
        today=date(2026, 3, 5),
        by=office_officer,
    )


@pytest.fixture
def luat_10(db):
    return LegalDocument.objects.create(
        doc_type="Luật",
        number="10/2022/QH15",
        date=date(2022, 11, 10),
        issuer="Quốc hội",
        title="Thực hiện dân chủ ở cơ sở",
    )


@pytest.fixture
def regulation(agency, office_officer):
    return services.register_regulation(
        agency=agency,
        number="15/QĐ-SKHCN",
        issued_on=date(2021, 3, 1),
        decision="Quyết định số 15/QĐ-SKHCN của Giám đốc Sở ban hành Quy chế dân chủ",
        data=b"Quy che dan chu cua So",
        filename="quy-che.txt",
        today=date(2026, 3, 1),
        by=office_officer,
    )


@pytest.fixture
def next_year_plan(agency, office_officer):
    return Plan.objects.create(
        agency=agency,
        title="Kế hoạch công tác năm 2027",
        period_year=2027,
        symbol="KH-SKHCN",
        created_by=office_officer,
    )


@pytest.fixture
def consultation(agency, office_officer, next_year_plan):
    return services.open_consultation(
        agency=agency,
        topic="work_plan",
        title="Dự thảo Kế hoạch công tác năm 2027",
        forms=["written", "portal"],
        opens_on=date(2026, 11, 2),
        deadline=date(2026, 11, 16),
        plan=next_year_plan,
        draft_data=b"%PDF-1.4\n% du thao\n",
        draft_name="Du thao KH 2027.pdf",
        by=office_officer,
    )


@pytest.fixture
def confidential_sender(lead_unit):
    return person_with_role(Role.STAFF, unit=lead_unit, full_name="Đoàn Thị Kín Đáo")


@pytest.fixture
def staff_petition(board, confidential_sender, people_inspector):
    return services.receive_staff_petition(
        board=board,
        sender=confidential_sender,
        received_on=date(2026, 3, 12),
        content="Phản ánh việc chấm công làm thêm giờ chưa công khai",
        keep_name_confidential=True,
        today=date(2026, 3, 12),
        by=people_inspector,
    )


@pytest.fixture
def board_report(board, people_inspector):
    return services.schedule_report(board=board, period="quarter", year=2026, number=1, by=people_inspector)


@pytest.fixture
def board_report_with_file(board_report, people_inspector):
    return services.submit_report(
        report=board_report,
        submitted_on=date(2026, 3, 31),
        submitted_to="union",
        content="Quý I Ban đã kiểm tra một cuộc.",
        data=b"%PDF-1.4\n% bao cao\n",
        filename="Bao cao quy I.pdf",
        today=date(2026, 4, 1),
        by=people_inspector,
    )


@pytest.fixture
def ballot(agency, office_officer):
    for day in (date(2026, 1, 10), date(2026, 1, 20)):
        services.record_attempt(
            agency=agency,
            work_year=2025,
            held_on=day,
            expected=30,
            present=19,
            today=date(2026, 2, 1),
            by=office_officer,
        )
    return services.open_written_ballot(
        agency=agency,
        work_year=2025,
        opened_on=date(2026, 2, 2),
        staff_count=30,
        union_agreed=True,
        items=["Quy chế chi tiêu nội bộ năm 2026"],
        today=date(2026, 2, 2),
        by=office_officer,
    )
