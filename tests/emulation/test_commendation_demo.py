"""The demo's emulation movement, registration and proposal at Sở KH&CN."""

from io import StringIO

from django.core.management import call_command

from danvan.emulation.models import ConditionCheck, Movement, Proposal


def test_the_demo_loads_once(db):
    call_command("load_demo_province", stdout=StringIO())
    call_command("load_demo_province", stdout=StringIO())
    movement = Movement.objects.get(agency__symbol_code="SKHCN")
    assert movement.registrations.get().person.username == "skhcn.chuyenvien"
    proposal = Proposal.objects.get(agency__symbol_code="SKHCN", year=2026)
    assert proposal.meeting.present_count == 4
    candidate = proposal.candidates.get()
    assert not candidate.checks.exclude(state=ConditionCheck.State.MET).exists()
