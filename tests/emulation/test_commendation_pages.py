"""The proposal's page: add a candidate, a refusal naming the condition, record the
vote (too many votes refused), confirm, submit and record the decision."""

from django.template.loader import render_to_string
from django.urls import reverse

from danvan.emulation import services
from danvan.emulation.models import Candidate, ConditionCheck, Proposal, TitleRecord
from danvan.emulation.selectors_commendation import commendation_section
from tests.emulation.conftest import title


def test_a_failing_candidate_is_refused_on_the_page(client, proposal, unit_officer, office_officer):
    services.record_discipline(person=unit_officer, year=2026, note="Khiển trách", by=office_officer)
    client.force_login(office_officer)
    response = client.post(
        reverse("emulation:proposal_candidate_add", args=[proposal.pk]),
        {"title": title("LDTT").pk, "person": unit_officer.pk},
    )
    assert response.status_code == 422
    assert "Điều 24 khoản 1 điểm b" in response.content.decode()
    assert not Candidate.objects.exists()


def test_too_many_votes_are_refused_on_the_page(client, proposal, candidate, office_officer):
    client.force_login(office_officer)
    url = reverse("emulation:proposal_vote", args=[proposal.pk, candidate.pk])
    response = client.post(url, {"votes_for": 9})
    assert response.status_code == 422
    assert "4 thành viên có mặt" in response.content.decode()


def test_the_whole_file_from_the_page(client, proposal, candidate, unit_officer, office_officer):
    client.force_login(office_officer)
    for check in candidate.checks.filter(state=ConditionCheck.State.TO_CONFIRM):
        url = reverse("emulation:proposal_confirm", args=[proposal.pk, check.pk])
        assert client.post(url, {"note": ""}).status_code == 422
        assert client.post(url, {"note": "Biên bản bình xét"}).status_code == 302
    assert (
        client.post(
            reverse("emulation:proposal_submit", args=[proposal.pk]), {"submitted_on": "25/12/2026"}
        ).status_code
        == 302
    )
    decision = reverse("emulation:proposal_decision", args=[proposal.pk])
    assert client.post(decision, {"number": "3/QĐ-SKHCN", "decided_on": "01/12/2026"}).status_code == 422
    assert client.post(decision, {"number": "3/QĐ-SKHCN", "decided_on": "05/01/2027"}).status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.DECIDED
    assert TitleRecord.objects.get(person=unit_officer).decision_number == "3/QĐ-SKHCN"
    page = client.get(reverse("emulation:proposal_detail", args=[proposal.pk])).content.decode()
    assert "3/QĐ-SKHCN" in page and "05/01/2027" in page


def test_the_council_meeting_opens_the_file(client, agency, agency_head, office_officer, unit_head):
    client.force_login(office_officer)
    url = reverse("emulation:proposal_council_create", args=[agency.pk])
    assert client.get(url).status_code == 200
    data = {"year": 2026, "held_on": "20/12/2026", "chaired_by": "Giám đốc Sở", "members": [agency_head.pk]}
    assert client.post(url, {**data, "absent": [agency_head.pk]}).status_code == 422
    assert not Proposal.objects.exists()
    response = client.post(
        url, {**data, "members": [agency_head.pk, office_officer.pk], "absent": [agency_head.pk]}
    )
    proposal = Proposal.objects.get()
    assert response.status_code == 302 and (
        proposal.meeting.member_count,
        proposal.meeting.present_count,
    ) == (2, 1)
    client.force_login(unit_head)
    assert client.get(url).status_code == 403


def test_the_section_lists_what_the_person_sees(movement, proposal, office_officer, other_agency_officer):
    page = render_to_string("emulation/_commendation_section.html", commendation_section(office_officer))
    assert movement.name in page and reverse("emulation:proposal_detail", args=[proposal.pk]) in page
    page = render_to_string(
        "emulation/_commendation_section.html", commendation_section(other_agency_officer)
    )
    assert movement.name not in page
