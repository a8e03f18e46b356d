from django import forms, template

from danvan.core import permissions

register = template.Library()


@register.filter
def bootstrap(field):
    """Render a bound field's widget with Bootstrap's classes, marked invalid when it has errors."""
    widget = field.field.widget
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


@register.simple_tag
def can(person, action, obj=None):
    """``{% can user "manage_organisation" agency as allowed %}`` — the same
    functions the views call decide which buttons a page shows."""
    check = getattr(permissions, f"can_{action}")
    return check(person, obj) if obj is not None else check(person)
