from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from danvan.core.models import Notification
from danvan.core.services import DomainError
from danvan.petitions import services
from danvan.petitions.models import ReceptionDay


def test_publish_reception_day_five_working_days_ahead(reception_day, office_officer):
    # Tuesday 10/03 to Monday 16/03 counts 5 working days after 09/03.
    services.publish_reception_day(day=reception_day, on=date(2026, 3, 9), by=office_officer)
    assert ReceptionDay.objects.get().published_on == date(2026, 3, 9)


def test_publish_reception_day_later_is_refused(reception_day, office_officer):
    with pytest.raises(DomainError, match="ít nhất 05 ngày làm việc.*4 ngày làm việc"):
        services.publish_reception_day(day=reception_day, on=date(2026, 3, 10), by=office_officer)
    assert ReceptionDay.objects.get().published_on is None


def test_publish_reception_day_counts_working_days_across_tet(
    calendar_2026, agency, agency_head, office_officer
):
    # 16–20/02 Tết and 23/02 off: from Friday 13/02 only 24/02 and 25/02 are
    # working days before Wednesday 25/02.
    day = services.schedule_reception_day(
        agency=agency, leader=agency_head, day=date(2026, 2, 25), place="Sở", by=office_officer
    )
    with pytest.raises(DomainError, match="2 ngày làm việc"):
        services.publish_reception_day(day=day, on=date(2026, 2, 13), by=office_officer)


def test_publish_reception_day_counts_the_make_up_saturday(
    calendar_2026, agency, agency_head, office_officer
):
    # Saturday 28/02 is a make-up working day: 24, 25, 26, 27 and 28/02.
    day = services.schedule_reception_day(
        agency=agency, leader=agency_head, day=date(2026, 2, 28), place="Sở", by=office_officer
    )
    assert services.publish_reception_day(day=day, on=date(2026, 2, 13), by=office_officer).published_on


def test_publish_reception_day_twice_is_refused(reception_day, office_officer):
    services.publish_reception_day(day=reception_day, on=date(2026, 3, 2), by=office_officer)
    with pytest.raises(DomainError, match="đã được công bố"):
        services.publish_reception_day(day=reception_day, on=date(2026, 3, 3), by=office_officer)


def test_a_postponed_day_is_not_published(reception_day, office_officer):
    services.postpone_reception_day(day=reception_day, note="Lãnh đạo đi công tác", by=office_officer)
    with pytest.raises(DomainError, match="hoãn"):
        services.publish_reception_day(day=reception_day, on=date(2026, 3, 2), by=office_officer)


def test_postpone_reception_day_records_the_date_and_tells_the_leader(
    reception_day, agency_head, inspector, office_officer
):
    services.postpone_reception_day(
        day=reception_day, note="Lãnh đạo đi công tác", on=date(2026, 3, 12), by=office_officer
    )
    assert ReceptionDay.objects.get().postponed_on == date(2026, 3, 12)
    told = set(
        Notification.objects.filter(key__startswith="reception-day-postponed").values_list(
            "recipient", flat=True
        )
    )
    assert told == {agency_head.pk, inspector.pk}


def _day_in(days, agency, leader, by):
    return services.schedule_reception_day(
        agency=agency, leader=leader, day=timezone.localdate() + timedelta(days=days), place="Sở", by=by
    )


def test_office_publishes_from_the_schedule_page(client, agency, agency_head, office_officer):
    day = _day_in(30, agency, agency_head, office_officer)
    client.force_login(office_officer)
    response = client.post(reverse("petitions:reception_day_publish", args=[day.pk]), follow=True)
    assert "Đã công bố lịch tiếp" in response.content.decode()
    assert ReceptionDay.objects.get().published_on == timezone.localdate()


def test_publishing_too_late_shows_why_and_changes_nothing(client, agency, agency_head, office_officer):
    day = _day_in(2, agency, agency_head, office_officer)
    client.force_login(office_officer)
    response = client.post(reverse("petitions:reception_day_publish", args=[day.pk]), follow=True)
    assert "ít nhất 05 ngày làm việc" in response.content.decode()
    assert ReceptionDay.objects.get().published_on is None


def test_public_schedule_lists_published_days_and_postponements(client, agency, agency_head, office_officer):
    published = _day_in(30, agency, agency_head, office_officer)
    services.publish_reception_day(day=published, on=timezone.localdate(), by=office_officer)
    _day_in(40, agency, agency_head, office_officer)  # not published: not shown
    postponed = _day_in(20, agency, agency_head, office_officer)
    services.postpone_reception_day(day=postponed, note="Lãnh đạo đi công tác nước ngoài", by=office_officer)
    html = client.get(reverse("petitions_public:schedule")).content.decode()
    assert f"{published.date:%d/%m/%Y}" in html and "Lãnh đạo đi công tác nước ngoài" in html
    assert f"{published.date + timedelta(days=10):%d/%m/%Y}" not in html


def test_public_schedule_hides_past_days(client, reception_day, office_officer):
    services.publish_reception_day(day=reception_day, on=date(2026, 3, 2), by=office_officer)
    html = client.get(reverse("petitions_public:schedule")).content.decode()
    assert (reception_day.date < timezone.localdate()) == ("16/03/2026" not in html)


def test_inspector_may_not_publish(client, reception_day, inspector):
    client.force_login(inspector)
    assert client.post(reverse("petitions:reception_day_publish", args=[reception_day.pk])).status_code == 403
    assert ReceptionDay.objects.get().published_on is None


def test_officer_of_other_agency_gets_404_publishing(client, reception_day, other_agency_officer):
    client.force_login(other_agency_officer)
    assert client.post(reverse("petitions:reception_day_publish", args=[reception_day.pk])).status_code == 404


def test_office_postpones_with_a_reason(client, reception_day, office_officer):
    client.force_login(office_officer)
    client.post(
        reverse("petitions:reception_day_postpone", args=[reception_day.pk]), {"note": "Họp đột xuất"}
    )
    assert ReceptionDay.objects.get().postponed_note == "Họp đột xuất"


def test_postponing_without_a_reason_changes_nothing(client, reception_day, office_officer):
    client.force_login(office_officer)
    response = client.post(reverse("petitions:reception_day_postpone", args=[reception_day.pk]), {"note": ""})
    assert response.status_code == 422 and not ReceptionDay.objects.get().is_postponed
