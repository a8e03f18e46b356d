"""The late dossiers: entered by hand, the apology letter (Mẫu 04) no later
than one day before the due date, a new date given only once, and the letter
drafted in Word."""

from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from docx import Document

from danvan.core.services import DomainError
from danvan.onestop import services
from danvan.onestop.models import LateDossier


def test_a_late_dossier_is_entered_by_hand(agency, office_officer):
    dossier = services.record_late_dossier(
        agency=agency,
        code="H57-0100",
        procedure="Cấp giấy phép tiến hành công việc bức xạ",
        applicant="Hộ kinh doanh Minh Châu",
        due_date=date(2026, 5, 4),
        cause=LateDossier.Cause.OFFICIAL,
        by=office_officer,
    )
    assert dossier.apology_deadline == date(2026, 5, 3)
    with pytest.raises(DomainError, match="đã có trong sổ"):
        services.record_late_dossier(
            agency=agency,
            code="H57-0100",
            procedure="X",
            applicant="Y",
            due_date=date(2026, 5, 4),
            by=office_officer,
        )


def test_the_apology_is_recorded_with_its_new_date(late_dossier, office_officer):
    services.record_apology(
        dossier=late_dossier,
        sent_on=date(2026, 3, 19),
        new_due_date=date(2026, 3, 27),
        reason="",
        by_system=False,
        by=office_officer,
    )
    late_dossier.refresh_from_db()
    assert late_dossier.apology_in_time() and late_dossier.new_due_date == date(2026, 3, 27)


def test_an_apology_later_than_one_day_before_the_due_date_is_refused(late_dossier, office_officer):
    with pytest.raises(DomainError) as refused:
        services.record_apology(
            dossier=late_dossier,
            sent_on=date(2026, 3, 20),
            new_due_date=date(2026, 3, 27),
            reason="",
            by_system=False,
            by=office_officer,
        )
    assert refused.value.message == (
        "Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04) phải gửi chậm nhất 01 ngày trước ngày hẹn trả "
        "20/03/2026, tức là chậm nhất ngày 19/03/2026."
    )
    late_dossier.refresh_from_db()
    assert late_dossier.apology_sent_on is None and late_dossier.new_due_date is None


def test_a_second_new_date_is_refused(late_dossier, office_officer):
    services.record_apology(
        dossier=late_dossier,
        sent_on=date(2026, 3, 18),
        new_due_date=date(2026, 3, 27),
        reason="",
        by_system=False,
        by=office_officer,
    )
    with pytest.raises(DomainError, match="ngày hẹn trả chỉ được hẹn lại một lần"):
        services.record_apology(
            dossier=late_dossier,
            sent_on=date(2026, 3, 18),
            new_due_date=date(2026, 4, 3),
            reason="",
            by_system=False,
            by=office_officer,
        )
    late_dossier.refresh_from_db()
    assert late_dossier.new_due_date == date(2026, 3, 27)


def test_a_new_date_not_after_the_due_date_is_refused(late_dossier, office_officer):
    with pytest.raises(DomainError, match="phải sau ngày hẹn trả ban đầu 20/03/2026"):
        services.record_apology(
            dossier=late_dossier,
            sent_on=date(2026, 3, 18),
            new_due_date=date(2026, 3, 20),
            reason="",
            by_system=False,
            by=office_officer,
        )


def test_the_page_refuses_a_second_new_date_with_the_rules_message(client, late_dossier, office_officer):
    late_dossier.apology_sent_on, late_dossier.new_due_date = date(2026, 3, 18), date(2026, 3, 27)
    late_dossier.save(update_fields=["apology_sent_on", "new_due_date"])
    client.force_login(office_officer)
    response = client.post(
        reverse("onestop:late_apology", args=[late_dossier.pk]),
        {"sent_on": "18/03/2026", "new_due_date": "03/04/2026"},
    )
    assert response.status_code == 422
    assert "chỉ được hẹn lại một lần" in response.content.decode()


def test_the_apology_letter_is_drafted_in_word(client, late_dossier, office_officer):
    late_dossier.new_due_date = date(2026, 3, 27)
    late_dossier.save(update_fields=["new_due_date"])
    client.force_login(office_officer)
    response = client.get(reverse("onestop:late_letter", args=[late_dossier.pk]))
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    document = Document(BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)
    assert "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" in text
    assert "Trần Văn Nộp Hồ Sơ" in text and "000.00.12.H57-260301-0042" in text
    assert "ngày 20/03/2026" in text and "ngày 27 tháng 3 năm 2026" in text
    assert "Lý do: Hồ sơ phải lấy ý kiến Cục An toàn bức xạ." in text
    assert "SỞ KHOA HỌC VÀ CÔNG NGHỆ" in text
