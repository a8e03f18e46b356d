"""State changes of surveys: building, publishing, closing, and a citizen's answers.

One transaction each, keyword arguments, the acting official as ``by`` (a
citizen's response has none). A refusal raises ``DomainError`` with the
reason in Vietnamese and changes nothing.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from danvan.core.models import Agency, Unit, User
from danvan.core.services import DomainError
from danvan.surveys.criteria import CRITERIA
from danvan.surveys.models import CONTACT_LIMIT, SCALE, TEXT_LIMIT, Answer, Question, Response, Survey

MAX_CHOICES = 20
CHOICE_LIMIT = 200
SLUG_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: read aloud or typed from paper
SURVEY_FIELDS = (
    "title",
    "intro",
    "unit",
    "procedure",
    "procedure_code",
    "starts_on",
    "ends_on",
    "about_petitions",
    "allow_contact",
)


def _new_slug() -> str:
    while True:
        slug = "".join(secrets.choice(SLUG_ALPHABET) for _ in range(8))
        if not Survey.objects.filter(slug=slug).exists():
            return slug


def _check_settings(agency: Agency, values: Mapping[str, Any]) -> None:
    if not (values.get("title") or "").strip():
        raise DomainError(_("Hãy ghi tên phiếu khảo sát."))
    unit = values.get("unit")
    if unit is not None and unit.agency_id != agency.pk:
        raise DomainError(_("Đơn vị được khảo sát phải thuộc cơ quan của phiếu."))
    starts, ends = values.get("starts_on"), values.get("ends_on")
    if starts and ends and ends < starts:
        raise DomainError(_("Ngày kết thúc khảo sát không được trước ngày bắt đầu."))


@transaction.atomic
def create_survey(
    *,
    agency: Agency,
    title: str,
    intro: str = "",
    unit: Unit | None = None,
    procedure: str = "",
    procedure_code: str = "",
    starts_on: date | None = None,
    ends_on: date | None = None,
    about_petitions: bool = False,
    allow_contact: bool = False,
    with_criteria: bool = False,
    by: User,
) -> Survey:
    """A draft survey; ``with_criteria`` fills it with the twelve criteria of satisfaction."""
    values = {
        "title": title.strip(),
        "intro": intro.strip(),
        "unit": unit,
        "procedure": procedure.strip(),
        "procedure_code": procedure_code.strip(),
        "starts_on": starts_on,
        "ends_on": ends_on,
        "about_petitions": about_petitions,
        # A petition's sender is never asked who they are.
        "allow_contact": allow_contact and not about_petitions,
    }
    _check_settings(agency, values)
    survey = Survey.objects.create(agency=agency, slug=_new_slug(), created_by=by, **values)
    if with_criteria:
        Question.objects.bulk_create(
            Question(
                survey=survey,
                order=criterion.number,
                kind=criterion.kind,
                text=str(criterion.text),
                required=criterion.required,
                choices=[str(choice) for choice in criterion.choices],
                criterion=criterion.number,
            )
            for criterion in CRITERIA
        )
    return survey


@transaction.atomic
def create_criteria_survey(*, agency: Agency, by: User) -> Survey:
    """The one-click template: a draft with the twelve criteria of §5.4."""
    return create_survey(
        agency=agency,
        title=_("Khảo sát sự hài lòng của người dân, doanh nghiệp về giải quyết thủ tục hành chính"),
        intro=_(
            "Ý kiến của ông/bà giúp cơ quan phục vụ tốt hơn. Phiếu không ghi tên, chỉ mất khoảng 2 phút."
        ),
        with_criteria=True,
        by=by,
    )


@transaction.atomic
def update_survey(*, survey: Survey, by: User, **values: Any) -> Survey:
    """Change the survey's settings (not its questions) while it is not closed."""
    if survey.status == Survey.Status.CLOSED:
        raise DomainError(_("Cuộc khảo sát đã kết thúc, không sửa được nữa."))
    unknown = set(values) - set(SURVEY_FIELDS)
    if unknown:
        raise DomainError(_("Không sửa được các mục: %(names)s.") % {"names": ", ".join(sorted(unknown))})
    merged = {name: getattr(survey, name) for name in SURVEY_FIELDS} | values
    for name in ("title", "intro", "procedure", "procedure_code"):
        merged[name] = (merged[name] or "").strip()
    if merged["about_petitions"]:
        merged["allow_contact"] = False
    _check_settings(survey.agency, merged)
    changed = [name for name in SURVEY_FIELDS if getattr(survey, name) != merged[name]]
    for name in changed:
        setattr(survey, name, merged[name])
    if changed:
        survey.save(update_fields=changed)
    return survey


def _check_questions_editable(survey: Survey) -> None:
    if survey.status == Survey.Status.CLOSED:
        raise DomainError(_("Cuộc khảo sát đã kết thúc, không sửa được câu hỏi."))
    if survey.responses.exists():
        raise DomainError(
            _(
                "Phiếu đã có người trả lời nên không sửa được câu hỏi (kết quả sẽ không còn so sánh được). "
                "Hãy tạo phiếu mới nếu cần hỏi khác."
            )
        )


def _clean_question(kind: str, text: str, choices: list[str]) -> tuple[str, list[str]]:
    if kind not in Question.Kind.values:
        raise DomainError(_("Loại câu hỏi không hợp lệ."))
    text = text.strip()
    if not text:
        raise DomainError(_("Hãy ghi câu hỏi."))
    if len(text) > 300:
        raise DomainError(_("Câu hỏi dài tối đa 300 ký tự."))
    if kind not in (Question.Kind.ONE, Question.Kind.MANY):
        return text, []
    cleaned = [choice.strip() for choice in choices if choice.strip()]
    if len(cleaned) < 2:
        raise DomainError(
            _("Câu hỏi chọn một hoặc chọn nhiều cần ít nhất 2 lựa chọn, mỗi dòng một lựa chọn.")
        )
    if len(cleaned) > MAX_CHOICES:
        raise DomainError(_("Một câu hỏi có tối đa %(count)s lựa chọn.") % {"count": MAX_CHOICES})
    if any(len(choice) > CHOICE_LIMIT for choice in cleaned):
        raise DomainError(_("Mỗi lựa chọn dài tối đa %(limit)s ký tự.") % {"limit": CHOICE_LIMIT})
    if len(set(cleaned)) != len(cleaned):
        raise DomainError(_("Hai lựa chọn trùng nhau; hãy bỏ bớt một."))
    return text, cleaned


@transaction.atomic
def add_question(
    *, survey: Survey, kind: str, text: str, required: bool = True, choices: list[str] | None = None, by: User
) -> Question:
    _check_questions_editable(survey)
    text, cleaned = _clean_question(kind, text, choices or [])
    last = survey.questions.aggregate(last=Max("order"))["last"] or 0
    return Question.objects.create(
        survey=survey, order=last + 1, kind=kind, text=text, required=required, choices=cleaned
    )


@transaction.atomic
def update_question(
    *, question: Question, kind: str, text: str, required: bool, choices: list[str] | None = None, by: User
) -> Question:
    _check_questions_editable(question.survey)
    text, cleaned = _clean_question(kind, text, choices or [])
    question.kind, question.text, question.required, question.choices = kind, text, required, cleaned
    question.save(update_fields=["kind", "text", "required", "choices"])
    return question


@transaction.atomic
def remove_question(*, question: Question, by: User) -> Survey:
    survey = question.survey
    _check_questions_editable(survey)
    question.delete()
    return survey


@transaction.atomic
def publish_survey(*, survey: Survey, on: date, by: User) -> Survey:
    """Open the public link; the questions are checked once more."""
    if survey.status != Survey.Status.DRAFT:
        raise DomainError(_("Chỉ công bố được phiếu đang soạn."))
    questions = list(survey.questions.all())
    if not questions:
        raise DomainError(_("Phiếu chưa có câu hỏi nào."))
    for question in questions:
        if question.has_choices() and len(question.choices) < 2:
            raise DomainError(_("Câu hỏi «%(text)s» cần ít nhất 2 lựa chọn.") % {"text": question.text})
    if survey.ends_on and survey.ends_on < on:
        raise DomainError(_("Ngày kết thúc khảo sát đã qua; hãy sửa thời gian khảo sát trước khi công bố."))
    moved = Survey.objects.filter(pk=survey.pk, status=Survey.Status.DRAFT).update(
        status=Survey.Status.PUBLISHED, published_on=on
    )
    if moved != 1:
        raise DomainError(_("Phiếu đã được công bố; hãy tải lại trang."))
    survey.status, survey.published_on = Survey.Status.PUBLISHED, on
    return survey


@transaction.atomic
def close_survey(*, survey: Survey, on: date, by: User | None) -> Survey:
    moved = Survey.objects.filter(pk=survey.pk, status=Survey.Status.PUBLISHED).update(
        status=Survey.Status.CLOSED, closed_on=on
    )
    if moved != 1:
        raise DomainError(_("Chỉ kết thúc được cuộc khảo sát đang nhận ý kiến."))
    survey.status, survey.closed_on = Survey.Status.CLOSED, on
    return survey


def close_ended_surveys(*, today: date) -> int:
    """The daily step: a published survey whose period ended yesterday or before is closed."""
    closed = 0
    for survey in Survey.objects.filter(status=Survey.Status.PUBLISHED, ends_on__lt=today):
        try:
            close_survey(survey=survey, on=survey.ends_on or today, by=None)
        except DomainError:
            continue  # closed by someone meanwhile
        closed += 1
    return closed


# --- A citizen's answers -----------------------------------------------------------


def _answer(question: Question, value: Any) -> Answer | None:
    """The answer row for one question, or None when it was left blank; a
    value the question cannot take is refused with the question's words."""
    blank = value in (None, "", [])
    if blank:
        if question.required:
            raise DomainError(_("Câu hỏi «%(text)s» cần được trả lời.") % {"text": question.text})
        return None
    if question.kind == Question.Kind.SCALE:
        if not isinstance(value, int) or isinstance(value, bool) or value not in SCALE:
            raise DomainError(
                _("Câu hỏi «%(text)s»: mức đánh giá phải từ 1 đến 5.") % {"text": question.text}
            )
        return Answer(question=question, scale=value)
    if question.kind == Question.Kind.TEXT:
        if not isinstance(value, str):
            raise DomainError(_("Câu hỏi «%(text)s»: câu trả lời không hợp lệ.") % {"text": question.text})
        value = value.strip()
        if len(value) > TEXT_LIMIT:
            raise DomainError(
                _("Câu hỏi «%(text)s»: câu trả lời dài tối đa %(limit)s ký tự.")
                % {"text": question.text, "limit": TEXT_LIMIT}
            )
        return Answer(question=question, text=value) if value else _answer(question, None)
    picked = value if isinstance(value, list) else [value]
    if question.kind == Question.Kind.ONE and len(picked) != 1:
        raise DomainError(_("Câu hỏi «%(text)s»: chỉ chọn một lựa chọn.") % {"text": question.text})
    positions = range(len(question.choices))
    if any(not isinstance(p, int) or isinstance(p, bool) or p not in positions for p in picked):
        raise DomainError(_("Câu hỏi «%(text)s»: lựa chọn không có trong câu hỏi.") % {"text": question.text})
    if len(set(picked)) != len(picked):
        raise DomainError(_("Câu hỏi «%(text)s»: một lựa chọn được chọn hai lần.") % {"text": question.text})
    return Answer(question=question, choices=sorted(picked))


@transaction.atomic
def submit_response(
    *,
    survey: Survey,
    values: Mapping[int, Any],
    today: date,
    device_key: str = "",
    petition_key: str = "",
    unit: Unit | None = None,
    contact: str = "",
) -> Response:
    """Store one device's (or one invited petition's) answers, all or none.

    ``values`` maps a question's id to its value: the mark (1–5), the chosen
    option's position (a list of them for several choices), or the text."""
    if not survey.accepts_answers(today):
        if survey.status == Survey.Status.DRAFT:
            raise DomainError(_("Phiếu khảo sát này chưa được công bố."))
        raise DomainError(_("Cuộc khảo sát này đã kết thúc hoặc chưa đến thời gian nhận ý kiến."))
    if not device_key and not petition_key:
        raise DomainError(_("Không nhận ra thiết bị gửi phiếu; hãy bật cookie của trình duyệt rồi thử lại."))
    if survey.about_petitions and not petition_key:
        raise DomainError(
            _("Phiếu này dành cho người đã gửi đơn: hãy mở nó từ trang tra cứu kết quả xử lý đơn.")
        )
    if unit is not None and (survey.unit_id or unit.agency_id != survey.agency_id):
        raise DomainError(_("Đơn vị đã chọn không thuộc phiếu khảo sát này."))
    contact = contact.strip() if survey.allow_contact else ""
    if len(contact) > CONTACT_LIMIT:
        raise DomainError(_("Cách liên hệ dài tối đa %(limit)s ký tự.") % {"limit": CONTACT_LIMIT})
    questions = list(survey.questions.all())
    known = {question.pk for question in questions}
    if set(values) - known:
        raise DomainError(_("Phiếu gửi lên có câu hỏi không thuộc cuộc khảo sát này."))
    answers = [found for question in questions if (found := _answer(question, values.get(question.pk)))]
    if not answers:
        raise DomainError(_("Hãy trả lời ít nhất một câu hỏi."))
    already = _("Thiết bị này đã gửi phiếu cho cuộc khảo sát này. Cảm ơn ông/bà đã tham gia.")
    if petition_key:
        already = _("Phiếu khảo sát về đơn này đã được gửi. Cảm ơn ông/bà đã tham gia.")
    try:
        with transaction.atomic():
            response = Response.objects.create(
                survey=survey,
                submitted_on=today,
                unit=survey.unit or unit,
                device_key=device_key,
                petition_key=petition_key,
                contact=contact,
            )
    except IntegrityError as exc:
        raise DomainError(already) from exc
    for found in answers:
        found.response = response
    Answer.objects.bulk_create(answers)
    return response
