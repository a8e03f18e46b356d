"""The project's form renderer writes the common widgets in Python: every
widget must come out exactly as Django's own templates write it."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates

from danvan.core.rendering import FastFormRenderer

GROUPED = [
    ("", "— Chọn —"),
    ("Khối Văn phòng", [("1", "Văn phòng"), ("2", 'Phòng "Tổ chức" & <Cán bộ>')]),
    ("Khối đơn vị", [("3", "Chi cục Tiêu chuẩn")]),
]


class EveryWidget(forms.Form):
    title = forms.CharField(max_length=20, help_text="Tối đa 20 ký tự")
    optional = forms.CharField(required=False, widget=forms.TextInput(attrs={"placeholder": 'a "b" <c>'}))
    email = forms.EmailField(required=False)
    count = forms.IntegerField(min_value=0, required=False)
    percent = forms.DecimalField(max_digits=5, decimal_places=2, required=False)
    day = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    secret = forms.CharField(required=False, widget=forms.PasswordInput(render_value=True))
    hidden = forms.CharField(required=False, widget=forms.HiddenInput)
    agreed = forms.BooleanField(required=False)
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    kind = forms.ChoiceField(choices=[("a", "Kiến nghị"), ("b", "Phản ánh & <khác>")])
    unit = forms.ChoiceField(choices=GROUPED, required=False)
    units = forms.MultipleChoiceField(choices=[("1", "Một"), ("2", "Hai"), ("3", "Ba")], required=False)
    disabled = forms.CharField(required=False, disabled=True, initial="cố định")
    search = forms.CharField(
        required=False, widget=forms.TextInput(attrs={"type": "search", "autofocus": True})
    )


BOUND = {
    "title": 'Đèn <script>alert("x")</script>',
    "optional": "",
    "email": "nguoi@example.vn",
    "count": "12",
    "percent": "99.50",
    "day": "2026-11-22",
    "secret": "p&ss",
    "hidden": "ẩn",
    "agreed": "on",
    "note": "Dòng 1\n<b>Dòng 2</b>",
    "kind": "b",
    "unit": "2",
    "units": ["1", "3"],
    "search": "đèn",
}


def _rendered(form_class, data, renderer):
    form = form_class(data, renderer=renderer) if data is not None else form_class(renderer=renderer)
    if data is not None:
        form.is_valid()
    return {name: str(form[name]) for name in form.fields}


@pytest.mark.parametrize(
    "data",
    [None, BOUND, {**BOUND, "agreed": "", "note": "", "units": [], "unit": "", "count": "abc"}],
    ids=["blank", "filled", "with-errors"],
)
def test_fast_renderer_writes_what_django_templates_write(data):
    ours = _rendered(EveryWidget, data, FastFormRenderer())
    django_own = _rendered(EveryWidget, data, DjangoTemplates())
    for name in EveryWidget.base_fields:
        assert ours[name] == django_own[name], name


def test_fast_renderer_escapes_what_a_person_typed():
    html = str(EveryWidget(BOUND, renderer=FastFormRenderer())["title"])
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_fast_renderer_leaves_other_widgets_to_the_templates():
    class Other(forms.Form):
        choice = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)
        upload = forms.FileField(required=False)
        when = forms.SplitDateTimeField(required=False)

    ours = _rendered(Other, {"choice": "a"}, FastFormRenderer())
    assert ours == _rendered(Other, {"choice": "a"}, DjangoTemplates())
    assert 'type="radio"' in ours["choice"]


def test_project_uses_the_fast_renderer(settings):
    from django.forms.renderers import get_default_renderer

    assert settings.FORM_RENDERER == "danvan.core.rendering.FastFormRenderer"
    assert isinstance(get_default_renderer(), FastFormRenderer)


def test_a_field_error_is_the_description_its_input_points_to():
    import re

    from django.template.loader import render_to_string

    form = EveryWidget({**BOUND, "count": "abc", "email": "khong-phai-thu"})
    html = render_to_string("includes/form_fields.html", {"form": form})
    pointed = {name for names in re.findall(r'aria-describedby="([^"]+)"', html) for name in names.split()}
    described = set(re.findall(r'id="([^"]+_(?:error|helptext))"', html))
    assert {"id_count_error", "id_email_error", "id_title_helptext"} <= pointed
    assert pointed == described
