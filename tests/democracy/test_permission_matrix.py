"""Every role × every democracy page: the agency's leader and office manage, its
staff read disclosures and the briefings they were expected at, the province's
reviewer reads, other agencies get 404."""

import pytest
from django.urls import reverse

from danvan.democracy.models import Attendance, DisclosureRequest
from tests.matrix import ROLES, matrix_cases, status_for

# tests.matrix.ROLES order: system_admin, province_officer, agency_head, office_officer, unit_head,
# unit_officer, inspector, people_inspector, other_agency_officer.
MANAGE = [200, 403, 200, 200, 403, 403, 403, 403, 404]
MATRIX = [
    ("democracy:index", [], [200] * 9),
    ("democracy:briefing_create", ["agency"], MANAGE),
    ("democracy:disclosure_create", ["agency"], MANAGE),
    ("democracy:coverage", ["agency", "chi_thi_33"], [200, 200, 200, 200, 403, 403, 200, 200, 404]),
    ("democracy:briefing_detail", ["briefing"], [200, 200, 200, 200, 200, 200, 200, 200, 404]),
    ("democracy:briefing_detail", ["sibling_briefing"], [200, 200, 200, 200, 404, 404, 200, 200, 404]),
    ("democracy:material_download", ["briefing", "material"], [200, 200, 200, 200, 200, 200, 200, 200, 404]),
    ("democracy:disclosure_detail", ["disclosure"], [200, 200, 200, 200, 200, 200, 200, 200, 404]),
    ("democracy:request_create", [], [403, 403, 200, 200, 200, 200, 200, 200, 200]),
    ("democracy:request_detail", ["info_request"], [200, 200, 200, 200, 404, 200, 200, 200, 404]),
]
ANSWER_EMPTY_FORM = [422, 403, 422, 422, 404, 403, 403, 403, 404]
ATTENDANCE_EMPTY_FORM = [422, 403, 422, 422, 403, 403, 403, 403, 404]
RECORD_EMPTY_FORM = [422, 403, 422, 422, 403, 403, 403, 403, 404]


@pytest.mark.parametrize(("view", "args", "role", "status"), matrix_cases(MATRIX))
def test_role_gets_expected_status(client, request, view, args, role, status):
    assert status_for(client, request, view, args, role) == status


@pytest.mark.parametrize(("role", "status"), list(zip(ROLES, ANSWER_EMPTY_FORM, strict=True)))
def test_answering_a_request_with_nothing_by_role(client, request, info_request, role, status):
    client.force_login(request.getfixturevalue(role))
    response = client.post(reverse("democracy:request_answer", args=[info_request.pk]), {"answer": " "})
    assert response.status_code == status
    info_request.refresh_from_db()
    assert info_request.status == DisclosureRequest.Status.WAITING


@pytest.mark.parametrize(("role", "status"), list(zip(ROLES, ATTENDANCE_EMPTY_FORM, strict=True)))
def test_recording_an_empty_attendance_by_role(client, request, briefing, role, status):
    client.force_login(request.getfixturevalue(role))
    response = client.post(reverse("democracy:briefing_attendance", args=[briefing.pk]), {})
    assert response.status_code == status
    assert not briefing.attendances.exclude(status=Attendance.Status.EXPECTED).exists()


@pytest.mark.parametrize(("role", "status"), list(zip(ROLES, RECORD_EMPTY_FORM, strict=True)))
def test_recording_a_disclosure_with_nothing_by_role(client, request, disclosure, role, status):
    client.force_login(request.getfixturevalue(role))
    response = client.post(reverse("democracy:disclosure_record", args=[disclosure.pk]), {})
    assert response.status_code == status
    disclosure.refresh_from_db()
    assert disclosure.forms == ["posting"]


def test_staff_see_only_their_own_attendance_line(client, briefing, unit_officer, unit_head):
    client.force_login(unit_officer)
    page = client.get(reverse("democracy:briefing_detail", args=[briefing.pk])).content.decode()
    assert unit_officer.full_name in page
    assert unit_head.full_name not in page


def test_the_menu_opens_the_area(client, unit_officer):
    client.force_login(unit_officer)
    page = client.get(reverse("democracy:index")).content.decode()
    assert f'href="{reverse("democracy:index")}"' in page


# --- The People's Inspection Board ----------------------------------------------
# The leader or office records the Board; its members plan inspections and
# recommend; the leader or office answers; staff read who sits on it.
BOARD_MATRIX = [
    ("democracy:board_create", ["agency"], MANAGE),
    ("democracy:board_detail", ["board"], [200, 200, 200, 200, 200, 200, 200, 200, 404]),
    ("democracy:inspection_create", ["board"], [200, 403, 403, 403, 403, 403, 403, 200, 404]),
    ("democracy:inspection_detail", ["inspection"], [200, 200, 200, 200, 404, 404, 200, 200, 404]),
    ("democracy:inspection_file", ["inspection_with_file"], [200, 200, 200, 200, 404, 404, 200, 200, 404]),
]
ANSWER_RECOMMENDATION_EMPTY = [422, 403, 422, 422, 404, 404, 403, 403, 404]
RESULT_EMPTY = [422, 403, 403, 403, 404, 404, 403, 422, 404]


@pytest.mark.parametrize(("view", "args", "role", "status"), matrix_cases(BOARD_MATRIX))
def test_role_gets_expected_status_on_the_board(client, request, view, args, role, status):
    assert status_for(client, request, view, args, role) == status


@pytest.mark.parametrize(("role", "status"), list(zip(ROLES, ANSWER_RECOMMENDATION_EMPTY, strict=True)))
def test_answering_a_recommendation_with_nothing_by_role(client, request, recommendation, role, status):
    client.force_login(request.getfixturevalue(role))
    response = client.post(reverse("democracy:recommendation_answer", args=[recommendation.pk]), {})
    assert response.status_code == status
    recommendation.refresh_from_db()
    assert recommendation.status == "waiting"


@pytest.mark.parametrize(("role", "status"), list(zip(ROLES, RESULT_EMPTY, strict=True)))
def test_recording_an_empty_result_by_role(client, request, inspection, role, status):
    client.force_login(request.getfixturevalue(role))
    response = client.post(reverse("democracy:inspection_result", args=[inspection.pk]), {})
    assert response.status_code == status
    inspection.refresh_from_db()
    assert inspection.result == ""


# --- The staff conference -------------------------------------------------------
# The leader or office records it; the agency's staff and its overseers read it.
CONFERENCE_MATRIX = [
    ("democracy:conference_create", ["agency"], MANAGE),
    ("democracy:conference_detail", ["conference"], [200, 200, 200, 200, 200, 200, 200, 200, 404]),
    ("democracy:conference_resolution", ["conference"], [200, 200, 200, 200, 200, 200, 200, 200, 404]),
]
VOTE_EMPTY = [422, 403, 422, 422, 403, 403, 403, 403, 404]


@pytest.mark.parametrize(("view", "args", "role", "status"), matrix_cases(CONFERENCE_MATRIX))
def test_role_gets_expected_status_on_the_conference(client, request, view, args, role, status):
    assert status_for(client, request, view, args, role) == status


@pytest.mark.parametrize(("role", "status"), list(zip(ROLES, VOTE_EMPTY, strict=True)))
def test_voting_with_nothing_by_role(client, request, conference, role, status):
    client.force_login(request.getfixturevalue(role))
    item = conference.items.first()
    response = client.post(reverse("democracy:conference_vote", args=[conference.pk, item.pk]), {})
    assert response.status_code == status
    item.refresh_from_db()
    assert not item.voted


@pytest.mark.parametrize(("role", "status"), list(zip(ROLES, VOTE_EMPTY, strict=True)))
def test_recording_a_check_with_nothing_by_role(client, request, conference, role, status):
    client.force_login(request.getfixturevalue(role))
    check = conference.checks.first()
    response = client.post(reverse("democracy:conference_check", args=[conference.pk, check.pk]), {})
    assert response.status_code == status
    check.refresh_from_db()
    assert check.result == ""


# --- Coordination with the Fatherland Front; the democracy regulation ------------
# The leader or office records them; the agency's staff, inspectors and the Board read them.
READ = [200, 200, 200, 200, 200, 200, 200, 200, 404]
COORDINATION_MATRIX = [
    ("democracy:coordination_index", ["agency"], READ),
    ("democracy:programme_create", ["agency"], MANAGE),
    ("democracy:finding_create", ["agency"], MANAGE),
    ("democracy:programme_detail", ["programme"], READ),
    ("democracy:finding_detail", ["finding"], READ),
    ("democracy:regulation_detail", ["agency"], READ),
    ("democracy:regulation_version", ["regulation"], READ),
    ("democracy:regulation_file", ["regulation"], READ),
]
POST_EMPTY = [422, 403, 422, 422, 403, 403, 403, 403, 404]


@pytest.mark.parametrize(("view", "args", "role", "status"), matrix_cases(COORDINATION_MATRIX))
def test_role_gets_expected_status_on_coordination(client, request, view, args, role, status):
    assert status_for(client, request, view, args, role) == status


@pytest.mark.parametrize(("role", "status"), list(zip(ROLES, POST_EMPTY, strict=True)))
def test_answering_a_finding_with_nothing_by_role(client, request, finding, role, status):
    client.force_login(request.getfixturevalue(role))
    response = client.post(reverse("democracy:finding_answer", args=[finding.pk]), {})
    assert response.status_code == status
    finding.refresh_from_db()
    assert finding.status == "waiting"


@pytest.mark.parametrize(("role", "status"), list(zip(ROLES, POST_EMPTY, strict=True)))
def test_registering_an_empty_regulation_by_role(client, request, agency, regulation, role, status):
    client.force_login(request.getfixturevalue(role))
    response = client.post(reverse("democracy:regulation_register", args=[agency.pk]), {})
    assert response.status_code == status
    assert agency.regulation_versions.count() == 1


@pytest.mark.parametrize(("role", "status"), list(zip(ROLES, POST_EMPTY, strict=True)))
def test_recording_an_activity_with_nothing_by_role(client, request, activity, role, status):
    client.force_login(request.getfixturevalue(role))
    response = client.post(reverse("democracy:activity_record", args=[activity.pk]), {})
    assert response.status_code == status
    activity.refresh_from_db()
    assert activity.status == "planned"


# --- Consultations (Điều 53–55) -------------------------------------------------
# The leader or office opens one and publishes the explanation; the agency's
# staff read it, download its draft and comment; other agencies get 404.
CONSULTATION_MATRIX = [
    ("democracy:consultation_create", ["agency"], MANAGE),
    ("democracy:consultation_detail", ["consultation"], [200, 200, 200, 200, 200, 200, 200, 200, 404]),
    ("democracy:consultation_draft", ["consultation"], [200, 200, 200, 200, 200, 200, 200, 200, 404]),
]
COMMENT_EMPTY = [403, 403, 422, 422, 422, 422, 422, 422, 404]
PUBLISH_EMPTY = [422, 403, 422, 422, 403, 403, 403, 403, 404]


@pytest.mark.parametrize(("view", "args", "role", "status"), matrix_cases(CONSULTATION_MATRIX))
def test_role_gets_expected_status_on_consultations(client, request, view, args, role, status):
    assert status_for(client, request, view, args, role) == status


@pytest.mark.parametrize(("role", "status"), list(zip(ROLES, COMMENT_EMPTY, strict=True)))
def test_commenting_with_nothing_by_role(client, request, consultation, role, status):
    client.force_login(request.getfixturevalue(role))
    response = client.post(reverse("democracy:consultation_comment", args=[consultation.pk]), {})
    assert response.status_code == status
    assert not consultation.comments.exists()


@pytest.mark.parametrize(("role", "status"), list(zip(ROLES, PUBLISH_EMPTY, strict=True)))
def test_publishing_an_empty_explanation_by_role(client, request, consultation, role, status):
    client.force_login(request.getfixturevalue(role))
    response = client.post(reverse("democracy:consultation_publish", args=[consultation.pk]), {})
    assert response.status_code == status
    consultation.refresh_from_db()
    assert consultation.status == "open"


# --- The Board's work, staff petitions, the written ballot ------------------------
# The Board's work is read by those who oversee the agency and written by its
# members; a staff petition is read by the Board, the leader and office, and
# its sender; the written ballot is the leader's or office's.
BOARD_WORK_MATRIX = [
    ("democracy:board_work", ["board"], [200, 200, 200, 200, 403, 403, 200, 200, 404]),
    ("democracy:board_report_detail", ["board_report"], [200, 200, 200, 200, 404, 404, 200, 200, 404]),
    (
        "democracy:board_report_file",
        ["board_report_with_file"],
        [200, 200, 200, 200, 404, 404, 200, 200, 404],
    ),
    ("democracy:staff_petition_detail", ["staff_petition"], [200, 404, 200, 200, 404, 404, 404, 200, 404]),
    ("democracy:staff_petition_create", ["board"], [200, 403, 403, 403, 403, 403, 403, 200, 404]),
    ("democracy:ballots", ["agency"], [200, 200, 200, 200, 200, 200, 200, 200, 404]),
    ("democracy:ballot_detail", ["ballot"], [200, 200, 200, 200, 200, 200, 200, 200, 404]),
]
BOARD_ONLY_EMPTY = [422, 403, 403, 403, 403, 403, 403, 422, 404]
PETITION_STEP_EMPTY = [422, 404, 403, 403, 404, 404, 404, 422, 404]
BALLOT_EMPTY = [422, 403, 422, 422, 403, 403, 403, 403, 404]


@pytest.mark.parametrize(("view", "args", "role", "status"), matrix_cases(BOARD_WORK_MATRIX))
def test_role_gets_expected_status_on_the_boards_work(client, request, view, args, role, status):
    assert status_for(client, request, view, args, role) == status


@pytest.mark.parametrize(("role", "status"), list(zip(ROLES, BOARD_ONLY_EMPTY, strict=True)))
def test_adopting_an_empty_programme_by_role(client, request, board, role, status):
    client.force_login(request.getfixturevalue(role))
    response = client.post(reverse("democracy:board_programme_create", args=[board.pk]), {})
    assert response.status_code == status
    assert not board.programmes.exists()


@pytest.mark.parametrize(("role", "status"), list(zip(ROLES, BOARD_ONLY_EMPTY, strict=True)))
def test_receiving_an_empty_staff_petition_by_role(client, request, board, role, status):
    client.force_login(request.getfixturevalue(role))
    response = client.post(reverse("democracy:staff_petition_create", args=[board.pk]), {})
    assert response.status_code == status
    assert not board.staff_petitions.exists()


@pytest.mark.parametrize(("role", "status"), list(zip(ROLES, PETITION_STEP_EMPTY, strict=True)))
def test_verifying_a_staff_petition_with_nothing_by_role(client, request, staff_petition, role, status):
    client.force_login(request.getfixturevalue(role))
    response = client.post(reverse("democracy:staff_petition_step", args=[staff_petition.pk, "xac-minh"]), {})
    assert response.status_code == status
    staff_petition.refresh_from_db()
    assert staff_petition.verification == ""


@pytest.mark.parametrize(("role", "status"), list(zip(ROLES, BALLOT_EMPTY, strict=True)))
def test_opening_an_empty_ballot_by_role(client, request, agency, role, status):
    client.force_login(request.getfixturevalue(role))
    response = client.post(reverse("democracy:ballot_create", args=[agency.pk]), {})
    assert response.status_code == status


@pytest.mark.parametrize(("role", "status"), list(zip(ROLES, BALLOT_EMPTY, strict=True)))
def test_counting_an_empty_ballot_by_role(client, request, ballot, role, status):
    client.force_login(request.getfixturevalue(role))
    item = ballot.items.get()
    response = client.post(reverse("democracy:ballot_count", args=[item.pk]), {})
    assert response.status_code == status
    item.refresh_from_db()
    assert item.returned is None
