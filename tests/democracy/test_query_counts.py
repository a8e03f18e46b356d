"""The democracy index, a briefing page and a document's results cost the same
number of SQL queries with one row as with many: nothing is loaded per row."""

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from danvan.core.models import Role
from danvan.democracy import services
from danvan.democracy.models import Briefing
from tests.factories import UnitFactory, person_with_role

MANY = 12


def _count(client, url):
    client.get(url)  # warm the session and the per-process caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _more(agency, office_officer, chi_thi_33, info_request_by, briefing):
    units = [UnitFactory(agency=agency) for _ in range(3)]
    for unit in units:
        for _ in range(4):
            briefing.attendances.create(person=person_with_role(Role.STAFF, unit=unit), made_up_in=briefing)
    for n in range(MANY):
        briefing = services.schedule_briefing(
            agency=agency,
            title=f"Buổi {n}",
            held_on=date(2026, 3, 1 + n),
            form=Briefing.Form.ONLINE,
            documents=[chi_thi_33],
            units=units,
            by=office_officer,
        )
        services.attach_material(
            briefing=briefing, data=b"%PDF-1.4\n", filename=f"{n}.pdf", by=office_officer
        )
        services.register_disclosure(
            agency=agency,
            kind="budget",
            subject=f"Quyết định {n}",
            decision_date=date(2026, 3, 2),
            forms=["written_notice"],
            disclosed_on=date(2026, 3, 3),
            today=date(2026, 4, 1),
            by=office_officer,
        )
        services.request_information(
            agency=agency, subject=f"Đề nghị {n}", today=date(2026, 3, 3), by=info_request_by
        )


def test_pages_do_not_grow_with_rows(
    client, agency, office_officer, unit_officer, briefing, chi_thi_33, disclosure
):
    client.force_login(office_officer)
    urls = [
        reverse("democracy:index"),
        reverse("democracy:briefing_detail", args=[briefing.pk]),
        reverse("democracy:coverage", args=[agency.pk, chi_thi_33.pk]),
    ]
    before = [_count(client, url) for url in urls]
    _more(agency, office_officer, chi_thi_33, unit_officer, briefing)
    services.schedule_briefing(
        agency=agency,
        title="Học bù",
        held_on=date(2026, 3, 20),
        form=Briefing.Form.SELF_STUDY,
        documents=[chi_thi_33],
        people=list(agency.people.all()[:5]),
        makes_up=briefing,
        by=office_officer,
    )
    assert [_count(client, url) for url in urls] == before
