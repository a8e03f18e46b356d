"""The Excel list of organisation changes: every row is read and checked
against the province's agencies and units before anything is written, each
error with its row and column; a clean list becomes drafts, all or none."""

import io
import zipfile
from datetime import date, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from danvan.core import organisation
from danvan.core.changesheet import (
    COLUMNS,
    SHEET_TITLE,
    ChangeListRefused,
    SheetUnreadable,
    import_change_list,
    read_change_list,
    template_workbook,
)
from danvan.core.models import ChangeParty, OrganisationChange
from danvan.core.organisation import NewParty
from danvan.core.services import DomainError
from tests.factories import ProvinceFactory

K = OrganisationChange.Kind
L = OrganisationChange.Level
DECISION = "Quyết định số 1234/QĐ-UBND ngày 30/6/2025 của UBND tỉnh"
# Sở Khoa học và Công nghệ (SKHCN) merges into Sở Tài chính (STC).
MERGER = [1, "Sáp nhập", "Cơ quan", "so khoa hoc va cong nghe", "STC", "01/07/2025", DECISION, ""]


def sheet_bytes(*rows, columns=COLUMNS, above=()) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_TITLE
    for line in above:
        sheet.append(line)
    sheet.append(columns)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def organisation_units(office_unit, lead_unit, sibling_unit, other_unit):
    # Both agencies have a «VP»: a unit code alone is ambiguous.
    return {"VP": office_unit, "CCTDC": lead_unit, "TTKHCN": sibling_unit, "STC/VP": other_unit}


@pytest.fixture
def admin_client(client, system_admin):
    client.force_login(system_admin)
    return client


def test_a_good_list_reads_each_row_with_its_parties(province, agency, other_agency, organisation_units):
    data = sheet_bytes(
        [*MERGER[:5], datetime(2025, 7, 1), *MERGER[6:]],  # an Excel date cell
        [
            2,
            "Chia tách",
            "Đơn vị",
            "SKHCN/CCTDC",
            "Chi cục Tiêu chuẩn [CCTC]; Chi cục Đo lường [CCDL]",
            "01/08/2025",
            DECISION,
            "Theo Đề án",
        ],
        [
            3,
            "Đổi tên",
            "Đơn vị",
            "Sở Tài chính/Văn phòng Sở Tài chính",
            "Văn phòng Sở Tài chính - Kế hoạch",
            "1/8/2025",
            DECISION,
            "",
        ],
        [
            4,
            "Chuyển trực thuộc",
            "Đơn vị",
            "Trung tâm khoa học và công nghệ",
            "Sở Tài chính",
            "01/08/2025",
            DECISION,
            "",
        ],
    )
    sheet = read_change_list(data, province=province)
    assert sheet.errors == []
    merger, split, rename, move = sheet.changes
    assert (merger.kind, merger.level, merger.before, merger.after) == (
        K.MERGE,
        L.AGENCY,
        [agency],
        [other_agency],
    )
    assert merger.effective_on == date(2025, 7, 1) and merger.decision == DECISION
    assert split.before == [organisation_units["CCTDC"]] and split.note == "Theo Đề án"
    assert split.after == [
        NewParty(name="Chi cục Tiêu chuẩn", code="CCTC"),
        NewParty(name="Chi cục Đo lường", code="CCDL"),
    ]
    assert rename.before == [organisation_units["STC/VP"]] and rename.effective_on == date(2025, 8, 1)
    assert rename.after == [NewParty(name="Văn phòng Sở Tài chính - Kế hoạch")]
    assert (move.kind, move.before, move.after) == (K.MOVE, [organisation_units["TTKHCN"]], [other_agency])


def test_the_header_may_stand_under_the_form_title(province, agency, other_agency):
    data = sheet_bytes(MERGER, above=[["DANH SÁCH THAY ĐỔI TỔ CHỨC"], []])
    sheet = read_change_list(data, province=province)
    assert sheet.errors == [] and sheet.changes[0].row == 4  # Excel's own row number


@pytest.mark.parametrize(
    ("changed", "message"),
    [
        ({5: "31/02/2025"}, "Dòng 2, cột «Ngày hiệu lực»: «31/02/2025» không phải ngày dạng dd/mm/yyyy."),
        ({5: ""}, "Dòng 2, cột «Ngày hiệu lực»: Ô này để trống."),
        (
            {1: "Giải thể"},
            "Dòng 2, cột «Loại thay đổi»: «Giải thể» không có trong danh mục "
            "(Sáp nhập, Hợp nhất, Chia tách, Đổi tên, Chuyển trực thuộc).",
        ),
        (
            {3: "Sở Giao thông"},
            "Dòng 2, cột «Bên trước thay đổi»: Không tìm thấy cơ quan «Sở Giao thông» trong tỉnh.",
        ),
        (
            {4: "Sở Tài chính - Khoa học"},
            "Dòng 2, cột «Bên sau thay đổi»: Không tìm thấy cơ quan «Sở Tài chính - Khoa học» trong tỉnh. "
            "Bên mới ghi «Tên mới [MÃ]».",
        ),
        (
            {1: "Chia tách"},
            "Dòng 2, cột «Bên sau thay đổi»: Chia tách: một bên được chia thành hai bên trở lên.",
        ),
        (
            {4: "Sở Tài chính - Khoa học []"},
            "Dòng 2, cột «Bên sau thay đổi»: Ghi mã (chữ viết tắt trong ký hiệu văn bản) của Sở Tài chính - Khoa học.",
        ),
        (
            {1: "Chuyển trực thuộc", 2: "Tỉnh"},
            "Dòng 2, cột «Cấp»: Loại thay đổi này không áp dụng cho cấp đã chọn.",
        ),
        ({6: ""}, "Dòng 2, cột «Văn bản quyết định»: Ghi số, ngày của văn bản quyết định thay đổi."),
        (
            {1: "Đổi tên", 4: "Sở tài chính"},
            "Dòng 2, cột «Bên sau thay đổi»: Tên «Sở tài chính» đã có; hãy chọn tên khác.",
        ),
        (
            {2: "Đơn vị", 3: "VP", 4: "CCTDC"},
            "Dòng 2, cột «Bên trước thay đổi»: «VP» ứng với nhiều đơn vị (SKHCN/VP; STC/VP); "
            "hãy ghi «Mã cơ quan/Mã đơn vị».",
        ),
    ],
)
def test_each_wrong_cell_is_named_by_row_and_column(
    province, agency, other_agency, organisation_units, changed, message
):
    row = [changed.get(position, value) for position, value in enumerate(MERGER)]
    sheet = read_change_list(sheet_bytes(row), province=province)
    assert [str(error) for error in sheet.errors] == [message]


def test_what_an_earlier_row_merges_is_gone_for_a_later_row(province, agency, other_agency):
    rename = [
        2,
        "Đổi tên",
        "Cơ quan",
        "SKHCN",
        "Sở Khoa học, Công nghệ và Đổi mới [SKHCNĐM]",
        "01/08/2025",
        DECISION,
    ]
    sheet = read_change_list(sheet_bytes(MERGER, rename), province=province)
    assert [str(error) for error in sheet.errors] == [
        "Dòng 3, cột «Bên trước thay đổi»: Sở Khoa học và Công nghệ đã thôi hoạt động theo dòng 2."
    ]


def test_a_new_code_an_earlier_row_gives_is_not_free_for_a_later_row(province, agency, other_agency):
    # Sở Khoa học merges into a new agency coded STCKH; Sở Tài chính cannot take that code.
    first = [*MERGER[:4], "Sở Tài chính và Khoa học [STCKH]", *MERGER[5:]]
    second = [2, "Đổi tên", "Cơ quan", "STC", "Sở Tài chính - Khoa học [STCKH]", "01/08/2025", DECISION]
    sheet = read_change_list(sheet_bytes(first, second), province=province)
    assert [str(error) for error in sheet.errors] == [
        "Dòng 3, cột «Bên sau thay đổi»: «STCKH» đã được dòng 2 dùng cho bên mới."
    ]


def test_a_province_is_named_with_or_without_its_title(province, system_admin):
    neighbour = ProvinceFactory(name="Long An", code="LAN")
    rows = [
        [1, "Hợp nhất", "Tỉnh", "Tỉnh Long An", "tay ninh", "01/07/2025", DECISION],
        [2, "Đổi tên", "Tỉnh", "TNI", "Tây Ninh mới", "01/08/2025", DECISION],
    ]
    merger, rename = read_change_list(sheet_bytes(*rows), province=province).changes
    assert (merger.level, merger.before, merger.after) == (L.PROVINCE, [neighbour], [province])
    assert (rename.before, rename.after) == ([province], [NewParty(name="Tây Ninh mới")])


def test_a_missing_column_is_named(province):
    columns = [column for column in COLUMNS if column != "Ngày hiệu lực"]
    sheet = read_change_list(sheet_bytes(columns=columns), province=province)
    assert [str(error) for error in sheet.errors] == [
        "Dòng 1, cột «Ngày hiệu lực»: Thiếu cột này trong dòng tiêu đề."
    ]


def broken_workbook() -> bytes:
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as broken:  # a zip archive, but no workbook inside
        broken.writestr("xl/workbook.xml", "<not-a-workbook")
    return archive.getvalue()


def test_a_broken_file_is_unreadable(province):
    with pytest.raises(SheetUnreadable, match="bị hỏng"):
        read_change_list(broken_workbook(), province=province)


def test_import_change_list_writes_every_row_as_a_draft(
    province, agency, other_agency, organisation_units, system_admin
):
    split = [
        2,
        "Chia tách",
        "Đơn vị",
        "SKHCN/CCTDC",
        "Chi cục Tiêu chuẩn [CCTC]; Chi cục Đo lường [CCDL]",
        "01/08/2025",
        DECISION,
    ]
    drafts = import_change_list(data=sheet_bytes(MERGER, split), province=province, by=system_admin)
    assert [(change.kind, change.level, change.status) for change in drafts] == [
        (K.MERGE, L.AGENCY, OrganisationChange.Status.DRAFT),
        (K.SPLIT, L.UNIT, OrganisationChange.Status.DRAFT),
    ]
    assert [(party.side, party.agency) for party in drafts[0].parties.all()] == [
        (ChangeParty.Side.AFTER, other_agency),
        (ChangeParty.Side.BEFORE, agency),
    ]
    assert [party.code for party in drafts[1].parties.filter(side=ChangeParty.Side.AFTER)] == ["CCTC", "CCDL"]
    # A draft from the list previews like one typed on screen.
    assert organisation.preview_change(drafts[0], today=date(2026, 12, 3)).can_apply


def test_import_change_list_writes_nothing_when_one_row_is_wrong(
    province, agency, other_agency, system_admin
):
    wrong = [2, "Sáp nhập", "Cơ quan", "Sở Giao thông", "STC", "01/07/2025", DECISION]
    with pytest.raises(ChangeListRefused) as refused:
        import_change_list(data=sheet_bytes(MERGER, wrong), province=province, by=system_admin)
    assert refused.value.errors == [
        "Dòng 3, cột «Bên trước thay đổi»: Không tìm thấy cơ quan «Sở Giao thông» trong tỉnh."
    ]
    assert not OrganisationChange.objects.exists()


def test_import_change_list_refuses_a_list_without_rows(province, system_admin):
    with pytest.raises(DomainError, match="không có dòng thay đổi nào"):
        import_change_list(data=template_workbook(), province=province, by=system_admin)


def test_the_template_reads_back_as_no_change_and_no_error(admin_client, province):
    response = admin_client.get(reverse("core:change_template"))
    assert response.status_code == 200
    sheet = read_change_list(response.content, province=province)
    assert sheet.changes == [] and sheet.errors == []


def test_the_page_shows_the_form_and_the_template(admin_client, province):
    response = admin_client.get(reverse("core:change_import"))
    html = response.content.decode()
    assert response.status_code == 200
    assert reverse("core:change_template") in html and 'name="file"' in html


def upload(client, data, province, name="thay-doi.xlsx"):
    file = SimpleUploadedFile(name, data)
    return client.post(reverse("core:change_import"), {"province": province.pk, "file": file})


def test_a_wrong_list_is_shown_with_its_errors_and_writes_nothing(
    admin_client, province, agency, other_agency
):
    wrong = [*MERGER[:5], "31/02/2025", *MERGER[6:]]
    response = upload(admin_client, sheet_bytes(MERGER, wrong), province)
    assert response.status_code == 422
    assert (
        "Dòng 3, cột «Ngày hiệu lực»: «31/02/2025» không phải ngày dạng dd/mm/yyyy."
        in response.content.decode()
    )
    assert not OrganisationChange.objects.exists()


def test_a_file_that_is_not_excel_is_refused(admin_client, province):
    response = upload(admin_client, b"STT;Loai thay doi\n", province, name="thay-doi.csv")
    assert response.status_code == 422
    assert "không phải là bảng tính Excel" in response.content.decode()
    assert not OrganisationChange.objects.exists()


def test_a_broken_workbook_is_refused_with_the_reason(admin_client, province):
    response = upload(admin_client, broken_workbook(), province)
    assert response.status_code == 422
    assert "tệp bị hỏng hoặc không đúng định dạng .xlsx" in response.content.decode()
    assert not OrganisationChange.objects.exists()


def test_a_file_over_five_megabytes_is_refused(admin_client, province):
    response = upload(admin_client, b"PK\x03\x04" + b"\0" * (5 * 1024 * 1024), province)
    assert response.status_code == 422
    assert "Tệp quá lớn: tối đa 5 MB." in response.content.decode()


def test_a_good_list_becomes_drafts_and_leads_to_the_change_list(
    admin_client, province, agency, other_agency
):
    response = upload(admin_client, sheet_bytes(MERGER), province)
    assert response.status_code == 302 and response["Location"] == "/to-chuc/thay-doi/"
    assert OrganisationChange.objects.get().status == OrganisationChange.Status.DRAFT


@pytest.mark.parametrize("name", ["core:change_import", "core:change_template"])
def test_only_the_system_administrator_imports_changes(client, province_officer, name):
    client.force_login(province_officer)
    assert client.get(reverse(name)).status_code == 403


def test_an_upload_by_another_official_is_refused_and_writes_nothing(
    client, office_officer, province, agency, other_agency
):
    client.force_login(office_officer)
    assert upload(client, sheet_bytes(MERGER), province).status_code == 403
    assert not OrganisationChange.objects.exists()
