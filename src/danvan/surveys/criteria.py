"""The twelve criteria on which provincial portals ask citizens how satisfied
they are with an administrative procedure (domain §5.4), as the questions of
the one-click template. A criterion measured as a mark is a 1–5 scale; one
measured as a number of times or of bodies is a single choice."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from danvan.surveys.models import Question


@dataclass(frozen=True)
class Criterion:
    number: int
    kind: str
    text: str | Promise
    choices: tuple[str | Promise, ...] = ()
    required: bool = True


_TIME = (_("Sớm hơn quy định"), _("Đúng quy định"), _("Chậm hơn quy định"))

CRITERIA = (
    Criterion(1, Question.Kind.SCALE, _("Đánh giá chung của ông/bà về việc giải quyết thủ tục hành chính")),
    Criterion(2, Question.Kind.SCALE, _("Mức độ thuận tiện khi thực hiện thủ tục")),
    Criterion(3, Question.Kind.SCALE, _("Hồ sơ được giải quyết và trả kết quả đúng hẹn")),
    Criterion(4, Question.Kind.SCALE, _("Thái độ của cán bộ, công chức tiếp nhận và giải quyết hồ sơ")),
    Criterion(5, Question.Kind.ONE, _("Thời gian giải quyết hồ sơ so với thời hạn theo quy định"), _TIME),
    Criterion(
        6, Question.Kind.ONE, _("Thời gian giải quyết của từng cơ quan, đơn vị so với quy định"), _TIME
    ),
    Criterion(
        7,
        Question.Kind.ONE,
        _("Số lần phải liên hệ với cơ quan để hoàn thành hồ sơ"),
        (_("1 lần"), _("2 lần"), _("Từ 3 lần trở lên")),
    ),
    Criterion(
        8,
        Question.Kind.ONE,
        _("Số cơ quan, đơn vị phải liên hệ để hoàn thành hồ sơ"),
        (_("1 cơ quan"), _("2 cơ quan"), _("Từ 3 cơ quan trở lên")),
    ),
    Criterion(9, Question.Kind.SCALE, _("Việc giải quyết theo cơ chế một cửa, một cửa liên thông")),
    Criterion(10, Question.Kind.SCALE, _("Mức độ công khai, minh bạch của thủ tục hành chính")),
    Criterion(11, Question.Kind.SCALE, _("Việc tiếp nhận và trả lời phản ánh, kiến nghị của người dân")),
    Criterion(
        12,
        Question.Kind.SCALE,
        _("Tiến độ và chất lượng dịch vụ công trực tuyến (nếu đã dùng)"),
        required=False,
    ),
)
