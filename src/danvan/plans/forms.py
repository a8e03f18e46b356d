from functools import partial

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import (
    DOCUMENT_SIGNATURES,
    DecimalInput,
    FileTypeValidator,
    MaxSizeValidator,
    WorkDateField,
)
from danvan.core.models import Unit, User
from danvan.documents.models import LegalDocument
from danvan.documents.parsing import ParseError
from danvan.documents.parsing.readers import check_file
from danvan.plans import recurrence
from danvan.plans.measures import target_sources
from danvan.plans.models import Plan, Target, Task, TaskOccurrence

PLAN_FILE_TYPES = ".docx,.pdf,.txt"


class PlanUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp kế hoạch (.docx, .pdf, .txt)"),
        validators=[MaxSizeValidator(20 * 1024 * 1024)],
        widget=forms.ClearableFileInput(attrs={"accept": PLAN_FILE_TYPES}),
    )

    def clean_file(self):
        """Refused here, before anything is stored: a file that is not what
        it claims, a zip bomb, a locked PDF, text in a legacy encoding."""
        upload = self.cleaned_data["file"]
        if upload.size == 0:
            raise ValidationError(_("Tệp tải lên trống."))
        data = upload.read()
        upload.seek(0)
        try:
            check_file(data, upload.name)
        except ParseError as error:
            raise ValidationError(error.message) from error
        return upload


class PlanReviewForm(forms.Form):
    title = forms.CharField(label=_("Trích yếu"), widget=forms.Textarea(attrs={"rows": 2}))
    kind = forms.ChoiceField(label=_("Loại kế hoạch"), choices=Plan.Kind.choices)
    number = forms.CharField(label=_("Số"), required=False, max_length=20)
    symbol = forms.CharField(label=_("Ký hiệu"), required=False, max_length=50)
    place = forms.CharField(label=_("Địa danh"), required=False, max_length=100)
    issue_date = WorkDateField(label=_("Ngày ban hành"), required=False)
    period_year = forms.IntegerField(label=_("Năm"), required=False, min_value=2000, max_value=2100)
    period_quarter = forms.IntegerField(label=_("Quý"), required=False, min_value=1, max_value=4)
    period_half = forms.IntegerField(label=_("6 tháng (1 hoặc 2)"), required=False, min_value=1, max_value=2)
    higher_plan = forms.CharField(label=_("Kế hoạch cấp trên (ghi bằng chữ)"), required=False, max_length=255)
    purposes = forms.CharField(
        label=_("Mục đích, yêu cầu"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    # The plan's deadlines print after these lines from their own rows below.
    implementation = forms.CharField(
        label=_("Tổ chức thực hiện"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    recipients = forms.CharField(
        label=_("Nơi nhận (mỗi dòng một nơi)"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    signer_authority = forms.CharField(
        label=_("Thẩm quyền ký (KT., TL., TM.)"), required=False, max_length=100
    )
    signer_title = forms.CharField(label=_("Chức vụ người ký"), required=False, max_length=100)
    signer_name = forms.CharField(label=_("Người ký"), required=False, max_length=100)

    def clean_recipients(self):
        return [line.strip() for line in self.cleaned_data["recipients"].splitlines() if line.strip()]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("period_quarter") and cleaned.get("period_half"):
            raise ValidationError(_("Kế hoạch chỉ thuộc một kỳ: quý hoặc 6 tháng, không cả hai."))
        return cleaned


class TaskRowForm(forms.Form):
    section = forms.CharField(label=_("Thuộc mục"), required=False, max_length=255)
    heading = forms.CharField(label=_("Nội dung"), widget=forms.Textarea(attrs={"rows": 2}))
    lead_text = forms.CharField(label=_("Đơn vị chủ trì (như văn bản ghi)"), required=False, max_length=255)
    lead_unit = forms.ModelChoiceField(
        label=_("Đơn vị chủ trì trong hệ thống"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=_("— chưa khớp —"),
    )
    timing = forms.CharField(label=_("Thời gian thực hiện"), required=False, max_length=255)
    create_unit = forms.BooleanField(label=_("Tạo đơn vị mới với tên đã ghi"), required=False)

    def __init__(self, *args, agency=None, **kwargs):
        super().__init__(*args, **kwargs)
        # A choice is looked up inside the agency: a forged id of another agency is "not found".
        self.fields["lead_unit"].queryset = Unit.objects.filter(agency=agency, is_active=True).order_by(
            "sort_key"
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("create_unit") and cleaned.get("lead_unit"):
            raise ValidationError(_("Đã chọn đơn vị có sẵn thì không tạo đơn vị mới."))
        if cleaned.get("create_unit") and not cleaned.get("lead_text"):
            raise ValidationError(_("Hãy ghi tên đơn vị cần tạo."))
        return cleaned


class TargetRowForm(forms.Form):
    text = forms.CharField(label=_("Chỉ tiêu"), widget=forms.Textarea(attrs={"rows": 2}))
    percent = forms.DecimalField(
        label=_("Tỷ lệ (%)"), required=False, min_value=0, max_value=100, decimal_places=2
    )


class DeadlineRowForm(forms.Form):
    due_date = WorkDateField(label=_("Hạn"))
    action = forms.CharField(label=_("Việc phải làm"), widget=forms.Textarea(attrs={"rows": 2}))
    units = forms.CharField(label=_("Đơn vị thực hiện (cách nhau bằng dấu ;)"), required=False)
    recipient = forms.CharField(label=_("Gửi đến"), required=False, max_length=255)

    def clean_units(self):
        return [part.strip() for part in self.cleaned_data["units"].split(";") if part.strip()]


class CitationRowForm(forms.Form):
    doc_type = forms.CharField(label=_("Loại văn bản"), max_length=60)
    number = forms.CharField(label=_("Số, ký hiệu"), required=False, max_length=100)
    name = forms.CharField(label=_("Tên (luật không số)"), required=False, max_length=255)
    date = WorkDateField(label=_("Ngày"), required=False)
    issuer = forms.CharField(label=_("Cơ quan ban hành"), required=False, max_length=255)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("number") and not cleaned.get("name"):
            raise ValidationError(_("Văn bản trích dẫn cần có số, ký hiệu hoặc tên."))
        return cleaned


def row_formset(form_class, *, extra=1):
    return forms.formset_factory(form_class, extra=extra, can_delete=True)


TaskFormSet = row_formset(TaskRowForm)
TargetFormSet = row_formset(TargetRowForm)
DeadlineFormSet = row_formset(DeadlineRowForm)
CitationFormSet = row_formset(CitationRowForm)


# Evidence is a document or a photo, checked by its content, at most 20 MB.
EvidenceValidator = partial(
    FileTypeValidator, DOCUMENT_SIGNATURES, _("Minh chứng phải là tệp PDF, Word, Excel, ảnh JPG hoặc PNG.")
)


class TaskUpdateForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Trạng thái"),
        choices=[
            (s.value, s.label) for s in (Task.Status.NOT_STARTED, Task.Status.IN_PROGRESS, Task.Status.DONE)
        ],
    )
    percent = forms.IntegerField(label=_("Tiến độ (%)"), min_value=0, max_value=100)
    note = forms.CharField(label=_("Kết quả thực hiện"), widget=forms.Textarea(attrs={"rows": 3}))
    reported_on = WorkDateField(label=_("Ngày báo cáo"))
    evidence = forms.FileField(
        label=_("Minh chứng (PDF, Word, Excel, ảnh; tối đa 20 MB)"),
        required=False,
        validators=[MaxSizeValidator(20 * 1024 * 1024), EvidenceValidator()],
    )
    occurrence = forms.ModelChoiceField(
        label=_("Kỳ thực hiện"), required=False, queryset=TaskOccurrence.objects.none()
    )

    def __init__(self, *args, task=None, **kwargs):
        super().__init__(*args, **kwargs)
        if task is None or not task.is_recurring():
            del self.fields["occurrence"]
            return
        # A recurring task reports on one of its open periods.
        field = self.fields["occurrence"]
        field.queryset = task.occurrences.exclude(status__in=[Task.Status.DONE, Task.Status.CANCELLED])
        field.required = True
        field.label_from_instance = lambda occurrence: (
            _("%(period)s — hạn %(day)s")
            % {
                "period": occurrence.label,
                "day": f"{occurrence.due_date:%d/%m/%Y}",
            }
        )


class AssignTaskForm(forms.Form):
    assignee = forms.ModelChoiceField(label=_("Người thực hiện"), queryset=User.objects.none())
    due_date = WorkDateField(label=_("Hạn hoàn thành"), required=False)

    def __init__(self, *args, task=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Only people of the lead unit: a forged id from elsewhere is simply not a choice.
        self.fields["assignee"].queryset = User.objects.filter(unit=task.lead_unit, is_active=True).order_by(
            "sort_key"
        )
        self.task = task

    def clean_due_date(self):
        due = self.cleaned_data["due_date"]
        year = self.task.plan.period_year
        if due and year and due.year < year:
            raise ValidationError(_("Hạn hoàn thành phải sau ngày bắt đầu của kỳ kế hoạch."))
        return due


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Ý kiến"), widget=forms.Textarea(attrs={"rows": 2}), max_length=4000)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)


class ReturnPlanForm(forms.Form):
    comment = forms.CharField(
        label=_("Ý kiến của lãnh đạo"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )


class CopyPlanForm(forms.Form):
    period_year = forms.IntegerField(label=_("Năm của kế hoạch mới"), min_value=2000, max_value=2100)
    again = forms.BooleanField(
        label=_("Đã có bản sao của năm này; vẫn tạo thêm một bản dự thảo mới"),
        required=False,
    )

    def __init__(self, *args, copied: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not copied:
            # Nothing to confirm: the service refuses a second copy anyway.
            del self.fields["again"]

    def clean(self):
        cleaned = super().clean()
        cleaned.setdefault("again", False)
        return cleaned


class NewTaskForm(forms.Form):
    section = forms.CharField(label=_("Thuộc mục"), required=False, max_length=255)
    heading = forms.CharField(label=_("Nội dung nhiệm vụ"), widget=forms.Textarea(attrs={"rows": 2}))
    lead_unit = forms.ModelChoiceField(label=_("Đơn vị chủ trì"), queryset=Unit.objects.none())
    supporting_units = forms.ModelMultipleChoiceField(
        label=_("Đơn vị phối hợp"), required=False, queryset=Unit.objects.none()
    )
    timing = forms.CharField(label=_("Thời gian thực hiện"), required=False, max_length=255)
    timing_kind = forms.ChoiceField(
        label=_("Loại thời hạn"),
        required=False,
        choices=[("", _("Nhận biết từ «Thời gian thực hiện»")), *Task.TimingKind.choices],
        help_text=_(
            "Nhiệm vụ hằng tháng, hằng quý, 6 tháng, hằng năm có một kỳ thực hiện cho mỗi kỳ, với hạn riêng; "
            "nhiệm vụ thường xuyên không có hạn và không bao giờ quá hạn."
        ),
    )
    timing_day = forms.IntegerField(
        label=_("Ngày đến hạn trong tháng"),
        required=False,
        min_value=1,
        max_value=31,
        help_text=_("Với «Trước một ngày cố định hằng tháng», ví dụ 20."),
    )
    due_date = WorkDateField(label=_("Hạn hoàn thành"), required=False)
    due_working_days = forms.IntegerField(
        label=_("Hoặc: số ngày làm việc kể từ ngày ban hành"), required=False, min_value=1, max_value=365
    )
    target = forms.ModelChoiceField(
        label=_("Chỉ tiêu phục vụ"), required=False, queryset=Target.objects.none()
    )

    # The id of the <datalist> that offers the plan's content items (plans/includes/content_items.html).
    CONTENT_ITEMS_LIST = "cac-muc-cua-ke-hoach"

    def __init__(self, *args, agency=None, plan=None, content_items=(), **kwargs):
        super().__init__(*args, **kwargs)
        units = Unit.objects.filter(agency=agency, is_active=True).order_by("sort_key")
        self.fields["lead_unit"].queryset = units
        self.fields["supporting_units"].queryset = units
        self.fields["target"].queryset = Target.objects.filter(plan=plan)
        # The plan's content items are offered, so that a task joins an item
        # by choosing it; a heading typed anew starts a new item.
        self.content_items = list(content_items)
        section = self.fields["section"]
        section.help_text = _(
            "Chọn một mục đã có của kế hoạch hoặc gõ tên mục mới (ví dụ «1. Công tác tuyên truyền»)."
        )
        if self.content_items:
            section.widget.attrs["list"] = self.CONTENT_ITEMS_LIST

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("due_date") and cleaned.get("due_working_days"):
            self.add_error(
                "due_working_days", _("Chọn một cách tính hạn: ngày cụ thể hoặc số ngày làm việc.")
            )
        kind = cleaned.get("timing_kind")
        if kind == Task.TimingKind.MONTHLY_DAY and not cleaned.get("timing_day"):
            self.add_error("timing_day", _("Hãy ghi ngày đến hạn trong tháng (từ 1 đến 31)."))
        if kind == Task.TimingKind.AFTER_ISSUE and not cleaned.get("due_working_days"):
            self.add_error("due_working_days", _("Hãy ghi số ngày làm việc kể từ ngày ban hành kế hoạch."))
        if kind in recurrence.RECURRING and cleaned.get("due_date"):
            self.add_error(
                "due_date",
                _(
                    "Nhiệm vụ thường xuyên hoặc định kỳ không có một hạn hoàn thành chung; "
                    "hạn của từng kỳ được tính theo kỳ."
                ),
            )
        lead = cleaned.get("lead_unit")
        if lead and lead in (cleaned.get("supporting_units") or []):
            self.add_error("supporting_units", _("Đơn vị chủ trì không đồng thời là đơn vị phối hợp."))
        return cleaned


# The task board's default: every task not done and not cancelled, whatever its year.
OPEN = "open"


class TaskFilterForm(forms.Form):
    q = forms.CharField(label=_("Tìm trong nội dung"), required=False, max_length=200)
    status = forms.ChoiceField(
        label=_("Trạng thái"),
        required=False,
        choices=[(OPEN, _("Chưa xong (chưa hoàn thành, chưa hủy)")), ("", _("Tất cả")), *Task.Status.choices],
    )
    unit = forms.ModelChoiceField(
        label=_("Đơn vị chủ trì"),
        required=False,
        queryset=Unit.objects.none(),
        error_messages={"invalid_choice": _("Không tìm thấy đơn vị này trong những đơn vị bạn được xem.")},
    )
    plan = forms.ModelChoiceField(
        label=_("Kế hoạch"),
        required=False,
        queryset=Plan.objects.none(),
        error_messages={
            "invalid_choice": _("Không tìm thấy kế hoạch này trong những kế hoạch bạn được xem.")
        },
    )
    year = forms.IntegerField(label=_("Năm"), required=False, min_value=2000, max_value=2100)

    def __init__(self, *args, units=None, plans=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units if units is not None else Unit.objects.none()
        self.fields["plan"].queryset = plans if plans is not None else Plan.objects.none()


class PlanForm(forms.Form):
    """A plan's own fields, for a new plan, a draft, or an amendment."""

    title = forms.CharField(label=_("Trích yếu"), widget=forms.Textarea(attrs={"rows": 2}))
    kind = forms.ChoiceField(label=_("Loại kế hoạch"), choices=Plan.Kind.choices)
    period_year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    period_quarter = forms.IntegerField(label=_("Quý"), required=False, min_value=1, max_value=4)
    implements = forms.ModelChoiceField(
        label=_("Thực hiện kế hoạch cấp trên"), required=False, queryset=Plan.objects.none()
    )
    higher_plan = forms.CharField(label=_("Kế hoạch cấp trên (ghi bằng chữ)"), required=False, max_length=255)
    implementation_due = WorkDateField(label=_("Hạn các cơ quan ban hành kế hoạch thực hiện"), required=False)
    place = forms.CharField(label=_("Địa danh"), required=False, max_length=100)
    purposes = forms.CharField(
        label=_("I. Mục đích, yêu cầu"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Mỗi đoạn một dòng; in ở phần «MỤC ĐÍCH, YÊU CẦU» của văn bản."),
    )
    implementation = forms.CharField(
        label=_("Tổ chức thực hiện"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Trách nhiệm của từng đơn vị, mỗi đoạn một dòng; các hạn có ngày được ghi riêng ở trang «Các phần của kế hoạch»."
        ),
    )
    recipients = forms.CharField(
        label=_("Nơi nhận (mỗi dòng một nơi)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    signer_authority = forms.CharField(
        label=_("Thẩm quyền ký (KT., TL., TM.)"), required=False, max_length=100
    )
    signer_title = forms.CharField(label=_("Chức vụ người ký"), required=False, max_length=100)
    signer_name = forms.CharField(label=_("Người ký"), required=False, max_length=100)

    def __init__(self, *args, agency=None, unit=None, **kwargs):
        super().__init__(*args, **kwargs)
        if unit is not None:
            # A unit's plan implements one of its agency's own issued plans.
            self.fields["implements"].queryset = Plan.objects.filter(
                agency=agency, unit__isnull=True, status=Plan.Status.ISSUED
            ).order_by("-issue_date")
            self.fields["implements"].required = True
            self.fields["implements"].label = _("Thực hiện kế hoạch của cơ quan")
            return
        # Higher plans are the issued plans of the province's own bodies.
        self.fields["implements"].queryset = (
            Plan.objects.filter(agency__province=agency.province, status=Plan.Status.ISSUED)
            .exclude(agency=agency)
            .select_related("agency")
            .order_by("-issue_date")
        )

    def clean_recipients(self):
        return [line.strip() for line in self.cleaned_data["recipients"].splitlines() if line.strip()]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == Plan.Kind.QUARTERLY and not cleaned.get("period_quarter"):
            self.add_error("period_quarter", _("Kế hoạch quý cần ghi quý."))
        return cleaned


class AmendmentForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do sửa đổi, bổ sung"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Ví dụ: Thực hiện Kế hoạch số 45/KH-UBND ngày 02/6/2027 của UBND tỉnh."),
    )


class TaskChangeForm(forms.Form):
    """What an amendment may change in a task: its content, lead unit, timing
    words and, for a dated task, its due date."""

    heading = forms.CharField(label=_("Nội dung nhiệm vụ"), widget=forms.Textarea(attrs={"rows": 2}))
    lead_unit = forms.ModelChoiceField(label=_("Đơn vị chủ trì"), queryset=Unit.objects.none())
    timing = forms.CharField(label=_("Thời gian thực hiện (như văn bản ghi)"), required=False, max_length=255)
    due_date = WorkDateField(label=_("Hạn hoàn thành"), required=False)

    def __init__(self, *args, task=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_unit"].queryset = Unit.objects.filter(
            agency=task.plan.agency, is_active=True
        ).order_by("sort_key")
        if task.timing_kind != Task.TimingKind.DUE_DATE:
            # A recurring or ongoing task has no single due date to move.
            del self.fields["due_date"]


class TargetValueForm(forms.Form):
    value = DecimalInput(label=_("Kết quả hiện tại (%)"), min_value=0, max_value=100, decimal_places=2)
    measured_on = WorkDateField(label=_("Ngày cập nhật"))


class TargetBindingForm(forms.Form):
    """Which registered source (plans.measures) counts the target, and on which document."""

    measured_by = forms.ChoiceField(label=_("Cách tính kết quả"), required=False)
    document = forms.ModelChoiceField(
        label=_("Văn bản gắn với chỉ tiêu"), queryset=LegalDocument.objects.none(), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measured_by"].choices = [("", _("Nhập tay"))] + [
            (source.code, source.label) for source in target_sources()
        ]
        self.fields["document"].queryset = LegalDocument.objects.order_by("-date", "number_key")


class TargetForm(forms.Form):
    text = forms.CharField(
        label=_("Nội dung chỉ tiêu"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        help_text=_("Ví dụ: Tỷ lệ cán bộ, công chức được quán triệt Kết luận 114-KL/TW đạt 100%."),
    )
    percent = DecimalInput(
        label=_("Tỷ lệ phải đạt (%)"), required=False, min_value=0, max_value=100, decimal_places=2
    )


class NewCitationForm(forms.Form):
    """A document the library does not hold yet, cited on the spot."""

    doc_type = forms.CharField(
        label=_("Loại văn bản"), max_length=60, help_text=_("Luật, Nghị định, Chỉ thị, Kế hoạch…")
    )
    number = forms.CharField(label=_("Số, ký hiệu"), required=False, max_length=100)
    name = forms.CharField(
        label=_("Tên (với văn bản không số)"),
        required=False,
        max_length=255,
        help_text=_("Ví dụ: Luật Tiếp công dân."),
    )
    issued = WorkDateField(label=_("Ngày ban hành"), required=False)
    issuer = forms.CharField(label=_("Cơ quan ban hành"), required=False, max_length=255)
    title = forms.CharField(label=_("Trích yếu"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("number") or "").strip() and not (cleaned.get("name") or "").strip():
            self.add_error("number", _("Hãy ghi số, ký hiệu (hoặc tên của văn bản không số)."))
        return cleaned


class DeadlineForm(forms.Form):
    due_date = WorkDateField(label=_("Hạn (dd/mm/yyyy)"))
    action = forms.CharField(
        label=_("Việc phải làm"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        help_text=_("Ví dụ: báo cáo kết quả thực hiện công tác dân vận chính quyền năm."),
    )
    units = forms.CharField(
        label=_("Đơn vị thực hiện (mỗi dòng một đơn vị; để trống: Văn phòng)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    recipient = forms.CharField(label=_("Gửi về"), required=False, max_length=255)

    def clean_units(self):
        return [line.strip() for line in self.cleaned_data["units"].splitlines() if line.strip()]
