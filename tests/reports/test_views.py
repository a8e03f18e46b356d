"""The reporting pages: requests, the unit's form with autosave and conflicts,
return and resubmission, composition, approval and the province's table."""

from datetime import date
from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danvan.reports import services
from danvan.reports.models import Report, ReportRequest, ReportVersion


def unit_request_data(**changes):
    data = {
        "period_kind": "year",
        "period_year": "2026",
        "kind": "periodic",
        "title": "Báo cáo công tác dân vận chính quyền năm 2026",
        "due_date": "20/10/2026",
    }
    return {**data, **changes}


def form_data(report, **sections):
    data = {"revision": report.revision, **{name: "" for name in Report.SECTIONS}}
    data.update(sections)
    return data


def test_office_requests_unit_reports(
    client, office_officer, agency, lead_unit, sibling_unit, agency_request
):
    client.force_login(office_officer)
    page = client.get(reverse("reports:request_units", args=[agency.pk]))
    assert page.status_code == 200
    response = client.post(
        reverse("reports:request_units", args=[agency.pk]),
        unit_request_data(units=[lead_unit.pk, sibling_unit.pk], parent=agency_request.pk),
    )
    made = ReportRequest.objects.get(level="units")
    assert response.status_code == 302 and response.url == reverse("reports:request_detail", args=[made.pk])
    assert made.due_date == date(2026, 10, 20) and made.parent == agency_request
    assert made.reports.count() == 2


def test_a_forged_unit_of_another_agency_changes_nothing(client, office_officer, agency, other_unit):
    client.force_login(office_officer)
    response = client.post(
        reverse("reports:request_units", args=[agency.pk]),
        unit_request_data(units=[other_unit.pk]),
    )
    assert response.status_code == 422
    assert "không có trong danh sách" in response.content.decode()
    assert not ReportRequest.objects.exists()


def test_a_due_date_before_the_period_is_refused(client, office_officer, agency, lead_unit):
    client.force_login(office_officer)
    response = client.post(
        reverse("reports:request_units", args=[agency.pk]),
        unit_request_data(units=[lead_unit.pk], due_date="01/01/2025"),
    )
    assert response.status_code == 422
    assert "Hạn nộp báo cáo không được trước ngày bắt đầu" in response.content.decode()
    assert not ReportRequest.objects.exists()


def test_unit_page_is_prefilled_and_saves(client, unit_officer, lead_report, unit_tasks):
    client.force_login(unit_officer)
    page = client.get(reverse("reports:report_detail", args=[lead_report.pk])).content.decode()
    assert "Quán triệt Chỉ thị 33/CT-TTg" in page and "120 công chức" in page
    lead_report.refresh_from_db()
    assert lead_report.revision == 0 and not lead_report.versions.exists()  # reading writes nothing
    response = client.post(
        reverse("reports:report_save", args=[lead_report.pk]),
        form_data(lead_report, results="Kết quả mới", proposals="Đề xuất"),
    )
    assert response.status_code == 302
    lead_report.refresh_from_db()
    assert lead_report.results == "Kết quả mới" and lead_report.proposals == "Đề xuất"


def test_autosave_answers_with_the_new_revision(client, unit_officer, lead_report):
    client.force_login(unit_officer)
    response = client.post(
        reverse("reports:report_autosave", args=[lead_report.pk]), form_data(lead_report, results="Đang viết")
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Đã tự động lưu" in body and 'value="1"' in body
    assert ReportVersion.objects.get(report=lead_report).event == ReportVersion.Event.AUTOSAVED


def test_a_second_editor_is_told_of_the_conflict_and_both_texts_are_kept(
    client, unit_officer, unit_head, lead_report
):
    stale = form_data(lead_report)
    services.save_report(
        report=lead_report, sections={"results": "Bản của trưởng phòng"}, base_revision=0, by=unit_head
    )
    client.force_login(unit_officer)
    stale["results"] = "Bản của chuyên viên"
    response = client.post(reverse("reports:report_save", args=[lead_report.pk]), stale)
    assert response.status_code == 409
    body = response.content.decode()
    assert "Bản của trưởng phòng" in body and "Bản của chuyên viên" in body
    lead_report.refresh_from_db()
    assert lead_report.results == "Bản của trưởng phòng"
    assert ReportVersion.objects.filter(
        report=lead_report, event="conflict", sections__results="Bản của chuyên viên"
    ).exists()


def test_staff_cannot_submit_only_the_unit_head(client, unit_officer, unit_head, lead_report):
    services.save_report(report=lead_report, sections={"results": "x"}, base_revision=0, by=unit_officer)
    client.force_login(unit_officer)
    assert client.post(reverse("reports:report_submit", args=[lead_report.pk])).status_code == 403
    client.force_login(unit_head)
    assert client.post(reverse("reports:report_submit", args=[lead_report.pk])).status_code == 302
    lead_report.refresh_from_db()
    assert lead_report.status == Report.Status.SUBMITTED


def test_a_locked_report_refuses_saves_and_a_second_submission(client, unit_head, lead_report):
    services.save_report(report=lead_report, sections={"results": "Nộp rồi"}, base_revision=0, by=unit_head)
    services.submit_report(report=lead_report, by=unit_head)
    lead_report.refresh_from_db()
    client.force_login(unit_head)
    response = client.post(
        reverse("reports:report_save", args=[lead_report.pk]), form_data(lead_report, results="Sửa")
    )
    assert response.status_code == 403
    response = client.post(reverse("reports:report_submit", args=[lead_report.pk]), follow=True)
    assert "không nộp lại được" in response.content.decode()
    lead_report.refresh_from_db()
    assert lead_report.results == "Nộp rồi" and lead_report.versions.count() == 2


def test_another_unit_cannot_read_a_draft(client, sibling_head, lead_report, unit_head):
    services.save_report(
        report=lead_report, sections={"results": "Bí mật nháp"}, base_revision=0, by=unit_head
    )
    client.force_login(sibling_head)
    assert client.get(reverse("reports:report_detail", args=[lead_report.pk])).status_code == 404
    page = client.get(reverse("reports:request_detail", args=[lead_report.request_id])).content.decode()
    assert "Bí mật nháp" not in page
    assert reverse("reports:report_detail", args=[lead_report.pk]) not in page


def test_office_returns_with_a_comment_and_the_unit_resubmits(client, office_officer, unit_head, lead_report):
    services.save_report(report=lead_report, sections={"results": "Lần đầu"}, base_revision=0, by=unit_head)
    services.submit_report(report=lead_report, by=unit_head)
    client.force_login(office_officer)
    assert (
        client.post(reverse("reports:report_return", args=[lead_report.pk]), {"comment": ""}).status_code
        == 422
    )
    client.post(reverse("reports:report_return", args=[lead_report.pk]), {"comment": "Thiếu số liệu quý III"})
    lead_report.refresh_from_db()
    assert lead_report.status == Report.Status.RETURNED
    client.force_login(unit_head)
    page = client.get(reverse("reports:report_detail", args=[lead_report.pk])).content.decode()
    assert "Thiếu số liệu quý III" in page
    client.post(
        reverse("reports:report_save", args=[lead_report.pk]), form_data(lead_report, results="Lần hai")
    )
    client.post(reverse("reports:report_submit", args=[lead_report.pk]))
    lead_report.refresh_from_db()
    assert lead_report.status == Report.Status.SUBMITTED and lead_report.results == "Lần hai"
    assert lead_report.versions.count() == 5


def test_attachment_types_and_sizes_are_checked(client, unit_head, lead_report):
    client.force_login(unit_head)
    url = reverse("reports:report_attach", args=[lead_report.pk])
    exe = SimpleUploadedFile("bao-cao.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    assert client.post(url, {"file": exe}).status_code == 422
    big = SimpleUploadedFile("lon.pdf", b"%PDF" + b"0" * (20 * 1024 * 1024 + 1))
    response = client.post(url, {"file": big})
    assert response.status_code == 422 and "Tệp quá lớn" in response.content.decode()
    good = SimpleUploadedFile("minh-chung.pdf", b"%PDF-1.4 ok")
    assert client.post(url, {"file": good}).status_code == 302
    assert [a.original_name for a in lead_report.attachments.all()] == ["minh-chung.pdf"]


def test_compose_approve_and_the_province_table(
    client,
    office_officer,
    agency_head,
    province_officer,
    unit_head,
    sibling_head,
    unit_request,
    lead_report,
    sibling_report,
    unit_tasks,
):
    for report, person, text in (
        (lead_report, unit_head, "Chi cục: 2 hội nghị"),
        (sibling_report, sibling_head, "Trung tâm: 1 đối thoại"),
    ):
        services.save_report(report=report, sections={"results": text}, base_revision=0, by=person)
        services.submit_report(report=report, by=person, today=date(2026, 10, 19))
    Report.objects.filter(pk=lead_report.pk).update(first_sent_at="2026-10-19T09:00:00+07:00")
    Report.objects.filter(pk=sibling_report.pk).update(first_sent_at="2026-10-22T09:00:00+07:00")
    client.force_login(office_officer)
    response = client.post(reverse("reports:request_compose", args=[unit_request.pk]))
    agency_report = Report.objects.get(
        request=unit_request.parent, unit__isnull=True, agency=office_officer.agency
    )
    assert response.url == reverse("reports:report_detail", args=[agency_report.pk])
    page = client.get(response.url).content.decode()
    assert "Chi cục: 2 hội nghị" in page and "Nộp muộn 2 ngày" in page
    request_page = client.get(reverse("reports:request_detail", args=[unit_request.pk])).content.decode()
    assert reverse("reports:report_detail", args=[agency_report.pk]) in request_page
    client.post(reverse("reports:report_submit", args=[agency_report.pk]))
    client.force_login(agency_head)
    client.post(reverse("reports:report_approve", args=[agency_report.pk]))
    agency_report.refresh_from_db()
    assert agency_report.status == Report.Status.APPROVED and agency_report.number
    client.force_login(province_officer)
    period = unit_request.period
    table = client.get(reverse("reports:province_table", args=[period.province_id]), {"period": period.pk})
    body = table.content.decode()
    assert table.status_code == 200
    assert "Sở Khoa học và Công nghệ" in body and "Sở Tài chính" in body
    assert "1 / 1 / 0" in body  # units: one on time, one late, none missing
    detail = client.get(reverse("reports:report_detail", args=[agency_report.pk])).content.decode()
    assert "Nộp muộn 2 ngày" in detail


def test_province_table_query_count_does_not_grow_with_agencies(
    client, province_officer, agency_request, django_assert_max_num_queries
):
    from tests.factories import AgencyFactory

    client.force_login(province_officer)
    url = reverse("reports:province_table", args=[agency_request.province_id])
    with django_assert_max_num_queries(20) as few:
        client.get(url, {"period": agency_request.period_id})
    for _ in range(15):
        AgencyFactory(province=agency_request.province)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url, {"period": agency_request.period_id})


def test_period_end_before_start_is_refused_on_the_page(client, province_officer, year_period):
    client.force_login(province_officer)
    url = reverse("reports:period_correct", args=[year_period.province_id, year_period.pk])
    response = client.post(url, {"start": "01/06/2026", "end": "01/05/2026", "reason": "QĐ 5"}, follow=True)
    assert "Ngày kết thúc kỳ báo cáo phải sau ngày bắt đầu" in response.content.decode()
    year_period.refresh_from_db()
    assert year_period.start == date(2025, 12, 15)


def test_cut_off_rule_form(client, province_officer, province):
    client.force_login(province_officer)
    url = reverse("reports:periods", args=[province.pk])
    assert client.post(url, {"kind": "year", "cut_off_day": "31", "source": "QĐ"}).status_code == 422
    assert (
        client.post(url, {"kind": "year", "cut_off_day": "0", "source": "QĐ 01/2023/QĐ-UBND"}).status_code
        == 302
    )
    assert province.cut_off_rules.get().cut_off_day == 0


@pytest.mark.parametrize("name", ["reports:report_docx", "reports:report_xlsx", "reports:report_pdf"])
def test_an_unsent_report_has_nothing_to_print(client, unit_head, lead_report, name):
    client.force_login(unit_head)
    response = client.get(reverse(name, args=[lead_report.pk]), follow=True)
    assert "chưa có số liệu chốt" in response.content.decode()


def test_the_province_table_changes_when_another_agency_sends(
    client, province_officer, approved_report, agency_request, other_agency
):
    from danvan.core.models import Role
    from tests.factories import person_with_role

    client.force_login(province_officer)
    url = reverse("reports:province_table", args=[agency_request.province_id])
    query = {"period": agency_request.period_id}
    before = client.get(url, query).content.decode()
    assert "Đã gửi 1 báo cáo" in before
    office = person_with_role(Role.AGENCY_OFFICE, agency=other_agency)
    leader = person_with_role(Role.AGENCY_LEADER, agency=other_agency)
    theirs = agency_request.reports.get(agency=other_agency)
    services.save_report(
        report=theirs, sections={"results": "Sở Tài chính báo cáo"}, base_revision=0, by=office
    )
    services.submit_report(report=theirs, by=office)
    services.approve_report(report=theirs, by=leader)
    after = client.get(url, query).content.decode()
    assert "Đã gửi 2 báo cáo" in after
    assert reverse("reports:report_detail", args=[theirs.pk]) in after


def test_office_sets_recipients_and_signer_of_the_agency_report(
    client, office_officer, agency_request, agency
):
    own = agency_request.reports.get(agency=agency)
    client.force_login(office_officer)
    url = reverse("reports:report_signature", args=[own.pk])
    assert client.post(url, {"recipients": "x", "signer_title": "", "signer_name": ""}).status_code == 422
    data = {
        "recipients": "Sở Nội vụ\nBan Dân vận Tỉnh ủy",
        "signer_authority": "KT. GIÁM ĐỐC",
        "signer_title": "PHÓ GIÁM ĐỐC",
        "signer_name": "Nguyễn Văn An",
    }
    assert client.post(url, data).status_code == 302
    own.refresh_from_db()
    assert own.recipients == ["Sở Nội vụ", "Ban Dân vận Tỉnh ủy"] and own.signer_authority == "KT. GIÁM ĐỐC"


def test_signature_of_a_unit_report_is_refused(lead_report, unit_head):
    with pytest.raises(services.DomainError):
        services.set_report_signature(
            report=lead_report,
            recipients=[],
            signer_authority="",
            signer_title="T",
            signer_name="N",
            by=unit_head,
        )


def test_a_forged_period_shows_the_newest_with_a_message(client, province_officer, agency_request):
    from danvan.reports.models import PeriodKind
    from tests.factories import ProvinceFactory

    elsewhere = services.get_or_create_period(
        province=ProvinceFactory(name="Khánh Hòa", code="KHA"), kind=PeriodKind.YEAR, year=2026
    )
    client.force_login(province_officer)
    url = reverse("reports:province_table", args=[agency_request.province_id])
    page = client.get(url, {"period": elsewhere.pk}).content.decode()
    assert "Kỳ báo cáo không hợp lệ" in page and "Năm 2026" in page
    assert client.get(url, {"period": "abc"}).status_code == 200
    xlsx = reverse("reports:province_table_xlsx", args=[agency_request.province_id])
    assert client.get(xlsx, {"period": elsewhere.pk}).status_code == 404


def test_the_request_page_reads_a_fixed_number_of_queries_whatever_the_units(
    client, unit_head, agency, year_period, office_officer, lead_unit, django_assert_max_num_queries
):
    from tests.factories import UnitFactory

    def page_queries(count: int) -> int:
        units = [lead_unit, *(UnitFactory(agency=agency) for _ in range(count))]
        made = services.request_unit_reports(
            agency=agency,
            period=year_period,
            title="Báo cáo",
            due_date=year_period.end,
            units=units,
            by=office_officer,
        )
        client.force_login(unit_head)
        with django_assert_max_num_queries(100) as counted:
            assert client.get(reverse("reports:request_detail", args=[made.pk])).status_code == 200
        return len(counted.captured_queries)

    assert page_queries(1) == page_queries(6)


class _Checkboxes(HTMLParser):
    """The check boxes of a page: their attributes and the labels tied to them."""

    def __init__(self):
        super().__init__()
        self.boxes: list[dict] = []
        self.label_for: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("type") == "checkbox":
            self.boxes.append(attrs)
        if tag == "label" and attrs.get("for"):
            self.label_for.add(attrs["for"])


def checkboxes(response, name):
    parser = _Checkboxes()
    parser.feed(response.content.decode())
    return [box for box in parser.boxes if box.get("name") == name], parser.label_for


@pytest.mark.parametrize("who", ["office", "province"])
def test_request_forms_show_visible_unticked_labelled_checkboxes(
    client, who, office_officer, province_officer, agency, province, lead_unit, sibling_unit, other_agency
):
    person, url, name = {
        "office": (office_officer, reverse("reports:request_units", args=[agency.pk]), "units"),
        "province": (province_officer, reverse("reports:request_agencies", args=[province.pk]), "agencies"),
    }[who]
    client.force_login(person)
    boxes, label_for = checkboxes(client.get(url), name)
    assert len(boxes) >= 2
    for box in boxes:
        assert "checked" not in box
        assert box["class"].split()[0] == "form-check-input" and "form-control" not in box["class"]
        assert box["id"] in label_for


@pytest.mark.parametrize("who", ["office", "province"])
def test_a_request_to_nobody_is_refused_with_a_clear_message(
    client, who, office_officer, province_officer, agency, province, lead_unit
):
    person, url, message = {
        "office": (
            office_officer,
            reverse("reports:request_units", args=[agency.pk]),
            "Hãy chọn ít nhất một đơn vị phải báo cáo.",
        ),
        "province": (
            province_officer,
            reverse("reports:request_agencies", args=[province.pk]),
            "Hãy chọn ít nhất một cơ quan phải báo cáo.",
        ),
    }[who]
    client.force_login(person)
    response = client.post(url, unit_request_data())
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not ReportRequest.objects.exists()


def test_a_refused_request_keeps_only_the_boxes_that_were_ticked(
    client, office_officer, agency, lead_unit, sibling_unit
):
    client.force_login(office_officer)
    response = client.post(
        reverse("reports:request_units", args=[agency.pk]),
        unit_request_data(units=[lead_unit.pk], due_date="01/01/2025"),
    )
    boxes, _labels = checkboxes(response, "units")
    ticked = {box["value"] for box in boxes if "checked" in box}
    assert ticked == {str(lead_unit.pk)}
