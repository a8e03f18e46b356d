"""The import pages: a file read, its columns confirmed, the period stored;
a broken, foreign or oversized file refused with a message and nothing
stored; the same period again only after the office confirms."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danvan.onestop.models import LateDossier, OnestopSetting, StatisticsPeriod
from tests.hostile_files import ELF, zip_bomb
from tests.onestop.conftest import FIGURES, late_xlsx, statistics_csv, statistics_xlsx


def _upload(client, agency, data, name="thong-ke.xlsx", **fields):
    values = {"kind": "statistics", "starts_on": "01/01/2026", "ends_on": "31/03/2026", **fields}
    values["file"] = SimpleUploadedFile(name, data)
    return client.post(reverse("onestop:import_start", args=[agency.pk]), values)


def _mapping_form(response) -> dict:
    form = response.context["form"]
    return {name: field.initial for name, field in form.fields.items() if name.startswith("col_")}


def test_the_office_imports_a_sheet_after_confirming_its_columns(client, agency, office_officer):
    client.force_login(office_officer)
    response = _upload(client, agency, statistics_xlsx())
    assert response.status_code == 302
    page = client.get(response.url)
    assert "Tên thủ tục" in page.content.decode() and not StatisticsPeriod.objects.exists()
    response = client.post(page.request["PATH_INFO"], _mapping_form(page))
    period = StatisticsPeriod.objects.get()
    assert response.status_code == 302 and response.url == reverse("onestop:period", args=[period.pk])
    assert "84,62%" in client.get(response.url).content.decode()
    assert OnestopSetting.objects.get(agency=agency).column_mapping["statistics"]["late"] == "qua han"


def test_the_late_dossiers_sheet_is_imported_the_same_way(client, agency, office_officer):
    client.force_login(office_officer)
    response = _upload(
        client, agency, late_xlsx(), name="tre-han.xlsx", kind="late", starts_on="", ends_on=""
    )
    page = client.get(response.url)
    response = client.post(page.request["PATH_INFO"], _mapping_form(page))
    assert response.status_code == 302 and LateDossier.objects.count() == 2


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"PK\x03\x04 not really a workbook", "hong.xlsx", "bị hỏng hoặc không đúng định dạng"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "bao-cao.pdf", "không phải là bảng tính Excel (.xlsx) hay CSV"),
        (ELF, "thong-ke.xlsx", "không phải là bảng tính Excel (.xlsx) hay CSV"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "cu.xls", "Excel 97–2003 (.xls)"),
        (zip_bomb(300), "bom.xlsx", "giải nén ra quá lớn"),
        (b"Ghi chu;Noi dung\nmot;hai\n", "khac.csv", "không tìm thấy dòng tiêu đề cột"),
    ],
)
def test_a_bad_file_is_refused_and_nothing_stored(client, agency, office_officer, data, name, message):
    client.force_login(office_officer)
    response = _upload(client, agency, data, name=name)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert "onestop_import" not in client.session and not StatisticsPeriod.objects.exists()


def test_a_50_mb_file_is_refused(client, agency, office_officer):
    client.force_login(office_officer)
    big = statistics_csv() + b"\n" * (50 * 1024 * 1024)
    response = _upload(client, agency, big, name="lon.csv")
    assert response.status_code == 422
    assert "Tệp quá lớn: tối đa 10 MB." in response.content.decode()
    assert not StatisticsPeriod.objects.exists()


def test_the_period_is_required_for_figures_and_typed_dd_mm_yyyy(client, agency, office_officer):
    client.force_login(office_officer)
    response = _upload(client, agency, statistics_xlsx(), starts_on="2026-13-01", ends_on="")
    page = response.content.decode()
    assert response.status_code == 422
    assert "Hãy ghi ngày kết thúc kỳ số liệu (dd/mm/yyyy)." in page
    response = _upload(client, agency, statistics_xlsx(), starts_on="31/03/2026", ends_on="01/01/2026")
    assert "Ngày kết thúc kỳ phải sau hoặc bằng ngày bắt đầu." in response.content.decode()


def test_a_negative_count_shows_its_row_and_stores_nothing(client, agency, office_officer):
    client.force_login(office_officer)
    figures = [(*FIGURES[0][:5], -1, *FIGURES[0][6:])]
    page = client.get(_upload(client, agency, statistics_xlsx(figures)).url)
    response = client.post(page.request["PATH_INFO"], _mapping_form(page))
    assert response.status_code == 422
    assert "Trang tính «Thống kê», dòng 7: cột «Quá hạn» có giá trị «-1»" in response.content.decode()
    assert not StatisticsPeriod.objects.exists()


def test_reimporting_a_period_replaces_it_only_when_confirmed(client, agency, office_officer):
    client.force_login(office_officer)
    for replace in (None, None, "on"):
        page = client.get(
            _upload(client, agency, statistics_csv(FIGURES[:2] if replace else FIGURES), name="a.csv").url
        )
        data = _mapping_form(page)
        if replace:
            data["replace"] = replace
        response = client.post(page.request["PATH_INFO"], data)
    assert response.status_code == 302
    assert StatisticsPeriod.objects.count() == 1 and StatisticsPeriod.objects.get().rows.count() == 2


def test_the_mapping_page_without_a_file_goes_back_to_the_upload(client, agency, office_officer):
    client.force_login(office_officer)
    response = client.get(reverse("onestop:import_mapping", args=[agency.pk]))
    assert response.status_code == 302 and response.url == reverse("onestop:import_start", args=[agency.pk])


def test_the_apology_setting_is_saved_by_the_office(client, agency, office_officer):
    client.force_login(office_officer)
    client.post(reverse("onestop:apology_rule", args=[agency.pk]), {"apology_clears_late": "on"})
    assert OnestopSetting.objects.get(agency=agency).apology_clears_late
