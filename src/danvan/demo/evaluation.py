"""The demo province's criteria set for its departments, in use for 2025 and 2026,
and the 2025 round finished for two departments, so that a newcomer sees a
results table while the 2026 assessment of Sở KH&CN is theirs to open.

The set is an example built in the shape of Cần Thơ QĐ 2579/QĐ-UBND (2025):
groups of 10 and 90 points, a bonus and a penalty group of at most 3; the
leaves that the system can measure are bound to its figures (the workbook's
indicator column), as a province enters them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from danvan.core.models import Agency, Province, User
from danvan.evaluation import services
from danvan.evaluation.engine.model import (
    AllOrNothing,
    Band,
    CapBand,
    Done,
    ForceBand,
    Kind,
    NoLeafAtZero,
    Occurrences,
    PerItem,
    Ratio,
    RatioBand,
    RatioBands,
    RatioLinear,
    Rules,
    StepChoice,
    Steps,
)
from danvan.evaluation.engine.sheets import write_criteria_sheet
from danvan.evaluation.engine.validation import Row, build_criteria_set
from danvan.evaluation.models import Assessment, CriteriaSet

SET_NAME = "Bộ tiêu chí đánh giá công tác dân vận chính quyền đối với các sở, ban, ngành tỉnh Tây Ninh"
ROWS = [
    Row("I", "Tổ chức thực hiện, cụ thể hóa văn bản về dân vận chính quyền và dân chủ ở cơ sở", D(10)),
    Row(
        "1",
        "Ban hành kế hoạch thực hiện công tác dân vận chính quyền năm đúng thời hạn",
        D(4),
        "I",
        AllOrNothing(),
        indicator="plans.implementing_plan_on_time",
    ),
    Row("2", "Cụ thể hóa văn bản về thực hiện dân chủ ở cơ sở", D(6), "I", Steps((D(0), D(2), D(4), D(6)))),
    Row("II", "Tham mưu, tổ chức thực hiện công tác dân vận chính quyền và dân chủ ở cơ sở", D(90)),
    Row("1", "Thực hiện nhiệm vụ và báo cáo", D(30), "II"),
    Row(
        "1.1",
        "Tỷ lệ nhiệm vụ của kế hoạch hoàn thành đúng hạn",
        D(15),
        "II/1",
        RatioBands((RatioBand(D(95), D(15)), RatioBand(D(80), D(10)), RatioBand(D(50), D(5)))),
        indicator="plans.tasks_on_time",
    ),
    Row(
        "1.2",
        "Tỷ lệ báo cáo định kỳ gửi đúng hạn",
        D(15),
        "II/1",
        RatioLinear(D(50), D(100)),
        indicator="reports.on_time",
    ),
    Row("2", "Tiếp công dân, đối thoại với Nhân dân", D(30), "II", Steps((D(0), D(10), D(20), D(30)))),
    Row(
        "3",
        "Tỷ lệ đơn thư, vụ việc được giải quyết trong thời hạn luật định",
        D(30),
        "II",
        RatioLinear(D(50), D(100)),
        indicator="petitions.within_limit",
    ),
    Row("III", "Điểm thưởng", D(3), kind=Kind.BONUS),
    Row(
        "1",
        "Mô hình “Dân vận khéo” được công nhận (1 điểm mỗi mô hình)",
        D(2),
        "III",
        PerItem(D(1)),
        indicator="emulation.recognised_models",
    ),
    Row("2", "Gương điển hình được khen thưởng (0,5 điểm mỗi gương)", D(2), "III", PerItem(D("0.5"))),
    Row("IV", "Điểm trừ", D(3), kind=Kind.PENALTY),
    Row(
        "1",
        "Vụ việc giải quyết quá thời hạn luật định (1 điểm mỗi vụ việc)",
        D(3),
        "IV",
        PerItem(D(1)),
        indicator="petitions.past_limit",
    ),
]
XS, TOT, HT, KHT = "Hoàn thành xuất sắc", "Hoàn thành tốt", "Hoàn thành", "Không hoàn thành"
EVENTS = {
    "corruption": "để xảy ra tham nhũng",
    "disunity": "mất đoàn kết nội bộ nghiêm trọng",
    "leader_dismissed": "người đứng đầu bị kỷ luật từ cách chức trở lên",
    "staff_prosecuted": "cán bộ bị truy cứu trách nhiệm hình sự",
    "no_self_assessment": "không gửi báo cáo tự đánh giá",
    "leader_reprimanded": "người đứng đầu bị kỷ luật khiển trách",
    "leader_warned": "người đứng đầu bị kỷ luật cảnh cáo",
}
RULES = Rules(
    bands=(
        Band(XS, D(95), (NoLeafAtZero(),)),
        Band(TOT, D(85), (NoLeafAtZero(),)),
        Band(HT, D(75)),
        Band(KHT, D(0)),
    ),
    forces=tuple(
        ForceBand(event, KHT)
        for event in ("corruption", "disunity", "leader_dismissed", "staff_prosecuted", "no_self_assessment")
    ),
    caps=(CapBand("leader_reprimanded", TOT), CapBand("leader_warned", HT)),
    events=EVENTS,
    commendation_from=TOT,
)
# The 2025 round of two departments, as the province finalised it.
ROUND_2025 = {
    "SNV": {
        "I/1": Done(True),
        "I/2": StepChoice(D(6), "Ban hành đủ quy chế dân chủ của cơ quan"),
        "II/1/1.1": Ratio(D(49), D(50)),
        "II/1/1.2": Ratio(D(11), D(12)),
        "II/2": StepChoice(D(30), "Tiếp công dân, đối thoại đủ các kỳ"),
        "II/3": Ratio(D(40), D(40)),
        "III/1": Occurrences(1),
        "III/2": Occurrences(0),
        "IV/1": Occurrences(0),
    },
    "STC": {
        "I/1": Done(True),
        "I/2": StepChoice(D(4), "Chưa cụ thể hóa quy chế đối thoại"),
        "II/1/1.1": Ratio(D(38), D(46)),
        "II/1/1.2": Ratio(D(10), D(12)),
        "II/2": StepChoice(D(30), "Tiếp công dân, đối thoại đủ các kỳ"),
        "II/3": Ratio(D(30), D(34)),
        "III/1": Occurrences(0),
        "III/2": Occurrences(1),
        "IV/1": Occurrences(1),
    },
}


def load_demo_evaluation(*, province: Province, agencies: dict[str, Agency]) -> int:
    if CriteriaSet.objects.filter(province=province, name=SET_NAME).exists():
        return 0
    reviewer = User.objects.get(username="snv.theodoi")
    criteria = build_criteria_set(SET_NAME, ROWS, declared_max=D(100))
    details = services.SetDetails(
        name=SET_NAME,
        document_number="1234/QĐ-UBND",
        document_date=date(2025, 10, 15),
        years=[2025, 2026],
        agency_kinds=[Agency.Kind.DEPARTMENT],
        effective_from=date(2025, 10, 15),
    )
    criteria_set = services.import_criteria_set(
        province=province, details=details, data=write_criteria_sheet(criteria, RULES), by=reviewer
    )
    criteria_set.submit_from, criteria_set.submit_until = "10/12", "15/12"
    criteria_set.save(update_fields=["submit_from", "submit_until"])
    services.put_in_use(criteria_set=criteria_set, by=reviewer)
    created = 1
    for symbol, entered in ROUND_2025.items():
        created += _finished_round(agencies[symbol], entered, reviewer)
    return created


def _finished_round(agency: Agency, entered: dict, reviewer: User) -> int:
    assessment = services.open_assessment(agency=agency, year=2025, by=reviewer)
    for leaf in assessment.scores.select_related("node", "assessment"):
        services.score_leaf_of(
            leaf=leaf,
            entered=entered[leaf.node.key],
            explanation="",
            override_reason="Số liệu năm 2025 trước khi dùng hệ thống",
            by=reviewer,
        )
    services.submit_assessment(assessment=assessment, by=reviewer, today=date(2025, 12, 12))
    services.send_review(assessment=assessment, by=reviewer, today=date(2025, 12, 18))
    services.finalise_assessment(assessment=Assessment.objects.get(pk=assessment.pk), events=[], by=reviewer)
    return 1
