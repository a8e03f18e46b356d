"""Which content items of the higher plan an agency's plan takes up: the
links the office confirms between its tasks and the province plan's items."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core.models import User
from danvan.core.services import DomainError
from danvan.plans.models import HigherItemLink, Plan, Task


@transaction.atomic
def set_higher_item_links(
    *, plan: Plan, links: set[tuple[int, int]], proposed: set[tuple[int, int]], by: User
) -> int:
    """Keep exactly ``links`` (pairs of higher item id, own task id) as the
    plan's confirmed take-ups; ``proposed`` are the pairs the system offered.
    A pair naming an item outside the higher plan or a task outside this plan
    changes nothing. Returns how many links the plan has now."""
    if plan.implements_id is None:
        raise DomainError(_("Kế hoạch này chưa ghi kế hoạch cấp trên mà nó thực hiện."))
    higher_ids = set(Task.objects.filter(plan_id=plan.implements_id).values_list("pk", flat=True))
    own_ids = set(plan.tasks.values_list("pk", flat=True))
    if any(higher not in higher_ids or task not in own_ids for higher, task in links):
        raise DomainError(_("Có nội dung hoặc nhiệm vụ không thuộc hai kế hoạch này; hãy tải lại trang."))
    existing = {
        (link.higher_task_id, link.task_id): link
        for link in HigherItemLink.objects.filter(task__plan=plan).select_for_update(of=("self",))
    }
    HigherItemLink.objects.filter(
        pk__in=[link.pk for pair, link in existing.items() if pair not in links]
    ).delete()
    HigherItemLink.objects.bulk_create(
        [
            HigherItemLink(
                higher_task_id=higher, task_id=task, proposed=(higher, task) in proposed, confirmed_by=by
            )
            for higher, task in sorted(links - existing.keys())
        ]
    )
    return len(links)
