from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from danvan.core import uploads
from danvan.core.models import Agency, OrganisationChange, Province, Unit
from danvan.core.organisation import NewParty


class MaxSizeValidator:
    message = _("Tệp quá lớn: tối đa %(limit)s MB.")

    def __init__(self, limit_bytes: int) -> None:
        self.limit_bytes = limit_bytes

    def __call__(self, upload) -> None:
        if upload.size > self.limit_bytes:
            raise ValidationError(self.message, params={"limit": self.limit_bytes // (1024 * 1024)})


class FileTypeValidator:
    """An upload is judged by its first bytes, not its name: ``signatures``
    are the starts a file of an accepted type has. An archive (Word, Excel)
    and a PDF are also looked into, as far as that costs little
    (danvan.core.uploads): a zip bomb or a locked PDF is refused before
    anything is stored."""

    def __init__(self, signatures, message) -> None:
        self.signatures = tuple(signatures)
        self.message = message

    def __call__(self, upload) -> None:
        head = upload.read(max(len(signature) for signature in self.signatures))
        upload.seek(0)
        if not head.startswith(self.signatures):
            raise ValidationError(self.message)
        refusal = uploads.content_refusal(upload)
        if refusal:
            raise ValidationError(refusal)


DOCUMENT_SIGNATURES = (b"%PDF-", b"PK\x03\x04", b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")
"""PDF, Office Open XML (Word, Excel), JPEG and PNG."""


class XlsxValidator(FileTypeValidator):
    """An .xlsx file is a zip archive: check the content, not the name."""

    def __init__(self) -> None:
        super().__init__(
            (uploads.ZIP_SIGNATURE,),
            _("Tệp không phải là bảng tính Excel (.xlsx). Hãy dùng mẫu tải về từ trang này."),
        )


class AgencyContactForm(forms.Form):
    """The agency's identity as citizens read it on the public pages and in their e-mails."""

    address = forms.CharField(label=_("Địa chỉ trụ sở"), max_length=255, required=False)
    hotline = forms.CharField(label=_("Số điện thoại đường dây nóng"), max_length=30, required=False)
    email = forms.EmailField(label=_("Thư điện tử của cơ quan"), required=False)


class OrganisationUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp Excel đơn vị và cán bộ"),
        validators=[MaxSizeValidator(5 * 1024 * 1024), XlsxValidator()],
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )


class ChangeListUploadForm(forms.Form):
    """The Excel list of organisation changes and the province it is for."""

    province = forms.ModelChoiceField(label=_("Tỉnh, thành phố"), queryset=None, empty_label=None)
    file = forms.FileField(
        label=_("Tệp Excel danh sách thay đổi tổ chức"),
        validators=[MaxSizeValidator(5 * 1024 * 1024), XlsxValidator()],
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )

    def __init__(self, *args, provinces, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = provinces


class CalendarYearForm(forms.Form):
    nam = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)


class LoginForm(AuthenticationForm):
    """Django's login form with Vietnamese labels that fit a government office."""

    error_messages = {
        "invalid_login": _(
            "Tên đăng nhập hoặc mật khẩu không đúng. Lưu ý: sai 5 lần liên tiếp tài khoản sẽ bị khóa tạm thời."
        ),
        "inactive": _("Tài khoản này đã bị vô hiệu hóa."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Tên đăng nhập")
        self.fields["password"].label = _("Mật khẩu")


class WorkDateField(forms.DateField):
    """A date of the agency's work (a due date, a period's start or end):
    within FIRST_YEAR–LAST_YEAR, so that a slip like 01/01/0001 or 31/12/9999
    is caught with a message instead of stored."""

    FIRST_YEAR, LAST_YEAR = 1990, 2100

    def validate(self, value):
        super().validate(value)
        if value and not self.FIRST_YEAR <= value.year <= self.LAST_YEAR:
            raise forms.ValidationError(
                _("Ngày %(day)s nằm ngoài khoảng năm %(first)s–%(last)s; hãy kiểm tra lại."),
                code="out_of_range",
                params={"day": f"{value:%d/%m/%Y}", "first": self.FIRST_YEAR, "last": self.LAST_YEAR},
            )


class DecimalInput(forms.DecimalField):
    """A number typed the Vietnamese way ("85,5") or by a number input ("85.5")."""

    def to_python(self, value):
        if isinstance(value, str) and "," in value and "." not in value:
            value = value.replace(",", ".")
        return super().to_python(value)


class SecondFactorCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Mã xác thực"),
        max_length=20,
        help_text=_("6 chữ số đang hiện trong ứng dụng xác thực, hoặc một mã khôi phục."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )


class AppConfirmForm(forms.Form):
    code = forms.CharField(
        label=_("Mã 6 chữ số từ ứng dụng"),
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class PasswordConfirmForm(forms.Form):
    """Asks the signed-in person's password again before a change to how they sign in."""

    password = forms.CharField(label=_("Mật khẩu hiện tại"), strip=False, widget=forms.PasswordInput)

    def __init__(self, person, *args, **kwargs):
        self.person = person
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.person.check_password(password):
            raise ValidationError(_("Mật khẩu không đúng."))
        return password


class ReadLogSearchForm(forms.Form):
    """Search the read log by who read, which record and when (dd/mm/yyyy)."""

    person = forms.CharField(label=_("Người đã xem (tên hoặc tên đăng nhập)"), max_length=150, required=False)
    code = forms.CharField(label=_("Số hiệu hồ sơ"), max_length=100, required=False)
    date_from = WorkDateField(label=_("Từ ngày (dd/mm/yyyy)"), required=False, input_formats=["%d/%m/%Y"])
    date_to = WorkDateField(label=_("Đến ngày (dd/mm/yyyy)"), required=False, input_formats=["%d/%m/%Y"])

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            raise ValidationError(_("Ngày bắt đầu phải trước hoặc bằng ngày kết thúc."))
        return cleaned


class OrganisationChangeForm(forms.Form):
    """One dated decision on the organisation, at one level: what it changes,
    what results (existing, or new ones written one per line)."""

    KINDS = {
        "province": ("merge", "rename"),
        "agency": ("merge", "split", "rename", "move"),
        "unit": ("merge", "split", "rename", "move"),
    }

    kind = forms.ChoiceField(label=_("Loại thay đổi"))
    effective_on = WorkDateField(label=_("Có hiệu lực từ ngày (dd/mm/yyyy)"), input_formats=["%d/%m/%Y"])
    decision = forms.CharField(
        label=_("Văn bản quyết định"),
        max_length=300,
        help_text=_("Ví dụ: Quyết định số 1234/QĐ-UBND ngày 30/6/2025 của UBND tỉnh."),
    )
    before = forms.ModelMultipleChoiceField(queryset=None, label=_("Trước thay đổi"))
    after = forms.ModelMultipleChoiceField(
        queryset=None,
        required=False,
        label=_("Sau thay đổi: bên đã có"),
        help_text=_("Bên kế thừa (sáp nhập), các bên được chia (chia tách), nơi nhận (chuyển trực thuộc)."),
    )
    new_names = forms.CharField(
        label=_("Sau thay đổi: bên mới, mỗi dòng một bên"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Tên | tên viết tắt | mã. Ví dụ: Sở Khoa học và Công nghệ | Sở KH&CN | SKHCN. Đổi tên: ghi tên mới."
        ),
    )
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, level: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.level = level
        labels = dict(OrganisationChange.Kind.choices)
        self.fields["kind"].choices = [(kind, labels[kind]) for kind in self.KINDS[level]]
        current = {
            "province": Province.objects.filter(valid_to__isnull=True),
            "agency": Agency.objects.filter(is_active=True, valid_to__isnull=True).select_related("province"),
            "unit": Unit.objects.filter(is_active=True, valid_to__isnull=True).select_related("agency"),
        }
        self.fields["before"].queryset = current[level]
        parents = {"unit": "agency", "agency": "province"}
        # A move names the new parent; the other kinds successors of the same level.
        self.fields["after"].queryset = current[level]
        self.parent_queryset = current.get(parents.get(level, ""), None)
        if level == "unit":
            self.fields["before"].label_from_instance = self.fields["after"].label_from_instance = (
                lambda unit: f"{unit.name} — {unit.agency.name}"
            )
        if self.parent_queryset is not None:
            self.fields["parent"] = forms.ModelChoiceField(
                queryset=self.parent_queryset,
                required=False,
                label=_("Chuyển trực thuộc: nơi nhận"),
            )

    def clean_new_names(self) -> list:
        parties = []
        for line in self.cleaned_data["new_names"].splitlines():
            if not line.strip():
                continue
            parts = [part.strip() for part in line.split("|")] + ["", ""]
            parties.append(NewParty(name=parts[0], short_name=parts[1], code=parts[2]))
        return parties

    def sides(self) -> tuple[list, list]:
        data = self.cleaned_data
        if data["kind"] == "move":
            parent = data.get("parent")
            return list(data["before"]), [parent] if parent is not None else []
        return list(data["before"]), [*data["after"], *data["new_names"]]
