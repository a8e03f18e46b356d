"""Demo democracy at Sở Khoa học và Công nghệ: a conference briefing on Chỉ thị
33/CT-TTg with two absentees, the 2026 plan's target bound to it so that its
value is counted, and the plan disclosed to staff (Luật 10/2022/QH15 Điều 46 k2).

Loading twice changes nothing: the briefing's title is looked up first."""

from __future__ import annotations

from datetime import date

from danvan.core.models import Agency, User
from danvan.democracy import services
from danvan.democracy.models import Attendance, Briefing, DisclosureForm
from danvan.democracy.selectors import BRIEFED_SOURCE
from danvan.documents.models import LegalDocument, number_key
from danvan.plans.models import Plan, Target
from danvan.plans.services import bind_target

BRIEFING_TITLE = "Hội nghị quán triệt Chỉ thị 33/CT-TTg về tăng cường và đổi mới công tác dân vận"
HELD_ON = date(2026, 3, 10)
ABSENT = {"skhcn.thanhtra": "Đi công tác tại Bộ Khoa học và Công nghệ", "skhcn.ttnd": "Nghỉ phép năm"}
EXPECTED_UNITS = ("BGD", "VP", "CCTDC", "TTRA", "BTTND")


def load_demo_democracy(*, agencies: dict[str, Agency], units: dict) -> int:
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
