"""The criteria set pages: importing a workbook (and refusing a bad one), the tree, export, copy."""

from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from danvan.core.models import Agency
from danvan.documents.models import LegalDocument
from danvan.evaluation import services
from danvan.evaluation.engine.sheets import read_criteria_sheet
from danvan.evaluation.models import CriteriaNode, CriteriaSet
from tests.evaluation.conftest import edited, import_can_tho
from tests.evaluation.engine.can_tho_2579 import CRITERIA

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def form_data(province, workbook: bytes, name: str = "bo-tieu-chi.xlsx") -> dict:
    return {
        "province": province.pk,
        "name": "Bộ tiêu chí dân vận chính quyền 2025",
        "document_number": "2579/QĐ-UBND",
        "document_date": "21/11/2025",
        "years": "2025, 2026",
        "agency_kinds": [Agency.Kind.DEPARTMENT, Agency.Kind.COMMUNE_COMMITTEE],
        "effective_from": "01/12/2025",
        "workbook": SimpleUploadedFile(name, workbook, content_type=XLSX),
    }


def stored_files(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def test_the_reviewer_imports_a_set(client, province, province_officer, can_tho_workbook):
    client.force_login(province_officer)
    response = client.post(reverse("evaluation:criteria_set_import"), form_data(province, can_tho_workbook))
    criteria_set = CriteriaSet.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("evaluation:criteria_set_detail", args=[criteria_set.pk])
    assert criteria_set.name == "Bộ tiêu chí dân vận chính quyền 2025"
    assert criteria_set.document_date == date(2025, 11, 21)
    assert criteria_set.effective_from == date(2025, 12, 1)
    assert criteria_set.years == [2025, 2026]
    assert criteria_set.agency_kinds == [Agency.Kind.DEPARTMENT, Agency.Kind.COMMUNE_COMMITTEE]
    assert criteria_set.created_by == province_officer
    assert criteria_set.nodes.count() == len(CRITERIA.nodes())


BAD_WORKBOOKS = [
    pytest.param(
        {("Tiêu chí", "D4"): 5},
        ["Trang tính “Tiêu chí”, dòng 3: Tiêu chí I: tổng điểm các tiêu chí con (11) khác điểm tối đa (10)."],
        id="points-do-not-add-up",
    ),
    pytest.param(
        {("Tiêu chí", "A4"): "2"},
        ["Trang tính “Tiêu chí”, dòng 5: Mã 2 bị trùng (đã có ở dòng 4)."],
        id="duplicate-code",
    ),
    pytest.param(
        {("Tiêu chí", "B5"): "IX"},
        ["Trang tính “Tiêu chí”, dòng 5: Tiêu chí 2: không có tiêu chí cha “IX”."],
        id="missing-parent",
    ),
    pytest.param(
        {("Xếp loại", "B3"): 200},
        [
            "Trang tính “Xếp loại”, dòng 3: Mức “Hoàn thành xuất sắc”: ngưỡng 200 điểm cao hơn số điểm tối đa có thể đạt (103)."
        ],
        id="band-above-the-maximum",
    ),
    pytest.param(
        {("Tiêu chí", "E4"): None},
        ["Trang tính “Tiêu chí”, dòng 4: Tiêu chí 1: chưa có cách chấm điểm."],
        id="leaf-without-a-method",
    ),
]


@pytest.mark.parametrize(("changes", "expected"), BAD_WORKBOOKS)
def test_a_bad_workbook_is_refused_with_every_error_and_nothing_written(
    client, settings, province, province_officer, can_tho_workbook, changes, expected
):
    client.force_login(province_officer)
    data = form_data(province, edited(can_tho_workbook, changes))
    response = client.post(reverse("evaluation:criteria_set_import"), data)
    page = response.content.decode()
    assert response.status_code == 422
    for message in expected:
        assert message in page
    assert "Tệp chưa được nhập vì còn các lỗi sau" in page
    # What the reviewer typed is kept.
    assert 'value="Bộ tiêu chí dân vận chính quyền 2025"' in page
    assert 'value="2579/QĐ-UBND"' in page
    assert 'value="21/11/2025"' in page
    assert 'value="2025, 2026"' in page
    assert not CriteriaSet.objects.exists()
    assert not CriteriaNode.objects.exists()
    assert stored_files(settings) == []


def test_a_file_that_is_not_a_workbook_is_refused(client, settings, province, province_officer):
    client.force_login(province_officer)
    data = form_data(province, b"%PDF-1.4 not a workbook", name="bo-tieu-chi.xlsx")
    response = client.post(reverse("evaluation:criteria_set_import"), data)
    assert response.status_code == 422
    assert "Tệp không phải là bảng tính Excel (.xlsx) hoặc bị hỏng" in response.content.decode()
    assert not CriteriaSet.objects.exists()
    assert stored_files(settings) == []


def test_missing_years_keep_the_form_and_write_nothing(client, province, province_officer, can_tho_workbook):
    client.force_login(province_officer)
    data = form_data(province, can_tho_workbook)
    data["years"] = "năm sau"
    response = client.post(reverse("evaluation:criteria_set_import"), data)
    assert response.status_code == 422
    assert "Năm áp dụng ghi bằng bốn chữ số" in response.content.decode()
    assert not CriteriaSet.objects.exists()


def test_the_page_shows_the_tree_with_points_and_methods(client, province_officer, draft_set):
    client.force_login(province_officer)
    page = client.get(reverse("evaluation:criteria_set_detail", args=[draft_set.pk])).content.decode()
    assert "Tỷ lệ cán bộ, công chức được quán triệt" in page
    assert "theo khoảng tỷ lệ: từ 95%: 15; từ 80%: 10; từ 50%: 5" in page
    assert "trừ điểm theo lần: 5" in page
    assert "theo từng lần: 0,5" in page
    assert "Hoàn thành xuất sắc: từ 95 điểm trở lên, không có tiêu chí nào bị 0 điểm" in page
    assert "Buộc xếp mức này khi: để xảy ra tham nhũng; mất đoàn kết nội bộ nghiêm trọng" in page
    assert "Tối đa xếp mức này khi: người đứng đầu bị kỷ luật khiển trách" in page
    assert "Chỉ cơ quan xếp từ mức “Hoàn thành tốt” trở lên mới được đề nghị khen thưởng." in page
    assert "Đưa vào áp dụng" in page


def test_an_agency_reads_the_set_in_use_but_changes_nothing(client, agency_head, set_in_use):
    client.force_login(agency_head)
    page = client.get(reverse("evaluation:criteria_set_detail", args=[set_in_use.pk])).content.decode()
    assert "Tỷ lệ cán bộ, công chức được quán triệt" in page
    assert "Tạo phiên bản mới từ tệp" not in page
    url = reverse("evaluation:criteria_set_new_version", args=[set_in_use.pk])
    response = client.post(url, {"workbook": SimpleUploadedFile("a.xlsx", b"", content_type=XLSX)})
    assert response.status_code == 403


def test_the_export_reads_back_as_the_same_set(client, province_officer, draft_set):
    client.force_login(province_officer)
    response = client.get(reverse("evaluation:criteria_set_export", args=[draft_set.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    assert "attachment" in response["Content-Disposition"]
    criteria, _rules = read_criteria_sheet(response.content)
    assert [node.key for node in criteria.nodes()] == [node.key for node in CRITERIA.nodes()]
    assert criteria.base_max == D(100)


def test_the_template_is_a_workbook_the_import_knows(client, unit_officer):
    client.force_login(unit_officer)
    response = client.get(reverse("evaluation:criteria_template"))
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    assert response.content[:2] == b"PK"


def test_a_new_version_of_a_set_in_use(client, province_officer, set_in_use, can_tho_workbook):
    client.force_login(province_officer)
    changed = edited(can_tho_workbook, {("Tiêu chí", "C4"): "Kế hoạch năm (sửa đổi)"})
    url = reverse("evaluation:criteria_set_new_version", args=[set_in_use.pk])
    response = client.post(url, {"workbook": SimpleUploadedFile("v2.xlsx", changed, content_type=XLSX)})
    version = CriteriaSet.objects.exclude(pk=set_in_use.pk).get()
    assert response.status_code == 302
    assert version.version == 2
    assert version.replaces == set_in_use
    assert set_in_use.nodes.get(key="I/1").name != "Kế hoạch năm (sửa đổi)"


def test_a_bad_new_version_shows_the_errors_and_changes_nothing(
    client, province_officer, set_in_use, can_tho_workbook
):
    client.force_login(province_officer)
    bad = edited(can_tho_workbook, {("Tiêu chí", "D4"): 5})
    url = reverse("evaluation:criteria_set_new_version", args=[set_in_use.pk])
    response = client.post(url, {"workbook": SimpleUploadedFile("v2.xlsx", bad, content_type=XLSX)})
    assert response.status_code == 422
    assert "tổng điểm các tiêu chí con (11) khác điểm tối đa (10)" in response.content.decode()
    assert CriteriaSet.objects.count() == 1


def test_copying_for_next_year(client, province_officer, set_in_use):
    client.force_login(province_officer)
    response = client.post(reverse("evaluation:criteria_set_copy", args=[set_in_use.pk]), {"years": "2026"})
    copy = CriteriaSet.objects.exclude(pk=set_in_use.pk).get()
    assert response.status_code == 302
    assert copy.years == [2026]
    assert copy.status == CriteriaSet.Status.DRAFT
    assert copy.nodes.count() == set_in_use.nodes.count()


def test_the_menu_opens_the_criteria_sets(client, province_officer, draft_set):
    client.force_login(province_officer)
    page = client.get(reverse("evaluation:criteria_set_list")).content.decode()
    assert f'href="{reverse("evaluation:criteria_set_list")}"' in page
    assert "QĐ 2579/QĐ-UBND Cần Thơ" in page
    assert "Phần này đang được xây dựng" not in page


def queries_of(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_list_reads_the_same_number_of_queries_for_more_sets(
    client, province, province_officer, agency_head, can_tho_workbook, set_in_use
):
    url = reverse("evaluation:criteria_set_list")
    for person in (province_officer, agency_head):
        client.force_login(person)
        one = queries_of(client, url)
        for year in (2026, 2027, 2028):
            copy = services.copy_criteria_set(criteria_set=set_in_use, years=[year], by=province_officer)
            services.put_in_use(criteria_set=copy, by=province_officer)
        assert queries_of(client, url) == one


def test_the_page_reads_the_same_number_of_queries_for_a_bigger_tree(
    client, province, province_officer, can_tho_workbook, draft_set
):
    client.force_login(province_officer)
    small = queries_of(client, reverse("evaluation:criteria_set_detail", args=[draft_set.pk]))
    bigger = edited(
        can_tho_workbook,
        {
            ("Tiêu chí", "A17"): "3",
            ("Tiêu chí", "B17"): "III",
            ("Tiêu chí", "C17"): "Sáng kiến được công nhận",
            ("Tiêu chí", "D17"): 1,
            ("Tiêu chí", "E17"): "theo từng lần",
            ("Tiêu chí", "F17"): "1",
        },
    )
    bigger_set = import_can_tho(province, province_officer, bigger)
    assert bigger_set.nodes.count() == draft_set.nodes.count() + 1
    assert queries_of(client, reverse("evaluation:criteria_set_detail", args=[bigger_set.pk])) == small


def test_the_page_links_the_issuing_document_in_the_library(client, province_officer, draft_set):
    document = LegalDocument.objects.create(
        doc_type="Quyết định", number="2579/QĐ-UBND", date=date(2025, 11, 21), issuer="UBND thành phố Cần Thơ"
    )
    draft_set.legal_document = document
    draft_set.save(update_fields=["legal_document"])
    client.force_login(province_officer)
    page = client.get(reverse("evaluation:criteria_set_detail", args=[draft_set.pk])).content.decode()
    assert f'href="{reverse("documents:document_detail", args=[document.pk])}"' in page
