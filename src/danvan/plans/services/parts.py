"""The parts of a draft plan besides its tasks, written on screen in the
order they print: targets (chỉ tiêu), the basis (căn cứ) chosen from the
legal library, and the dated obligations of "Tổ chức thực hiện", whose
paragraphs also become tasks of the units they name."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core.models import Unit, User
from danvan.core.services import DomainError
from danvan.documents.models import LegalDocument
from danvan.documents.services import record_citation
from danvan.plans import implementation
from danvan.plans.models import Plan, PlanCitation, PlanDeadline, Target, Task
from danvan.plans.services.common import _next_order, _record_plan_version
from danvan.plans.services.tasks import add_task


def _check_draft(plan: Plan) -> None:
    if not plan.is_editable():
        raise DomainError(_("Kế hoạch đã ban hành chỉ được thay đổi bằng văn bản sửa đổi."))


@transaction.atomic
def add_target(*, plan: Plan, text: str, percent: Decimal | None, by: User) -> Target:
    """A target of the plan: its words and, when it states one, its figure."""
    _check_draft(plan)
    if not text.strip():
        raise DomainError(_("Hãy ghi nội dung chỉ tiêu."))
    if percent is not None and not Decimal(0) <= percent <= Decimal(100):
        raise DomainError(_("Tỷ lệ của chỉ tiêu phải từ 0 đến 100%."))
    target = Target.objects.create(
        plan=plan, order=_next_order(plan.targets.all(), first=1), text=text.strip(), percent=percent
    )
    _record_plan_version(plan, by=by, step=_("Thêm chỉ tiêu: %(text)s") % {"text": target.text[:200]})
    return target


@transaction.atomic
def remove_target(*, target: Target, by: User) -> None:
    plan = target.plan
    _check_draft(plan)
    if target.tasks.exists():
        raise DomainError(_("Chỉ tiêu đang được nhiệm vụ phục vụ; hãy bỏ liên kết ở nhiệm vụ trước."))
    text = target.text
    target.delete()
    _record_plan_version(plan, by=by, step=_("Bỏ chỉ tiêu: %(text)s") % {"text": text[:200]})


@transaction.atomic
def cite_document(*, plan: Plan, document: LegalDocument, by: User) -> PlanCitation:
    """Add a document of the library to the plan's basis, after those already cited."""
    _check_draft(plan)
    if plan.plancitation_set.filter(document=document).exists():
        raise DomainError(_("Kế hoạch đã có căn cứ này."))
    citation = PlanCitation.objects.create(
        plan=plan, document=document, order=_next_order(plan.plancitation_set.all(), first=1)
    )
    _record_plan_version(plan, by=by, step=_("Thêm căn cứ: %(document)s") % {"document": document})
    return citation


@transaction.atomic
def cite_new_document(
    *,
    plan: Plan,
    doc_type: str,
    number: str,
    name: str,
    issued: date | None,
    issuer: str,
    title: str,
    by: User,
) -> PlanCitation:
    """Cite a document the library does not hold yet: it is entered once, and
    found again by its number the next time any plan cites it."""
    _check_draft(plan)
    if not doc_type.strip() or not (number.strip() or name.strip()):
        raise DomainError(_("Hãy ghi loại văn bản và số, ký hiệu (hoặc tên của văn bản không số)."))
    document = record_citation(
        doc_type=doc_type.strip(),
        number=number.strip() or None,
        name=name.strip() or None,
        issued=issued,
        issuer=issuer.strip() or None,
    )
    if title.strip() and not document.title:
        document.title = title.strip()
        document.save(update_fields=["title"])
    return cite_document(plan=plan, document=document, by=by)


@transaction.atomic
def uncite_document(*, plan: Plan, document: LegalDocument, by: User) -> None:
    _check_draft(plan)
    deleted, _rows = plan.plancitation_set.filter(document=document).delete()
    if deleted:
        _record_plan_version(plan, by=by, step=_("Bỏ căn cứ: %(document)s") % {"document": document})


@transaction.atomic
def add_deadline(
    *, plan: Plan, due_date: date, action: str, units: list[str], recipient: str, by: User
) -> PlanDeadline:
    """A dated obligation of the plan ("trước ngày 20/10, các đơn vị báo cáo
    kết quả về Văn phòng Sở"); when the plan is issued it becomes its owners'
    dated item, or a report request when it is a report."""
    _check_draft(plan)
    if not action.strip():
        raise DomainError(_("Hãy ghi việc phải làm trước hạn."))
    if plan.period_year and not plan.period_year - 1 <= due_date.year <= plan.period_year + 1:
        raise DomainError(
            _("Hạn phải thuộc thời gian của kế hoạch (năm %(year)s).") % {"year": plan.period_year}
        )
    deadline = PlanDeadline.objects.create(
        plan=plan,
        order=_next_order(plan.deadlines.all(), first=1),
        due_date=due_date,
        action=action.strip(),
        units=[unit.strip() for unit in units if unit.strip()],
        recipient=recipient.strip(),
    )
    _record_plan_version(
        plan,
        by=by,
        step=_("Thêm hạn %(day)s: %(action)s") % {"day": f"{due_date:%d/%m/%Y}", "action": action[:150]},
    )
    return deadline


@transaction.atomic
def remove_deadline(*, deadline: PlanDeadline, by: User) -> None:
    plan = deadline.plan
    _check_draft(plan)
    text = f"{deadline.due_date:%d/%m/%Y}: {deadline.action[:150]}"
    deadline.delete()
    _record_plan_version(plan, by=by, step=_("Bỏ hạn %(deadline)s") % {"deadline": text})


# --- The organisation of implementation, paragraph by paragraph ------------------------


def _duty(plan: Plan, index: int) -> implementation.Duty:
    duty = implementation.duty_at(plan, list(plan.agency.units.filter(is_active=True)), index)
    if duty is None:
        raise DomainError(_("Không còn đoạn này trong phần Tổ chức thực hiện; hãy tải lại trang."))
    return duty


@transaction.atomic
def make_duty_task(*, plan: Plan, index: int, unit: Unit | None, by: User) -> Task:
    """A paragraph of "Tổ chức thực hiện" becomes a task of the unit it names
    (or of ``unit``, which the office chose when the paragraph names none or
    several), with the timing its words state. It stays printed as the
    paragraph (plans.implementation)."""
    _check_draft(plan)
    duty = _duty(plan, index)
    if duty.task is not None:
        raise DomainError(_("Đoạn này đã là một nhiệm vụ của kế hoạch."))
    lead = unit or duty.unit
    if lead is None:
        raise DomainError(_("Hãy chọn đơn vị chủ trì cho nhiệm vụ này."))
    if lead.agency_id != plan.agency_id or not lead.is_active:
        raise DomainError(_("Đơn vị chủ trì phải là đơn vị của cơ quan ban hành kế hoạch."))
    if not duty.work.strip(" ;.:"):
        raise DomainError(_("Đoạn này chỉ có tên đơn vị, chưa ghi việc phải làm."))
    return add_task(plan=plan, by=by, **implementation.task_fields(duty, lead, plan.period_year))


@transaction.atomic
def enter_duty_dates(*, plan: Plan, index: int, by: User) -> list[PlanDeadline]:
    """The dates a paragraph of "Tổ chức thực hiện" sets become dated
    obligations of the plan, each reminded to its owners once issued."""
    _check_draft(plan)
    duty = _duty(plan, index)
    if not duty.dates_to_enter:
        raise DomainError(_("Đoạn này không còn hạn nào chưa ghi."))
    return [
        add_deadline(plan=plan, by=by, **implementation.deadline_fields(duty, found))
        for found in duty.dates_to_enter
    ]
