from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from danvan.core import permissions, secondfactor, selectors

# The areas of the system, in the order of the main menu: slug, label, icon,
# and the URL name of the area's own index once the area exists (until then
# core:area explains what the area will hold).
AREAS = [
    ("plans", _("Kế hoạch"), "bi-journal-text", "plans:index"),
    ("tasks", _("Nhiệm vụ"), "bi-list-check", "plans:task_list"),
    ("reports", _("Báo cáo"), "bi-file-earmark-bar-graph", "reports:index"),
    ("petitions", _("Tiếp công dân & đơn thư"), "bi-people", "petitions:index"),
    ("good_practices", _("Dân vận khéo"), "bi-award", "emulation:index"),
    ("evaluation", _("Đánh giá"), "bi-clipboard-check", "evaluation:criteria_set_list"),
    ("democracy", _("Dân chủ ở cơ quan"), "bi-megaphone", "democracy:index"),
    ("onestop", _("Thủ tục hành chính một cửa"), "bi-hourglass-split", "onestop:index"),
    ("surveys", _("Khảo sát sự hài lòng"), "bi-emoji-smile", "surveys:survey_list"),
]


def area_url(slug: str, url_name: str | None) -> str:
    return reverse(url_name) if url_name else reverse("core:area", args=[slug])


def unread_count(user) -> int:
    """Read with the person on this request (core.backends.PersonBackend),
    or counted here for a person loaded another way."""
    loaded = getattr(user, "nav_unread", None)
    if loaded is not None:
        return loaded
    return user.notifications.filter(read_at__isnull=True).count()


def dashboard_agency_id(user) -> int | None:
    """The agency whose overview (plans:dashboard) the menu opens: the
    person's own agency when they may read it, else the first one they work in."""
    scopes = permissions.scopes_of(user)
    agencies = scopes.agencies_with(*permissions.AGENCY_WIDE_ROLES) | scopes.unit_agencies
    if user.agency_id in agencies:
        return user.agency_id
    return min(agencies) if agencies else None


def navigation(request):
    user = getattr(request, "user", None)
    # The citizens' pages, for the sign-in page and the front page.
    public = {"public_links": selectors.public_links}
    if user is None or not user.is_authenticated:
        return public
    if secondfactor.pending_step(request):
        # Until the second step is done the page shows no menu: nothing in it opens.
        return {**public, "nav_second_step": True}
    agency_id = dashboard_agency_id(user)
    # The menu (core/jinja2/core/nav.jinja), rendered by Jinja2 on every signed-in page.
    return {
        **public,
        "nav": {
            "dashboard_url": reverse("plans:dashboard", args=[agency_id]) if agency_id else "",
            "areas": [(area_url(slug, url_name), label, icon, slug) for slug, label, icon, url_name in AREAS],
            "can_admin": permissions.can_use_admin_site(user),
            "can_read_log": permissions.can_search_read_log(user),
            "can_change_organisation": permissions.can_manage_organisation_changes(user),
            "unread": unread_count(user),
            "full_name": user.get_full_name(),
        },
    }
