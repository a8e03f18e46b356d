"""Demo emulation and commendation at Sở Khoa học và Công nghệ: the 2026 emulation
movement launched by the Sở's plan, its staff member's registration for Lao động
tiên tiến, the council's year-end meeting (four of five members present) and the
proposal file naming the staff member, with the council's vote.

Loading twice changes nothing: the movement's name and the meeting's year are
looked up first."""

from __future__ import annotations

from datetime import date

from danvan.core.models import Agency, Unit, User
from danvan.emulation import services
from danvan.emulation.models import CommendationCondition, CommendationTitle, CouncilMeeting, Movement
from danvan.emulation.titles import put_titles

MOVEMENT_NAME = "Phong trào thi đua “Dân vận khéo” năm 2026 của Sở Khoa học và Công nghệ"
COUNCIL = [
    ("skhcn.lanhdao", True),
    ("skhcn.vanphong", True),
    ("skhcn.truongdonvi", True),
    ("skhcn.thanhtra", True),
    ("skhcn.ttnd", False),
]


def load_demo_emulation_commendation(*, agencies: dict[str, Agency], units: dict) -> int:
    skhcn = agencies["SKHCN"]
    office = User.objects.get(username="skhcn.vanphong")
    staff = User.objects.get(username="skhcn.chuyenvien")
    # The migration loads the titles; a database emptied since (a test's flush) gets them again.
    created = put_titles(CommendationTitle, CommendationCondition)
    if not Movement.objects.filter(agency=skhcn, name=MOVEMENT_NAME).exists():
        movement = services.launch_movement(
            agency=skhcn,
            name=MOVEMENT_NAME,
            starts_on=date(2026, 1, 15),
            ends_on=date(2026, 12, 31),
            registration_deadline=date(2026, 3, 20),
            aims="Mỗi phòng, đơn vị có ít nhất một mô hình “Dân vận khéo”; hoàn thành đúng hạn nhiệm vụ năm 2026.",
            criteria="Hoàn thành nhiệm vụ được giao; không có cán bộ bị kỷ luật; có mô hình được công nhận.",
            units=list(Unit.objects.filter(agency=skhcn)),
            by=office,
        )
        services.register_for_emulation(
            movement=movement,
            year=2026,
            titles=[CommendationTitle.objects.get(code="LDTT")],
            registered_on=date(2026, 3, 5),
            person=staff,
            by=office,
        )
        created += 1
    if not CouncilMeeting.objects.filter(agency=skhcn, year=2026).exists():
        members = [(User.objects.get(username=name), present) for name, present in COUNCIL]
        meeting = services.hold_council_meeting(
            agency=skhcn,
            year=2026,
            held_on=date(2026, 12, 18),
            chaired_by="Giám đốc Sở, Chủ tịch Hội đồng",
            members=members,
            by=office,
        )
        proposal = services.open_proposal(meeting=meeting, by=office)
        candidate = services.add_candidate(
            proposal=proposal, title=CommendationTitle.objects.get(code="LDTT"), person=staff, by=office
        )
        for check in candidate.checks.filter(state="to_confirm"):
            services.confirm_condition(check=check, note="Theo biên bản bình xét của phòng", by=office)
        created += 1
    return created
