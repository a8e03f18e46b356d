"""Forms of the consultation pages (Luật 10/2022 Điều 53–55)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import FileTypeValidator, MaxSizeValidator
from danvan.core.models import Unit
from danvan.democracy.forms import MATERIAL_SIGNATURES
from danvan.democracy.models import Consultation, ConsultationForm, ConsultationTopic
from danvan.democracy.services import MATERIAL_LIMIT_BYTES


class ConsultationOpenForm(forms.Form):
    topic = forms.ChoiceField(label=_("Nội dung lấy ý kiến (Điều 53)"), choices=ConsultationTopic.choices)
    title = forms.CharField(label=_("Dự thảo, vấn đề lấy ý kiến"), max_length=500)
    content = forms.CharField(
        label=_("Nội dung, yêu cầu góp ý"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    consultation_forms = forms.MultipleChoiceField(
        label=_("Hình thức lấy ý kiến (Điều 54)"),
        choices=ConsultationForm.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    audience = forms.ChoiceField(label=_("Lấy ý kiến của"), choices=Consultation.Audience.choices)
    units = forms.ModelMultipleChoiceField(
        label=_("Đơn vị được lấy ý kiến"),
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    opens_on = forms.DateField(label=_("Ngày bắt đầu lấy ý kiến (dd/mm/yyyy)"))
    deadline = forms.DateField(label=_("Hạn góp ý (dd/mm/yyyy)"))
    draft = forms.FileField(
        label=_("Tệp dự thảo (PDF, Word, Excel; tối đa 20 MB)"),
        required=False,
        validators=[
            MaxSizeValidator(MATERIAL_LIMIT_BYTES),
            FileTypeValidator(MATERIAL_SIGNATURES, _("Tài liệu phải là PDF, Word, Excel, ảnh JPG hoặc PNG.")),
        ],
    )

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = Unit.objects.filter(agency=agency).order_by("sort_key", "name")

    def clean(self):
        data = super().clean()
        opens_on, deadline = data.get("opens_on"), data.get("deadline")
        if opens_on and deadline and deadline <= opens_on:
            self.add_error("deadline", _("Hạn góp ý phải sau ngày bắt đầu lấy ý kiến."))
        return data


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Ý kiến của bạn"), widget=forms.Textarea(attrs={"rows": 4}))
    for_unit = forms.BooleanField(label=_("Góp ý thay mặt đơn vị của tôi"), required=False)
    anonymous = forms.BooleanField(
        label=_("Gửi không ghi tên (không ai, kể cả quản trị hệ thống, biết người gửi)"), required=False
    )

    def __init__(self, *args, consultation, has_unit, **kwargs):
        super().__init__(*args, **kwargs)
        if not consultation.allows_anonymous():
            del self.fields["anonymous"]
        if not has_unit:
            del self.fields["for_unit"]


class ExplanationForm(forms.Form):
    summary = forms.CharField(label=_("Tổng hợp ý kiến"), widget=forms.Textarea(attrs={"rows": 4}))
    explanation = forms.CharField(
        label=_("Tiếp thu, giải trình của người đứng đầu"), widget=forms.Textarea(attrs={"rows": 4})
    )
