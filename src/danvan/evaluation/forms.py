import re

from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.models import Agency

MAX_WORKBOOK = 5 * 1024 * 1024


def _years(text: str) -> list[int]:
    years = []
    for part in re.split(r"[,;\s]+", text.strip()):
        if not part:
            continue
        if not re.fullmatch(r"\d{4}", part) or not 2000 <= int(part) <= 2100:
            raise forms.ValidationError(
                _("Năm áp dụng ghi bằng bốn chữ số, cách nhau bởi dấu phẩy, ví dụ 2025, 2026.")
            )
        years.append(int(part))
    if not years:
        raise forms.ValidationError(_("Hãy ghi năm áp dụng."))
    return sorted(set(years))


class YearsField(forms.CharField):
    def clean(self, value):
        return _years(super().clean(value) or "")


class WorkbookField(forms.FileField):
    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload is not None and upload.size > MAX_WORKBOOK:
            raise forms.ValidationError(_("Tệp lớn hơn 5 MB."))
        return upload


class CriteriaSetForm(forms.Form):
    province = forms.ModelChoiceField(label=_("Tỉnh"), queryset=None, empty_label=None)
    name = forms.CharField(
        label=_("Tên bộ tiêu chí"),
        max_length=255,
        required=False,
        help_text=_("Để trống thì lấy tên ghi trong tệp."),
    )
    document_number = forms.CharField(label=_("Số, ký hiệu văn bản ban hành"), max_length=100, required=False)
    document_date = forms.DateField(label=_("Ngày ban hành"), required=False)
    legal_document = forms.ModelChoiceField(label=_("Văn bản trong thư viện"), queryset=None, required=False)
    years = YearsField(label=_("Năm áp dụng"), help_text=_("Ví dụ: 2025, 2026"))
    agency_kinds = forms.MultipleChoiceField(
        label=_("Loại cơ quan được đánh giá"),
        choices=Agency.Kind.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    effective_from = forms.DateField(label=_("Hiệu lực từ ngày"), required=False)
    effective_to = forms.DateField(label=_("Hiệu lực đến ngày"), required=False)
    workbook = WorkbookField(label=_("Tệp bộ tiêu chí (.xlsx, theo mẫu)"))

    def __init__(self, *args, provinces, documents, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = provinces
        self.fields["legal_document"].queryset = documents


class NewVersionForm(forms.Form):
    workbook = WorkbookField(label=_("Tệp bộ tiêu chí (.xlsx, theo mẫu)"))


class CopyForm(forms.Form):
    years = YearsField(label=_("Năm áp dụng của bộ mới"), help_text=_("Ví dụ: 2026"))
