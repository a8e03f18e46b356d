"""Copying a plan to another year: the timing text moves with the due dates,
and a second copy to the same year is made only when asked for."""

from datetime import date

import pytest
from django.urls import reverse

from danvan.core.services import DomainError
from danvan.plans.models import Plan
from danvan.plans.services import copy_plan
from danvan.plans.timing import shift_years


@pytest.mark.parametrize(
    ("written", "moved"),
    [
        ("Trước 30/6/2026", "Trước 30/6/2027"),
        ("Trước ngày 15/06/2026", "Trước ngày 15/06/2027"),
        ("Trong năm 2026", "Trong năm 2027"),
        ("Quý II/2026", "Quý II/2027"),
        ("quý 3/2026", "quý 3/2027"),
        ("Tháng 6/2026 và tháng 12/2026", "Tháng 6/2027 và tháng 12/2027"),
        ("6 tháng đầu năm 2026, báo cáo trước 15/11/2026", "6 tháng đầu năm 2027, báo cáo trước 15/11/2027"),
        ("Ngày 30 tháng 6 năm 2026", "Ngày 30 tháng 6 năm 2027"),
        ("Giai đoạn 2026-2030", "Giai đoạn 2027-2031"),
        ("Theo Nghị định 30/2020/NĐ-CP, trước 30/9/2026", "Theo Nghị định 30/2020/NĐ-CP, trước 30/9/2027"),
        ("Thực hiện Luật 10/2022", "Thực hiện Luật 10/2022"),
        ("Thường xuyên", "Thường xuyên"),
        ("", ""),
    ],
)
def test_the_years_of_a_timing_text_move_with_the_plan(written, moved):
    assert shift_years(written, 1) == moved


def test_a_29_february_becomes_the_28th_in_a_common_year():
    assert shift_years("Trước 29/02/2028", 1) == "Trước 28/02/2029"
    assert shift_years("Trước 29/2/2027", 1) == "Trước 29/2/2028"


def test_copying_moves_each_tasks_timing_text_with_its_due_date(issued_plan, office_officer):
    issued_plan.tasks.update(timing="Trước 30/6/2026", due_date=date(2026, 6, 30))
    task = copy_plan(source=issued_plan, period_year=2027, by=office_officer).tasks.get()
    assert task.due_date == date(2027, 6, 30) and task.timing == "Trước 30/6/2027"


def test_a_second_copy_to_the_same_year_is_refused_unless_asked_for(issued_plan, office_officer):
    first = copy_plan(source=issued_plan, period_year=2027, by=office_officer)
    with pytest.raises(DomainError, match="đã được sao chép sang năm 2027"):
        copy_plan(source=issued_plan, period_year=2027, by=office_officer)
    assert list(issued_plan.copies.all()) == [first]
    second = copy_plan(source=issued_plan, period_year=2027, by=office_officer, again=True)
    assert set(issued_plan.copies.all()) == {first, second}
    assert copy_plan(source=issued_plan, period_year=2028, by=office_officer).period_year == 2028


def test_the_copy_page_warns_and_links_to_the_copy_already_made(client, issued_plan, office_officer):
    client.force_login(office_officer)
    url = reverse("plans:plan_copy", args=[issued_plan.pk])
    made = client.post(url, {"period_year": "2027"})
    first = Plan.objects.get(copied_from=issued_plan)
    assert made.status_code == 302 and made.url == reverse("plans:plan_detail", args=[first.pk])

    page = client.get(url).content.decode()
    assert reverse("plans:plan_detail", args=[first.pk]) in page and "đã được sao chép" in page

    again = client.post(url, {"period_year": "2027"})
    assert again.status_code == 422
    body = again.content.decode()
    assert "đã được sao chép sang năm 2027" in body
    assert reverse("plans:plan_detail", args=[first.pk]) in body
    assert Plan.objects.filter(copied_from=issued_plan).count() == 1

    confirmed = client.post(url, {"period_year": "2027", "again": "on"})
    assert confirmed.status_code == 302
    assert Plan.objects.filter(copied_from=issued_plan).count() == 2


def test_the_word_file_of_a_copy_prints_the_moved_timing(issued_plan, office_officer):
    from danvan.documents.output.context import plan_context

    issued_plan.tasks.update(timing="Trước 30/6/2026", due_date=date(2026, 6, 30))
    copy = copy_plan(source=issued_plan, period_year=2027, by=office_officer)
    printed = str(plan_context(copy))
    assert "Trước 30/6/2027" in printed and "30/6/2026" not in printed


@pytest.fixture
def whole_plan(issued_plan, lead_unit, sibling_unit):
    """A plan with every part: purposes, organisation, signer, recipients,
    two content items, targets (one served by a task), a dated obligation and
    two citations."""
    from danvan.documents.models import LegalDocument
    from danvan.plans.models import PlanCitation, PlanDeadline, Target, Task

    Plan.objects.filter(pk=issued_plan.pk).update(
        place="Tây Ninh",
        purposes="Nâng cao nhận thức của công chức về công tác dân vận.",
        implementation="Các phòng, đơn vị căn cứ Kế hoạch triển khai thực hiện.",
        recipients=["Sở Nội vụ", "Lưu: VT, VP"],
        signer_authority="KT. GIÁM ĐỐC",
        signer_title="PHÓ GIÁM ĐỐC",
        signer_name="Nguyễn Văn An",
    )
    issued_plan.refresh_from_db()
    issued_plan.tasks.update(section="1. Công tác tuyên truyền", due_date=date(2026, 6, 30))
    target = Target.objects.create(
        plan=issued_plan, order=0, text="100% công chức được quán triệt", percent=100
    )
    Target.objects.create(plan=issued_plan, order=1, text="Tổ chức 02 hội nghị đối thoại", percent=None)
    Task.objects.create(
        plan=issued_plan,
        order=1,
        section="2. Thực hiện dân chủ ở cơ sở",
        heading="Tổ chức hội nghị đối thoại với doanh nghiệp",
        lead_unit=sibling_unit,
        lead_text=sibling_unit.name,
        timing="Quý II/2026",
        timing_kind=Task.TimingKind.DUE_DATE,
        due_date=date(2026, 6, 30),
        target=target,
    )
    PlanDeadline.objects.create(
        plan=issued_plan,
        order=0,
        due_date=date(2026, 10, 20),
        action="báo cáo kết quả thực hiện",
        units=[lead_unit.name],
        recipient="Văn phòng Sở",
    )
    for order, number in enumerate(["33/CT-TTg", "10/2022/QH15"]):
        document = LegalDocument.objects.create(doc_type="Văn bản", number=number)
        PlanCitation.objects.create(plan=issued_plan, document=document, order=order)
    return issued_plan


def test_a_copy_carries_every_part_and_each_content_item_with_its_tasks(whole_plan, office_officer):
    copy = copy_plan(source=whole_plan, period_year=2027, by=office_officer)

    assert copy.status == Plan.Status.DRAFT and copy.period_year == 2027
    for name in ("place", "purposes", "implementation", "recipients", "signer_authority", "signer_title"):
        assert getattr(copy, name) == getattr(whole_plan, name) and getattr(copy, name)
    assert copy.signer_name == "Nguyễn Văn An"
    tasks = list(copy.tasks.order_by("order"))
    assert [(task.order, task.section) for task in tasks] == [
        (0, "1. Công tác tuyên truyền"),
        (1, "2. Thực hiện dân chủ ở cơ sở"),
    ]
    assert all(task.due_date == date(2027, 6, 30) for task in tasks)
    assert tasks[1].timing == "Quý II/2027"
    # The task serves the copy's own target, not last year's.
    assert tasks[1].target is not None and tasks[1].target.plan == copy
    assert tasks[1].target.text == "100% công chức được quán triệt"
    assert list(copy.targets.values_list("text", "percent")) == list(
        whole_plan.targets.values_list("text", "percent")
    )
    deadline = copy.deadlines.get()
    assert deadline.due_date == date(2027, 10, 20) and deadline.recipient == "Văn phòng Sở"
    assert list(copy.plancitation_set.values_list("document__number", flat=True)) == [
        "33/CT-TTg",
        "10/2022/QH15",
    ]
    # Last year's plan is untouched.
    assert whole_plan.tasks.filter(due_date=date(2026, 6, 30)).count() == 2


def test_the_word_file_of_a_copy_prints_its_parts_and_headings(whole_plan, office_officer):
    from danvan.documents.output.context import plan_context

    printed = str(plan_context(copy_plan(source=whole_plan, period_year=2027, by=office_officer)))
    for words in (
        "Nâng cao nhận thức",
        "Công tác tuyên truyền",
        "Thực hiện dân chủ ở cơ sở",
        "Các phòng, đơn vị căn cứ",
        "Nguyễn Văn An",
        "20/10/2027",
    ):
        assert words in printed


def test_a_units_plan_stays_the_units_and_implements_the_agencys_copy(agency, office_officer, issued_plan):
    from danvan.core.models import Unit
    from tests.factories import UnitFactory

    centre = UnitFactory(
        agency=agency, code="TTKHCN", name="Trung tâm KHCN", kind=Unit.Kind.CENTER, own_register=True
    )
    unit_plan = Plan.objects.create(
        agency=agency,
        unit=centre,
        implements=issued_plan,
        title="Kế hoạch của Trung tâm năm 2026",
        period_year=2026,
        status=Plan.Status.ISSUED,
        symbol="KH-TTKHCN",
        created_by=office_officer,
    )
    agency_copy = copy_plan(source=issued_plan, period_year=2027, by=office_officer)
    assert (
        copy_plan(source=unit_plan, period_year=2027, by=office_officer).implements is None
    )  # not issued yet
    Plan.objects.filter(pk=agency_copy.pk).update(status=Plan.Status.ISSUED)
    copy = copy_plan(source=unit_plan, period_year=2027, by=office_officer, again=True)
    assert copy.unit == centre and copy.implements == agency_copy and copy.symbol == "KH-TTKHCN"


def test_the_copy_page_lists_what_is_carried_over(client, whole_plan, office_officer):
    client.force_login(office_officer)
    page = client.get(reverse("plans:plan_copy", args=[whole_plan.pk])).content.decode()
    assert "Các mục nội dung của kỳ trước" in page
    assert "1. Công tác tuyên truyền — 1 nhiệm vụ" in page
    assert "2. Thực hiện dân chủ ở cơ sở — 1 nhiệm vụ" in page
    assert "100% công chức được quán triệt" in page and "Văn bản số 10/2022/QH15" in page
    assert "Mục đích, yêu cầu" in page and "Tổ chức thực hiện" in page and "Người ký" in page
