from datetime import date

from django import forms
from django.utils import formats, translation


class _DateForm(forms.Form):
    day = forms.DateField()
    count = forms.IntegerField()


def test_day_first_date_is_read_as_fifth_of_march():
    with translation.override("vi"):
        form = _DateForm({"day": "05/03/2026", "count": "1"})
        assert form.is_valid()
    assert form.cleaned_data["day"] == date(2026, 3, 5)


def test_day_above_twelve_is_accepted():
    with translation.override("vi"):
        form = _DateForm({"day": "25/03/2026", "count": "1"})
        assert form.is_valid(), form.errors
    assert form.cleaned_data["day"] == date(2026, 3, 25)


def test_dates_are_shown_day_first():
    with translation.override("vi"):
        assert formats.date_format(date(2026, 3, 5), "SHORT_DATE_FORMAT") == "05/03/2026"


def test_integer_error_reads_as_intended():
    with translation.override("vi"):
        form = _DateForm({"day": "05/03/2026", "count": "abc"})
        assert form.errors["count"] == ["Vui lòng nhập số nguyên."]


def test_required_error_is_vietnamese():
    with translation.override("vi"):
        form = _DateForm({"count": "1"})
        assert form.errors["day"] == ["Trường này là bắt buộc."]


def test_english_is_selectable():
    with translation.override("en"):
        assert translation.gettext("Đăng nhập") == "Sign in"


def test_english_interface_reads_dates_day_first_too():
    with translation.override("en"):
        form = _DateForm({"day": "05/03/2026", "count": "1"})
        assert form.is_valid()
    assert form.cleaned_data["day"] == date(2026, 3, 5)
