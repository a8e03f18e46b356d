"""The assessment pages as each role uses them, and the Word report and Excel sheet they download."""

from datetime import date
from decimal import Decimal as D
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from danvan.core.models import Role
from danvan.evaluation import services
from danvan.evaluation.engine import model as engine
from danvan.evaluation.models import Assessment, Evidence, Reviewer
from danvan.plans.models import Plan
from tests.evaluation.test_assessments import FULL, leaf, score_all
from tests.factories import ProvinceFactory, UserFactory, person_with_role
from tests.matrix import ROLES


@pytest.fixture
def assessment(set_in_use, agency, office_officer):
    return services.open_assessment(agency=agency, year=2025, by=office_officer)


def page(client, assessment) -> str:
    return client.get(reverse("evaluation:assessment_detail", args=[assessment.pk])).content.decode()


def test_the_office_opens_its_year_from_the_list(client, set_in_use, office_officer, agency):
    client.force_login(office_officer)
    listing = client.get(reverse("evaluation:assessment_list")).content.decode()
    assert "Mở bản tự đánh giá" in listing
    response = client.post(reverse("evaluation:assessment_open"), {"agency": agency.pk, "year": 2025})
    opened = Assessment.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{opened.pk}/")
    again = client.post(reverse("evaluation:assessment_open"), {"agency": agency.pk, "year": 2025})
    assert again.status_code == 422
    assert "đã có bản tự đánh giá năm 2025" in again.content.decode()
    assert Assessment.objects.count() == 1


def test_a_forged_agency_cannot_be_opened(client, set_in_use, office_officer, other_agency):
    client.force_login(office_officer)
    response = client.post(reverse("evaluation:assessment_open"), {"agency": other_agency.pk, "year": 2025})
    assert response.status_code == 422
    assert not Assessment.objects.exists()


def test_scoring_a_leaf_on_the_page_and_a_refused_score_keeps_what_was_typed(
    client, assessment, office_officer
):
    client.force_login(office_officer)
    ratio = leaf(assessment, "II/3")
    url = reverse("evaluation:leaf_score", args=[assessment.pk, ratio.pk])
    prefix = f"leaf{ratio.pk}-"
    refused = client.post(
        url,
        {
            prefix + "numerator": "120",
            prefix + "denominator": "100",
            prefix + "explanation": "Theo sổ theo dõi một cửa",
        },
    )
    assert refused.status_code == 422
    body = refused.content.decode()
    assert "Tử số không được lớn hơn mẫu số" in body
    assert "Theo sổ theo dõi một cửa" in body and 'value="120"' in body
    ratio.refresh_from_db()
    assert ratio.entered is None
    accepted = client.post(
        url,
        {
            prefix + "numerator": "90",
            prefix + "denominator": "100",
            prefix + "explanation": "90/100 hồ sơ đúng hạn",
        },
    )
    assert accepted.status_code == 302
    ratio.refresh_from_db()
    assert ratio.points == D(24)
    assert "24/30 điểm" in page(client, assessment) or "24/90 điểm" in page(client, assessment)


def test_evidence_from_an_existing_plan_and_an_upload(
    client, assessment, office_officer, other_agency_officer, province_officer
):
    plan = Plan.objects.create(
        agency=assessment.agency, title="Kế hoạch dân vận 2025", period_year=2025, created_by=office_officer
    )
    client.force_login(office_officer)
    target = leaf(assessment, "I/1")
    assert f'value="plan:{plan.pk}"' in page(client, assessment)
    linked = client.post(
        reverse("evaluation:evidence_link", args=[assessment.pk, target.pk]), {"target": f"plan:{plan.pk}"}
    )
    assert linked.status_code == 302
    forged = client.post(
        reverse("evaluation:evidence_link", args=[assessment.pk, target.pk]), {"target": "plan:999999"}
    )
    assert forged.status_code == 422
    upload = SimpleUploadedFile("Biên bản hội nghị.txt", b"Bien ban", content_type="text/plain")
    uploaded = client.post(
        reverse("evaluation:evidence_upload", args=[assessment.pk, target.pk]),
        {"title": "Biên bản", "file": upload},
    )
    assert uploaded.status_code == 302
    assert Evidence.objects.count() == 2
    stored = Evidence.objects.get(link_kind="")
    download = reverse("evaluation:evidence_file", args=[stored.pk])
    assert download in page(client, assessment)
    client.force_login(province_officer)
    assert b"".join(client.get(download).streaming_content) == b"Bien ban"
    client.force_login(other_agency_officer)
    assert client.get(download).status_code == 404


def test_the_whole_round_on_the_pages(client, assessment, office_officer, agency_head, province_officer):
    score_all(assessment, office_officer)
    client.force_login(office_officer)
    assert client.post(reverse("evaluation:assessment_submit", args=[assessment.pk])).status_code == 403
    client.force_login(agency_head)
    assert "Duyệt và gửi Sở Nội vụ" in page(client, assessment)
    client.post(reverse("evaluation:assessment_submit", args=[assessment.pk]))
    assessment.refresh_from_db()
    assert assessment.status == "submitted"

    client.force_login(province_officer)
    ratio = leaf(assessment, "II/3")
    prefix = f"leaf{ratio.pk}-"
    url = reverse("evaluation:leaf_review", args=[assessment.pk, ratio.pk])
    no_reason = client.post(url, {prefix + "numerator": "90", prefix + "denominator": "100"})
    assert (
        no_reason.status_code == 422 and "Hãy ghi lý do thay đổi điểm tự chấm" in no_reason.content.decode()
    )
    client.post(
        url,
        {prefix + "numerator": "90", prefix + "denominator": "100", prefix + "reason": "10 hồ sơ trễ hạn"},
    )
    client.post(reverse("evaluation:review_send", args=[assessment.pk]))
    assessment.refresh_from_db()
    assert (assessment.status, assessment.reviewed_total) == ("reviewed", D(94))

    client.force_login(agency_head)
    body = page(client, assessment)
    assert "10 hồ sơ trễ hạn" in body and "Gửi ý kiến phản hồi" in body
    assert (
        client.post(reverse("evaluation:review_answer", args=[assessment.pk]), {"answer": ""}).status_code
        == 422
    )
    client.post(reverse("evaluation:review_answer", args=[assessment.pk]), {"answer": "Đồng ý với kết quả"})

    client.force_login(province_officer)
    client.post(reverse("evaluation:assessment_finalise", args=[assessment.pk]), {"events": []})
    assessment.refresh_from_db()
    assert (assessment.status, assessment.final_total, assessment.final_band) == (
        "final",
        D(94),
        "Hoàn thành tốt",
    )
    assert "Hoàn thành tốt" in page(client, assessment)


def test_a_council_member_sees_only_what_they_review(
    client, assessment, province, office_officer, agency_head, other_agency
):
    member = UserFactory(agency=other_agency, full_name="Trần Thị Hội Đồng")
    score_all(assessment, office_officer)
    services.submit_assessment(assessment=assessment, by=agency_head)
    other = services.open_assessment(
        agency=other_agency, year=2025, by=person_with_role(Role.AGENCY_OFFICE, agency=other_agency)
    )
    Reviewer.objects.create(assessment=assessment, person=member, position="Ủy viên")
    client.force_login(member)
    assert client.get(reverse("evaluation:assessment_detail", args=[assessment.pk])).status_code == 200
    assert client.get(reverse("evaluation:assessment_detail", args=[other.pk])).status_code == 404
    listing = client.get(reverse("evaluation:assessment_list")).content.decode()
    assert assessment.agency.name in listing and other_agency.name not in listing
    ratio = leaf(assessment, "II/3")
    prefix = f"leaf{ratio.pk}-"
    client.post(
        reverse("evaluation:leaf_review", args=[assessment.pk, ratio.pk]),
        {prefix + "numerator": "80", prefix + "denominator": "100", prefix + "reason": "Thiếu sổ theo dõi"},
    )
    ratio.refresh_from_db()
    assert (ratio.reviewed_points, ratio.reviewed_by) == (D(18), member)
    # Sending the review to the agency stays with Sở Nội vụ.
    assert client.post(reverse("evaluation:review_send", args=[assessment.pk])).status_code == 403


def test_the_word_report_and_the_score_sheet_reopen(client, assessment, office_officer, agency_head):
    score_all(assessment, office_officer, {**FULL, "II/2": engine.StepChoice(D(20), "Chưa đối thoại quý IV")})
    services.submit_assessment(assessment=assessment, by=agency_head, today=date(2025, 12, 12))
    client.force_login(agency_head)
    response = client.get(reverse("evaluation:assessment_docx", args=[assessment.pk]))
    assert response.status_code == 200
    document = Document(BytesIO(response.content))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    cells = "\n".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)
    assert "BÁO CÁO" in text
    assert "Tự đánh giá, chấm điểm kết quả thực hiện công tác dân vận chính quyền năm 2025" in text
    assert "Tổng điểm tự chấm: 90/100 điểm." in text and "Tự xếp loại: Hoàn thành tốt." in text
    assert "SỞ KHOA HỌC VÀ CÔNG NGHỆ" in cells and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in cells
    assert "Chưa đối thoại quý IV" in cells and "Số:" in cells and "Nơi nhận:" in cells
    assert agency_head.full_name in cells

    sheet = load_workbook(
        BytesIO(client.get(reverse("evaluation:assessment_xlsx", args=[assessment.pk])).content)
    ).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[3][:4] == ["Mã", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm"]
    by_code = {(row[0], row[2]): row for row in rows[4:] if row[0]}
    assert by_code[("2", "30")][3] == "20"
    assert ["Tổng điểm", None, "100", "90"] == rows[-2][:4]


ASSESSMENT_VIEWS = [
    # tests.matrix.ROLES order: system_admin, province_officer, agency_head, office_officer, unit_head,
    # unit_officer, inspector, people_inspector, other_agency_officer.
    ("evaluation:assessment_detail", [200, 200, 200, 200, 404, 404, 200, 404, 404]),
    ("evaluation:assessment_docx", [200, 200, 200, 200, 404, 404, 200, 404, 404]),
    ("evaluation:assessment_xlsx", [200, 200, 200, 200, 404, 404, 200, 404, 404]),
]


@pytest.mark.parametrize(
    ("view", "role", "status"),
    [
        (view, role, status)
        for view, statuses in ASSESSMENT_VIEWS
        for role, status in zip(ROLES, statuses, strict=True)
    ],
)
def test_who_reads_an_assessment(client, request, assessment, view, role, status):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse(view, args=[assessment.pk])).status_code == status


# Scoring a draft: the agency's leader and office; others who see it get 403, the rest 404.
SCORE = [403, 403, 302, 302, 404, 404, 403, 404, 404]


@pytest.mark.parametrize(("role", "status"), list(zip(ROLES, SCORE, strict=True)))
def test_who_scores_a_leaf(client, request, assessment, role, status):
    client.force_login(request.getfixturevalue(role))
    done = leaf(assessment, "I/1")
    response = client.post(
        reverse("evaluation:leaf_score", args=[assessment.pk, done.pk]), {f"leaf{done.pk}-done": "yes"}
    )
    assert response.status_code == status
    done.refresh_from_db()
    assert (done.points == D(4)) is (status == 302)


def test_a_reviewer_of_another_province_reads_no_assessment(client, assessment):
    elsewhere = person_with_role(Role.PROVINCE_REVIEWER, province=ProvinceFactory(name="Cần Thơ", code="CTO"))
    client.force_login(elsewhere)
    assert client.get(reverse("evaluation:assessment_detail", args=[assessment.pk])).status_code == 404
    assert client.get(reverse("evaluation:assessment_docx", args=[assessment.pk])).status_code == 404


def test_the_agency_reads_the_reviewers_scores_only_once_the_review_is_sent(
    client, assessment, office_officer, agency_head, province_officer
):
    score_all(assessment, office_officer)
    services.submit_assessment(assessment=assessment, by=agency_head)
    ratio = leaf(assessment, "II/3")
    services.review_leaf(
        leaf=ratio,
        entered=engine.Ratio(D(70), D(100)),
        reason="Sổ một cửa ghi 30 hồ sơ trễ",
        by=province_officer,
    )
    client.force_login(agency_head)
    assert "Sổ một cửa ghi 30 hồ sơ trễ" not in page(client, assessment)
    sheet = load_workbook(
        BytesIO(client.get(reverse("evaluation:assessment_xlsx", args=[assessment.pk])).content)
    ).active
    assert "12" not in [row[6].value for row in sheet.iter_rows(min_row=5)]
    services.send_review(assessment=assessment, by=province_officer)
    assert "Sổ một cửa ghi 30 hồ sơ trễ" in page(client, assessment)
