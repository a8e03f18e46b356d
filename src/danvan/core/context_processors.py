from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from danvan.core import permissions

# The areas of the system, in the order of the main menu.
AREAS = [
    ("plans", _("Kế hoạch"), "bi-journal-text"),
    ("tasks", _("Nhiệm vụ"), "bi-list-check"),
    ("reports", _("Báo cáo"), "bi-file-earmark-bar-graph"),
    ("petitions", _("Tiếp công dân & đơn thư"), "bi-people"),
    ("good_practices", _("Dân vận khéo"), "bi-award"),
    ("evaluation", _("Đánh giá"), "bi-clipboard-check"),
]


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "nav_areas": [(reverse("core:area", args=[slug]), label, icon, slug) for slug, label, icon in AREAS],
        "nav_can_admin": permissions.can_use_admin_site(request.user),
    }
