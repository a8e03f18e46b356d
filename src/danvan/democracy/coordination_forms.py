"""Forms of the coordination with the Fatherland Front and the organisations, and of the
agency's democracy regulation."""

from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import FileTypeValidator, MaxSizeValidator
from danvan.democracy.forms import MATERIAL_SIGNATURES
from danvan.democracy.models import CoordinationProgramme, JointActivity, OrganisationKind, SupervisionFinding
from danvan.documents.models import LegalDocument
from danvan.plans.models import Task


def _library():
    return LegalDocument.objects.order_by("-date", "number_key")


class OrganisationForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại tổ chức"), choices=OrganisationKind.choices)
    name = forms.CharField(label=_("Tên tổ chức"), max_length=255)


class ProgrammeForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Tổ chức phối hợp"), queryset=None)
    kind = forms.ChoiceField(label=_("Loại văn bản"), choices=CoordinationProgramme.Kind.choices)
    title = forms.CharField(label=_("Tên chương trình, quy chế phối hợp"), max_length=500)
    number = forms.CharField(label=_("Số, ký hiệu"), max_length=100, required=False)
    signed_on = forms.DateField(label=_("Ngày ký (dd/mm/yyyy)"))
    document = forms.ModelChoiceField(
        label=_("Văn bản trong thư viện (nếu có)"), queryset=None, required=False
    )
    content = forms.CharField(
        label=_("Nội dung phối hợp"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    valid_from = forms.DateField(label=_("Thực hiện từ ngày (dd/mm/yyyy)"))
    valid_until = forms.DateField(label=_("Thực hiện đến ngày (để trống nếu không thời hạn)"), required=False)

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = agency.partner_organisations.order_by("kind", "name")
        self.fields["document"].queryset = _library()


class ActivityForm(forms.Form):
    title = forms.CharField(label=_("Hoạt động phối hợp"), max_length=500, required=False)
    task = forms.ModelChoiceField(label=_("Hoặc một nhiệm vụ của kế hoạch"), queryset=None, required=False)
    planned_on = forms.DateField(label=_("Ngày dự kiến (dd/mm/yyyy)"), required=False)

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["task"].queryset = (
            Task.objects.filter(plan__agency=agency).select_related("plan").order_by("-plan__pk", "order")
        )


class ActivityRecordForm(forms.Form):
    status = forms.ChoiceField(label=_("Trạng thái"), choices=JointActivity.Status.choices)
    done_on = forms.DateField(label=_("Ngày thực hiện (dd/mm/yyyy)"), required=False)
    note = forms.CharField(
        label=_("Kết quả, ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class FindingForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Tổ chức"), queryset=None)
    kind = forms.ChoiceField(label=_("Hình thức"), choices=SupervisionFinding.Kind.choices)
    number = forms.CharField(label=_("Số, ký hiệu văn bản của tổ chức"), max_length=100, required=False)
    received_on = forms.DateField(label=_("Ngày nhận (dd/mm/yyyy)"))
    content = forms.CharField(
        label=_("Nội dung giám sát, phản biện, góp ý"), widget=forms.Textarea(attrs={"rows": 4})
    )
    recommendations = forms.CharField(label=_("Kiến nghị"), widget=forms.Textarea(attrs={"rows": 4}))
    due_set_by_organisation = forms.DateField(
        label=_("Hạn trả lời do tổ chức đề nghị (để trống nếu văn bản không ghi)"), required=False
    )

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = agency.partner_organisations.order_by("kind", "name")


class FindingAnswerForm(forms.Form):
    answer = forms.CharField(label=_("Nội dung trả lời"), widget=forms.Textarea(attrs={"rows": 4}))
    answered_on = forms.DateField(label=_("Ngày trả lời (dd/mm/yyyy)"))


class RegulationForm(forms.Form):
    number = forms.CharField(label=_("Số, ký hiệu của quy chế"), max_length=100)
    issued_on = forms.DateField(label=_("Ngày ban hành (dd/mm/yyyy)"))
    decision = forms.CharField(label=_("Quyết định ban hành"), max_length=500)
    reason = forms.CharField(
        label=_("Lý do sửa đổi (bắt buộc khi sửa đổi)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    document = forms.ModelChoiceField(
        label=_("Văn bản trong thư viện (nếu có)"), queryset=None, required=False
    )
    grounds = forms.ModelMultipleChoiceField(label=_("Căn cứ sửa đổi"), queryset=None, required=False)
    file = forms.FileField(
        label=_("Tệp quy chế (PDF, Word; tối đa 20 MB)"),
        required=False,
        validators=[
            MaxSizeValidator(20 * 1024 * 1024),
            FileTypeValidator(MATERIAL_SIGNATURES, _("Tài liệu phải là PDF, Word, Excel, ảnh JPG hoặc PNG.")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = _library()
        self.fields["grounds"].queryset = _library()


class TriggerForm(forms.Form):
    document = forms.ModelChoiceField(label=_("Văn bản yêu cầu sửa đổi quy chế"), queryset=None)
    note = forms.CharField(label=_("Ghi chú"), max_length=500, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = _library()
