from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import DOCUMENT_SIGNATURES, FileTypeValidator, MaxSizeValidator, WorkDateField
from danvan.core.models import Agency, Unit
from danvan.reports.models import PeriodKind, Report, ReportRequest

# The most a report's section holds.
SECTION_LIMIT = 100_000

# Also the older Word and Excel files (.doc, .xls) units still keep.
ATTACHMENT_SIGNATURES = (*DOCUMENT_SIGNATURES, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")


class PeriodFields(forms.Form):
    period_kind = forms.ChoiceField(
        label=_("Kỳ báo cáo"), choices=PeriodKind.choices, initial=PeriodKind.YEAR
    )
    period_year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    period_number = forms.IntegerField(
        label=_("Quý hoặc tháng"),
        required=False,
        min_value=1,
        max_value=12,
        help_text=_("Chỉ ghi với kỳ quý (1–4) hoặc tháng (1–12)."),
    )

    def clean(self):
        cleaned = super().clean()
        kind, number = cleaned.get("period_kind"), cleaned.get("period_number")
        if kind == PeriodKind.QUARTER and not (number and 1 <= number <= 4):
            self.add_error("period_number", _("Quý phải từ 1 đến 4."))
        if kind == PeriodKind.MONTH and not number:
            self.add_error("period_number", _("Tháng phải từ 1 đến 12."))
        return cleaned


class RequestFields(PeriodFields):
    kind = forms.ChoiceField(label=_("Loại báo cáo"), choices=ReportRequest.Kind.choices)
    title = forms.CharField(label=_("Tên báo cáo"), max_length=300)
    due_date = WorkDateField(label=_("Hạn nộp (dd/mm/yyyy)"))
    note = forms.CharField(
        label=_("Yêu cầu về nội dung"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
    )


class UnitRequestForm(RequestFields):
    units = forms.ModelMultipleChoiceField(
        label=_("Các đơn vị phải báo cáo"),
        queryset=Unit.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Hãy chọn ít nhất một đơn vị phải báo cáo.")},
    )
    parent = forms.ModelChoiceField(
        label=_("Phục vụ yêu cầu báo cáo của cấp trên"), queryset=ReportRequest.objects.none(), required=False
    )

    def __init__(self, *args, agency: Agency, **kwargs):
        super().__init__(*args, **kwargs)
        # Only this agency's units and the upward requests sent to it are
        # choices: a forged id of another agency is "not one of the choices".
        units = (
            agency.units.filter(is_active=True).exclude(kind__in=[Unit.Kind.LEADERSHIP]).order_by("sort_key")
        )
        self.fields["units"].queryset = units
        self.fields["parent"].queryset = ReportRequest.objects.filter(
            level=ReportRequest.Level.AGENCIES, reports__agency=agency, reports__unit__isnull=True
        ).select_related("period")
        self.fields["parent"].label_from_instance = lambda request: (
            f"{request.title} — {request.due_date:%d/%m/%Y}"
        )


class AgencyRequestForm(RequestFields):
    agencies = forms.ModelMultipleChoiceField(
        label=_("Các cơ quan phải báo cáo"),
        queryset=Agency.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Hãy chọn ít nhất một cơ quan phải báo cáo.")},
    )
    recipient = forms.CharField(label=_("Nơi nhận báo cáo"), max_length=255, required=False)

    def __init__(self, *args, province, **kwargs):
        super().__init__(*args, **kwargs)
        agencies = Agency.objects.active().filter(province=province).order_by("sort_key")
        self.fields["agencies"].queryset = agencies


class ReportForm(forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    results = forms.CharField(
        label=_("Kết quả đạt được"), required=False, widget=forms.Textarea(attrs={"rows": 8})
    )
    shortcomings = forms.CharField(
        label=_("Hạn chế, nguyên nhân"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    lessons = forms.CharField(
        label=_("Bài học kinh nghiệm"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    next_tasks = forms.CharField(
        label=_("Phương hướng, nhiệm vụ kỳ tới"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    proposals = forms.CharField(
        label=_("Kiến nghị, đề xuất"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in Report.SECTIONS:
            # A field's validators are made when it is built: the limit is added here too.
            self.fields[name].max_length = SECTION_LIMIT
            self.fields[name].validators.append(MaxLengthValidator(SECTION_LIMIT))
            self.fields[name].widget.attrs["maxlength"] = SECTION_LIMIT

    def sections(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name, "") for name in Report.SECTIONS}


class SignatureForm(forms.Form):
    recipients = forms.CharField(
        label=_("Nơi nhận (mỗi dòng một nơi)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    signer_authority = forms.CharField(
        label=_("Thẩm quyền ký (KT., TL., TM.)"), required=False, max_length=100
    )
    signer_title = forms.CharField(label=_("Chức vụ người ký"), max_length=100)
    signer_name = forms.CharField(label=_("Người ký"), max_length=100)

    def clean_recipients(self):
        return [line.strip() for line in self.cleaned_data["recipients"].splitlines() if line.strip()]


class ReturnForm(forms.Form):
    comment = forms.CharField(label=_("Ý kiến"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp đính kèm (PDF, Word, Excel, ảnh; tối đa 20 MB)"),
        validators=[
            MaxSizeValidator(20 * 1024 * 1024),
            FileTypeValidator(
                ATTACHMENT_SIGNATURES, _("Tệp đính kèm phải là PDF, Word, Excel, ảnh JPG hoặc PNG.")
            ),
        ],
    )


class CutOffRuleForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại kỳ"), choices=PeriodKind.choices)
    cut_off_day = forms.IntegerField(label=_("Ngày chốt số liệu (0 = hết tháng)"), min_value=0, max_value=28)
    source = forms.CharField(label=_("Căn cứ"), max_length=255)


class PeriodCorrectionForm(forms.Form):
    start = WorkDateField(label=_("Từ ngày"))
    end = WorkDateField(label=_("Đến ngày"))
    reason = forms.CharField(label=_("Căn cứ điều chỉnh"), max_length=200)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["end"] < cleaned["start"]:
            raise ValidationError(_("Ngày kết thúc kỳ báo cáo phải sau ngày bắt đầu."))
        return cleaned
