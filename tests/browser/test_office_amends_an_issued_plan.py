"""An issued plan changes only by an amendment: the office moves a task to
another lead unit and cancels one, the leader issues the amendment under the
next number of the register, and the versions page says what changed in words."""

from django.core.management import call_command
from playwright.sync_api import expect

from danvan.core.models import Unit, User
from danvan.demo.province import DEMO_PASSWORD
from danvan.plans.models import Plan, PlanAmendment, Task


def test_office_amends_and_the_leader_issues(transactional_db, sign_in, page, live_server, artifacts, axe):
    call_command("load_demo_province", verbosity=0)
    plan = (
        Plan.objects.filter(
            agency__symbol_code="SKHCN", status=Plan.Status.ISSUED, tasks__due_date__isnull=False
        )
        .distinct()
        .latest("period_year")
    )
    task = (
        plan.tasks.filter(timing_kind=Task.TimingKind.DUE_DATE)
        .exclude(status__in=["done", "cancelled"])
        .first()
    )
    new_unit = Unit.objects.filter(agency=plan.agency, is_active=True).exclude(pk=task.lead_unit_id).first()
    old_unit = task.lead_unit

    sign_in("skhcn.vanphong", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/ke-hoach/{plan.pk}/")
    page.get_by_role("link", name="Sửa đổi, bổ sung").click()
    page.get_by_label("Lý do sửa đổi, bổ sung").fill(
        "Thực hiện chỉ đạo của UBND tỉnh về phân công lại nhiệm vụ"
    )
    page.get_by_role("button", name="Lập văn bản sửa đổi").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dự thảo văn bản sửa đổi, bổ sung kế hoạch")
    page.get_by_role("link", name=f"Sửa đổi hoặc bãi bỏ {task.heading[:20]}").first.click()
    page.get_by_label("Đơn vị chủ trì").select_option(label=new_unit.name)
    page.get_by_role("button", name="Ghi vào văn bản sửa đổi").click()
    expect(page.get_by_text("Đã ghi nội dung sửa đổi nhiệm vụ vào văn bản.")).to_be_visible()
    expect(page.get_by_role("cell", name=new_unit.name, exact=True)).to_be_visible()
    axe("amendment-draft")
    page.get_by_role("button", name="Trình lãnh đạo").click()
    expect(page.get_by_text("Đã trình lãnh đạo văn bản sửa đổi, bổ sung.")).to_be_visible()
    task.refresh_from_db()
    assert task.lead_unit == old_unit  # nothing changes before the leader issues it

    page.context.clear_cookies()
    sign_in("skhcn.lanhdao", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/ke-hoach/{plan.pk}/")
    page.get_by_role("link", name="Xem văn bản sửa đổi").click()
    page.get_by_role("button", name="Ban hành văn bản sửa đổi").click()
    amendment = PlanAmendment.objects.get(plan=plan)
    expect(page.get_by_text(f"Đã ban hành văn bản sửa đổi, bổ sung số {amendment.reference}")).to_be_visible()
    expect(page.get_by_role("heading", name=f"Văn bản số {amendment.reference}")).to_be_visible()
    expect(page.get_by_role("cell", name=old_unit.name, exact=True).first).to_be_visible()
    expect(page.get_by_role("cell", name=new_unit.name, exact=True).first).to_be_visible()
    leader = User.objects.get(username="skhcn.lanhdao")
    expect(page.get_by_text("Ban hành bởi")).to_contain_text(leader.get_full_name())
    axe("plan-versions-with-amendment")
    page.screenshot(path=str(artifacts / "amendment-issued.png"), full_page=True)
    task.refresh_from_db()
    assert task.lead_unit == new_unit and task.history.first().history_change_reason.startswith(
        "Sửa đổi, bổ sung"
    )
