"""The titles and forms of commendation an agency proposes, with their conditions and
articles, as the data the migration loads (docs/emulation-law.md says which articles
were checked against the text)."""

LAW = "Luật Thi đua, khen thưởng 2022 (06/2022/QH15)"
DECREE = "Nghị định 98/2023/NĐ-CP"

NO_DISCIPLINE = {
    "code": "no_discipline",
    "text": "Không bị kỷ luật trong năm xét khen thưởng",
    "method": "no_discipline",
}
TASKS_DONE = {
    "code": "tasks_done",
    "text": "Hoàn thành các nhiệm vụ được giao trong năm",
    "method": "tasks_done",
}

TITLES = [
    {
        "code": "LDTT",
        "name": "Lao động tiên tiến",
        "kind": "title",
        "subject": "individual",
        "legal_basis": f"Điều 24 {LAW}",
        "sort": 10,
        "conditions": [
            {
                **TASKS_DONE,
                "text": "Hoàn thành tốt nhiệm vụ được giao",
                "article": f"Điều 24 khoản 1 điểm a {LAW}",
            },
            {
                **NO_DISCIPLINE,
                "text": "Chấp hành tốt chủ trương, chính sách, pháp luật; không bị kỷ luật",
                "article": f"Điều 24 khoản 1 điểm b {LAW}",
            },
            {
                "code": "spirit",
                "text": "Có tinh thần tự lực, tự cường, đoàn kết, tương trợ, tích cực tham gia phong trào thi đua",
                "article": f"Điều 24 khoản 1 điểm c {LAW}",
                "method": "manual",
            },
        ],
    },
    {
        "code": "CSTDCS",
        "name": "Chiến sĩ thi đua cơ sở",
        "kind": "title",
        "subject": "individual",
        "legal_basis": f"Điều 23 {LAW}",
        "council_share": "70",
        "quota_percent": "15",
        "quota_of": "LDTT",
        "quota_basis": f"{DECREE}: không quá 15% số cá nhân đạt danh hiệu “Lao động tiên tiến”",
        "sort": 20,
        "conditions": [
            {
                "code": "ldtt",
                "text": "Đạt danh hiệu “Lao động tiên tiến” trong năm",
                "article": f"Điều 23 {LAW}",
                "method": "prior_title",
                "parameters": {"title": "LDTT", "years": 1},
            },
            {
                "code": "initiative",
                "text": "Có sáng kiến, đề tài, giải pháp được cơ sở công nhận và áp dụng",
                "article": f"Điều 23 {LAW}",
                "method": "manual",
            },
            {**NO_DISCIPLINE, "article": f"Điều 24 khoản 1 điểm b {LAW} (tiêu chuẩn Lao động tiên tiến)"},
        ],
    },
    {
        "code": "TTLDTT",
        "name": "Tập thể lao động tiên tiến",
        "kind": "title",
        "subject": "collective",
        "legal_basis": f"Điều 28 {LAW}",
        "sort": 30,
        "conditions": [
            {
                **TASKS_DONE,
                "text": "Hoàn thành tốt nhiệm vụ và kế hoạch được giao",
                "article": f"Điều 28 điểm a {LAW}",
            },
            {
                "code": "half_ldtt",
                "text": "Có trên 50% cá nhân đạt danh hiệu “Lao động tiên tiến”, không có cá nhân bị kỷ luật từ cảnh cáo trở lên",
                "article": f"Điều 28 điểm c, d {LAW}",
                "method": "manual",
            },
        ],
    },
    {
        "code": "TTLDXS",
        "name": "Tập thể lao động xuất sắc",
        "kind": "title",
        "subject": "collective",
        "legal_basis": f"Điều 27 {LAW}",
        "council_share": "70",
        "sort": 40,
        "conditions": [
            {
                "code": "band",
                "text": "Hoàn thành xuất sắc nhiệm vụ: xếp loại đánh giá của cơ quan đạt mức được đề nghị khen thưởng",
                "article": f"Điều 27 điểm b {LAW}",
                "method": "agency_band",
            },
            {
                **TASKS_DONE,
                "text": "Hoàn thành các nhiệm vụ, kế hoạch được giao",
                "article": f"Điều 27 điểm b {LAW}",
            },
            {
                "code": "all_done",
                "text": "100% cá nhân hoàn thành nhiệm vụ, ít nhất 70% đạt “Lao động tiên tiến”; có cá nhân đạt “Chiến sĩ thi đua cơ sở”",
                "article": f"Điều 27 điểm c {LAW}",
                "method": "manual",
            },
        ],
    },
    {
        "code": "GK",
        "name": "Giấy khen của Thủ trưởng cơ quan",
        "kind": "form",
        "subject": "individual",
        "legal_basis": f"Điều 75 {LAW}",
        "sort": 50,
        "conditions": [
            {
                **TASKS_DONE,
                "text": "Có thành tích được bình xét trong phong trào thi đua",
                "article": f"Điều 75 khoản 1 {LAW}",
            },
            {**NO_DISCIPLINE, "article": f"Điều 75 khoản 1 {LAW}"},
        ],
    },
    {
        "code": "BKT",
        "name": "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        "kind": "form",
        "subject": "individual",
        "legal_basis": f"Điều 74 {LAW}",
        "sort": 60,
        "conditions": [
            {
                "code": "two_years",
                "text": "Có 02 năm liên tục đạt danh hiệu “Chiến sĩ thi đua cơ sở” hoặc hoàn thành xuất sắc nhiệm vụ",
                "article": f"Điều 74 khoản 1 {LAW}",
                "method": "prior_title",
                "parameters": {"title": "CSTDCS", "years": 2, "before": True},
            },
            {**NO_DISCIPLINE, "article": f"Điều 74 khoản 1 {LAW}"},
        ],
    },
    {
        "code": "BKT_TT",
        "name": "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh (tập thể)",
        "kind": "form",
        "subject": "collective",
        "legal_basis": f"Điều 74 khoản 2 {LAW}",
        "sort": 70,
        "conditions": [
            {
                "code": "band",
                "text": "Xếp loại đánh giá của cơ quan đạt mức được đề nghị khen thưởng",
                "article": f"Điều 74 khoản 2 {LAW}; quy định xếp loại của tỉnh",
                "method": "agency_band",
            },
            {**TASKS_DONE, "article": f"Điều 74 khoản 2 {LAW}"},
        ],
    },
]


def put_titles(title_model, condition_model) -> int:
    """Create the titles above that are missing (by code), with their
    conditions; the migration passes its historical models, the demo the
    current ones (a test database flushed between tests has none)."""
    made = 0
    for data in TITLES:
        if title_model.objects.filter(code=data["code"]).exists():
            continue
        fields = {k: v for k, v in data.items() if k not in ("conditions", "quota_of")}
        title = title_model.objects.create(**fields)
        if data.get("quota_of"):
            title.quota_of = title_model.objects.get(code=data["quota_of"])
            title.save(update_fields=["quota_of"])
        for sort, condition in enumerate(data["conditions"]):
            condition_model.objects.create(title=title, sort=sort, **condition)
        made += 1
    return made
