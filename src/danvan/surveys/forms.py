from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import WorkDateField
from danvan.surveys.models import CONTACT_LIMIT, SCALE, TEXT_LIMIT, Question

DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"inputmode": "numeric"})


class SurveyForm(forms.Form):
    title = forms.CharField(label=_("Tên phiếu khảo sát"), max_length=255)
    intro = forms.CharField(
        label=_("Lời giới thiệu"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    unit = forms.ModelChoiceField(
        label=_("Đơn vị được khảo sát"),
        queryset=None,
        required=False,
        empty_label=_("— Cả cơ quan (người trả lời tự chọn đơn vị, nếu muốn) —"),
    )
    procedure = forms.CharField(label=_("Thủ tục hành chính"), max_length=255, required=False)
    procedure_code = forms.CharField(label=_("Mã thủ tục"), max_length=50, required=False)
    starts_on = WorkDateField(label=_("Khảo sát từ ngày"), widget=DATE_WIDGET, required=False)
    ends_on = WorkDateField(label=_("Khảo sát đến ngày"), widget=DATE_WIDGET, required=False)
    about_petitions = forms.BooleanField(
        label=_("Phiếu khảo sát người gửi đơn về việc giải quyết đơn"),
        required=False,
        help_text=_(
            "Trang tra cứu đơn mời người có đơn đã được trả lời gửi một phiếu; không hỏi cách liên hệ."
        ),
    )
    allow_contact = forms.BooleanField(
        label=_("Cho người trả lời để lại cách liên hệ (không bắt buộc)"), required=False
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class NewSurveyForm(SurveyForm):
    agency = forms.ModelChoiceField(label=_("Cơ quan"), queryset=None, empty_label=None)
    with_criteria = forms.BooleanField(
        label=_("Bắt đầu từ mẫu 12 tiêu chí đánh giá sự hài lòng"), required=False
    )
    field_order = ["agency", "title", "with_criteria"]

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies


class QuestionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại câu hỏi"), choices=Question.Kind.choices)
    text = forms.CharField(label=_("Câu hỏi"), max_length=300)
    choices = forms.CharField(
        label=_("Các lựa chọn"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Với câu hỏi chọn một hoặc chọn nhiều: mỗi dòng một lựa chọn."),
    )
    required = forms.BooleanField(label=_("Bắt buộc trả lời"), required=False, initial=True)

    def clean_choices(self):
        return [line for line in self.cleaned_data["choices"].splitlines() if line.strip()]


class AnswerForm(forms.Form):
    """A citizen's answers: one field per question (``q<id>``), the unit when
    the survey is about no one unit, the contact when the office asks, and a
    field people never see (a program filling every field fills it too)."""

    website = forms.CharField(label=_("Để trống ô này"), required=False)

    def __init__(self, *args, questions, units, allow_contact, **kwargs):
        super().__init__(*args, **kwargs)
        for question in questions:
            self.fields[f"q{question.pk}"] = _question_field(question)
        if units is not None and units.exists():
            self.fields["unit"] = forms.ModelChoiceField(
                label=_("Đơn vị đã phục vụ ông/bà"),
                queryset=units,
                required=False,
                empty_label=_("— Không nêu —"),
                error_messages={"invalid_choice": _("Đơn vị này không có trong danh sách.")},
            )
        if allow_contact:
            self.fields["contact"] = forms.CharField(
                label=_("Số điện thoại hoặc thư điện tử nếu muốn cơ quan liên hệ lại (không bắt buộc)"),
                required=False,
                max_length=CONTACT_LIMIT,
                error_messages={"max_length": _("Cách liên hệ dài tối đa %(limit_value)d ký tự.")},
            )

    def is_trap_filled(self) -> bool:
        return bool(self.data.get("website", "").strip())

    def values(self) -> dict[int, object]:
        """The answers by question id, as services.submit_response takes them."""
        found = {}
        for name, value in self.cleaned_data.items():
            if name.startswith("q") and name[1:].isdecimal():
                found[int(name[1:])] = value
        return found


REQUIRED = _("Hãy trả lời câu hỏi này.")


def _question_field(question: Question) -> forms.Field:
    common = {"label": question.text, "required": question.required}
    if question.kind == Question.Kind.SCALE:
        return forms.TypedChoiceField(
            choices=[(str(mark), str(mark)) for mark in SCALE],
            coerce=int,
            empty_value=None,
            widget=forms.RadioSelect,
            error_messages={"required": REQUIRED, "invalid_choice": _("Hãy chọn một mức từ 1 đến 5.")},
            **common,
        )
    options = [(str(position), label) for position, label in enumerate(question.choices)]
    wrong = _("Lựa chọn này không có trong câu hỏi.")
    if question.kind == Question.Kind.ONE:
        return forms.TypedChoiceField(
            choices=options,
            coerce=int,
            empty_value=None,
            widget=forms.RadioSelect,
            error_messages={"required": REQUIRED, "invalid_choice": wrong},
            **common,
        )
    if question.kind == Question.Kind.MANY:
        return forms.TypedMultipleChoiceField(
            choices=options,
            coerce=int,
            widget=forms.CheckboxSelectMultiple,
            error_messages={"required": REQUIRED, "invalid_choice": wrong},
            **common,
        )
    return forms.CharField(
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={
            "required": REQUIRED,
            "max_length": _("Câu trả lời dài tối đa %(limit_value)d ký tự (đã gõ %(show_value)d)."),
        },
        **common,
    )


def question_rows(form: AnswerForm, questions) -> list[dict]:
    """What the public page draws for each question: its options with the
    ones picked before (when the page comes back with an error), its errors."""
    rows = []
    for question in questions:
        bound = form[f"q{question.pk}"]
        value = bound.value()
        picked = {str(item) for item in value} if isinstance(value, list | tuple) else {str(value or "")}
        options = (
            [
                {
                    "value": str(key),
                    "label": label,
                    "checked": str(key) in picked,
                    "id": f"{bound.auto_id}_{index}",
                }
                for index, (key, label) in enumerate(bound.field.choices)
            ]
            if question.kind != Question.Kind.TEXT
            else []
        )
        rows.append(
            {
                "question": question,
                "name": bound.html_name,
                "id": bound.auto_id,
                "options": options,
                "text": value if question.kind == Question.Kind.TEXT and value else "",
                "errors": bound.errors,
                "limit": TEXT_LIMIT,
            }
        )
    return rows
