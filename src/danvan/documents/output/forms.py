from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from danvan.core import uploads
from danvan.core.forms import FileTypeValidator, MaxSizeValidator
from danvan.documents.output.context import sample_context
from danvan.documents.output.docx import render_docx
from danvan.documents.output.report import sample_report_context

MAX_TEMPLATE_BYTES = 5 * 1024 * 1024


class DocxTemplateValidator:
    """A replacement template must be a Word file that docxtpl fills without
    error with a complete sample plan: a broken one would fail every export."""

    not_docx = _("Tệp không phải là văn bản Word (.docx).")
    broken = _(
        "Không dùng được mẫu này: điền thử một kế hoạch mẫu bị lỗi (%(error)s). Hãy sửa các trường {{ … }} trong mẫu."
    )

    def __init__(self, sample=sample_context) -> None:
        self.sample = sample

    def __call__(self, upload) -> None:
        FileTypeValidator((uploads.ZIP_SIGNATURE,), self.not_docx)(upload)
        data = upload.read()
        upload.seek(0)
        try:
            render_docx(data, self.sample())
        except Exception as exc:  # docxtpl raises zip, XML and Jinja errors alike.
            raise ValidationError(self.broken, params={"error": str(exc)[:200]}) from exc


class OutputTemplateForm(forms.Form):
    file = forms.FileField(
        label=_("Mẫu kế hoạch (.docx, tối đa 5 MB)"),
        validators=[MaxSizeValidator(MAX_TEMPLATE_BYTES), DocxTemplateValidator()],
        widget=forms.ClearableFileInput(attrs={"accept": ".docx"}),
    )

    def __init__(self, *args, kind: str = "plan", **kwargs):
        super().__init__(*args, **kwargs)
        if kind == "report":
            self.fields["file"].label = _("Mẫu báo cáo (.docx, tối đa 5 MB)")
            self.fields["file"].validators = [
                MaxSizeValidator(MAX_TEMPLATE_BYTES),
                DocxTemplateValidator(sample_report_context),
            ]
