import re
from datetime import date
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import DecimalInput
from danvan.core.indicators import all_indicators
from danvan.core.models import Agency
from danvan.evaluation import codec, services
from danvan.evaluation.engine import model as engine
from danvan.evaluation.engine.model import show_points
from danvan.evaluation.engine.sheets import RATIO_BANDS, method_parameters, parse_method
from danvan.evaluation.models import CriteriaNode, CriteriaSet

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
        if not object_id.isdecimal():
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


# --- Entering a set on screen ---------------------------------------------------

DAY_MONTH = re.compile(r"(\d{1,2})/(\d{1,2})")


class DayMonthField(forms.CharField):
    """A day of every year, as "10/12": refused unless it is a real day (29/02 is)."""

    def clean(self, value):
        text = (super().clean(value) or "").strip()
        if not text:
            return ""
        found = DAY_MONTH.fullmatch(text)
        try:
            if found is None:
                raise ValueError(text)
            date(2024, int(found[2]), int(found[1]))  # a leap year: 29/02 is a day
        except ValueError as error:
            raise forms.ValidationError(_("Ghi ngày/tháng có thật, ví dụ 10/12.")) from error
        return f"{int(found[1]):02d}/{int(found[2]):02d}"


class PointsField(DecimalInput):
    """Points or a percentage typed "0,5" or "0.5"."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 7)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        kwargs.setdefault(
            "error_messages",
            {
                "invalid": _("Ghi một số, ví dụ 10 hoặc 0,5."),
                "max_decimal_places": _("Ghi tối đa 2 chữ số thập phân."),
            },
        )
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return show_points(value) if isinstance(value, Decimal) else value


class SetChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return _("%(name)s (phiên bản %(version)s, %(status)s)") % {
            "name": obj.name,
            "version": obj.version,
            "status": obj.get_status_display(),
        }


class SetDetailsForm(forms.Form):
    """A set's details as typed on screen: creating an empty draft, or changing a draft's details."""

    name = forms.CharField(label=_("Tên bộ tiêu chí"), max_length=255)
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
    replaces = SetChoiceField(label=_("Thay thế bộ tiêu chí"), queryset=None, required=False)
    submit_from = DayMonthField(
        label=_("Gửi bản tự chấm từ ngày"),
        max_length=5,
        required=False,
        help_text=_("Ngày/tháng hằng năm, ví dụ 01/12"),
    )
    submit_until = DayMonthField(
        label=_("Gửi bản tự chấm đến ngày"),
        max_length=5,
        required=False,
        help_text=_("Ngày/tháng hằng năm, ví dụ 10/12"),
    )
    answer_days = forms.IntegerField(
        label=_("Số ngày cơ quan được phản hồi kết quả thẩm định"), min_value=0, max_value=365, initial=5
    )
    declared_max = PointsField(
        label=_("Tổng điểm tiêu chí chính"),
        required=False,
        help_text=_("Ví dụ 100; để trống thì không đối chiếu với tổng điểm các nhóm."),
    )
    floor_total_at_zero = forms.BooleanField(label=_("Tổng điểm không dưới 0"), required=False, initial=True)
    rescale_when_excluded = forms.BooleanField(
        label=_("Quy đổi về thang điểm chuẩn khi có tiêu chí không tính"), required=False
    )

    def __init__(self, *args, documents, replaceable, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["legal_document"].queryset = documents
        self.fields["replaces"].queryset = replaceable

    def clean(self):
        data = super().clean()
        start, end = data.get("submit_from"), data.get("submit_until")
        if bool(start) != bool(end):
            self.add_error(
                "submit_until",
                _("Ghi cả ngày bắt đầu và ngày kết thúc gửi bản tự chấm, hoặc để trống cả hai."),
            )
        return data

    def details(self) -> services.SetDetails:
        data = self.cleaned_data
        return services.SetDetails(
            name=data["name"],
            document_number=data["document_number"],
            document_date=data["document_date"],
            legal_document=data["legal_document"],
            years=data["years"],
            agency_kinds=data["agency_kinds"],
            effective_from=data["effective_from"],
            effective_to=data["effective_to"],
            submit_from=data["submit_from"],
            submit_until=data["submit_until"],
            answer_days=data["answer_days"],
        )

    def options(self) -> services.SetOptions:
        data = self.cleaned_data
        return services.SetOptions(
            declared_max=data["declared_max"],
            floor_total_at_zero=data["floor_total_at_zero"],
            rescale_when_excluded=data["rescale_when_excluded"],
        )

    @staticmethod
    def initial_of(criteria_set: CriteriaSet) -> dict:
        return {
            "name": criteria_set.name,
            "document_number": criteria_set.document_number,
            "document_date": criteria_set.document_date,
            "legal_document": criteria_set.legal_document_id,
            "years": ", ".join(str(year) for year in criteria_set.years),
            "agency_kinds": list(criteria_set.agency_kinds),
            "effective_from": criteria_set.effective_from,
            "effective_to": criteria_set.effective_to,
            "replaces": criteria_set.replaces_id,
            "submit_from": criteria_set.submit_from,
            "submit_until": criteria_set.submit_until,
            "answer_days": criteria_set.answer_days,
            "declared_max": criteria_set.declared_max,
            "floor_total_at_zero": criteria_set.floor_total_at_zero,
            "rescale_when_excluded": criteria_set.rescale_when_excluded,
        }


class NewSetForm(SetDetailsForm):
    province = forms.ModelChoiceField(label=_("Tỉnh"), queryset=None, empty_label=None)

    field_order = ["province"]

    def __init__(self, *args, provinces, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = provinces


METHOD_CHOICES = [
    ("", _("— Chưa chọn —")),
    ("all_or_nothing", _("Đạt / không đạt")),
    ("steps", _("Theo mức")),
    ("ratio_bands", _("Theo khoảng tỷ lệ")),
    ("ratio_linear", _("Tỷ lệ tuyến tính")),
    ("deduction", _("Trừ điểm theo lần")),
    ("per_item", _("Theo từng lần (điểm thưởng, điểm trừ)")),
]
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


class NodeForm(forms.Form):
    """A line of the tree with its scoring method; a method's parameters are read for the method chosen."""

    code = forms.CharField(
        label=_("Mã (STT)"), max_length=20, help_text=_("Ghi đúng như văn bản: I, 1, 1.1, a")
    )
    name = forms.CharField(label=_("Nội dung tiêu chí"), widget=forms.Textarea(attrs={"rows": 2}))
    max_points = PointsField(label=_("Điểm tối đa"))
    kind = forms.ChoiceField(
        label=_("Loại nhóm"), choices=CriteriaNode.Kind.choices, initial=CriteriaNode.Kind.BASE
    )
    method = forms.ChoiceField(
        label=_("Cách chấm điểm"),
        choices=METHOD_CHOICES,
        required=False,
        help_text=_("Chỉ ở tiêu chí không có tiêu chí con. Ghi tham số của cách chấm đã chọn ở dưới."),
    )
    steps = forms.CharField(
        label=_("Theo mức: các mức điểm"),
        required=False,
        help_text=_("Cách nhau bởi dấu chấm phẩy, ví dụ 0; 2; 4; 6"),
    )
    steps_note_required = forms.BooleanField(
        label=_("Theo mức: bắt buộc ghi lý do khi chọn mức"), required=False, initial=True
    )
    ratio_bands = forms.CharField(
        label=_("Theo khoảng tỷ lệ: các khoảng"),
        required=False,
        help_text=_("Ví dụ: từ 95%: 15; từ 80%: 10; từ 50%: 5 — dưới khoảng thấp nhất được 0 điểm"),
    )
    linear_zero_at = PointsField(label=_("Tỷ lệ tuyến tính: 0 điểm từ tỷ lệ (%) trở xuống"), required=False)
    linear_full_at = PointsField(label=_("Tỷ lệ tuyến tính: đủ điểm từ tỷ lệ (%) trở lên"), required=False)
    deduction_amount = PointsField(label=_("Trừ điểm theo lần: mức trừ mỗi lần"), required=False)
    deduction_as_percent = forms.BooleanField(
        label=_("Trừ điểm theo lần: mức trừ tính bằng % điểm tối đa của tiêu chí"), required=False
    )
    deduction_floor_at_zero = forms.BooleanField(
        label=_("Trừ điểm theo lần: dừng ở 0 điểm"), required=False, initial=True
    )
    per_item_points = PointsField(label=_("Theo từng lần: số điểm mỗi lần"), required=False)
    cap_at_max = forms.BooleanField(
        label=_("Không vượt điểm tối đa (tổng các tiêu chí con được vượt, chỉ tính đến điểm tối đa)"),
        required=False,
    )
    when_not_applicable = forms.ChoiceField(
        label=_("Khi không áp dụng"),
        choices=CriteriaNode.WhenNotApplicable.choices,
        initial=CriteriaNode.WhenNotApplicable.REFUSED,
    )
    evidence = forms.CharField(
        label=_("Tài liệu kiểm chứng"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    indicator = forms.ChoiceField(
        label=_("Số liệu từ hệ thống"),
        required=False,
        help_text=_("Số liệu hệ thống tự tính cho cơ quan, đề xuất làm điểm của tiêu chí này."),
    )

    def __init__(self, *args, is_group: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not is_group:
            del self.fields["kind"]
        self.fields["indicator"].choices = [("", _("— Không dùng —"))] + [
            (found.code, f"{found.name} ({found.code})") for found in all_indicators()
        ]

    def _required(self, name: str):
        value = self.cleaned_data.get(name)
        if value is None and name not in self.errors:
            self.add_error(name, _("Hãy ghi tham số này cho cách chấm đã chọn."))
        return value

    def _method(self) -> engine.Method | None:
        name, data = self.cleaned_data.get("method"), self.cleaned_data
        if name == "all_or_nothing":
            return engine.AllOrNothing()
        if name == "steps":
            parts = [part.strip() for part in data.get("steps", "").split(";") if part.strip()]
            if not parts or not all(NUMBER.fullmatch(part) for part in parts):
                self.add_error("steps", _("Ghi các mức điểm cách nhau bởi dấu chấm phẩy, ví dụ 0; 2; 4; 6."))
                return None
            steps = tuple(Decimal(part.replace(",", ".")) for part in parts)
            return engine.Steps(steps, data.get("steps_note_required", False))
        if name == "ratio_bands":
            try:
                method = parse_method(RATIO_BANDS, data.get("ratio_bands", ""))
            except ValueError as error:
                self.add_error("ratio_bands", f"{error}.")
                return None
            if not data.get("ratio_bands", "").strip():
                self.add_error("ratio_bands", _("Hãy ghi ít nhất một khoảng tỷ lệ."))
                return None
            return method
        if name == "ratio_linear":
            zero_at, full_at = self._required("linear_zero_at"), self._required("linear_full_at")
            return (
                engine.RatioLinear(zero_at, full_at) if zero_at is not None and full_at is not None else None
            )
        if name == "deduction":
            amount = self._required("deduction_amount")
            if amount is None:
                return None
            return engine.Deduction(
                amount,
                as_percent=data.get("deduction_as_percent", False),
                floor_at_zero=data.get("deduction_floor_at_zero", False),
            )
        if name == "per_item":
            points = self._required("per_item_points")
            return engine.PerItem(points) if points is not None else None
        return None

    def clean(self):
        data = super().clean()
        data["method_value"] = self._method()
        return data

    def values(self) -> services.NodeValues:
        data = self.cleaned_data
        return services.NodeValues(
            code=data["code"],
            name=data["name"],
            max_points=data["max_points"],
            method=data["method_value"],
            kind=data.get("kind", CriteriaNode.Kind.BASE),
            cap_at_max=data["cap_at_max"],
            when_not_applicable=data["when_not_applicable"],
            evidence=data["evidence"],
            note=data["note"],
            indicator=data["indicator"],
        )

    @staticmethod
    def initial_of(node: CriteriaNode) -> dict:
        initial = {
            "code": node.code,
            "name": node.name,
            "max_points": node.max_points,
            "kind": node.kind,
            "method": node.method,
            "cap_at_max": node.cap_at_max,
            "when_not_applicable": node.when_not_applicable,
            "evidence": node.evidence,
            "note": node.note,
            "indicator": node.indicator,
        }
        method = codec.method_from_json(node.method, node.parameters)
        if isinstance(method, engine.Steps):
            initial["steps"] = "; ".join(show_points(step) for step in method.steps)
            initial["steps_note_required"] = method.note_required
        elif isinstance(method, engine.RatioBands):
            initial["ratio_bands"] = method_parameters(method)[1]
        elif isinstance(method, engine.RatioLinear):
            initial |= {"linear_zero_at": method.zero_at, "linear_full_at": method.full_at}
        elif isinstance(method, engine.Deduction):
            initial |= {
                "deduction_amount": method.amount,
                "deduction_as_percent": method.as_percent,
                "deduction_floor_at_zero": method.floor_at_zero,
            }
        elif isinstance(method, engine.PerItem):
            initial["per_item_points"] = method.points
        return initial


# --- Classification rules on screen ---------------------------------------------

FORCE, CAP = "force", "cap"


class BandForm(forms.Form):
    """A band with its inclusive lower threshold and its conditions; rows go from the highest band down."""

    name = forms.CharField(label=_("Mức xếp loại"), max_length=100)
    lower = PointsField(label=_("Từ điểm"))
    no_leaf_at_zero = forms.BooleanField(label=_("Không có tiêu chí nào bị 0 điểm"), required=False)
    no_node_at_zero_depth = forms.IntegerField(
        label=_("Không có tiêu chí cấp … nào bị 0 điểm"), min_value=1, max_value=9, required=False
    )
    share_percent = PointsField(label=_("Mọi tiêu chí đạt từ … phần trăm số điểm tối đa"), required=False)
    share_depth = forms.IntegerField(label=_("… ở cấp"), min_value=1, max_value=9, required=False)
    council_vote = forms.BooleanField(label=_("Chỉ đủ điều kiện để Hội đồng xét"), required=False)

    def clean(self):
        data = super().clean()
        if (data.get("share_percent") is None) != (data.get("share_depth") is None) and not self.errors:
            self.add_error("share_depth", _("Ghi cả tỷ lệ và cấp tiêu chí, hoặc để trống cả hai."))
        return data

    def band(self) -> engine.Band:
        data = self.cleaned_data
        conditions: list[engine.Condition] = []
        if data["no_leaf_at_zero"]:
            conditions.append(engine.NoLeafAtZero())
        if data["no_node_at_zero_depth"] is not None:
            conditions.append(engine.NoNodeAtZero(data["no_node_at_zero_depth"]))
        if data["share_percent"] is not None:
            conditions.append(engine.MinimumShare(data["share_percent"], data["share_depth"]))
        return engine.Band(data["name"].strip(), data["lower"], tuple(conditions), data["council_vote"])

    @staticmethod
    def initial_of(band: engine.Band) -> dict:
        initial: dict = {"name": band.name, "lower": band.lower, "council_vote": band.council_vote}
        for condition in band.conditions:
            if isinstance(condition, engine.NoLeafAtZero):
                initial["no_leaf_at_zero"] = True
            elif isinstance(condition, engine.NoNodeAtZero):
                initial["no_node_at_zero_depth"] = condition.depth
            else:
                initial |= {"share_percent": condition.percent, "share_depth": condition.depth}
        return initial


class EventForm(forms.Form):
    """An event of the rules: its code and name, and the band it forces or caps, if any."""

    code = forms.CharField(label=_("Mã sự kiện"), max_length=50)
    name = forms.CharField(label=_("Tên sự kiện"), max_length=500)
    effect = forms.ChoiceField(
        label=_("Tác động"),
        required=False,
        choices=[("", _("— Chỉ ghi tên —")), (FORCE, _("Buộc xếp mức")), (CAP, _("Tối đa xếp mức"))],
    )
    band = forms.CharField(label=_("Mức"), max_length=100, required=False)

    def clean(self):
        data = super().clean()
        if data.get("effect") and not (data.get("band") or "").strip():
            self.add_error("band", _("Hãy ghi mức mà sự kiện buộc xếp hoặc giới hạn."))
        return data


class QuotaForm(forms.Form):
    """At most a percentage of the agencies in a lower band may be in this band."""

    band = forms.CharField(label=_("Mức"), max_length=100)
    percent = PointsField(label=_("Không quá (%)"))
    relative_to = forms.CharField(label=_("Số đơn vị ở mức"), max_length=100)


BandFormSet = forms.formset_factory(BandForm, extra=2, can_delete=True)
EventFormSet = forms.formset_factory(EventForm, extra=2, can_delete=True)
QuotaFormSet = forms.formset_factory(QuotaForm, extra=1, can_delete=True)


class RulesForm(forms.Form):
    """The rules of a set: three tables of rows, added by filling a blank row, removed by ticking “Xóa”."""

    commendation_from = forms.CharField(
        label=_("Mức thấp nhất được đề nghị khen thưởng"), max_length=100, required=False
    )

    def __init__(self, data=None, *, rules: engine.Rules | None = None):
        rules = rules or engine.Rules(bands=())
        super().__init__(data, initial={"commendation_from": rules.commendation_from or ""})
        names = dict(rules.events)
        events = [{"code": force.event, "effect": FORCE, "band": force.band} for force in rules.forces]
        events += [{"code": cap.event, "effect": CAP, "band": cap.band} for cap in rules.caps]
        events += [{"code": code} for code in rules.events if code not in {event["code"] for event in events}]
        for event in events:
            event["name"] = names.get(event["code"], event["code"])
        quotas = [
            {"band": quota.band, "percent": quota.percent, "relative_to": quota.relative_to}
            for quota in rules.quotas
        ]
        bands = [BandForm.initial_of(band) for band in rules.bands]
        # Posted rows are what the reviewer typed, compared with nothing: a blank row is left out.
        if data is not None:
            typed = {"form_kwargs": {"empty_permitted": True}}
            bands, events, quotas = [], [], []
        else:
            typed = {}
        self.bands = BandFormSet(data, prefix="muc", initial=bands, **typed)
        self.events = EventFormSet(data, prefix="su_kien", initial=events, **typed)
        self.quotas = QuotaFormSet(data, prefix="chi_tieu", initial=quotas, **typed)

    def is_valid(self) -> bool:
        valid = all(
            [super().is_valid(), self.bands.is_valid(), self.events.is_valid(), self.quotas.is_valid()]
        )
        if valid:
            names: dict[str, str] = {}
            for form in self._kept(self.events):
                code, name = form.cleaned_data["code"].strip(), form.cleaned_data["name"].strip()
                if names.setdefault(code, name) != name:
                    self.add_error(None, _("Sự kiện %(code)s có hai tên khác nhau.") % {"code": code})
                    valid = False
        return valid

    @staticmethod
    def _kept(formset) -> list:
        return [
            form
            for form in formset.forms
            if form.has_changed() and not form.cleaned_data.get("DELETE", False) and form.cleaned_data
        ]

    def rules(self) -> engine.Rules:
        events = [form.cleaned_data for form in self._kept(self.events)]
        commendation = self.cleaned_data["commendation_from"].strip()
        return engine.Rules(
            bands=tuple(form.band() for form in self._kept(self.bands)),
            forces=tuple(
                engine.ForceBand(e["code"].strip(), e["band"].strip()) for e in events if e["effect"] == FORCE
            ),
            caps=tuple(
                engine.CapBand(e["code"].strip(), e["band"].strip()) for e in events if e["effect"] == CAP
            ),
            quotas=tuple(
                engine.Quota(q["band"].strip(), q["relative_to"].strip(), q["percent"])
                for q in (form.cleaned_data for form in self._kept(self.quotas))
            ),
            events={e["code"].strip(): e["name"].strip() for e in events},
            commendation_from=commendation or None,
        )
