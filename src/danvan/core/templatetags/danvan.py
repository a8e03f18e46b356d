from django import forms, template
from django.template import engines
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from danvan.core import permissions
from danvan.core.paging import thousands as written_thousands

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


@register.simple_tag
def jinja(template_name, **context):
    """``{% jinja "plans/plan_task_rows.jinja" rows=task_rows %}``: the rows of
    a long list rendered by Jinja2 (an app's ``jinja2/`` folder) with only the
    values given, where the Django template language would spend most of the
    page's time on them. The rows get the same words, URLs and dates."""
    return mark_safe(engines["jinja2"].get_template(template_name).render(context))  # noqa: S308 - Jinja2 escapes


def _url_key(name: str) -> tuple[str, str, str | None, str | None]:
    """What a URL name's URL depends on besides its arguments: the script
    prefix, the URLconf and the language (i18n URLs differ by language)."""
    return (name, get_script_prefix(), get_urlconf(), get_language())


# URL name → its URL, for names that take no argument.
_FIXED_URLS: dict[tuple[str, str, str | None, str | None], str] = {}
# URL name → the URL split around its one number.
_URL_PARTS: dict[tuple[str, str, str | None, str | None], tuple[str, str]] = {}
_PLACEHOLDER = 4611686018427387903  # no database id is this large


def fixed_url(name: str) -> str:
    """The URL of a page that takes no argument, reversed once per process
    (Jinja2's ``fixed_url('core:home')``): the menu of every page links a dozen."""
    key = _url_key(name)
    found = _FIXED_URLS.get(key)
    if found is None:
        found = _FIXED_URLS[key] = reverse(name)
    return found


@register.simple_tag
def url_for_id(name, object_id):
    """``{% url_for_id "plans:task_detail" task.pk %}``: the same URL as
    ``{% url %}`` for a URL whose one argument is a number, resolved once per
    process and then filled in, for pages that link every row of a long list."""
    key = _url_key(name)
    parts = _URL_PARTS.get(key)
    if parts is None:
        before, after = reverse(name, args=[_PLACEHOLDER]).split(str(_PLACEHOLDER))
        parts = _URL_PARTS[key] = (before, after)
    return f"{parts[0]}{int(object_id)}{parts[1]}"


@register.simple_tag(takes_context=True)
def page_url(context, page, number):
    """The list's address at another page, every other filter kept."""
    query = context["request"].GET.copy()
    query[getattr(page, "param", "trang")] = number
    return "?" + query.urlencode()


@register.filter
def thousands(number):
    return written_thousands(number)


@register.filter
def name_on(owner, day):
    """The name an agency, unit or province bore on ``day`` (a renamed agency's
    2024 report reads with its 2024 name)."""
    if owner is None:
        return ""
    return owner.name_on(day)
