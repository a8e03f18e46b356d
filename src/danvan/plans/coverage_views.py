"""Which content items of the higher plan an agency's plan takes up: the
office confirms the links the system proposes, or adds its own."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from danvan.core.services import DomainError
from danvan.plans import permissions, selectors, services


def _pairs(values) -> set[tuple[int, int]] | None:
    """ "higher:task" pairs from the form, or None when one is not a pair of ids."""
    pairs = set()
    for value in values:
        higher, _sep, task = str(value).partition(":")
        if not (higher.isdecimal() and task.isdecimal()):
            return None
        pairs.add((int(higher), int(task)))
    return pairs


@login_required
def plan_takeup(request, plan_id):
    plan = permissions.get_plan_for_user(request.user, plan_id)
    if plan.implements_id is None:
        raise PermissionDenied(_("Kế hoạch này chưa ghi kế hoạch cấp trên mà nó thực hiện."))
    may_link = permissions.can_link_higher_items(request.user, plan)
    if request.method == "POST":
        if not may_link:
            raise PermissionDenied(_("Chỉ Văn phòng cơ quan xác nhận nội dung triển khai kế hoạch cấp trên."))
        links = _pairs(request.POST.getlist("lien_ket"))
        added = _pairs(
            f"{key.removeprefix('them_')}:{value}"
            for key, value in request.POST.items()
            if key.startswith("them_") and value
        )
        proposed = _pairs(request.POST.getlist("goi_y"))
        if links is None or added is None or proposed is None:
            messages.error(request, _("Dữ liệu gửi lên không hợp lệ; hãy tải lại trang."))
        else:
            try:
                count = services.set_higher_item_links(
                    plan=plan, links=links | added, proposed=proposed, by=request.user
                )
            except DomainError as error:
                messages.error(request, error.message)
            else:
                messages.success(
                    request,
                    _("Đã lưu: %(count)s liên kết với nội dung của kế hoạch cấp trên.") % {"count": count},
                )
                return redirect("plans:plan_takeup", plan_id=plan.pk)
    context = {"plan": plan, "higher": plan.implements, "may_link": may_link, **selectors.takeup_rows(plan)}
    return render(request, "plans/plan_takeup.html", context)
