import re
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.models import Agency
from danvan.evaluation.engine import model as engine

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


# --- Assessments ----------------------------------------------------------------

DONE_CHOICES = (("yes", _("Đã thực hiện")), ("no", _("Chưa thực hiện")))


class OpenAssessmentForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("Cơ quan"), queryset=None, empty_label=None)
    year = forms.IntegerField(label=_("Năm đánh giá"), min_value=2000, max_value=2100)

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies


class LeafForm(forms.Form):
    """What is entered for one leaf, by its scoring method; the fields of other methods stay out."""

    not_applicable = forms.BooleanField(label=_("Không áp dụng"), required=False)
    done = forms.ChoiceField(
        label=_("Kết quả"), choices=DONE_CHOICES, required=False, widget=forms.RadioSelect
    )
    step = forms.ChoiceField(label=_("Mức điểm"), choices=(), required=False)
    numerator = forms.DecimalField(label=_("Tử số (số đạt)"), min_value=0, decimal_places=2, required=False)
    denominator = forms.DecimalField(
        label=_("Mẫu số (tổng số)"), min_value=0, decimal_places=2, required=False
    )
    count = forms.IntegerField(label=_("Số lần"), min_value=0, max_value=10000, required=False)
    explanation = forms.CharField(
        label=_("Giải trình"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, *args, node: engine.Node, reason_label: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.node = node
        method = node.method
        keep = {"explanation", "reason"}
        if node.when_not_applicable is not engine.WhenNotApplicable.REFUSED:
            keep.add("not_applicable")
        if isinstance(method, engine.AllOrNothing):
            keep.add("done")
        elif isinstance(method, engine.Steps):
            keep.add("step")
            self.fields["step"].choices = [("", "—")] + [
                (str(step), engine.show_points(step)) for step in method.steps
            ]
        elif isinstance(method, engine.RatioBands | engine.RatioLinear):
            keep |= {"numerator", "denominator"}
        elif isinstance(method, engine.Deduction | engine.PerItem):
            keep.add("count")
        for name in list(self.fields):
            if name not in keep:
                del self.fields[name]
        if reason_label:
            self.fields["reason"].label = reason_label

    def clean(self):
        data = super().clean()
        if data.get("not_applicable"):
            data["entered"] = engine.NotApplicable(data.get("explanation", ""))
            return data
        method = self.node.method
        missing = _("Hãy nhập kết quả của tiêu chí.")
        if isinstance(method, engine.AllOrNothing):
            if not data.get("done"):
                raise forms.ValidationError(missing)
            data["entered"] = engine.Done(data["done"] == "yes")
        elif isinstance(method, engine.Steps):
            if not data.get("step"):
                raise forms.ValidationError(_("Hãy chọn mức điểm."))
            data["entered"] = engine.StepChoice(Decimal(data["step"]), data.get("explanation", ""))
        elif isinstance(method, engine.RatioBands | engine.RatioLinear):
            numerator, denominator = data.get("numerator"), data.get("denominator")
            if numerator is None or denominator is None:
                raise forms.ValidationError(_("Hãy nhập cả tử số và mẫu số."))
            if denominator <= 0:
                self.add_error("denominator", _("Mẫu số phải lớn hơn 0."))
            elif numerator > denominator:
                self.add_error("numerator", _("Tử số không được lớn hơn mẫu số."))
            else:
                data["entered"] = engine.Ratio(numerator, denominator)
        elif isinstance(method, engine.Deduction | engine.PerItem):
            if data.get("count") is None:
                raise forms.ValidationError(_("Hãy nhập số lần."))
            data["entered"] = engine.Occurrences(data["count"])
        else:
            raise forms.ValidationError(_("Tiêu chí chưa có cách chấm điểm."))
        return data

    @classmethod
    def initial_from(cls, entered: engine.LeafInput | None, explanation: str = "") -> dict:
        initial: dict = {"explanation": explanation}
        if isinstance(entered, engine.NotApplicable):
            initial["not_applicable"] = True
        elif isinstance(entered, engine.Done):
            initial["done"] = "yes" if entered.done else "no"
        elif isinstance(entered, engine.StepChoice):
            initial["step"] = str(entered.points)
        elif isinstance(entered, engine.Ratio):
            initial |= {"numerator": entered.numerator, "denominator": entered.denominator}
        elif isinstance(entered, engine.Occurrences):
            initial["count"] = entered.count
        return initial


class EvidenceLinkForm(forms.Form):
    target = forms.ChoiceField(label=_("Tài liệu đã có trong hệ thống"), choices=())

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = [("", "—")] + list(choices)

    def clean_target(self):
        value = self.cleaned_data["target"]
        kind, _sep, object_id = value.partition(":")
        if not object_id.isdigit():
            raise forms.ValidationError(_("Hãy chọn một tài liệu."))
        return kind, int(object_id)


class EvidenceFileForm(forms.Form):
    title = forms.CharField(label=_("Tên tài liệu"), max_length=500, required=False)
    file = forms.FileField(label=_("Tệp"))


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Ý kiến phản hồi"), widget=forms.Textarea(attrs={"rows": 4}))


class FinaliseForm(forms.Form):
    events = forms.MultipleChoiceField(
        label=_("Sự việc ảnh hưởng đến xếp loại"),
        choices=(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, events: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["events"].choices = list(events.items())


class DecideBandForm(forms.Form):
    band = forms.ChoiceField(label=_("Mức xếp loại"), choices=())
    reason = forms.CharField(label=_("Căn cứ quyết định"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, bands: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["band"].choices = [(band, band) for band in bands]


class ReviewerForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Thành viên hội đồng"), queryset=None)
    position = forms.CharField(label=_("Chức danh trong hội đồng"), max_length=200, required=False)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
