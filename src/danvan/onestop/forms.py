from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from danvan.core import uploads
from danvan.core.forms import MaxSizeValidator, WorkDateField
from danvan.onestop import sheets
from danvan.onestop.models import LateDossier

MAX_SHEET_BYTES = 10 * 1024 * 1024


class SheetFileValidator:
    """An .xlsx workbook (a zip archive, checked by core.uploads) or a CSV text file, by content."""

    message = _("Tệp không phải là bảng tính Excel (.xlsx) hay CSV.")

    def __call__(self, upload) -> None:
        head = upload.read(4096)
        upload.seek(0)
        if head.startswith(sheets.OLD_EXCEL_SIGNATURE):
            raise ValidationError(
                _("Tệp Excel 97–2003 (.xls) chưa đọc được: hãy lưu thành .xlsx hoặc CSV rồi nhập lại.")
            )
        if head.startswith(uploads.ZIP_SIGNATURE):
            refusal = uploads.content_refusal(upload)
            if refusal:
                raise ValidationError(refusal)
            return
        if not head.strip() or b"\x00" in head or head.startswith(uploads.PDF_SIGNATURE):
            raise ValidationError(self.message)


class SheetUploadForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Loại bảng"),
        choices=[
            (sheets.STATISTICS, _("Số liệu giải quyết hồ sơ theo kỳ")),
            (sheets.LATE, _("Danh sách hồ sơ trễ hạn")),
        ],
    )
    starts_on = WorkDateField(label=_("Từ ngày"), required=False, help_text=_("dd/mm/yyyy"))
    ends_on = WorkDateField(label=_("Đến ngày"), required=False, help_text=_("dd/mm/yyyy"))
    file = forms.FileField(
        label=_("Tệp xuất từ hệ thống một cửa (.xlsx hoặc .csv)"),
        validators=[MaxSizeValidator(MAX_SHEET_BYTES), SheetFileValidator()],
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == sheets.STATISTICS:
            starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
            if starts_on is None and "starts_on" not in self.errors:
                self.add_error("starts_on", _("Hãy ghi ngày bắt đầu kỳ số liệu (dd/mm/yyyy)."))
            if ends_on is None and "ends_on" not in self.errors:
                self.add_error("ends_on", _("Hãy ghi ngày kết thúc kỳ số liệu (dd/mm/yyyy)."))
            if starts_on and ends_on and starts_on > ends_on:
                self.add_error("ends_on", _("Ngày kết thúc kỳ phải sau hoặc bằng ngày bắt đầu."))
        return cleaned


class MappingForm(forms.Form):
    """One choice per field: which column of the sheet holds it."""

    replace = forms.BooleanField(label=_("Thay số liệu đã nhập của kỳ này"), required=False)

    def __init__(self, *args, kind: str, header: list[str], initial_mapping: dict, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("— không có —"))] + [
            (str(position), f"{position + 1}. {name or _('(cột không tên)')}")
            for position, name in enumerate(header)
        ]
        self.columns = sheets.COLUMNS[kind]
        for column in self.columns:
            position = initial_mapping.get(column.key)
            self.fields[f"col_{column.key}"] = forms.ChoiceField(
                label=column.label,
                choices=choices,
                required=False,
                initial="" if position is None else str(position),
            )

    def mapping(self) -> dict:
        found = {}
        for column in self.columns:
            value = self.cleaned_data.get(f"col_{column.key}")
            found[column.key] = int(value) if value not in ("", None) else None
        return found

    def clean(self):
        cleaned = super().clean()
        used: dict[str, str] = {}
        for column in self.columns:
            value = cleaned.get(f"col_{column.key}")
            if value in ("", None):
                continue
            if value in used:
                self.add_error(
                    f"col_{column.key}",
                    _("Cột này đã được chọn cho «%(other)s».") % {"other": used[value]},
                )
            used[value] = str(column.label)
        return cleaned


class LateDossierForm(forms.Form):
    code = forms.CharField(label=_("Mã hồ sơ"), max_length=60)
    procedure = forms.CharField(label=_("Thủ tục hành chính"), max_length=500)
    unit_name = forms.CharField(label=_("Đơn vị giải quyết"), max_length=255, required=False)
    applicant = forms.CharField(label=_("Tổ chức, cá nhân nộp hồ sơ"), max_length=255)
    received_on = WorkDateField(label=_("Ngày tiếp nhận"), required=False)
    due_date = WorkDateField(label=_("Ngày hẹn trả"))
    returned_on = WorkDateField(label=_("Ngày trả kết quả"), required=False)
    cause = forms.ChoiceField(label=_("Nguyên nhân"), choices=LateDossier.Cause.choices)
    reason = forms.CharField(
        label=_("Lý do chậm trả"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class ApologyForm(forms.Form):
    sent_on = WorkDateField(label=_("Ngày gửi phiếu xin lỗi (Mẫu 04)"))
    new_due_date = WorkDateField(label=_("Ngày hẹn trả mới"))
    reason = forms.CharField(
        label=_("Lý do chậm trả"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    by_system = forms.BooleanField(label=_("Phiếu đã được hệ thống một cửa gửi"), required=False)


class ApologyRuleForm(forms.Form):
    apology_clears_late = forms.BooleanField(
        label=_("Hồ sơ trễ hạn đã gửi phiếu xin lỗi đúng hạn được tính là không trễ"), required=False
    )
