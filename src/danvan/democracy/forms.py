from django import forms
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import DOCUMENT_SIGNATURES, FileTypeValidator, MaxSizeValidator
from danvan.core.models import User
from danvan.democracy.models import (
    BOARD_MAX_MEMBERS,
    AgendaKind,
    Attendance,
    BoardMember,
    BoardPeriod,
    BoardRecommendation,
    BoardReport,
    Briefing,
    DisclosureForm,
    DisclosureKind,
    StaffConference,
)
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


class PersonOne(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        position = f" — {obj.position}" if obj.position else ""
        return f"{obj.full_name or obj.username}{position}"


class BoardForm(forms.Form):
    """The Board elected at the staff conference: up to 9 rows of member, post, chief accountant."""

    elected_on = forms.DateField(label=_("Ngày hội nghị bầu (dd/mm/yyyy)"))
    staff_count = forms.IntegerField(label=_("Số cán bộ, công chức, viên chức, người lao động"), min_value=0)
    recognised_on = forms.DateField(
        label=_("Ngày công đoàn công nhận kết quả bầu (nếu đã có)"), required=False
    )

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        staff = User.objects.filter(agency=agency, is_active=True).order_by("full_name")
        self.rows_count = BOARD_MAX_MEMBERS + 1
        for row in range(1, self.rows_count + 1):
            self.fields[f"person_{row}"] = PersonOne(
                label=_("Thành viên %(row)s") % {"row": row}, queryset=staff, required=False
            )
            self.fields[f"post_{row}"] = forms.ChoiceField(
                label=_("Chức danh"), choices=BoardMember.Post.choices, initial=BoardMember.Post.MEMBER
            )
            self.fields[f"accountant_{row}"] = forms.BooleanField(
                label=_("Là kế toán trưởng"), required=False
            )

    def seats(self) -> list[tuple[User, str, bool]]:
        return [
            (
                self.cleaned_data[f"person_{row}"],
                self.cleaned_data[f"post_{row}"],
                self.cleaned_data.get(f"accountant_{row}", False),
            )
            for row in range(1, self.rows_count + 1)
            if self.cleaned_data.get(f"person_{row}")
        ]

    def head_fields(self):
        return [self["elected_on"], self["staff_count"], self["recognised_on"]]

    def seat_rows(self):
        return [
            (self[f"person_{row}"], self[f"post_{row}"], self[f"accountant_{row}"])
            for row in range(1, self.rows_count + 1)
        ]


class RecognitionForm(forms.Form):
    recognised_on = forms.DateField(label=_("Ngày công đoàn công nhận kết quả bầu (dd/mm/yyyy)"))


class InspectionForm(forms.Form):
    subject = forms.CharField(label=_("Nội dung kiểm tra"), max_length=500)
    inspected_party = forms.CharField(label=_("Đơn vị, cá nhân được kiểm tra"), max_length=255)
    planned_on = forms.DateField(label=_("Ngày dự kiến kiểm tra (dd/mm/yyyy)"))
    notified_on = forms.DateField(
        label=_("Ngày thông báo cho bên được kiểm tra (nếu đã gửi)"), required=False
    )


class InspectionResultForm(forms.Form):
    notified_on = forms.DateField(label=_("Ngày thông báo cho bên được kiểm tra"), required=False)
    result = forms.CharField(
        label=_("Kết quả kiểm tra"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    file = forms.FileField(
        label=_("Văn bản kết quả (PDF, Word; tối đa 20 MB)"),
        required=False,
        validators=[
            MaxSizeValidator(20 * 1024 * 1024),
            FileTypeValidator(MATERIAL_SIGNATURES, _("Tài liệu phải là PDF, Word, Excel, ảnh JPG hoặc PNG.")),
        ],
    )

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("result") or "").strip() and not cleaned.get("file"):
            self.add_error("result", _("Hãy ghi kết quả kiểm tra hoặc đính kèm văn bản kết quả."))
        return cleaned


class RecommendationForm(forms.Form):
    text = forms.CharField(label=_("Nội dung kiến nghị"), widget=forms.Textarea(attrs={"rows": 3}))
    sent_on = forms.DateField(label=_("Ngày gửi người đứng đầu (dd/mm/yyyy)"))


class RecommendationAnswerForm(forms.Form):
    answer = forms.CharField(label=_("Nội dung trả lời"), widget=forms.Textarea(attrs={"rows": 3}))
    answered_on = forms.DateField(label=_("Ngày trả lời (dd/mm/yyyy)"))


class ConferenceForm(forms.Form):
    work_year = forms.IntegerField(label=_("Năm công tác"), min_value=2000, max_value=2100)
    held_on = forms.DateField(label=_("Ngày tổ chức (dd/mm/yyyy)"))
    convened_by = forms.ChoiceField(
        label=_("Triệu tập theo đề nghị của (Điều 50)"), choices=StaffConference.ConvenedBy.choices
    )
    proposers = forms.IntegerField(
        label=_("Số người đề nghị triệu tập (nếu do cán bộ đề nghị)"), min_value=0, required=False
    )
    form = forms.ChoiceField(label=_("Hình thức (Điều 51 khoản 2)"), choices=StaffConference.Form.choices)
    dispersed = forms.BooleanField(label=_("Cơ quan có đơn vị ở phân tán"), required=False)
    staff_count = forms.IntegerField(
        label=_("Tổng số cán bộ, công chức, viên chức, người lao động"), min_value=0
    )
    expected = forms.IntegerField(label=_("Số người được triệu tập (cán bộ hoặc đại biểu)"), min_value=0)
    present = forms.IntegerField(label=_("Số người có mặt"), min_value=0)
    kinds = forms.MultipleChoiceField(
        label=_("Nội dung hội nghị (Điều 51 khoản 4)"),
        choices=[c for c in AgendaKind.choices if c[0] != AgendaKind.OTHER],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    other_items = forms.CharField(
        label=_("Nội dung khác (mỗi dòng một nội dung)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def items(self) -> list[tuple[str, str]]:
        labels = dict(AgendaKind.choices)
        chosen = [(kind, str(labels[kind])) for kind in self.cleaned_data["kinds"]]
        others = [
            (AgendaKind.OTHER, line) for line in self.cleaned_data["other_items"].splitlines() if line.strip()
        ]
        return chosen + others

    def service_data(self) -> dict:
        names = (
            "work_year",
            "held_on",
            "convened_by",
            "proposers",
            "form",
            "dispersed",
            "staff_count",
            "expected",
            "present",
        )
        return {name: self.cleaned_data[name] for name in names}


class VoteForm(forms.Form):
    votes_for = forms.IntegerField(label=_("Tán thành"), min_value=0)
    votes_against = forms.IntegerField(label=_("Không tán thành"), min_value=0)
    abstentions = forms.IntegerField(label=_("Không biểu quyết"), min_value=0)


class CheckForm(forms.Form):
    checked_on = forms.DateField(label=_("Ngày kiểm tra (dd/mm/yyyy)"))
    result = forms.CharField(label=_("Kết quả kiểm tra, công bố"), widget=forms.Textarea(attrs={"rows": 3}))


# --- The Board's programmes, reports and staff petitions -------------------------


class ProgrammeForm(forms.Form):
    period = forms.ChoiceField(label=_("Kỳ"), choices=BoardPeriod.choices)
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    number = forms.IntegerField(
        label=_("Quý hoặc 6 tháng thứ (với năm: 1)"), min_value=1, max_value=4, initial=1
    )
    items = forms.CharField(
        label=_("Nội dung công tác (mỗi dòng một nội dung)"), widget=forms.Textarea(attrs={"rows": 4})
    )

    def clean_items(self):
        return [line for line in self.cleaned_data["items"].splitlines() if line.strip()]


class ReportScheduleForm(forms.Form):
    period = forms.ChoiceField(label=_("Kỳ"), choices=BoardPeriod.choices)
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    number = forms.IntegerField(
        label=_("Quý hoặc 6 tháng thứ (với năm: 1)"), min_value=1, max_value=4, initial=1
    )


class ReportSubmitForm(forms.Form):
    submitted_on = forms.DateField(label=_("Ngày gửi báo cáo (dd/mm/yyyy)"))
    submitted_to = forms.ChoiceField(label=_("Gửi đến"), choices=BoardReport.SubmittedTo.choices)
    content = forms.CharField(
        label=_("Nội dung báo cáo"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    file = forms.FileField(
        label=_("Tệp báo cáo (PDF, Word; tối đa 20 MB)"),
        required=False,
        validators=[
            MaxSizeValidator(20 * 1024 * 1024),
            FileTypeValidator(MATERIAL_SIGNATURES, _("Tài liệu phải là PDF, Word, Excel, ảnh JPG hoặc PNG.")),
        ],
    )

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("content") or "").strip() and not cleaned.get("file"):
            self.add_error("content", _("Hãy ghi nội dung báo cáo hoặc đính kèm tệp báo cáo."))
        return cleaned


class StaffPetitionForm(forms.Form):
    sender = forms.ModelChoiceField(label=_("Người gửi"), queryset=User.objects.none())
    received_on = forms.DateField(label=_("Ngày tiếp nhận (dd/mm/yyyy)"))
    content = forms.CharField(
        label=_("Nội dung kiến nghị, phản ánh"), widget=forms.Textarea(attrs={"rows": 4})
    )
    keep_name_confidential = forms.BooleanField(
        label=_("Người gửi đề nghị giữ bí mật họ tên (chỉ thành viên Ban biết)"), required=False
    )

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sender"].queryset = User.objects.filter(agency=agency, is_active=True).order_by(
            "full_name", "pk"
        )


class PetitionVerifyForm(forms.Form):
    verification = forms.CharField(label=_("Kết quả xác minh"), widget=forms.Textarea(attrs={"rows": 3}))


class PetitionRecommendationForm(forms.Form):
    recommendation = forms.ModelChoiceField(
        label=_("Kiến nghị đã gửi người đứng đầu"), queryset=BoardRecommendation.objects.none()
    )

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recommendation"].queryset = BoardRecommendation.objects.filter(inspection__board=board)


class PetitionAnswerForm(forms.Form):
    answer = forms.CharField(label=_("Nội dung trả lời người gửi"), widget=forms.Textarea(attrs={"rows": 3}))
    answered_on = forms.DateField(label=_("Ngày trả lời (dd/mm/yyyy)"))


class PetitionCloseForm(forms.Form):
    closed_on = forms.DateField(label=_("Ngày kết thúc (dd/mm/yyyy)"))


# --- Written ballot (Điều 50) ------------------------------------------------------


class AttemptForm(forms.Form):
    work_year = forms.IntegerField(label=_("Năm công tác"), min_value=2000, max_value=2100)
    held_on = forms.DateField(label=_("Ngày triệu tập (dd/mm/yyyy)"))
    expected = forms.IntegerField(label=_("Số người được triệu tập"), min_value=0)
    present = forms.IntegerField(label=_("Số người có mặt"), min_value=0)


class BallotForm(forms.Form):
    work_year = forms.IntegerField(label=_("Năm công tác"), min_value=2000, max_value=2100)
    opened_on = forms.DateField(label=_("Ngày phát phiếu (dd/mm/yyyy)"))
    staff_count = forms.IntegerField(
        label=_("Tổng số cán bộ, công chức, viên chức, người lao động"), min_value=0
    )
    union_agreed = forms.BooleanField(label=_("Đã thống nhất với Ban Chấp hành công đoàn"), required=False)
    items = forms.CharField(
        label=_("Nội dung lấy ý kiến (mỗi dòng một nội dung)"), widget=forms.Textarea(attrs={"rows": 4})
    )

    def clean_items(self):
        return [line for line in self.cleaned_data["items"].splitlines() if line.strip()]


class BallotCountForm(forms.Form):
    returned = forms.IntegerField(label=_("Số phiếu thu về"), min_value=0)
    votes_for = forms.IntegerField(label=_("Số phiếu tán thành"), min_value=0)
