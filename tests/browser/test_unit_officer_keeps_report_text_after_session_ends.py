"""A unit officer writes the unit's report; the session ends on the server
while they type. The autosave says the session ended and saves nothing; the
text stays on the page and in the browser. They press "Lưu nháp", sign in
again, come back to the same form with their text restored, save it, and the
text is stored; the kept draft is then forgotten."""

from datetime import date

from django.contrib.sessions.models import Session
from playwright.sync_api import expect

from danvan.reports import services
from danvan.reports.models import PeriodKind

PASSWORD = "Mat-khau-thu-2026"  # noqa: S105 - the factories' password
TYPED = "Tổ chức 03 hội nghị đối thoại với 250 người dân và doanh nghiệp"
ENDED = "Phiên làm việc đã hết hạn — nội dung bạn nhập vẫn được giữ trên máy này; đăng nhập lại để lưu."


KEPT = "() => Object.keys(localStorage).filter(key => key.startsWith('danvan:typed:'))"


def unit_report(agency, lead_unit, office_officer):
    period = services.get_or_create_period(province=agency.province, kind=PeriodKind.YEAR, year=2026)
    request = services.request_unit_reports(
        agency=agency,
        period=period,
        title="Báo cáo kết quả công tác dân vận chính quyền năm 2026",
        due_date=date(2026, 10, 20),
        units=[lead_unit],
        by=office_officer,
    )
    return request.reports.get(unit=lead_unit)


def test_unit_officer_keeps_report_text_after_session_ends(
    transactional_db, live_server, page, sign_in, agency, lead_unit, office_officer, unit_officer
):
    report = unit_report(agency, lead_unit, office_officer)
    detail = f"{live_server.url}/bao-cao/{report.pk}/"

    sign_in(unit_officer.username, PASSWORD)
    page.goto(detail)
    results = page.get_by_label("Kết quả đạt được")
    results.fill(TYPED[:20])
    # The session ends on the server (expired, or signed out elsewhere).
    Session.objects.all().delete()
    results.press_sequentially(TYPED[20:])

    # The autosave (4 s after the last key) is refused: the page says so.
    expect(page.get_by_text(ENDED).first).to_be_visible(timeout=15000)
    expect(page.get_by_text("Đã tự động lưu")).to_have_count(0)
    expect(results).to_have_value(TYPED)
    report.refresh_from_db()
    assert report.results == ""

    # The form sent normally leads to the sign-in page, then back to the form.
    page.get_by_role("button", name="Lưu nháp").click()
    expect(page.get_by_role("button", name="Đăng nhập")).to_be_visible()
    page.get_by_label("Tên đăng nhập").fill(unit_officer.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page).to_have_url(detail)
    expect(page.get_by_text("Đã khôi phục nội dung bạn nhập trước đây nhưng chưa lưu.")).to_be_visible()
    expect(page.get_by_role("button", name="Bỏ nội dung đã giữ")).to_be_visible()
    expect(page.get_by_label("Kết quả đạt được")).to_have_value(TYPED)

    page.get_by_role("button", name="Lưu nháp").click()
    expect(page.get_by_text("Đã lưu báo cáo.")).to_be_visible()
    report.refresh_from_db()
    assert report.results == TYPED

    # Saved: the browser no longer keeps a draft, and nothing is offered again.
    assert page.evaluate(KEPT) == []
    page.reload()
    expect(page.get_by_label("Kết quả đạt được")).to_have_value(TYPED)
    expect(page.get_by_role("button", name="Bỏ nội dung đã giữ")).to_have_count(0)


def test_unit_officer_draft_is_kept_until_the_autosave_answers(
    transactional_db, live_server, page, sign_in, agency, lead_unit, office_officer, unit_officer
):
    report = unit_report(agency, lead_unit, office_officer)
    sign_in(unit_officer.username, PASSWORD)
    page.goto(f"{live_server.url}/bao-cao/{report.pk}/")
    page.get_by_label("Kết quả đạt được").press_sequentially("Đã viết")
    # Kept in the browser while the autosave waits (4 s after the last key) ...
    assert len(page.evaluate(KEPT)) == 1
    # ... and forgotten once it answered 200.
    expect(page.get_by_text("Đã tự động lưu")).to_be_visible(timeout=15000)
    page.wait_for_function(f"({KEPT})().length === 0", timeout=5000)
    report.refresh_from_db()
    assert report.results == "Đã viết"
