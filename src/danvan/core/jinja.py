"""The Jinja2 environment of the citizens' public pages.

The same static files, URLs, translations and dd/mm/yyyy dates as the Django
templates. Strings are marked ``{{ _("…") }}`` (with ``|format(name=…)`` for
placeholders), which `make messages` extracts like the Django templates'.
"""

from __future__ import annotations

import functools

from django.conf import settings
from django.contrib.messages import get_messages
from django.template.defaultfilters import linebreaksbr
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from jinja2 import Environment

from danvan.core.templatetags.danvan import bootstrap


def url(name: str, *args) -> str:
    return reverse(name, args=args or None)


def day_month_year(value) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def environment(**options) -> Environment:
    # Django's backend asks for escaping too; the pages never turn it off.
    options.pop("autoescape", None)
    env = Environment(autoescape=True, extensions=["jinja2.ext.i18n"], **options)
    env.install_gettext_callables(translation.gettext, translation.ngettext, newstyle=False)
    env.globals.update(
        # A static file's URL does not change while the process runs.
        static=functools.cache(static),
        url=url,
        current_language=translation.get_language,
        get_messages=get_messages,
        languages=settings.LANGUAGES,
    )
    env.filters.update(bootstrap=bootstrap, dmy=day_month_year, linebreaksbr=linebreaksbr)
    return env
