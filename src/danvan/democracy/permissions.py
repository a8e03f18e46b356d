"""Who manages and who reads an agency's briefings, disclosures and requests, on core's scopes.

The agency's leader and office manage everything; its inspectors and the
People's Inspection Board (which supervises democracy at the agency, Luật
10/2022 Điều 61) and the province's reviewer read everything; the rest of the
agency's staff read the disclosures, the briefings they were expected at
(only their own line of the attendance) and their own requests. Other
agencies see none of it (404).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from danvan.core.models import Agency, Role, User
from danvan.core.permissions import AGENCY_WIDE_ROLES, scopes_of
from danvan.democracy.models import (
    BallotItem,
    BoardInspection,
    BoardMember,
    BoardProgramme,
    BoardRecommendation,
    BoardReport,
    Briefing,
    Consultation,
    CoordinationProgramme,
    Disclosure,
    DisclosureRequest,
    InspectionBoard,
    JointActivity,
    RegulationVersion,
    StaffConference,
    StaffPetition,
    SupervisionFinding,
    WrittenBallot,
)

MANAGING_ROLES = (Role.AGENCY_LEADER, Role.AGENCY_OFFICE)
SUPERVISING_ROLES = (Role.INSPECTOR, Role.PEOPLE_INSPECTOR)


def working_agencies(person: User) -> QuerySet[Agency]:
    """The agencies the person works in: they read its disclosures and ask it for information."""
    scopes = scopes_of(person)
    return Agency.objects.active().filter(
        pk__in=scopes.agencies_with(*AGENCY_WIDE_ROLES) | scopes.unit_agencies
    )


def managed_agencies(person: User) -> QuerySet[Agency]:
    scopes = scopes_of(person)
    if scopes.system_admin:
        return Agency.objects.active()
    return Agency.objects.active().filter(pk__in=scopes.agencies_with(*MANAGING_ROLES))


def overseen_agencies(person: User) -> QuerySet[Agency]:
    """Agencies whose whole register the person reads (names of the absent included)."""
    scopes = scopes_of(person)
    if scopes.system_admin:
        return Agency.objects.all()
    return Agency.objects.filter(
        Q(pk__in=scopes.agencies_with(*MANAGING_ROLES, *SUPERVISING_ROLES))
        | Q(province__in=scopes.reviewed_provinces)
    )


def can_manage_democracy(person: User, agency: Agency) -> bool:
    scopes = scopes_of(person)
    return scopes.system_admin or agency.pk in scopes.agencies_with(*MANAGING_ROLES)


def can_oversee_democracy(person: User, agency: Agency) -> bool:
    return overseen_agencies(person).filter(pk=agency.pk).exists()


def _may_see_agency(person: User, agency: Agency) -> bool:
    return can_oversee_democracy(person, agency) or working_agencies(person).filter(pk=agency.pk).exists()


def get_agency_for_democracy(person: User, agency_id: int, *, action: str = "view") -> Agency:
    """``view``: the agency's register; ``oversee``: who was not briefed; ``manage``: change it."""
    agency = Agency.objects.select_related("province").filter(pk=agency_id).first()
    if agency is None or not _may_see_agency(person, agency):
        raise Http404(_("Không tìm thấy cơ quan."))
    if action == "oversee" and not can_oversee_democracy(person, agency):
        raise PermissionDenied(_("Bạn không có quyền xem kết quả quán triệt của cơ quan này."))
    if action == "manage" and not can_manage_democracy(person, agency):
        raise PermissionDenied(_("Chỉ lãnh đạo, văn phòng cơ quan được thực hiện việc này."))
    return agency


# --- Briefings ------------------------------------------------------------------


def visible_briefings(person: User) -> QuerySet[Briefing]:
    return Briefing.objects.filter(
        Q(agency__in=overseen_agencies(person))
        | Q(agency__in=working_agencies(person), attendances__person=person)
    ).distinct()


def can_manage_briefing(person: User, briefing: Briefing) -> bool:
    return can_manage_democracy(person, briefing.agency)


def can_read_all_attendance(person: User, briefing: Briefing) -> bool:
    return can_oversee_democracy(person, briefing.agency)


def get_briefing_for_user(person: User, briefing_id: int, *, action: str = "view") -> Briefing:
    briefing = (
        visible_briefings(person).select_related("agency", "presenter", "makes_up").filter(pk=briefing_id)
    )
    found = briefing.first()
    if found is None:
        raise Http404(_("Không tìm thấy buổi quán triệt."))
    if action == "manage" and not can_manage_briefing(person, found):
        raise PermissionDenied(_("Chỉ lãnh đạo, văn phòng cơ quan được thay đổi buổi quán triệt."))
    return found


# --- Disclosures ----------------------------------------------------------------


def visible_disclosures(person: User) -> QuerySet[Disclosure]:
    return Disclosure.objects.filter(
        Q(agency__in=overseen_agencies(person)) | Q(agency__in=working_agencies(person))
    )


def can_manage_disclosure(person: User, disclosure: Disclosure) -> bool:
    return can_manage_democracy(person, disclosure.agency)


def get_disclosure_for_user(person: User, disclosure_id: int, *, action: str = "view") -> Disclosure:
    disclosure = visible_disclosures(person).select_related("agency", "plan").filter(pk=disclosure_id).first()
    if disclosure is None:
        raise Http404(_("Không tìm thấy nội dung công khai."))
    if action == "manage" and not can_manage_disclosure(person, disclosure):
        raise PermissionDenied(_("Chỉ lãnh đạo, văn phòng cơ quan được ghi việc công khai."))
    return disclosure


# --- Requests for information (Điều 48 k4) --------------------------------------


def visible_requests(person: User) -> QuerySet[DisclosureRequest]:
    return DisclosureRequest.objects.filter(
        Q(agency__in=overseen_agencies(person)) | Q(agency__in=working_agencies(person), requested_by=person)
    )


def can_request_information(person: User, agency: Agency) -> bool:
    return working_agencies(person).filter(pk=agency.pk).exists()


def can_answer_request(person: User, request: DisclosureRequest) -> bool:
    return can_manage_democracy(person, request.agency)


def get_request_for_user(person: User, request_id: int, *, action: str = "view") -> DisclosureRequest:
    found = (
        visible_requests(person)
        .select_related("agency", "requested_by", "answered_by")
        .filter(pk=request_id)
        .first()
    )
    if found is None:
        raise Http404(_("Không tìm thấy đề nghị cung cấp thông tin."))
    if action == "answer" and not can_answer_request(person, found):
        raise PermissionDenied(_("Chỉ lãnh đạo, văn phòng cơ quan được trả lời đề nghị này."))
    return found


# --- The People's Inspection Board ----------------------------------------------
# Its election is recorded by the leader or office; its members (the demo role
# "Thành viên Ban Thanh tra nhân dân") plan inspections and send recommendations;
# the leader or office answers them. The agency's staff read who sits on it; its
# inspections are read by those who oversee the agency's democracy register.


def can_work_as_board(person: User, agency: Agency) -> bool:
    scopes = scopes_of(person)
    return scopes.system_admin or agency.pk in scopes.agencies_with(Role.PEOPLE_INSPECTOR)


def visible_boards(person: User) -> QuerySet[InspectionBoard]:
    return InspectionBoard.objects.filter(
        Q(agency__in=overseen_agencies(person)) | Q(agency__in=working_agencies(person))
    )


def get_board_for_user(person: User, board_id: int, *, action: str = "view") -> InspectionBoard:
    """``view``; ``manage``: record its recognition; ``inspect``: plan an inspection, write its
    programmes and reports, receive staff petitions; ``work``: read its programmes, reports, petitions."""
    board = visible_boards(person).select_related("agency").filter(pk=board_id).first()
    if board is None:
        raise Http404(_("Không tìm thấy Ban Thanh tra nhân dân."))
    if action == "manage" and not can_manage_democracy(person, board.agency):
        raise PermissionDenied(_("Chỉ lãnh đạo, văn phòng cơ quan được thực hiện việc này."))
    if action == "inspect" and not can_work_as_board(person, board.agency):
        raise PermissionDenied(_("Chỉ thành viên Ban Thanh tra nhân dân được thực hiện việc này."))
    if action == "work" and not can_read_board_work(person, board):
        raise PermissionDenied(_("Bạn không có quyền xem công tác của Ban Thanh tra nhân dân này."))
    return board


def visible_inspections(person: User) -> QuerySet[BoardInspection]:
    return BoardInspection.objects.filter(board__agency__in=overseen_agencies(person))


def can_answer_recommendation(person: User, recommendation: BoardRecommendation) -> bool:
    return can_manage_democracy(person, recommendation.inspection.board.agency)


def get_inspection_for_user(person: User, inspection_id: int, *, action: str = "view") -> BoardInspection:
    """``view``; ``inspect``: record its result and recommendations (the Board)."""
    found = visible_inspections(person).select_related("board__agency").filter(pk=inspection_id).first()
    if found is None:
        raise Http404(_("Không tìm thấy cuộc kiểm tra."))
    if action == "inspect" and not can_work_as_board(person, found.board.agency):
        raise PermissionDenied(_("Chỉ thành viên Ban Thanh tra nhân dân được thực hiện việc này."))
    return found


def get_recommendation_for_user(person: User, recommendation_id: int) -> BoardRecommendation:
    """The recommendation its answerer (the leader or office) answers."""
    found = (
        BoardRecommendation.objects.filter(inspection__in=visible_inspections(person))
        .select_related("inspection__board__agency")
        .filter(pk=recommendation_id)
        .first()
    )
    if found is None:
        raise Http404(_("Không tìm thấy kiến nghị."))
    if not can_answer_recommendation(person, found):
        raise PermissionDenied(_("Chỉ lãnh đạo, văn phòng cơ quan được trả lời kiến nghị."))
    return found


# --- The staff conference -------------------------------------------------------
# The leader or office records it; every staff member of the agency reads it and
# its resolution, as do those who oversee the agency.


def visible_conferences(person: User) -> QuerySet[StaffConference]:
    return StaffConference.objects.filter(
        Q(agency__in=overseen_agencies(person)) | Q(agency__in=working_agencies(person))
    )


def get_conference_for_user(person: User, conference_id: int, *, action: str = "view") -> StaffConference:
    """``view``; ``manage``: record its votes and the checks of its resolution."""
    found = visible_conferences(person).select_related("agency__province").filter(pk=conference_id).first()
    if found is None:
        raise Http404(_("Không tìm thấy hội nghị."))
    if action == "manage" and not can_manage_democracy(person, found.agency):
        raise PermissionDenied(_("Chỉ lãnh đạo, văn phòng cơ quan được thực hiện việc này."))
    return found


# --- Coordination with the Fatherland Front and the organisations; the regulation ---
# The leader or office records them; the agency's staff, its inspectors and the
# People's Inspection Board read them (as do those who oversee the agency).


def _readable_agencies(person: User) -> Q:
    return Q(agency__in=overseen_agencies(person)) | Q(agency__in=working_agencies(person))


def can_read_coordination(person: User, agency: Agency) -> bool:
    return _may_see_agency(person, agency)


def can_manage_coordination(person: User, agency: Agency) -> bool:
    return can_manage_democracy(person, agency)


def get_agency_for_coordination(person: User, agency_id: int, *, action: str = "view") -> Agency:
    """``view``: its coordination and regulation pages; ``manage``: record them."""
    agency = Agency.objects.select_related("province").filter(pk=agency_id).first()
    if agency is None or not can_read_coordination(person, agency):
        raise Http404(_("Không tìm thấy cơ quan."))
    if action == "manage" and not can_manage_coordination(person, agency):
        raise PermissionDenied(_("Chỉ lãnh đạo, văn phòng cơ quan được thực hiện việc này."))
    return agency


def visible_programmes(person: User) -> QuerySet[CoordinationProgramme]:
    return CoordinationProgramme.objects.filter(_readable_agencies(person))


def get_programme_for_user(person: User, programme_id: int, *, action: str = "view") -> CoordinationProgramme:
    """``view``; ``manage``: add its joint activities."""
    found = (
        visible_programmes(person)
        .select_related("agency", "organisation", "document")
        .filter(pk=programme_id)
        .first()
    )
    if found is None:
        raise Http404(_("Không tìm thấy chương trình phối hợp."))
    if action == "manage" and not can_manage_coordination(person, found.agency):
        raise PermissionDenied(_("Chỉ lãnh đạo, văn phòng cơ quan được thực hiện việc này."))
    return found


def get_activity_for_user(person: User, activity_id: int) -> JointActivity:
    """The joint activity whose status its recorder (the leader or office) records."""
    found = (
        JointActivity.objects.filter(programme__in=visible_programmes(person))
        .select_related("programme__agency")
        .filter(pk=activity_id)
        .first()
    )
    if found is None:
        raise Http404(_("Không tìm thấy hoạt động phối hợp."))
    if not can_manage_coordination(person, found.programme.agency):
        raise PermissionDenied(_("Chỉ lãnh đạo, văn phòng cơ quan được thực hiện việc này."))
    return found


def visible_findings(person: User) -> QuerySet[SupervisionFinding]:
    return SupervisionFinding.objects.filter(_readable_agencies(person))


def can_answer_finding(person: User, finding: SupervisionFinding) -> bool:
    return can_manage_coordination(person, finding.agency)


def get_finding_for_user(person: User, finding_id: int, *, action: str = "view") -> SupervisionFinding:
    """``view``; ``answer``: the agency's answer (the leader or office)."""
    found = (
        visible_findings(person)
        .select_related("agency", "organisation", "answered_by")
        .filter(pk=finding_id)
        .first()
    )
    if found is None:
        raise Http404(_("Không tìm thấy kết quả giám sát, phản biện, góp ý."))
    if action == "answer" and not can_answer_finding(person, found):
        raise PermissionDenied(_("Chỉ lãnh đạo, văn phòng cơ quan được trả lời kiến nghị."))
    return found


def visible_regulation_versions(person: User) -> QuerySet[RegulationVersion]:
    return RegulationVersion.objects.filter(_readable_agencies(person))


def can_manage_regulation(person: User, agency: Agency) -> bool:
    return can_manage_democracy(person, agency)


def get_regulation_version_for_user(person: User, version_id: int) -> RegulationVersion:
    found = (
        visible_regulation_versions(person)
        .select_related("agency", "document", "supersedes", "created_by")
        .filter(pk=version_id)
        .first()
    )
    if found is None:
        raise Http404(_("Không tìm thấy quy chế."))
    return found


# --- Consultations (Điều 53–55) -------------------------------------------------
# The leader or office puts a draft out for comment and publishes the head's
# explanation; the agency's staff read its consultations and comment on those
# they are asked on; the comments themselves are read by those who oversee the
# agency's register (an anonymous comment never says who sent it).


def visible_consultations(person: User) -> QuerySet[Consultation]:
    return Consultation.objects.filter(
        Q(agency__in=overseen_agencies(person)) | Q(agency__in=working_agencies(person))
    )


def can_open_consultation(person: User, agency: Agency) -> bool:
    return can_manage_democracy(person, agency)


def can_offer_plan_for_comment(person: User, plan) -> bool:
    """A draft plan of the agency the person manages can be put out for comment."""
    return plan.status == plan.Status.DRAFT and can_manage_democracy(person, plan.agency)


def is_asked(person: User, consultation: Consultation) -> bool:
    if not working_agencies(person).filter(pk=consultation.agency_id).exists():
        return False
    if consultation.audience == Consultation.Audience.ALL_STAFF:
        return True
    return can_manage_democracy(person, consultation.agency) or (
        person.unit_id is not None and consultation.units.filter(pk=person.unit_id).exists()
    )


def can_comment_on_consultation(person: User, consultation: Consultation) -> bool:
    return consultation.status == Consultation.Status.OPEN and is_asked(person, consultation)


def can_read_comments(person: User, consultation: Consultation) -> bool:
    return can_oversee_democracy(person, consultation.agency)


def can_publish_explanation(person: User, consultation: Consultation) -> bool:
    return consultation.status == Consultation.Status.OPEN and can_manage_democracy(
        person, consultation.agency
    )


def get_consultation_for_user(person: User, consultation_id: int, *, action: str = "view") -> Consultation:
    """``view`` (and download its draft); ``comment``; ``publish``: the head's explanation."""
    found = visible_consultations(person).select_related("agency", "plan").filter(pk=consultation_id).first()
    if found is None:
        raise Http404(_("Không tìm thấy việc lấy ý kiến."))
    if action == "comment" and not is_asked(person, found):
        raise PermissionDenied(_("Bạn không thuộc đối tượng được lấy ý kiến."))
    if action == "publish" and not can_manage_democracy(person, found.agency):
        raise PermissionDenied(_("Chỉ lãnh đạo, văn phòng cơ quan được công khai tiếp thu, giải trình."))
    return found


# --- The Board's programmes and reports -----------------------------------------
# The Board's members write them; whoever reads the agency's Board inspections
# (its leader, office, inspectors, the province's reviewer) reads them too.


def can_read_board_work(person: User, board: InspectionBoard) -> bool:
    return can_oversee_democracy(person, board.agency)


def can_plan_board_work(person: User, board: InspectionBoard) -> bool:
    return can_work_as_board(person, board.agency)


def visible_board_programmes(person: User) -> QuerySet[BoardProgramme]:
    return BoardProgramme.objects.filter(board__agency__in=overseen_agencies(person))


def visible_board_reports(person: User) -> QuerySet[BoardReport]:
    return BoardReport.objects.filter(board__agency__in=overseen_agencies(person))


def can_submit_board_report(person: User, report: BoardReport) -> bool:
    return can_work_as_board(person, report.board.agency)


def get_board_report_for_user(person: User, report_id: int, *, action: str = "view") -> BoardReport:
    """``view`` (and download its file); ``submit``: the Board sends it."""
    found = visible_board_reports(person).select_related("board__agency").filter(pk=report_id).first()
    if found is None:
        raise Http404(_("Không tìm thấy báo cáo."))
    if action == "submit" and not can_submit_board_report(person, found):
        raise PermissionDenied(_("Chỉ thành viên Ban Thanh tra nhân dân được thực hiện việc này."))
    return found


# --- Staff petitions to the Board (Điều 61 k8) ----------------------------------
# The Board's members handle them and read everything; the leader and office
# read the petitions (to answer the Board's recommendations) but never the name
# of a sender who asked to keep it confidential; the sender reads their own.


def visible_staff_petitions(person: User) -> QuerySet[StaffPetition]:
    scopes = scopes_of(person)
    board_or_managing = scopes.agencies_with(Role.PEOPLE_INSPECTOR, *MANAGING_ROLES)
    if scopes.system_admin:
        return StaffPetition.objects.all()
    return StaffPetition.objects.filter(Q(board__agency__in=board_or_managing) | Q(sender=person))


def can_handle_staff_petition(person: User, petition: StaffPetition) -> bool:
    return can_work_as_board(person, petition.board.agency)


def can_see_petition_sender(person: User, petition: StaffPetition) -> bool:
    """Who sent it: everyone who reads it, unless the sender asked for confidentiality —
    then only the sender and the members of the Board that received it; never
    the agency's leader or office, even one who also sits on the Board."""
    if not petition.keep_name_confidential or petition.sender_id == person.pk:
        return True
    if petition.board.agency_id in scopes_of(person).agencies_with(*MANAGING_ROLES):
        return False
    return BoardMember.objects.filter(board_id=petition.board_id, person=person).exists()


def get_staff_petition_for_user(person: User, petition_id: int, *, action: str = "view") -> StaffPetition:
    """``view``; ``handle``: verify, recommend, answer and close it (the Board)."""
    found = visible_staff_petitions(person).select_related("board__agency").filter(pk=petition_id).first()
    if found is None:
        raise Http404(_("Không tìm thấy kiến nghị, phản ánh."))
    if action == "handle" and not can_handle_staff_petition(person, found):
        raise PermissionDenied(_("Chỉ thành viên Ban Thanh tra nhân dân được thực hiện việc này."))
    return found


# --- Written ballot (Điều 50) ---------------------------------------------------


def can_collect_in_writing(person: User, agency: Agency) -> bool:
    return can_manage_democracy(person, agency)


def visible_ballots(person: User) -> QuerySet[WrittenBallot]:
    return WrittenBallot.objects.filter(
        Q(agency__in=overseen_agencies(person)) | Q(agency__in=working_agencies(person))
    )


def get_ballot_for_user(person: User, ballot_id: int, *, action: str = "view") -> WrittenBallot:
    """``view``; ``manage``: count its ballots."""
    found = visible_ballots(person).select_related("agency").filter(pk=ballot_id).first()
    if found is None:
        raise Http404(_("Không tìm thấy đợt lấy ý kiến bằng phiếu."))
    if action == "manage" and not can_collect_in_writing(person, found.agency):
        raise PermissionDenied(_("Chỉ lãnh đạo, văn phòng cơ quan được thực hiện việc này."))
    return found


def get_ballot_item_for_user(person: User, item_id: int) -> BallotItem:
    found = BallotItem.objects.filter(ballot__in=visible_ballots(person), pk=item_id).select_related(
        "ballot__agency"
    )
    item = found.first()
    if item is None:
        raise Http404(_("Không tìm thấy nội dung lấy ý kiến."))
    if not can_collect_in_writing(person, item.ballot.agency):
        raise PermissionDenied(_("Chỉ lãnh đạo, văn phòng cơ quan được thực hiện việc này."))
    return item
