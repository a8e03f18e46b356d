"""The province's results for a year: the table with ranks and flags, the chart, the decision in
Word, an agency's history, and who may propose an agency for commendation."""

from decimal import Decimal
from io import BytesIO

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from docx import Document

from danvan.core.models import Agency, Role
from danvan.evaluation import selectors, services
from danvan.evaluation.models import Assessment, CriteriaSet
from tests.evaluation.conftest import assess, import_can_tho
from tests.factories import AgencyFactory, ProvinceFactory, person_with_role

S = Assessment.Status
XS, TOT, HT = "Hoàn thành xuất sắc", "Hoàn thành tốt", "Hoàn thành"


def department(province, name):
    return AgencyFactory(province=province, name=name, kind=Agency.Kind.DEPARTMENT)


@pytest.fixture
def finalised_year(province, agency, other_agency, set_in_use, province_officer):
    """Sở KH&CN 96 (xuất sắc), Sở Tài chính 88 (tốt), Sở Xây dựng 88 (tốt): a tie for second."""
    building = department(province, "Sở Xây dựng")
    return [
        assess(agency, set_in_use, province_officer, final=Decimal("96"), band=XS),
        assess(other_agency, set_in_use, province_officer, final=Decimal("88"), band=TOT, late=True),
        assess(building, set_in_use, province_officer, final=Decimal("88.00"), band=TOT),
    ]


def row_of(table, name):
    return next(row for row in table.rows if row.agency.name == name)


# --- The table ---------------------------------------------------------------------------


def test_ties_share_a_rank_and_the_next_rank_skips(province, finalised_year):
    table = selectors.results_table(province, 2025)
    ranks = {row.agency.name: row.rank for row in table.rows}
    assert ranks == {"Sở Khoa học và Công nghệ": 1, "Sở Tài chính": 2, "Sở Xây dựng": 2}
    # A fourth, lower one comes third after the tie: 1, 2, 2, 4.
    lower = department(province, "Sở Y tế")
    assess(lower, finalised_year[0].criteria_set, finalised_year[0].opened_by, final=Decimal("80"), band=HT)
    assert row_of(selectors.results_table(province, 2025), "Sở Y tế").rank == 4


def test_only_finalised_assessments_are_ranked(
    province, agency, set_in_use, province_officer, finalised_year
):
    health = department(province, "Sở Y tế")
    assess(health, set_in_use, province_officer, status=S.REVIEWED, final=Decimal("99"), band=XS)
    table = selectors.results_table(province, 2025)
    assert row_of(table, "Sở Y tế").rank is None
    assert row_of(table, "Sở Y tế").final_total is None
    assert row_of(table, "Sở Khoa học và Công nghệ").rank == 1


def test_ranks_are_within_each_kind_of_agency(province, province_officer, finalised_year, can_tho_workbook):
    communes = services.put_in_use(
        criteria_set=import_can_tho(
            province, province_officer, can_tho_workbook, kinds=(Agency.Kind.COMMUNE_COMMITTEE,)
        ),
        by=province_officer,
    )
    commune = AgencyFactory(province=province, name="UBND xã Tân Phú", kind=Agency.Kind.COMMUNE_COMMITTEE)
    assess(commune, communes, province_officer, final=Decimal("70"), band="Không hoàn thành")
    table = selectors.results_table(province, 2025)
    assert row_of(table, "UBND xã Tân Phú").rank == 1
    assert [row.agency.kind for row in table.rows] == ["department"] * 3 + ["commune_committee"]


def test_agencies_without_an_assessment_or_still_drafting_are_not_submitted(
    province, agency, other_agency, set_in_use, province_officer
):
    assess(agency, set_in_use, province_officer, status=S.DRAFT, self_total=Decimal("50"))
    table = selectors.results_table(province, 2025)
    assert {row.agency.name: row.not_submitted for row in table.rows} == {
        "Sở Khoa học và Công nghệ": True,
        "Sở Tài chính": True,
    }
    assert row_of(table, "Sở Tài chính").assessment is None
    assert row_of(table, "Sở Tài chính").status_label == "Chưa tự chấm"


def test_a_late_submission_and_a_classification_to_review_are_flagged(
    province, agency, other_agency, set_in_use, province_officer
):
    assess(agency, set_in_use, province_officer, status=S.SUBMITTED, self_total=Decimal("90"), late=True)
    assess(
        other_agency,
        set_in_use,
        province_officer,
        status=S.REVIEWED,
        reviewed_total=Decimal("94"),
        classification={"band": None, "reason": "Số “xuất sắc” vượt chỉ tiêu", "needs_review": True},
    )
    table = selectors.results_table(province, 2025)
    submitted, reviewed = row_of(table, "Sở Khoa học và Công nghệ"), row_of(table, "Sở Tài chính")
    assert (submitted.submitted_late, submitted.not_submitted, submitted.needs_review) == (True, False, False)
    assert (reviewed.submitted_late, reviewed.needs_review) == (False, True)


def test_agencies_of_a_kind_no_set_covers_are_left_out(province, set_in_use, finalised_year):
    AgencyFactory(province=province, name="UBND xã Tân Phú", kind=Agency.Kind.COMMUNE_COMMITTEE)
    names = [row.agency.name for row in selectors.results_table(province, 2025).rows]
    assert "UBND xã Tân Phú" not in names and len(names) == 3


def test_a_past_year_reads_the_archived_set(province, province_officer, agency, can_tho_workbook):
    old = import_can_tho(province, province_officer, can_tho_workbook, years=(2023,))
    services.put_in_use(criteria_set=old, by=province_officer)
    CriteriaSet.objects.filter(pk=old.pk).update(status=CriteriaSet.Status.ARCHIVED)
    assess(agency, old, province_officer, year=2023, final=Decimal("91"), band=TOT)
    table = selectors.results_table(province, 2023)
    assert [criteria_set.pk for criteria_set in table.criteria_sets] == [old.pk]
    assert row_of(table, "Sở Khoa học và Công nghệ").final_band == TOT
    # The other department of the province was covered that year too and never assessed.
    assert row_of(table, "Sở Tài chính").not_submitted


def test_the_table_filters_by_kind(province, finalised_year):
    assert selectors.results_table(province, 2025, kind=Agency.Kind.COMMUNE_COMMITTEE).rows == []
    assert len(selectors.results_table(province, 2025, kind=Agency.Kind.DEPARTMENT).rows) == 3


def test_the_table_sorts_by_name_or_by_self_score(
    province, agency, set_in_use, province_officer, finalised_year
):
    Assessment.objects.filter(agency=agency).update(self_total=Decimal("70"))
    by_name = selectors.results_table(province, 2025, sort="ten")
    assert [row.agency.name for row in by_name.rows] == [
        "Sở Khoa học và Công nghệ",
        "Sở Tài chính",
        "Sở Xây dựng",
    ]
    by_self = selectors.results_table(province, 2025, sort="tu-cham")
    assert [row.agency.name for row in by_self.rows][-1] == "Sở Khoa học và Công nghệ"


def test_the_table_takes_three_queries_whatever_the_number_of_agencies(
    province, set_in_use, province_officer, finalised_year, django_assert_num_queries
):
    for number in range(10):
        assess(department(province, f"Sở {number}"), set_in_use, province_officer, final=Decimal(80), band=HT)
    # 1 the sets of the province, 2 the year's assessments with their agencies,
    # 3 the covered agencies without an assessment.
    with django_assert_num_queries(3):
        table = selectors.results_table(province, 2025)
        assert [(row.agency.name, row.rank, row.final_band) for row in table.rows]


def test_the_distribution_counts_each_final_band_and_the_pending(province, set_in_use, finalised_year):
    department(province, "Sở Y tế")
    bands = {band.name: band.count for band in selectors.results_table(province, 2025).distribution()}
    assert bands == {XS: 1, TOT: 2, HT: 0, "Không hoàn thành": 0, "Chưa có kết quả chính thức": 1}


# --- The pages ---------------------------------------------------------------------------


def test_the_reviewer_sees_the_table_with_its_chart(client, province, province_officer, finalised_year):
    client.force_login(province_officer)
    response = client.get(reverse("evaluation:results", args=[province.pk]), {"nam": 2025})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Sở Xây dựng" in html and "Gửi muộn" in html
    assert 'role="img"' in html and "Hoàn thành tốt: 2" in html
    assert reverse("evaluation:results_decision", args=[province.pk]) + "?nam=2025" in html


def test_the_page_reads_the_same_number_of_queries_for_more_agencies(
    client, province, set_in_use, province_officer, finalised_year
):
    client.force_login(province_officer)
    url = reverse("evaluation:results", args=[province.pk])
    with CaptureQueriesContext(connection) as few:
        client.get(url, {"nam": 2025})
    for number in range(10):
        assess(department(province, f"Sở {number}"), set_in_use, province_officer, final=Decimal(80), band=HT)
    department(province, "Sở chưa chấm")
    with CaptureQueriesContext(connection) as many:
        assert "Sở chưa chấm" in client.get(url, {"nam": 2025}).content.decode()
    assert len(many.captured_queries) == len(few.captured_queries)


def test_a_year_that_is_not_a_number_is_refused_and_the_newest_shown(
    client, province, province_officer, finalised_year
):
    client.force_login(province_officer)
    response = client.get(reverse("evaluation:results", args=[province.pk]), {"nam": "hai"})
    assert "Năm đánh giá không hợp lệ" in response.content.decode()
    assert response.context["table"].year == 2025


def test_the_page_filters_by_kind(client, province, province_officer, finalised_year):
    client.force_login(province_officer)
    url = reverse("evaluation:results", args=[province.pk])
    response = client.get(url, {"nam": 2025, "loai": Agency.Kind.COMMUNE_COMMITTEE})
    assert response.context["table"].rows == []


def test_a_reviewer_of_another_province_gets_404(client, province, finalised_year):
    elsewhere = person_with_role(Role.PROVINCE_REVIEWER, province=ProvinceFactory(name="Cần Thơ", code="CTO"))
    client.force_login(elsewhere)
    for name in ("evaluation:results", "evaluation:results_decision"):
        assert client.get(reverse(name, args=[province.pk])).status_code == 404
    assert (
        client.get(reverse("evaluation:agency_results", args=[finalised_year[0].agency_id])).status_code
        == 404
    )


def test_an_agency_office_reads_its_own_history_only(
    client, office_officer, agency, other_agency, finalised_year
):
    client.force_login(office_officer)
    own = client.get(reverse("evaluation:agency_results", args=[agency.pk]))
    assert own.status_code == 200 and "96" in own.content.decode() and "1/3" in own.content.decode()
    assert client.get(reverse("evaluation:agency_results", args=[other_agency.pk])).status_code == 404


def test_the_agency_does_not_read_the_reviewed_score_before_the_review_is_sent(
    client, agency_head, agency, set_in_use, province_officer
):
    assess(
        agency,
        set_in_use,
        province_officer,
        status=S.SUBMITTED,
        self_total=Decimal("90"),
        reviewed_total=Decimal("77.25"),
    )
    client.force_login(agency_head)
    html = client.get(reverse("evaluation:agency_results", args=[agency.pk])).content.decode()
    assert "90" in html and "77,25" not in html


def test_history_lists_every_year_newest_first(
    agency, set_in_use, province_officer, can_tho_workbook, province
):
    old = import_can_tho(province, province_officer, can_tho_workbook, years=(2024,))
    assess(agency, old, province_officer, year=2024, final=Decimal("84"), band=HT)
    assess(agency, set_in_use, province_officer, year=2025, status=S.SUBMITTED, self_total=Decimal("90"))
    rows = selectors.agency_history(agency)
    assert [(row.assessment.year, row.rank, row.ranked) for row in rows] == [(2025, None, 0), (2024, 1, 1)]


# --- The decision ----------------------------------------------------------------------


def reopened(response) -> tuple[str, list[list[str]]]:
    document = Document(
        BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    )
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    rows = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    return text, rows


def test_the_decision_lists_the_finalised_agencies_by_band(
    client, province, province_officer, finalised_year
):
    client.force_login(province_officer)
    response = client.get(reverse("evaluation:results_decision", args=[province.pk]), {"nam": 2025})
    assert response.status_code == 200
    text, rows = reopened(response)
    assert "Về việc công nhận kết quả đánh giá, xếp loại công tác dân vận chính quyền năm 2025" in text
    assert rows[0][0].strip() == "ỦY BAN NHÂN DÂN TỈNH TÂY NINH"
    assert (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in rows[0][1]
        and rows[1][0] == "Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/QĐ-UBND"
    )
    assert (
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TÂY NINH" in text and "Căn cứ văn bản số 2579/QĐ-UBND ban hành" in text
    )
    assert (
        "QUYẾT ĐỊNH:" in text
        and "Điều 1. Công nhận" in text
        and "- Hoàn thành tốt: 02 cơ quan, đơn vị" in text
    )
    annex = rows[rows.index(["TT", "Cơ quan, đơn vị", "Điểm chính thức"]) :]
    assert annex[1:] == [
        ["I", "Hoàn thành xuất sắc (01 cơ quan, đơn vị)", ""],
        ["1", "Sở Khoa học và Công nghệ", "96"],
        ["II", "Hoàn thành tốt (02 cơ quan, đơn vị)", ""],
        ["2", "Sở Tài chính", "88"],
        ["3", "Sở Xây dựng", "88"],
    ]
    assert "chưa có kết quả đánh giá chính thức" not in text


def test_the_decision_says_how_many_agencies_are_pending(
    client, province, province_officer, set_in_use, finalised_year
):
    health = department(province, "Sở Y tế")
    assess(health, set_in_use, province_officer, status=S.ANSWERED, reviewed_total=Decimal("90"))
    client.force_login(province_officer)
    text, rows = reopened(
        client.get(reverse("evaluation:results_decision", args=[province.pk]), {"nam": 2025})
    )
    assert (
        "còn 1 cơ quan, đơn vị chưa có kết quả đánh giá chính thức, chưa có tên trong danh sách: Sở Y tế."
        in text
    )
    assert not any("Sở Y tế" in cell for row in rows for cell in row)


def test_the_decision_is_refused_when_nothing_is_final(
    client, province, agency, province_officer, set_in_use
):
    assess(agency, set_in_use, province_officer, status=S.SUBMITTED, self_total=Decimal("90"))
    client.force_login(province_officer)
    response = client.get(reverse("evaluation:results_decision", args=[province.pk]), {"nam": 2025})
    assert response.status_code == 302
    assert [str(message) for message in get_messages(response.wsgi_request)] == [
        "Chưa có cơ quan nào có kết quả chính thức của năm 2025."
    ]


# --- Commendation ------------------------------------------------------------------------


def test_an_agency_at_or_above_the_rules_band_may_be_proposed(agency, other_agency, finalised_year):
    assert selectors.may_be_proposed_for_commendation(agency, 2025)
    answer = selectors.may_be_proposed_for_commendation(other_agency, 2025)
    assert answer.allowed and "Hoàn thành tốt" in answer.reason


def test_an_agency_below_the_band_may_not_be_proposed(province, set_in_use, province_officer):
    lower = department(province, "Sở Y tế")
    assess(lower, set_in_use, province_officer, final=Decimal("80"), band=HT)
    answer = selectors.may_be_proposed_for_commendation(lower, 2025)
    assert not answer
    assert (
        answer.reason == "Xếp loại “Hoàn thành”, dưới mức “Hoàn thành tốt”: không được đề nghị khen thưởng."
    )


def test_an_agency_without_a_final_result_may_not_be_proposed(agency, set_in_use, province_officer):
    assess(agency, set_in_use, province_officer, status=S.ANSWERED, final=Decimal("99"), band=XS)
    assert not selectors.may_be_proposed_for_commendation(agency, 2025)
    assert not selectors.may_be_proposed_for_commendation(agency, 2024)
