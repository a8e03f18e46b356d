from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import WorkDateField
from danvan.engagement.models import Dialogue

DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"inputmode": "numeric"})


def date_field(label, **kwargs):
    return WorkDateField(label=label, widget=DATE_WIDGET, **kwargs)


class DialogueForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("Cơ quan tổ chức"), queryset=None, empty_label=None)
    kind = forms.ChoiceField(label=_("Hình thức đối thoại"), choices=Dialogue.Kind.choices)
    held_on = date_field(_("Ngày đối thoại"))
    place = forms.CharField(label=_("Địa điểm"), max_length=255)
    leader = forms.ModelChoiceField(label=_("Lãnh đạo chủ trì"), queryset=None)
    subject = forms.CharField(label=_("Nội dung đối thoại"), max_length=255)
    participants = forms.CharField(
        label=_("Thành phần tham dự"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Ví dụ: đại diện 15 hộ dân ấp Bàu Sen; Phòng Quản lý đất đai; UBND xã Tân Hòa."),
    )

    def __init__(self, *args, agencies, leaders, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        self.fields["leader"].queryset = leaders

    def clean(self):
        data = super().clean()
        if data.get("agency") and data.get("leader") and data["leader"].agency_id != data["agency"].pk:
            raise ValidationError(_("Lãnh đạo chủ trì phải thuộc cơ quan tổ chức đối thoại."))
        return data


class IssueForm(forms.Form):
    raised_by = forms.CharField(label=_("Người nêu ý kiến"), max_length=255)
    question = forms.CharField(label=_("Vấn đề nêu ra"), widget=forms.Textarea(attrs={"rows": 3}))
    answer = forms.CharField(
        label=_("Trả lời, giải đáp"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class MinutesForm(forms.Form):
    minutes_on = date_field(_("Ngày lập biên bản"))
    opinions = forms.CharField(
        label=_("Ý kiến của những người tham gia"), widget=forms.Textarea(attrs={"rows": 4})
    )
    result = forms.CharField(label=_("Kết quả đối thoại"), widget=forms.Textarea(attrs={"rows": 3}))
    all_signed = forms.BooleanField(label=_("Tất cả những người tham gia đã ký biên bản"), required=False)
    unsigned_reason = forms.CharField(
        label=_("Lý do có người không ký biên bản"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def clean(self):
        data = super().clean()
        if not data.get("all_signed") and not (data.get("unsigned_reason") or "").strip():
            self.add_error("unsigned_reason", _("Cần ghi lý do có người không ký biên bản."))
        return data


class CommitmentForm(forms.Form):
    text = forms.CharField(label=_("Nội dung cam kết"), widget=forms.Textarea(attrs={"rows": 2}))
    lead_unit = forms.ModelChoiceField(label=_("Đơn vị chủ trì"), queryset=None)
    due_date = date_field(_("Hạn thực hiện"))
    issue = forms.ModelChoiceField(label=_("Vấn đề liên quan"), queryset=None, required=False)

    def __init__(self, *args, units, issues, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_unit"].queryset = units
        self.fields["issue"].queryset = issues
