from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.api.models import ApiClient
from danvan.api.scopes import scope_choices
from danvan.api.services import LONGEST_TOKEN_DAYS


class ApiClientForm(forms.ModelForm):
    """The administrator's form of a client; its scopes are ticked, not typed."""

    scope_list = forms.MultipleChoiceField(
        label=_("Phạm vi quyền"), choices=scope_choices, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = ApiClient
        fields = ["name", "acting_person", "agencies", "is_active", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["scope_list"].initial = sorted(self.instance.scope_set())
            self.fields["name"].disabled = True

    def clean_acting_person(self):
        person = self.cleaned_data["acting_person"]
        if not person.is_active:
            raise forms.ValidationError(_("Người được thay mặt đã bị khóa tài khoản."))
        return person


class PersonalTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Tên gợi nhớ"), max_length=100, help_text=_("Ví dụ: «Bảng tính tổng hợp của phòng»")
    )
    scopes = forms.MultipleChoiceField(
        label=_("Phạm vi quyền"), choices=scope_choices, widget=forms.CheckboxSelectMultiple
    )
    days = forms.IntegerField(
        label=_("Thời hạn (ngày)"), min_value=1, max_value=LONGEST_TOKEN_DAYS, initial=90
    )
