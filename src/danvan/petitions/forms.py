from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import FileTypeValidator, MaxSizeValidator, WorkDateField
from danvan.petitions import services
from danvan.petitions.models import Case, Complexity, Petition, Reception

DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"inputmode": "numeric"})


def date_field(label, **kwargs):
    return WorkDateField(label=label, widget=DATE_WIDGET, **kwargs)


class AttachmentValidator(FileTypeValidator):
    """An attachment is judged by its first bytes, not by its name."""

    def __init__(self) -> None:
        signatures = [start for starts in services.ATTACHMENT_SIGNATURES.values() for start in starts]
        super().__init__(signatures, _("Chỉ nhận tệp PDF, Word (.docx), ảnh JPEG hoặc PNG."))


def attachment_field():
    return forms.FileField(
        label=_("Tài liệu kèm theo (PDF, Word, ảnh; tối đa 10 MB)"),
        required=False,
        validators=[MaxSizeValidator(services.MAX_ATTACHMENT_BYTES), AttachmentValidator()],
    )


class PhoneValidator:
    message = _("Số điện thoại gồm 9 đến 12 chữ số.")

    def __call__(self, value: str) -> None:
        digits = "".join(ch for ch in value if ch.isdecimal())
        if value and not 9 <= len(digits) <= 12:
            raise ValidationError(self.message)


class PetitionForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("Cơ quan nhận đơn"), queryset=None, empty_label=None)
    received_on = date_field(_("Ngày nhận"))
    source = forms.ChoiceField(label=_("Nguồn đơn"), choices=Petition.Source.choices)
    forwarded_by = forms.CharField(label=_("Cơ quan, người chuyển đơn"), required=False, max_length=255)
    kind = forms.ChoiceField(label=_("Loại đơn"), choices=Petition.Kind.choices)
    subject = forms.CharField(label=_("Trích yếu"), max_length=255)
    content = forms.CharField(label=_("Nội dung"), widget=forms.Textarea(attrs={"rows": 5}))
    sender_name = forms.CharField(label=_("Họ và tên người gửi"), max_length=150)
    sender_address = forms.CharField(label=_("Địa chỉ"), max_length=255, required=False)
    identity_number = forms.CharField(label=_("Số định danh, CCCD"), max_length=20, required=False)
    phone = forms.CharField(
        label=_("Số điện thoại"), max_length=20, required=False, validators=[PhoneValidator()]
    )
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    signer_count = forms.IntegerField(label=_("Số người ký đơn"), min_value=1, max_value=10000, initial=1)
    representative = forms.CharField(label=_("Người đại diện"), max_length=150, required=False)
    skips_level = forms.BooleanField(label=_("Đơn vượt cấp"), required=False)
    attachment = attachment_field()

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        self.fields["received_on"].initial = timezone.localdate()


class ClassifyForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại đơn"), choices=Petition.Kind.choices)
    conditions_met = forms.TypedChoiceField(
        label=_("Điều kiện xử lý"),
        choices=[("1", _("Đủ điều kiện xử lý")), ("0", _("Không đủ điều kiện xử lý"))],
        coerce=lambda value: value == "1",
    )
    condition_note = forms.CharField(label=_("Lý do không đủ điều kiện"), required=False, max_length=255)
    in_jurisdiction = forms.TypedChoiceField(
        label=_("Thẩm quyền"),
        choices=[("1", _("Thuộc thẩm quyền")), ("0", _("Không thuộc thẩm quyền"))],
        coerce=lambda value: value == "1",
    )
    competent_body = forms.CharField(label=_("Cơ quan có thẩm quyền"), required=False, max_length=255)
    duplicate_of = forms.ModelChoiceField(label=_("Trùng với đơn"), queryset=None, required=False)
    handler = forms.ModelChoiceField(label=_("Người xử lý"), queryset=None, required=False)

    def __init__(self, *args, duplicates, handlers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["duplicate_of"].queryset = Petition.objects.filter(pk__in=[p.pk for p in duplicates])
        self.fields["handler"].queryset = handlers

    def clean(self):
        data = super().clean()
        if data.get("conditions_met") is False and not data.get("condition_note", "").strip():
            self.add_error("condition_note", _("Cần ghi lý do đơn không đủ điều kiện xử lý."))
        return data


class AcceptForm(forms.Form):
    accepted_on = date_field(_("Ngày thụ lý"))
    handler = forms.ModelChoiceField(label=_("Người giải quyết"), queryset=None)
    stage = forms.TypedChoiceField(
        label=_("Lần giải quyết"), choices=[(1, _("Lần đầu")), (2, _("Lần hai"))], coerce=int, initial=1
    )
    remote_area = forms.BooleanField(label=_("Vùng sâu, vùng xa đi lại khó khăn"), required=False)

    def __init__(self, *args, handlers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handler"].queryset = handlers
        self.fields["accepted_on"].initial = timezone.localdate()


class OutcomeForm(forms.Form):
    on = date_field(_("Ngày thông báo cho người gửi"))
    note = forms.CharField(
        label=_("Nội dung xử lý"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    public_answer = forms.CharField(
        label=_("Trả lời gửi người gửi đơn (hiện khi tra cứu)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["on"].initial = timezone.localdate()


class SplitForm(forms.Form):
    first_kind = forms.ChoiceField(label=_("Loại nội dung thứ nhất"), choices=Petition.Kind.choices[:3])
    first_subject = forms.CharField(label=_("Trích yếu nội dung thứ nhất"), max_length=255)
    second_kind = forms.ChoiceField(label=_("Loại nội dung thứ hai"), choices=Petition.Kind.choices[:3])
    second_subject = forms.CharField(label=_("Trích yếu nội dung thứ hai"), max_length=255)

    def parts(self, content: str) -> list[tuple[str, str, str]]:
        data = self.cleaned_data
        return [
            (data["first_kind"], data["first_subject"], content),
            (data["second_kind"], data["second_subject"], content),
        ]


class CaseStepForm(forms.Form):
    to = forms.ChoiceField(label=_("Bước tiếp theo"), choices=())
    on = date_field(_("Ngày"))
    result = forms.ChoiceField(
        label=_("Kết luận (khi ban hành quyết định, kết luận)"),
        choices=[("", "—"), *Case.Result.choices],
        required=False,
    )
    note = forms.CharField(label=_("Ghi chú"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, *args, steps, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to"].choices = [(step, Case.Status(step).label) for step in steps]
        self.fields["on"].initial = timezone.localdate()


CRITERIA_LABELS = {
    "several_places": _("Một nội dung nhưng phải xác minh ở nhiều nơi (điểm a)"),
    "several_contents": _("Có từ hai nội dung phải xác minh trở lên (điểm b)"),
    "many_people": _("Nhiều người tố cáo về một nội dung, liên quan quyền lợi nhiều người (điểm c)"),
    "foreign_element": _("Có yếu tố nước ngoài (điểm d)"),
    "several_bodies": _("Liên quan trách nhiệm quản lý của nhiều cơ quan (điểm đ)"),
    "disagreement": _("Các cơ quan có liên quan còn ý kiến khác nhau (điểm e)"),
    "contradictory_evidence": _("Tài liệu, chứng cứ mâu thuẫn, cần thời gian thu thập, giám định (điểm g)"),
}


class ExtendForm(forms.Form):
    complexity = forms.ChoiceField(label=_("Mức độ"), choices=Complexity.choices[1:])
    criteria = forms.MultipleChoiceField(
        label=_("Tiêu chí (Nghị định 31/2019/NĐ-CP Điều 3)"),
        choices=list(CRITERIA_LABELS.items()),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    reason = forms.CharField(label=_("Căn cứ, quyết định gia hạn"), widget=forms.Textarea(attrs={"rows": 2}))


class SuspendForm(forms.Form):
    on = date_field(_("Ngày"))
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 2}))


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 2}))


class ResumeForm(forms.Form):
    on = date_field(_("Ngày tiếp tục giải quyết"))


class GrantForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Cán bộ được xem"), queryset=None)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people


class ReceptionForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("Cơ quan"), queryset=None, empty_label=None)
    received_on = date_field(_("Ngày tiếp"))
    full_name = forms.CharField(label=_("Họ và tên"), max_length=150)
    address = forms.CharField(label=_("Địa chỉ"), max_length=255, required=False)
    identity_number = forms.CharField(label=_("Số định danh, CCCD"), max_length=20, required=False)
    phone = forms.CharField(
        label=_("Số điện thoại"), max_length=20, required=False, validators=[PhoneValidator()]
    )
    group_size = forms.IntegerField(label=_("Số người đến"), min_value=1, max_value=10000, initial=1)
    content = forms.CharField(label=_("Nội dung sự việc"), widget=forms.Textarea(attrs={"rows": 3}))
    earlier_handling = forms.CharField(
        label=_("Quá trình giải quyết trước đó"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    request = forms.CharField(
        label=_("Yêu cầu, đề nghị"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    documents_received = forms.CharField(label=_("Tài liệu đã nhận"), required=False)
    handling = forms.CharField(label=_("Việc tiếp nhận, xử lý"), required=False)
    refusal_ground = forms.ChoiceField(
        label=_("Từ chối tiếp (nếu có)"),
        choices=[("", "—"), *Reception.RefusalGround.choices],
        required=False,
    )

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        self.fields["received_on"].initial = timezone.localdate()


class OpenPetitionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại đơn"), choices=Petition.Kind.choices)
    subject = forms.CharField(label=_("Trích yếu"), max_length=255)
    content = forms.CharField(label=_("Nội dung"), widget=forms.Textarea(attrs={"rows": 3}))


class ReceptionDayForm(forms.Form):
    leader = forms.ModelChoiceField(label=_("Lãnh đạo tiếp"), queryset=None)
    day = date_field(_("Ngày tiếp"))
    place = forms.CharField(label=_("Địa điểm"), max_length=255)
    planned_content = forms.CharField(label=_("Nội dung dự kiến"), required=False)

    def __init__(self, *args, leaders, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leader"].queryset = leaders


class PostponeForm(forms.Form):
    note = forms.CharField(
        label=_("Lý do hoãn và thông báo gửi công dân"),
        max_length=255,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Ví dụ: Lãnh đạo Sở đi công tác đột xuất; lịch tiếp sẽ được thông báo sau."),
    )


class PublicPetitionForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Loại đơn"),
        choices=[
            (Petition.Kind.FEEDBACK, _("Kiến nghị, phản ánh")),
            (Petition.Kind.COMPLAINT, _("Khiếu nại")),
            (Petition.Kind.DENUNCIATION, _("Tố cáo (thông tin người tố cáo được giữ bí mật)")),
        ],
    )
    agency = forms.ModelChoiceField(label=_("Cơ quan nhận đơn"), queryset=None, empty_label=None)
    full_name = forms.CharField(label=_("Họ và tên"), max_length=150)
    address = forms.CharField(label=_("Địa chỉ"), max_length=255)
    phone = forms.CharField(
        label=_("Số điện thoại"), max_length=20, required=False, validators=[PhoneValidator()]
    )
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    subject = forms.CharField(label=_("Tóm tắt nội dung"), max_length=255)
    content = forms.CharField(label=_("Nội dung"), widget=forms.Textarea(attrs={"rows": 6}), max_length=20000)
    attachment = attachment_field()

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies

    def clean(self):
        data = super().clean()
        if not data.get("phone") and not data.get("email"):
            raise ValidationError(_("Cần số điện thoại hoặc thư điện tử để nhận mã hồ sơ."))
        return data


class LookupForm(forms.Form):
    """The code and one of what the sender gave: the phone's last four digits or the e-mail."""

    code = forms.CharField(label=_("Mã hồ sơ"), max_length=20)
    digits = forms.CharField(
        label=_("4 số cuối điện thoại đã khai"), min_length=4, max_length=4, required=False
    )
    email = forms.EmailField(
        label=_("Hoặc thư điện tử đã khai"),
        required=False,
        help_text=_("Dành cho người chỉ khai thư điện tử khi gửi đơn."),
    )

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("digits") and not data.get("email"):
            raise ValidationError(_("Hãy nhập 4 số cuối điện thoại hoặc thư điện tử đã khai khi gửi đơn."))
        return data


class PeriodForm(forms.Form):
    start = date_field(_("Từ ngày"))
    end = date_field(_("Đến ngày"))

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            raise ValidationError(_("Ngày kết thúc phải sau ngày bắt đầu."))
        return data
