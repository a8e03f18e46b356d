"""Searching petitions and the reception register never names a denouncer:
a denunciation is found by its code, subject and content, and by who
denounced only for the people granted that identity by name."""

from datetime import date

import pytest
from django.urls import reverse

from danvan.core import search
from danvan.petitions import services
from danvan.petitions.models import Petition, Reception
from tests.petitions.factories import petition_for


def found(person, query):
    return [(entry.kind, entry.object_id) for entry in search.search_entries(person, query)]


@pytest.fixture
def public_denunciation(agency, agency_head):
    # Sent through the public form: only the agency's head is granted.
    return petition_for(
        agency,
        kind=Petition.Kind.DENUNCIATION,
        source=Petition.Source.ONLINE,
        sender_name="Hoàng Thị Mật",
        sender_address="Ấp Trường Lưu",
        phone="0987 654 321",
        subject="Tố cáo cán bộ địa chính",
        content="Cán bộ địa chính xã nhận tiền khi cấp giấy chứng nhận.",
        by=None,
    )


@pytest.fixture
def visit_denunciation(agency, agency_head, office_officer):
    """Opened from a visit in the reception register by the office."""
    visit = services.record_reception(
        agency=agency,
        received_on=date(2026, 3, 2),
        full_name="Đinh Văn Kín",
        phone="0905 111 222",
        content="Phản ánh sai phạm trong bồi thường giải phóng mặt bằng",
        by=office_officer,
    )
    return services.open_petition_from_reception(
        reception=visit,
        kind=Petition.Kind.DENUNCIATION,
        subject="Tố cáo sai phạm bồi thường",
        content="Tố cáo cán bộ lập khống hồ sơ bồi thường.",
        by=office_officer,
    )


def test_a_denunciation_is_found_by_its_content_and_code_but_not_by_the_denouncer(
    public_denunciation, inspector, province_officer, system_admin
):
    for person in (inspector, province_officer, system_admin):
        assert found(person, "can bo dia chinh nhan tien") == [("petition", public_denunciation.pk)]
        assert found(person, public_denunciation.code) == [("petition", public_denunciation.pk)]
        assert found(person, "hoang thi mat") == []
        assert found(person, "0987 654 321") == []
        assert found(person, "truong luu") == []
        assert found(person, "mat to cao") == []  # the name mixed with a word of the subject


def test_nothing_that_names_a_denouncer_is_written_to_the_index(public_denunciation, visit_denunciation):
    from danvan.core.models import SearchEntry

    search.reindex()
    for entry in SearchEntry.objects.all():
        stored = f"{entry.title} {entry.summary} {entry.title_key} {entry.body_key}".lower()
        for secret in (
            "mật",
            "hoang thi mat",
            "0987",
            "trường lưu",
            "truong luu",
            "kín",
            "dinh van kin",
            "0905",
        ):
            assert secret not in stored, (entry.kind, entry.object_id, secret)


def test_the_granted_head_finds_the_denunciation_by_the_denouncer(public_denunciation, agency_head):
    assert found(agency_head, "hoang thi mat") == [("petition", public_denunciation.pk)]
    assert found(agency_head, "mat dia chinh") == [("petition", public_denunciation.pk)]


def test_a_denunciation_opened_at_reception_hides_the_citizen_of_the_visit(
    visit_denunciation, inspector, province_officer, agency_head
):
    for person in (inspector, province_officer):
        assert found(person, "lap khong ho so") == [("petition", visit_denunciation.pk)]
        assert found(person, "dinh van kin") == []
        assert found(person, "0905111222") == []
    assert found(agency_head, "dinh van kin") == [("petition", visit_denunciation.pk)]


def test_a_staff_intake_denunciation_hides_the_denouncer_from_the_ungranted(
    agency, inspector, people_inspector
):
    petition = petition_for(
        agency,
        kind=Petition.Kind.DENUNCIATION,
        sender_name="Lý Thị Giấu",
        subject="Tố cáo hành vi sách nhiễu",
        content="Cán bộ một cửa sách nhiễu người dân.",
        by=inspector,
    )
    assert found(inspector, "ly thi giau") == [("petition", petition.pk)]  # the receiver is granted
    assert found(people_inspector, "sach nhieu") == []  # does not see petitions at all


def test_a_complaint_is_found_by_its_sender(agency, inspector, other_agency_officer):
    complaint = petition_for(agency, sender_name="Trần Thị Bưởi")
    assert found(inspector, "tran thi buoi") == [("petition", complaint.pk)]
    assert found(other_agency_officer, "tran thi buoi") == []


def test_the_results_page_never_shows_the_denouncer(client, public_denunciation, inspector):
    client.force_login(inspector)
    page = client.get(reverse("core:search"), {"q": public_denunciation.code}).content.decode()
    assert public_denunciation.code in page
    assert "Hoàng Thị Mật" not in page
    page = client.get(reverse("core:search"), {"q": "Hoàng Thị Mật"}).content.decode()
    assert reverse("petitions:petition_detail", args=[public_denunciation.pk]) not in page


# --- The reception register's own search ----------------------------------------------


def register(client, person, **query):
    client.force_login(person)
    response = client.get(reverse("petitions:reception_list"), query)
    assert response.status_code == 200
    return list(response.context["page"].object_list)


def test_the_register_finds_a_visit_by_its_content_without_accents_in_any_order(
    client, reception, office_officer
):
    other = services.record_reception(
        agency=reception.agency,
        received_on=date(2026, 3, 3),
        full_name="Ngô Thị Hai",
        content="Đề nghị sửa đường giao thông nông thôn",
        by=office_officer,
    )
    assert register(client, office_officer, q="dat tranh chap") == [reception]
    assert register(client, office_officer, q="duong nong thon") == [other]
    assert register(client, office_officer, q="le van tam") == [reception]
    assert set(register(client, office_officer)) == {reception, other}


def test_the_register_finds_a_visit_by_the_code_of_the_petition_opened_from_it(
    client, reception, office_officer
):
    petition = services.open_petition_from_reception(
        reception=reception,
        kind=Petition.Kind.COMPLAINT,
        subject="Khiếu nại tranh chấp đất",
        content="Khiếu nại việc giải quyết tranh chấp đất.",
        by=office_officer,
    )
    assert register(client, office_officer, q=petition.code) == [reception]
    assert register(client, office_officer, q=str(reception.number)) == [reception]


def test_the_register_never_finds_a_denunciation_visit_by_the_citizen_without_a_grant(
    client, visit_denunciation, inspector, province_officer, agency_head
):
    visit = visit_denunciation.reception
    assert register(client, inspector, q="boi thuong giai phong") == [visit]
    assert register(client, inspector, q="dinh van kin") == []
    assert register(client, province_officer, q="Đinh Văn Kín") == []
    assert register(client, agency_head, q="dinh van kin") == [visit]


def test_the_register_pages_and_keeps_the_search_in_its_links(client, agency, office_officer):
    for number in range(55):
        services.record_reception(
            agency=agency,
            received_on=date(2026, 3, 2),
            full_name=f"Công dân {number}",
            content="Kiến nghị về điện chiếu sáng",
            by=office_officer,
        )
    client.force_login(office_officer)
    page = client.get(reverse("petitions:reception_list"), {"q": "dien chieu sang"})
    text = page.content.decode()
    assert len(page.context["page"].object_list) == 50
    assert "Có 55 mục" in text and "Trang 1/2" in text
    assert "q=dien+chieu+sang&amp;trang=2" in text
    second = client.get(reverse("petitions:reception_list"), {"q": "dien chieu sang", "trang": "2"})
    assert len(second.context["page"].object_list) == 5
    assert Reception.objects.count() == 55


def test_the_dashboard_pages_its_hot_spots_each_on_its_own(client, agency, inspector):
    for number in range(25):
        petition_for(agency, sender_name=f"Người {number}", signer_count=6, identity_number="")
    client.force_login(inspector)
    text = client.get(reverse("petitions:dashboard")).content.decode()
    assert "Có 25 mục" in text and "Trang 1/2" in text
    second = client.get(reverse("petitions:dashboard"), {"trang_group_petitions": "2"})
    assert len(second.context["group_petitions"].object_list) == 5
    assert second.context["skipped_level"].number == 1
