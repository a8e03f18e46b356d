"""The project's URLs with a stand-in for the change list (``core:change_list``),
where the import sends the administrator, until the change pages bring the
real one; then the real one is kept and this adds nothing."""

from django.http import HttpResponse
from django.urls import URLResolver, include, path

from danvan import urls as project
from danvan.core import urls as core


def _change_list(request):
    return HttpResponse()


_core = list(core.urlpatterns)
if not any(getattr(pattern, "name", None) == "change_list" for pattern in _core):
    _core.append(path("to-chuc/thay-doi/", _change_list, name="change_list"))

urlpatterns = [
    path("", include((_core, "core"))),
    *(p for p in project.urlpatterns if not (isinstance(p, URLResolver) and p.namespace == "core")),
]
handler403 = project.handler403
handler404 = project.handler404
