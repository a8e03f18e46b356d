"""The Jinja2 environment: the citizens' public pages, and the rows of the
long lists of the staff pages (``{% jinja %}`` in a Django template, see
core/templatetags/danvan.py), where a Django template's cost per row is most
of the page's.

The same static files, URLs, translations and dd/mm/yyyy dates as the Django
templates. Strings are marked ``{{ _("…") }}`` (with ``|format(name=…)`` for
placeholders), which `make messages` extracts like the Django templates'.
An app offers its own filters to the rows it renders with ``add_filters``
(from its AppConfig.ready, before the first page is rendered).
"""

from __future__ import annotations

import functools

from django.conf import settings
from django.contrib.messages import get_messages
from django.template.defaultfilters import floatformat, linebreaksbr
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.html import json_script
from django.utils.text import Truncator
from jinja2 import Environment

from danvan.core.templatetags.danvan import bootstrap, fixed_url, url_for_id

_APP_FILTERS: dict = {}


def add_filters(**filters) -> None:
    """An app's filters for its Jinja2 templates: ``add_filters(task_status_badge=…)``."""
    _APP_FILTERS.update(filters)


def url(name: str, *args) -> str:
    return reverse(name, args=args or None)


def day_month_year(value) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def truncatechars(value, length: int) -> str:
    """Django's ``truncatechars``: at most ``length`` characters, "…" included."""
    return Truncator(value).chars(length)


def environment(**options) -> Environment:
    # Django's backend asks for escaping too; the pages never turn it off.
    options.pop("autoescape", None)
    env = Environment(autoescape=True, extensions=["jinja2.ext.i18n"], **options)
    env.install_gettext_callables(translation.gettext, translation.ngettext, newstyle=False)
    env.globals.update(
        # A static file's URL does not change while the process runs.
        static=functools.cache(static),
        url=url,
        fixed_url=fixed_url,
        url_for_id=url_for_id,
        current_language=translation.get_language,
        get_messages=get_messages,
        languages=settings.LANGUAGES,
    )
    env.filters.update(
        bootstrap=bootstrap,
        dmy=day_month_year,
        floatformat=floatformat,
        json_script=json_script,
        linebreaksbr=linebreaksbr,
        truncatechars=truncatechars,
    )
    env.filters.update(_APP_FILTERS)
    return env
