import functools
import hashlib
import pickle
from pathlib import Path

import django
from django import forms, template
from django.core.cache import cache
from django.db.models import Model, QuerySet
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from danvan.core import permissions

register = template.Library()


@register.filter
def bootstrap(field):
    """Render a bound field's widget with Bootstrap's classes, marked invalid when it has errors."""
    widget = field.field.widget
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return _checkbox_list(field)
    if isinstance(widget, forms.CheckboxInput):
        css = "form-check-input"
    elif isinstance(widget, forms.Select):
        css = "form-select"
    else:
        css = "form-control"
    if field.errors:
        css += " is-invalid"
    attrs = {"class": css}
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


def _checkbox_list(field):
    """A multiple choice as Bootstrap's form-check rows: each box visible, with
    its own label tied to it, ticked only when the bound value holds it."""
    invalid = " is-invalid" if field.errors else ""
    described = format_html(' aria-describedby="{}_error"', field.auto_id) if field.errors else ""
    rows = [
        format_html(
            '<div class="form-check"><input type="checkbox" class="form-check-input{}" name="{}"'
            ' value="{}" id="{}"{}{}><label class="form-check-label" for="{}">{}</label></div>',
            invalid,
            choice.data["name"],
            choice.data["value"],
            choice.id_for_label,
            _CHECKED if choice.data["selected"] else "",
            described,
            choice.id_for_label,
            choice.choice_label,
        )
        for choice in field.subwidgets
    ]
    return mark_safe("".join(rows))  # noqa: S308 - every row went through format_html


_CHECKED = mark_safe(" checked")


@register.filter
def is_checkbox_list(field):
    """Whether a bound field renders as a list of check boxes (a fieldset, not one label)."""
    return isinstance(field.field.widget, forms.CheckboxSelectMultiple)


@register.filter
def is_checkbox(field):
    """Whether a bound field is one check box (its label follows the box)."""
    return isinstance(field.field.widget, forms.CheckboxInput)


@register.simple_tag
def can(person, action, obj=None):
    """``{% can user "manage_organisation" agency as allowed %}`` — the same
    functions the views call decide which buttons a page shows. Each app
    offers its ``can_*`` rules (``permissions.offer_to_templates``)."""
    check = permissions.TEMPLATE_RULES[action]
    return check(person, obj) if obj is not None else check(person)


# URL name → the URL split around its one number, per script prefix and language.
_URL_PARTS: dict[tuple[str, str, str | None, str | None], tuple[str, str]] = {}
_PLACEHOLDER = 4611686018427387903  # no database id is this large


@register.simple_tag
def url_for_id(name, object_id):
    """``{% url_for_id "plans:task_detail" task.pk %}``: the same URL as
    ``{% url %}`` for a URL whose one argument is a number, resolved once per
    process and then filled in, for pages that link every row of a long list."""
    key = (name, get_script_prefix(), get_urlconf(), get_language())
    parts = _URL_PARTS.get(key)
    if parts is None:
        before, after = reverse(name, args=[_PLACEHOLDER]).split(str(_PLACEHOLDER))
        parts = _URL_PARTS[key] = (before, after)
    return f"{parts[0]}{int(object_id)}{parts[1]}"


@functools.cache
def _code_version() -> str:
    """Changes with every deployment of the code and templates (filters, tags
    and included templates render inside cached blocks too), so a cache shared
    across deployments, such as Redis, never serves markup of the previous one."""
    digest = hashlib.sha256(django.get_version().encode())
    package = Path(__file__).resolve().parents[2]
    for path in sorted([*package.rglob("*.py"), *package.rglob("*.html")]):
        stat = path.stat()
        digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def _check_plain(value) -> None:
    """Refuse what would make the key lie: a model instance can load more
    than it holds when the block runs, and a query set is read only then.
    Rows of one query are alike, so a list is checked by its first row."""
    if isinstance(value, (list, tuple)):
        if value:
            _check_plain(value[0])
    elif isinstance(value, dict):
        for item in value.values():
            _check_plain(item)
    elif isinstance(value, (Model, QuerySet)):
        raise TypeError(f"cache_by_content takes plain values, not {type(value).__name__}.")


class ContentCacheNode(template.Node):
    def __init__(self, nodelist, values, source_digest):
        self.nodelist = nodelist
        self.values = values
        self.source_digest = source_digest

    def render(self, context):
        values = [value.resolve(context) for value in self.values]
        for value in values:
            _check_plain(value)
        shown = (_code_version(), self.source_digest, get_language(), get_script_prefix(), values)
        digest = hashlib.sha256(pickle.dumps(shown, protocol=5))
        key = f"fragment:{digest.hexdigest()}"
        html = cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(key, html, CONTENT_CACHE_SECONDS)
        return html


CONTENT_CACHE_SECONDS = 24 * 3600


@register.tag
def cache_by_content(parser, token):
    """``{% cache_by_content rows may_edit %}…{% endcache_by_content %}`` keeps
    the rendered block under a key made of everything it shows.

    The key is a digest of the values named (which must be plain data: the
    rows as the block shows them, and every flag the block tests), the active
    language, the block's own source and the deployed code, so a changed row,
    another person's permissions or an edited template give another key: a stored copy is never
    stale and never someone else's. Only the template work is saved; the rows
    are read from the database on every request. The block must not show
    anything it is not given (no ``{% csrf_token %}``, no ``request``)."""
    bits = token.split_contents()[1:]
    if not bits:
        raise template.TemplateSyntaxError("cache_by_content needs the values the block shows.")
    remaining = list(parser.tokens)
    nodelist = parser.parse(("endcache_by_content",))
    consumed = remaining[len(parser.tokens) :]  # the block's tokens, last first
    parser.delete_first_token()
    source = hashlib.sha256()
    for part in reversed(consumed):
        source.update(f"{part.token_type.value}:{part.contents}\0".encode())
    return ContentCacheNode(nodelist, [parser.compile_filter(bit) for bit in bits], source.hexdigest())


@register.simple_tag(takes_context=True)
def page_url(context, page, number):
    """The list's address at another page, every other filter kept."""
    query = context["request"].GET.copy()
    query[getattr(page, "param", "trang")] = number
    return "?" + query.urlencode()


@register.filter
def thousands(number):
    from danvan.core.paging import thousands as written

    return written(number)
