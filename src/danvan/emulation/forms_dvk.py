"""Forms of the «Dân vận khéo» pages; every choice is looked up inside the person's scope."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import DOCUMENT_SIGNATURES, FileTypeValidator, MaxSizeValidator
from danvan.core.models import Agency, Unit, User
from danvan.emulation.models import Field, GoodPractice, Level
from danvan.plans.models import Task

EVIDENCE_SIGNATURES = (*DOCUMENT_SIGNATURES, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")


class PersonChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.full_name or obj.username


def _dates(text: str) -> list:
    days = []
    for part in text.replace(";", ",").split(","):
        if not part.strip():
            continue
        try:
            days.append(datetime.strptime(part.strip(), "%d/%m/%Y").date())  # noqa: DTZ007
        except ValueError as exc:
            raise ValidationError(
                gettext("Ngày «%(value)s» không đúng dạng dd/mm/yyyy.") % {"value": part.strip()}
            ) from exc
    return days


class CampaignForm(forms.Form):
    agency = forms.ModelChoiceField(
        label=_("Cơ quan phát động"),
        queryset=Agency.objects.none(),
        required=False,
        empty_label=_("Tỉnh phát động cho mọi cơ quan"),
    )
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    title = forms.CharField(label=_("Tên đợt đăng ký"), max_length=255)
    deadline = forms.DateField(label=_("Hạn đăng ký (dd/mm/yyyy)"))
    report_dates = forms.CharField(
        label=_("Các ngày báo cáo tiến độ (dd/mm/yyyy, cách nhau bằng dấu phẩy)"), required=False
    )
    units = forms.ModelMultipleChoiceField(
        label=_("Đơn vị phải đăng ký"), queryset=Unit.objects.none(), required=False
    )
    agencies = forms.ModelMultipleChoiceField(
        label=_("Cơ quan phải đăng ký (đợt do tỉnh phát động)"),
        queryset=Agency.objects.none(),
        required=False,
    )
    criteria = forms.CharField(
        label=_("Tiêu chí bình xét, mỗi dòng «tên tiêu chí | điểm tối đa»"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    council = PersonChoice(label=_("Hội đồng bình xét"), queryset=User.objects.none(), required=False)

    def __init__(self, *args, agencies, province_agencies, people, provincial: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.provincial = provincial
        self.fields["agency"].queryset = agencies
        self.fields["agency"].required = not provincial
        if not provincial:
            self.fields["agency"].empty_label = None
        self.fields["units"].queryset = Unit.objects.filter(agency__in=agencies, is_active=True).order_by(
            "agency__sort_key", "name"
        )
        self.fields["agencies"].queryset = province_agencies
        self.fields["council"].queryset = people

    def clean_report_dates(self):
        return _dates(self.cleaned_data["report_dates"])

    def clean_criteria(self):
        rows = []
        for line in self.cleaned_data["criteria"].splitlines():
            if not line.strip():
                continue
            name, _sep, points = line.rpartition("|")
            try:
                value = Decimal(points.strip().replace(",", "."))
            except InvalidOperation as exc:
                raise ValidationError(
                    gettext("Dòng «%(line)s» cần «tên tiêu chí | điểm tối đa».") % {"line": line}
                ) from exc
            rows.append((name.strip(), value))
        return rows


class PracticeForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị đăng ký"), queryset=Unit.objects.none())
    name = forms.CharField(label=_("Tên mô hình"), max_length=255)
    address = forms.CharField(label=_("Địa chỉ thực hiện"), max_length=255)
    field = forms.ChoiceField(
        label=_("Lĩnh vực"),
        choices=[("", "---------"), *Field.choices],
        error_messages={"required": _("Hãy chọn lĩnh vực của mô hình.")},
    )
    level = forms.ChoiceField(
        label=_("Cấp"),
        choices=[("", "---------"), *Level.choices],
        error_messages={"required": _("Hãy chọn cấp của mô hình.")},
    )
    aims = forms.CharField(label=_("Mục tiêu"), widget=forms.Textarea(attrs={"rows": 3}))
    content = forms.CharField(label=_("Nội dung"), widget=forms.Textarea(attrs={"rows": 4}))
    participants = forms.CharField(label=_("Lực lượng tham gia"), widget=forms.Textarea(attrs={"rows": 2}))
    starts_on = forms.DateField(label=_("Ngày bắt đầu (dd/mm/yyyy)"))
    ends_on = forms.DateField(label=_("Ngày kết thúc (dd/mm/yyyy)"))
    expected_results = forms.CharField(label=_("Kết quả dự kiến"), widget=forms.Textarea(attrs={"rows": 3}))
    responsible = forms.CharField(label=_("Người phụ trách"), max_length=255)
    tasks = forms.ModelMultipleChoiceField(
        label=_("Nhiệm vụ của kế hoạch gắn với mô hình"), queryset=Task.objects.none(), required=False
    )
    late_reason = forms.CharField(
        label=_("Lý do đăng ký sau hạn (khi đã quá hạn)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["tasks"].queryset = (
            Task.objects.filter(plan__agency__in=units.values("agency")).select_related("plan").order_by("pk")
        )

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends <= starts:
            self.add_error("ends_on", gettext("Ngày kết thúc phải sau ngày bắt đầu."))
        return data


class ProgressForm(forms.Form):
    period = forms.CharField(label=_("Kỳ báo cáo"), max_length=100)
    figures = forms.CharField(label=_("Số liệu"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    text = forms.CharField(label=_("Nội dung báo cáo"), widget=forms.Textarea(attrs={"rows": 3}))
    evidence = forms.FileField(
        label=_("Minh chứng (PDF, Word, Excel, ảnh; tối đa 20 MB)"),
        required=False,
        validators=[
            MaxSizeValidator(20 * 1024 * 1024),
            FileTypeValidator(
                EVIDENCE_SIGNATURES, _("Minh chứng phải là PDF, Word, Excel, ảnh JPG hoặc PNG.")
            ),
        ],
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 2}))


class ResultsForm(forms.Form):
    results = forms.CharField(label=_("Kết quả, hiệu quả"), widget=forms.Textarea(attrs={"rows": 3}))


class ScoreForm(forms.Form):
    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"c{criterion.pk}"] = forms.DecimalField(
                label=gettext("%(name)s (tối đa %(max)s điểm)")
                % {"name": criterion.name, "max": criterion.max_points},
                min_value=0,
                max_value=criterion.max_points,
                decimal_places=2,
            )

    def points(self) -> dict[int, Decimal]:
        return {criterion.pk: self.cleaned_data[f"c{criterion.pk}"] for criterion in self.criteria}


class DecisionForm(forms.Form):
    number = forms.CharField(
        label=_("Số quyết định (để trống để lấy số tiếp theo của sổ văn bản đi)"),
        max_length=100,
        required=False,
    )
    signed_on = forms.DateField(label=_("Ngày ký (dd/mm/yyyy)"))
    level = forms.ChoiceField(label=_("Cấp công nhận"), choices=Level.choices)
    recognised = forms.ModelMultipleChoiceField(
        label=_("Mô hình được công nhận"),
        queryset=GoodPractice.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    not_recognised = forms.ModelMultipleChoiceField(
        label=_("Mô hình không được công nhận"),
        queryset=GoodPractice.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, proposed, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recognised"].queryset = proposed
        self.fields["not_recognised"].queryset = proposed


class ReplicateForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị nhân rộng"), queryset=Unit.objects.none())
    address = forms.CharField(label=_("Địa chỉ thực hiện"), max_length=255)
    starts_on = forms.DateField(label=_("Ngày bắt đầu (dd/mm/yyyy)"))
    ends_on = forms.DateField(label=_("Ngày kết thúc (dd/mm/yyyy)"))
    responsible = forms.CharField(label=_("Người phụ trách"), max_length=255)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class LibraryForm(forms.Form):
    q = forms.CharField(label=_("Tìm mô hình"), required=False)
    field = forms.ChoiceField(
        label=_("Lĩnh vực"), choices=[("", _("Mọi lĩnh vực")), *Field.choices], required=False
    )
    level = forms.ChoiceField(label=_("Cấp"), choices=[("", _("Mọi cấp")), *Level.choices], required=False)
    agency = forms.ModelChoiceField(
        label=_("Cơ quan"), queryset=Agency.objects.none(), required=False, empty_label=_("Mọi cơ quan")
    )
    year = forms.IntegerField(label=_("Năm"), required=False, min_value=2000, max_value=2100)

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
