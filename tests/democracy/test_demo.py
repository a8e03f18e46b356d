"""The demo's briefing on Chỉ thị 33/CT-TTg at Sở KH&CN, its plan target and the disclosure of the plan."""

from datetime import date
from decimal import Decimal
from io import StringIO

from django.core.management import call_command

from danvan.core.models import User
from danvan.core.selectors import todo_groups
from danvan.democracy.models import (
    Attendance,
    BoardReport,
    Briefing,
    Consultation,
    CoordinationProgramme,
    Disclosure,
    InspectionBoard,
    RegulationVersion,
    StaffConference,
    StaffPetition,
    SupervisionFinding,
)
from danvan.plans.measures import read_target
from danvan.plans.models import Target


def load():
    out = StringIO()
    call_command("load_demo_province", stdout=out)
    return out.getvalue()


def test_the_demo_briefing_has_two_absentees_and_counts_the_plan_target(db):
    load()
    briefing = Briefing.objects.get(agency__symbol_code="SKHCN")
    statuses = sorted(briefing.attendances.values_list("person__username", "status"))
    assert [name for name, status in statuses if status == Attendance.Status.ABSENT] == [
        "skhcn.thanhtra",
        "skhcn.ttnd",
    ]
    target = Target.objects.get(
        plan__agency__symbol_code="SKHCN", plan__period_year=2026, text__contains="Chỉ thị 33"
    )
    reading = read_target(target)
    assert (reading.counted, reading.total, reading.value) == (4, 6, Decimal("66.67"))
    assert sorted(reading.missing) == ["Huỳnh Văn Em", "Đặng Thị Phượng"]

    disclosure = Disclosure.objects.get(plan=target.plan)
    # Issued Tuesday 10/02/2026: 11, 12, 13/02, then Tết 16–20/02, then 23 and 24/02.
    assert (disclosure.due_date, disclosure.disclosed_on) == (date(2026, 2, 24), date(2026, 2, 12))
    assert disclosure.posting_end == date(2026, 3, 4)


def test_loading_twice_adds_no_briefing_nor_disclosure(db):
    load()
    load()
    assert Briefing.objects.count() == 1
    assert Disclosure.objects.count() == 1


def test_the_demo_conference_is_quorate_and_elects_the_board(db):
    load()
    load()
    conference = StaffConference.objects.get(agency__symbol_code="SKHCN")
    assert (conference.work_year, conference.held_on) == (2025, date(2026, 1, 20))
    assert conference.is_quorate() and not conference.is_late()
    assert all(item.passes() for item in conference.items.all())
    board = InspectionBoard.objects.get(agency__symbol_code="SKHCN")
    assert board.recognition_due == date(2026, 1, 27) and not board.recognition_is_late()
    assert sorted(board.members.values_list("person__username", flat=True)) == [
        "skhcn.chuyenvien",
        "skhcn.truongdonvi",
        "skhcn.ttnd",
    ]
    assert board.inspections.get().recommendations.count() == 1


def test_the_demo_has_a_programme_with_the_front_a_finding_and_a_revised_regulation(db):
    load()
    programme = CoordinationProgramme.objects.get(agency__symbol_code="SKHCN")
    assert programme.organisation.kind == "fatherland_front"
    assert programme.activities.count() == 2
    assert SupervisionFinding.objects.get(agency__symbol_code="SKHCN").status == "waiting"
    versions = RegulationVersion.objects.filter(agency__symbol_code="SKHCN").order_by("version")
    assert [version.version for version in versions] == [1, 2]
    assert versions[1].supersedes == versions[0] and versions[1].reason


def test_the_demo_consults_staff_on_the_draft_2027_plan(db):
    load()
    consultation = Consultation.objects.get(agency__symbol_code="SKHCN")
    assert consultation.plan.period_year == 2027 and consultation.plan.status == "draft"
    comments = list(consultation.comments.order_by("received_on"))
    assert [comment.anonymous for comment in comments] == [False, True]
    assert comments[1].author is None
    assert consultation.status == Consultation.Status.PUBLISHED
    load()
    assert Consultation.objects.filter(agency__symbol_code="SKHCN").count() == 1


def test_the_demo_board_member_lands_on_their_work(db):
    load()
    load()
    chair = User.objects.get(username="skhcn.ttnd")
    groups = todo_groups(chair, today=date(2026, 3, 25))
    assert groups[0]["role"] == "people_inspector"
    assert all(found.items for found in groups[0]["lists"])
    assert StaffPetition.objects.get().keep_name_confidential
    assert BoardReport.objects.count() == 2
