"""The evaluation's read API, scoped like its pages: criteria sets, assessments and a province's results."""

from decimal import Decimal

import pytest
from django.urls import reverse

from danvan.core.models import Role
from danvan.evaluation.models import Assessment, Reviewer
from tests.evaluation.conftest import assess, import_can_tho
from tests.factories import ProvinceFactory, UserFactory, person_with_role

S = Assessment.Status


@pytest.fixture
def own(agency, set_in_use, province_officer):
    return assess(agency, set_in_use, province_officer, final=Decimal("96"), band="Hoàn thành xuất sắc")


@pytest.fixture
def others(other_agency, set_in_use, province_officer):
    return assess(
        other_agency, set_in_use, province_officer, status=S.SUBMITTED, self_total=Decimal("90"), late=True
    )


@pytest.fixture
def elsewhere(db):
    # Sở Nội vụ of another province: none of Tây Ninh's evaluation is theirs.
    return person_with_role(Role.PROVINCE_REVIEWER, province=ProvinceFactory(name="Cần Thơ", code="CTO"))


def ids(client, name, **params):
    body = client.get(reverse(f"api:{name}"), params).json()
    return [item["id"] for item in body["results"]]


def test_criteria_sets_are_scoped_like_the_pages(
    client, province, province_officer, can_tho_workbook, set_in_use, office_officer, elsewhere
):
    draft = import_can_tho(province, province_officer, can_tho_workbook, years=(2026,))
    client.force_login(office_officer)
    assert ids(client, "criteria_set_list") == [set_in_use.pk]
    assert client.get(reverse("api:criteria_set_detail", args=[draft.pk])).status_code == 404
    client.force_login(elsewhere)
    assert ids(client, "criteria_set_list") == []
    assert client.get(reverse("api:criteria_set_detail", args=[set_in_use.pk])).status_code == 404


def test_a_criteria_set_comes_with_its_tree_and_rules(client, set_in_use, province_officer):
    client.force_login(province_officer)
    body = client.get(reverse("api:criteria_set_detail", args=[set_in_use.pk])).json()
    assert body["nodes"][0]["key"] == "I" and body["nodes"][1]["key"] == "I/1"
    assert body["rules"]["commendation_from"] == "Hoàn thành tốt"


def test_an_agency_reads_its_own_assessments_only(client, office_officer, own, others):
    client.force_login(office_officer)
    assert ids(client, "assessment_list") == [own.pk]
    response = client.get(reverse("api:assessment_detail", args=[others.pk]))
    assert response.status_code == 404 and response.json() == {
        "detail": "Không tìm thấy.",
        "ma": "khong_tim_thay",
    }


def test_the_province_reviewer_reads_every_assessment_of_the_province(client, province_officer, own, others):
    client.force_login(province_officer)
    assert sorted(ids(client, "assessment_list")) == sorted([own.pk, others.pk])
    assert ids(client, "assessment_list", co_quan=others.agency_id) == [others.pk]
    assert ids(client, "assessment_list", nam=2024) == []


def test_a_reviewer_of_another_province_reads_none(client, elsewhere, own):
    client.force_login(elsewhere)
    assert ids(client, "assessment_list") == []
    assert client.get(reverse("api:assessment_detail", args=[own.pk])).status_code == 404


def test_a_council_member_reads_only_the_assessments_given_to_them(client, own, others):
    member = UserFactory()
    Reviewer.objects.create(assessment=others, person=member, position="Ủy viên")
    client.force_login(member)
    assert ids(client, "assessment_list") == [others.pk]
    assert client.get(reverse("api:assessment_detail", args=[own.pk])).status_code == 404
    assert client.get(reverse("api:assessment_detail", args=[others.pk])).json()["self_total"] == "90.00"


def test_the_agency_does_not_read_the_reviewed_score_before_it_is_sent_back(
    client, agency, agency_head, set_in_use, province_officer
):
    submitted = assess(
        agency,
        set_in_use,
        province_officer,
        status=S.SUBMITTED,
        self_total=Decimal("90"),
        reviewed_total=Decimal("70"),
    )
    client.force_login(agency_head)
    body = client.get(reverse("api:assessment_detail", args=[submitted.pk])).json()
    assert body["self_total"] == "90.00" and body["reviewed_total"] is None
    client.force_login(province_officer)
    assert (
        client.get(reverse("api:assessment_detail", args=[submitted.pk])).json()["reviewed_total"] == "70.00"
    )


def test_the_reviewer_reads_the_province_results(client, province, province_officer, own, others):
    client.force_login(province_officer)
    body = client.get(reverse("api:evaluation_results"), {"tinh": province.pk, "nam": 2025}).json()
    rows = {row["agency"]: row for row in body["rows"]}
    assert rows["Sở Khoa học và Công nghệ"]["rank"] == 1
    assert rows["Sở Khoa học và Công nghệ"]["final_total"] == "96.00"
    assert rows["Sở Tài chính"]["submitted_late"] is True and rows["Sở Tài chính"]["rank"] is None
    assert {"band": "Hoàn thành xuất sắc", "count": 1, "pending": False} in body["distribution"]


def test_the_results_are_not_found_for_anyone_else(client, province, office_officer, elsewhere, own):
    for person in (office_officer, elsewhere):
        client.force_login(person)
        response = client.get(reverse("api:evaluation_results"), {"tinh": province.pk, "nam": 2025})
        assert response.status_code == 404 and response.json() == {
            "detail": "Không tìm thấy.",
            "ma": "khong_tim_thay",
        }


def test_the_results_need_a_province_and_a_year_told_in_vietnamese(client, province_officer):
    client.force_login(province_officer)
    response = client.get(reverse("api:evaluation_results"), {"nam": "1990"})
    assert response.status_code == 400
    assert response.json() == {
        "tinh": ["Trường này là bắt buộc."],
        "nam": ["Giá trị phải lớn hơn hoặc bằng 2000."],
        "ma": "du_lieu_khong_hop_le",
    }
