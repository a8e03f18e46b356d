"""Cần Thơ QĐ 2579/QĐ-UBND (21/11/2025) entered as data, as a province would enter it.

Điều 3–4: criteria proper 100 points — group I (organising and concretising
the documents) 10, group II (advising and implementing) 90 — bonus at most 3
(Dân vận khéo models and exemplars recognised), deduction at most 3.
Điều 6: "xuất sắc" from 95 and "tốt" from 85, both with no criterion at 0;
"hoàn thành" from 75; "không hoàn thành" below 75 or on corruption, serious
disunity, a leader disciplined at cách chức or above, a staff member
prosecuted, or no self-assessment; khiển trách caps at "tốt", cảnh cáo at
"hoàn thành". Điều 2 k2: only "tốt" or above may be proposed for commendation.

Phụ lục II (the detailed items) was not published with the decision: the
leaves below are an example split of the published group maxima, one leaf
for each scoring method.
"""

from decimal import Decimal as D

from danvan.evaluation.engine.model import (
    AllOrNothing,
    Band,
    CapBand,
    Deduction,
    ForceBand,
    Kind,
    NoLeafAtZero,
    PerItem,
    RatioBand,
    RatioBands,
    RatioLinear,
    Rules,
    Steps,
)
from danvan.evaluation.engine.validation import Row, build_criteria_set, check_rules

ROWS = [
    Row("I", "Tổ chức thực hiện, cụ thể hóa văn bản về dân vận chính quyền và dân chủ ở cơ sở", D(10), row=2),
    Row(
        "1", "Ban hành kế hoạch thực hiện công tác dân vận chính quyền năm", D(4), "I", AllOrNothing(), row=3
    ),
    Row(
        "2",
        "Cụ thể hóa văn bản về thực hiện dân chủ ở cơ sở",
        D(6),
        "I",
        Steps((D(0), D(2), D(4), D(6))),
        row=4,
    ),
    Row("II", "Tham mưu, tổ chức thực hiện công tác dân vận chính quyền và dân chủ ở cơ sở", D(90), row=5),
    Row("1", "Quán triệt, báo cáo", D(30), "II", row=6),
    Row(
        "1.1",
        "Tỷ lệ cán bộ, công chức được quán triệt",
        D(15),
        "II/1",
        RatioBands((RatioBand(D(95), D(15)), RatioBand(D(80), D(10)), RatioBand(D(50), D(5)))),
        row=7,
    ),
    Row(
        "1.2", "Báo cáo định kỳ đúng hạn (trừ 5 điểm mỗi báo cáo chậm)", D(15), "II/1", Deduction(D(5)), row=8
    ),
    Row("2", "Tiếp công dân, đối thoại", D(30), "II", Steps((D(0), D(10), D(20), D(30))), row=9),
    Row(
        "3",
        "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn",
        D(30),
        "II",
        RatioLinear(D(50), D(100)),
        row=10,
    ),
    Row("III", "Điểm thưởng", D(3), kind=Kind.BONUS, row=11),
    Row(
        "1", "Mô hình “Dân vận khéo” được công nhận (1 điểm mỗi mô hình)", D(2), "III", PerItem(D(1)), row=12
    ),
    Row("2", "Gương điển hình được khen thưởng (0,5 điểm mỗi gương)", D(2), "III", PerItem(D("0.5")), row=13),
    Row("IV", "Điểm trừ", D(3), kind=Kind.PENALTY, row=14),
    Row(
        "1",
        "Phản ánh, kiến nghị đúng bị cấp trên nhắc nhở (1 điểm mỗi lần)",
        D(3),
        "IV",
        PerItem(D(1)),
        row=15,
    ),
]

CRITERIA = build_criteria_set("QĐ 2579/QĐ-UBND Cần Thơ", ROWS, declared_max=D(100))

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
check_rules(CRITERIA, RULES)
