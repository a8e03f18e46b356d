from django import forms
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import DOCUMENT_SIGNATURES, FileTypeValidator, MaxSizeValidator
from danvan.core.models import User
from danvan.democracy.models import Attendance, Briefing, DisclosureForm, DisclosureKind
from danvan.documents.models import LegalDocument

MATERIAL_SIGNATURES = (*DOCUMENT_SIGNATURES, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")


class PersonChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        unit = f" — {obj.unit.name}" if obj.unit_id else ""
        return f"{obj.full_name or obj.username}{unit}"


class BriefingForm(forms.Form):
    title = forms.CharField(label=_("Tên buổi quán triệt"), max_length=255)
    held_on = forms.DateField(label=_("Ngày tổ chức (dd/mm/yyyy)"))
    form = forms.ChoiceField(label=_("Hình thức"), choices=Briefing.Form.choices)
    documents = forms.ModelMultipleChoiceField(
        label=_("Văn bản được quán triệt (trong thư viện văn bản)"),
        queryset=LegalDocument.objects.none(),
        required=False,
    )
    other_document = forms.CharField(
        label=_("Văn bản chưa có trong thư viện (nếu có)"),
        max_length=255,
        required=False,
        help_text=_("Văn bản phải có trong thư viện văn bản trước khi quán triệt."),
    )
    units = forms.ModelMultipleChoiceField(
        label=_("Đơn vị tham dự (toàn bộ cán bộ của đơn vị)"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    people = PersonChoice(label=_("Người tham dự khác"), queryset=None, required=False)
    presenter = forms.ModelChoiceField(
        label=_("Người trình bày (cán bộ của cơ quan)"), queryset=None, required=False
    )
    presenter_text = forms.CharField(
        label=_("Hoặc ghi tên, chức vụ người trình bày"), max_length=255, required=False
    )
    makes_up = forms.ModelChoiceField(label=_("Là buổi học bù cho buổi"), queryset=None, required=False)

    def __init__(self, *args, agency, may_add_to_library: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.may_add_to_library = may_add_to_library
        staff = (
            User.objects.filter(agency=agency, is_active=True).select_related("unit").order_by("full_name")
        )
        self.fields["documents"].queryset = LegalDocument.objects.order_by("-date", "number_key")
        self.fields["units"].queryset = agency.units.filter(is_active=True)
        self.fields["people"].queryset = staff
        self.fields["presenter"].queryset = staff
        self.fields["makes_up"].queryset = Briefing.objects.filter(agency=agency)

    def clean(self):
        cleaned = super().clean()
        other = (cleaned.get("other_document") or "").strip()
        if other:
            refusal = _("Văn bản «%(doc)s» chưa có trong thư viện văn bản nên chưa quán triệt được.") % {
                "doc": other
            }
            if self.may_add_to_library:
                offer = format_html(
                    '<a href="{}">{}</a>',
                    reverse("admin:documents_legaldocument_add"),
                    _("Thêm văn bản vào thư viện"),
                )
            else:
                offer = format_html(
                    '{} <a href="{}">{}</a>.',
                    _("Đề nghị quản trị hệ thống thêm văn bản vào"),
                    reverse("documents:library"),
                    _("thư viện văn bản"),
                )
            self.add_error("other_document", format_html("{} {}", refusal, offer))
        elif not cleaned.get("documents"):
            self.add_error("documents", _("Hãy chọn ít nhất một văn bản được quán triệt."))
        return cleaned


class AttendanceForm(forms.Form):
    """One status and one reason for each expected person."""

    def __init__(self, *args, lines, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [
            (Attendance.Status.EXPECTED, Attendance.Status.EXPECTED.label),
            (Attendance.Status.PRESENT, Attendance.Status.PRESENT.label),
            (Attendance.Status.ABSENT, Attendance.Status.ABSENT.label),
        ]
        self.lines = list(lines)
        for line in self.lines:
            name = line.person.full_name or line.person.username
            initial = line.status if line.status != Attendance.Status.MADE_UP else Attendance.Status.ABSENT
            self.fields[f"status_{line.person_id}"] = forms.ChoiceField(
                label=name, choices=choices, initial=initial
            )
            self.fields[f"reason_{line.person_id}"] = forms.CharField(
                label=_("Lý do vắng của %(name)s") % {"name": name},
                max_length=255,
                required=False,
                initial=line.reason,
            )

    def marks(self) -> dict[int, tuple[str, str]]:
        return {
            line.person_id: (
                self.cleaned_data[f"status_{line.person_id}"],
                self.cleaned_data.get(f"reason_{line.person_id}", ""),
            )
            for line in self.lines
        }

    def rows(self):
        return [
            (line, self[f"status_{line.person_id}"], self[f"reason_{line.person_id}"]) for line in self.lines
        ]


class MaterialForm(forms.Form):
    file = forms.FileField(
        label=_("Tài liệu (PDF, Word, Excel, ảnh; tối đa 20 MB)"),
        validators=[
            MaxSizeValidator(20 * 1024 * 1024),
            FileTypeValidator(MATERIAL_SIGNATURES, _("Tài liệu phải là PDF, Word, Excel, ảnh JPG hoặc PNG.")),
        ],
    )


class DisclosureRecordForm(forms.Form):
    field_order = ["forms", "disclosed_on", "posted_from", "posted_until"]
    disclosed_on = forms.DateField(label=_("Ngày công khai (dd/mm/yyyy)"))
    posted_from = forms.DateField(label=_("Niêm yết từ ngày"), required=False)
    posted_until = forms.DateField(label=_("Niêm yết đến ngày (để trống nếu còn niêm yết)"), required=False)
    # Last: from here on ``forms`` in this class body is the field, not the module.
    forms = forms.MultipleChoiceField(
        label=_("Hình thức công khai (Điều 47)"),
        choices=DisclosureForm.choices,
        widget=forms.CheckboxSelectMultiple,
    )


class DisclosureRegisterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Nội dung công khai (Điều 46)"), choices=DisclosureKind.choices)
    subject = forms.CharField(label=_("Quyết định, văn bản được công khai"), max_length=500)
    decision_date = forms.DateField(label=_("Ngày của quyết định, văn bản (dd/mm/yyyy)"))
    disclosed_on = DisclosureRecordForm.base_fields["disclosed_on"]
    posted_from = DisclosureRecordForm.base_fields["posted_from"]
    posted_until = DisclosureRecordForm.base_fields["posted_until"]
    forms = DisclosureRecordForm.base_fields["forms"]
    field_order = ["kind", "subject", "decision_date", "forms", "disclosed_on", "posted_from", "posted_until"]


class RequestForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("Gửi tới cơ quan"), queryset=None, empty_label=None)
    subject = forms.CharField(
        label=_("Thông tin đề nghị được cung cấp (Điều 48 khoản 4)"), widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Nội dung trả lời"), widget=forms.Textarea(attrs={"rows": 4}))
