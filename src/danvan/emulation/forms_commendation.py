from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.models import Unit, User
from danvan.documents.models import LegalDocument
from danvan.emulation.models import CommendationTitle


class MovementForm(forms.Form):
    name = forms.CharField(label=_("Tên phong trào"), max_length=255)
    launched_by = forms.ModelChoiceField(
        label=_("Văn bản phát động"), queryset=LegalDocument.objects.all(), required=False
    )
    starts_on = forms.DateField(label=_("Từ ngày (dd/mm/yyyy)"))
    ends_on = forms.DateField(label=_("Đến ngày (dd/mm/yyyy)"))
    registration_deadline = forms.DateField(label=_("Hạn đăng ký thi đua (dd/mm/yyyy)"))
    aims = forms.CharField(label=_("Mục tiêu"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    criteria = forms.CharField(
        label=_("Tiêu chí thi đua"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    units = forms.ModelMultipleChoiceField(
        label=_("Đơn vị tham gia"),
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = Unit.objects.filter(agency=agency)


class CandidateForm(forms.Form):
    title = forms.ModelChoiceField(
        label=_("Danh hiệu, hình thức khen thưởng"), queryset=CommendationTitle.objects.all()
    )
    person = forms.ModelChoiceField(label=_("Cá nhân"), queryset=User.objects.none(), required=False)
    unit = forms.ModelChoiceField(
        label=_("Tập thể (để trống nếu là cả cơ quan)"), queryset=Unit.objects.none(), required=False
    )

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = User.objects.filter(agency=agency, is_active=True)
        self.fields["unit"].queryset = Unit.objects.filter(agency=agency)


class VoteForm(forms.Form):
    votes_for = forms.IntegerField(label=_("Phiếu đồng ý tại cuộc họp"), min_value=0)
    written_votes_for = forms.IntegerField(
        label=_("Phiếu đồng ý của thành viên vắng mặt"), min_value=0, required=False, initial=0
    )


class ConfirmForm(forms.Form):
    note = forms.CharField(label=_("Căn cứ xác nhận"), max_length=1000)


class SubmitForm(forms.Form):
    submitted_on = forms.DateField(label=_("Ngày trình (dd/mm/yyyy)"))


class DecisionForm(forms.Form):
    number = forms.CharField(label=_("Số quyết định"), max_length=100)
    decided_on = forms.DateField(label=_("Ngày quyết định (dd/mm/yyyy)"))


class CouncilForm(forms.Form):
    year = forms.IntegerField(label=_("Năm xét"), min_value=2000, max_value=2100)
    held_on = forms.DateField(label=_("Ngày họp (dd/mm/yyyy)"))
    chaired_by = forms.CharField(label=_("Chủ trì"), max_length=200)
    members = forms.ModelMultipleChoiceField(
        label=_("Thành viên hội đồng"), queryset=User.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    absent = forms.ModelMultipleChoiceField(
        label=_("Thành viên vắng mặt"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        people = User.objects.filter(agency=agency, is_active=True).order_by("full_name")
        self.fields["members"].queryset = people
        self.fields["absent"].queryset = people


class RegistrationForm(forms.Form):
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    person = forms.ModelChoiceField(label=_("Cá nhân"), queryset=User.objects.none(), required=False)
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none(), required=False)
    titles = forms.ModelMultipleChoiceField(
        label=_("Danh hiệu đăng ký"),
        queryset=CommendationTitle.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    registered_on = forms.DateField(label=_("Ngày đăng ký (dd/mm/yyyy)"))

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = User.objects.filter(agency=agency, is_active=True)
        self.fields["unit"].queryset = Unit.objects.filter(agency=agency)
