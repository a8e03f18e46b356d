"""The read log of citizens' personal data: fixed once written, read-only
in the admin, searched by the agency's inspector and the system
administrator only, by person, record code and dates (dd/mm/yyyy)."""

from datetime import datetime

import pytest
from django.db import DatabaseError, connection, transaction
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from danvan.core.audit import record_read
from danvan.core.models import ReadLogIsFixed, Role, SensitiveRead
from tests.factories import person_with_role

LOG = "/nhat-ky-doc-du-lieu/"


def read(person, agency, code, *, day=(2026, 3, 2)):
    return SensitiveRead.objects.create(
        person=person,
        agency=agency,
        model="petitions.petition",
        object_pk="1",
        code=code,
        what="petitions.petition_detail",
        read_at=timezone.make_aware(datetime(*day, 9, 30)),
    )


def codes_in(response):
    return [row.code for row in response.context["page"].object_list]


def signed_request(person, **meta):
    request = RequestFactory().get("/", **meta)
    request.user = person
    return request


def test_the_search_page_has_its_address():
    assert reverse("core:read_log") == LOG


def test_record_read_names_who_what_and_from_where(agency, inspector):
    row = record_read(signed_request(inspector, REMOTE_ADDR="198.51.100.4"), agency, "core.agency_detail")
    assert (row.person, row.model, row.object_pk, row.what, row.address) == (
        inspector,
        "core.agency",
        str(agency.pk),
        "core.agency_detail",
        "198.51.100.4",
    )


def test_the_log_cannot_be_changed_or_removed_through_the_model(agency, inspector):
    row = record_read(signed_request(inspector), agency, "core.agency_detail", code="HS-1")
    row.code = "HS-2"
    with pytest.raises(ReadLogIsFixed):
        row.save()
    with pytest.raises(ReadLogIsFixed):
        row.delete()
    with pytest.raises(ReadLogIsFixed):
        SensitiveRead.objects.filter(pk=row.pk).update(code="HS-2")
    with pytest.raises(ReadLogIsFixed):
        SensitiveRead.objects.all().delete()
    assert list(SensitiveRead.objects.values_list("code", flat=True)) == ["HS-1"]


def test_the_admin_shows_the_log_but_refuses_to_add_change_or_delete(client, system_admin, agency, inspector):
    row = read(inspector, agency, "HS-ADMIN")
    client.force_login(system_admin)
    assert client.get(reverse("admin:core_sensitiveread_changelist")).status_code == 200
    assert client.get(reverse("admin:core_sensitiveread_add")).status_code == 403
    change = reverse("admin:core_sensitiveread_change", args=[row.pk])
    # The superuser may look at a row, with no form to save it.
    page = client.get(change)
    assert page.status_code == 200 and b'name="_save"' not in page.content
    assert client.post(change, {"code": "HS-KHAC"}).status_code == 403
    assert (
        client.post(reverse("admin:core_sensitiveread_delete", args=[row.pk]), {"post": "yes"}).status_code
        == 403
    )
    changelist = reverse("admin:core_sensitiveread_changelist")
    client.post(changelist, {"action": "delete_selected", "_selected_action": [row.pk], "post": "yes"})
    assert SensitiveRead.objects.get().code == "HS-ADMIN"


def test_the_inspector_sees_their_agency_s_log_only(client, agency, other_agency, inspector, unit_officer):
    read(unit_officer, agency, "HS-NHA")
    other_inspector = person_with_role(Role.INSPECTOR, agency=other_agency)
    read(other_inspector, other_agency, "HS-KHAC")
    client.force_login(inspector)
    response = client.get(LOG)
    assert response.status_code == 200 and codes_in(response) == ["HS-NHA"]
    # The record's type by its own name.
    assert "Đơn</span> HS-NHA" in response.content.decode()
    assert "HS-KHAC" not in response.content.decode()
    client.force_login(other_inspector)
    assert codes_in(client.get(LOG)) == ["HS-KHAC"]


def test_the_system_administrator_sees_every_agency(client, agency, other_agency, system_admin, inspector):
    read(inspector, agency, "HS-NHA", day=(2026, 3, 1))
    read(inspector, other_agency, "HS-KHAC", day=(2026, 3, 2))
    client.force_login(system_admin)
    assert codes_in(client.get(LOG)) == ["HS-KHAC", "HS-NHA"]


@pytest.mark.parametrize(
    "who",
    ["agency_head", "office_officer", "unit_head", "unit_officer", "people_inspector", "province_officer"],
)
def test_everyone_else_is_refused(client, request, agency, inspector, who):
    read(inspector, agency, "HS-NHA")
    client.force_login(request.getfixturevalue(who))
    assert client.get(LOG).status_code == 403


def test_the_menu_offers_the_log_to_the_inspector_only(client, inspector, unit_officer):
    client.force_login(inspector)
    assert LOG in client.get(reverse("core:calendar")).content.decode()
    client.force_login(unit_officer)
    assert LOG not in client.get(reverse("core:calendar")).content.decode()


def test_filters_by_person_code_and_dates(client, agency, inspector, unit_officer, agency_head):
    read(unit_officer, agency, "HS-0001", day=(2026, 3, 1))
    read(agency_head, agency, "HS-0002", day=(2026, 3, 10))
    read(unit_officer, agency, "HS-0003", day=(2026, 3, 20))
    client.force_login(inspector)
    assert codes_in(client.get(LOG, {"person": unit_officer.username})) == ["HS-0003", "HS-0001"]
    assert codes_in(client.get(LOG, {"person": agency_head.full_name})) == ["HS-0002"]
    # A name typed without accents finds the person too.
    unaccented = agency_head.full_name.replace("Nguyễn Văn Thử", "nguyen van thu")
    assert codes_in(client.get(LOG, {"person": unaccented})) == ["HS-0002"]
    assert codes_in(client.get(LOG, {"code": "0002"})) == ["HS-0002"]
    between = client.get(LOG, {"date_from": "05/03/2026", "date_to": "20/03/2026"})
    assert codes_in(between) == ["HS-0003", "HS-0002"]
    assert codes_in(client.get(LOG, {"date_to": "01/03/2026"})) == ["HS-0001"]


def test_bad_dates_get_a_vietnamese_message_and_no_rows(client, agency, inspector, unit_officer):
    read(unit_officer, agency, "HS-0001")
    client.force_login(inspector)
    wrong_order = client.get(LOG, {"date_from": "20/03/2026", "date_to": "01/03/2026"})
    assert "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc." in wrong_order.content.decode()
    assert codes_in(wrong_order) == []
    not_a_date = client.get(LOG, {"date_from": "2026-03-01"})
    assert not not_a_date.context["form"].is_valid() and codes_in(not_a_date) == []


def test_the_log_is_paged(client, agency, inspector, unit_officer):
    for number in range(51):
        read(unit_officer, agency, f"HS-{number:04}")
    client.force_login(inspector)
    first = client.get(LOG)
    assert first.context["page"].paginator.count == 51 and len(codes_in(first)) == 50
    assert codes_in(client.get(LOG, {"trang": "2"})) == ["HS-0000"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the database's own guard is PostgreSQL's")
def test_the_database_refuses_to_change_or_remove_a_row(agency, inspector):
    row = read(inspector, agency, "HS-DB")
    for sql in (
        "UPDATE core_sensitiveread SET code = 'HS-KHAC' WHERE id = %s",
        "DELETE FROM core_sensitiveread WHERE id = %s",
    ):
        with pytest.raises(DatabaseError, match="cannot be changed or removed"), transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(sql, [row.pk])
    assert SensitiveRead.objects.get().code == "HS-DB"
