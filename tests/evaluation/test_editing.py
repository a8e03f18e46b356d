"""Entering and editing criteria sets on screen: a set from nothing, its tree line by line, its rules;
only drafts change, and a set is put in use only when the engine accepts all of it."""

from dataclasses import replace
from decimal import Decimal as D
from html.parser import HTMLParser
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from danvan.core import indicators
from danvan.core.models import Agency
from danvan.core.services import DomainError
from danvan.documents.models import LegalDocument
from danvan.evaluation import codec, services
from danvan.evaluation.engine.errors import InvalidCriteriaSet
from danvan.evaluation.engine.model import (
    AllOrNothing,
    Deduction,
    PerItem,
    RatioBand,
    RatioBands,
    RatioLinear,
    Steps,
)
from danvan.evaluation.engine.sheets import criteria_template, read_criteria_sheet, write_criteria_sheet
from danvan.evaluation.models import CriteriaNode, CriteriaSet
from tests.evaluation.conftest import edited, import_can_tho
from tests.evaluation.engine.can_tho_2579 import RULES

INDICATOR = "test.tasks_on_time"


@pytest.fixture
def test_indicator():
    found = indicators.register_indicator(
        code=INDICATOR,
        name="Tỷ lệ nhiệm vụ hoàn thành đúng hạn (thử)",
        kind=indicators.Kind.RATIO,
        measure=lambda agency, year: indicators.Figure(numerator=D(1), denominator=D(1)),
    )
    yield found
    indicators._INDICATORS.pop(INDICATOR, None)


class _Fields(HTMLParser):
    """The values a page's form would post as it stands: inputs, checked boxes, selected options, text areas."""

    def __init__(self) -> None:
        super().__init__()
        self.data: dict[str, object] = {}
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attr = dict(attrs)
        name = attr.get("name")
        if tag == "input" and name and name != "csrfmiddlewaretoken":
            if attr.get("type") == "checkbox":
                if "checked" in attr:
                    values = self.data.setdefault(name, [])
                    assert isinstance(values, list)
                    values.append(attr.get("value", "on"))
            elif attr.get("type") != "submit":
                self.data[name] = attr.get("value") or ""
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in attr:
            self.data[self._select] = attr.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        if tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] = str(self.data[self._textarea]) + data.strip("\n")


def form_of(client, url) -> dict:
    response = client.get(url)
    assert response.status_code == 200
    fields = _Fields()
    fields.feed(response.content.decode())
    return fields.data


def node(criteria_set, key) -> CriteriaNode:
    return criteria_set.nodes.get(key=key)


def keys(criteria_set) -> list[str]:
    return list(criteria_set.nodes.order_by("position").values_list("key", flat=True))


def snapshot(criteria_set) -> list[tuple]:
    return list(
        criteria_set.nodes.order_by("position").values_list(
            "position", "key", "code", "name", "max_points", "kind", "method", "parameters", "indicator"
        )
    )


def page_of(client, criteria_set) -> str:
    return client.get(reverse("evaluation:criteria_set_detail", args=[criteria_set.pk])).content.decode()


def node_data(**changes) -> dict:
    data = {
        "code": "1",
        "name": "Ban hành kế hoạch",
        "max_points": "4",
        "kind": "base",
        "method": "all_or_nothing",
        "when_not_applicable": "refused",
        "steps_note_required": "on",
        "deduction_floor_at_zero": "on",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def set_data(province, **changes) -> dict:
    data = {
        "province": province.pk,
        "name": "Bộ tiêu chí dân vận chính quyền 2026",
        "document_number": "15/QĐ-UBND",
        "document_date": "05/01/2026",
        "years": "2026",
        "agency_kinds": [Agency.Kind.DEPARTMENT],
        "effective_from": "05/01/2026",
        "submit_from": "1/12",
        "submit_until": "10/12",
        "answer_days": "7",
        "declared_max": "100",
        "floor_total_at_zero": "on",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def add(client, criteria_set, parent=None, **changes):
    url = reverse("evaluation:node_add", args=[criteria_set.pk])
    if parent is not None:
        url += f"?cha={parent.pk}"
    return client.post(url, node_data(**changes))


def edit(client, found, **changes):
    url = reverse("evaluation:node_edit", args=[found.criteria_set_id, found.pk])
    data = form_of(client, url)
    data.update(changes)
    return client.post(url, {name: value for name, value in data.items() if value is not None})


def rules_data(bands, events=(), quotas=(), commendation="") -> dict:
    data: dict[str, object] = {"commendation_from": commendation}
    for prefix, rows in (("muc", bands), ("su_kien", events), ("chi_tieu", quotas)):
        data |= {f"{prefix}-TOTAL_FORMS": len(rows), f"{prefix}-INITIAL_FORMS": 0}
        data |= {f"{prefix}-MIN_NUM_FORMS": 0, f"{prefix}-MAX_NUM_FORMS": 1000}
        for index, row in enumerate(rows):
            data |= {f"{prefix}-{index}-{name}": value for name, value in row.items()}
    return data


GOOD_BANDS = [
    {"name": "Xuất sắc", "lower": "95", "no_leaf_at_zero": "on"},
    {"name": "Tốt", "lower": "85", "share_percent": "50", "share_depth": "2"},
    {"name": "Hoàn thành", "lower": "75", "no_node_at_zero_depth": "2"},
    {"name": "Không hoàn thành", "lower": "0"},
]


# --- A set from nothing ---------------------------------------------------------


def test_the_reviewer_creates_an_empty_set_on_screen(client, province, province_officer, set_in_use):
    document = LegalDocument.objects.create(doc_type="Quyết định", number="15/QĐ-UBND", issuer="UBND tỉnh")
    set_in_use.legal_document = document  # the library shows what a set the reviewer reads cites
    set_in_use.save(update_fields=["legal_document"])
    client.force_login(province_officer)
    data = set_data(province, legal_document=document.pk, replaces=set_in_use.pk)
    response = client.post(reverse("evaluation:criteria_set_create"), data)
    created = CriteriaSet.objects.exclude(pk=set_in_use.pk).get()
    assert response.status_code == 302
    assert response["Location"] == reverse("evaluation:criteria_set_detail", args=[created.pk])
    assert created.status == CriteriaSet.Status.DRAFT
    assert (created.name, created.document_number, created.legal_document) == (
        "Bộ tiêu chí dân vận chính quyền 2026",
        "15/QĐ-UBND",
        document,
    )
    assert (created.submit_from, created.submit_until, created.answer_days) == ("01/12", "10/12", 7)
    assert created.years == [2026]
    assert created.declared_max == D(100)
    assert (created.replaces, created.version) == (set_in_use, 2)
    assert not created.nodes.exists()
    assert created.rules == {}
    page = page_of(client, created)
    assert "Bộ tiêu chí chưa có nhóm tiêu chí nào." in page
    assert "Chưa có mức xếp loại nào." in page
    assert "từ 01/12 đến 10/12 hằng năm" in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"submit_until": "31/02"}, "Ghi ngày/tháng có thật, ví dụ 10/12."),
        ({"submit_from": "10-12"}, "Ghi ngày/tháng có thật, ví dụ 10/12."),
        ({"submit_from": "32/1"}, "Ghi ngày/tháng có thật, ví dụ 10/12."),
        ({"submit_until": ""}, "Ghi cả ngày bắt đầu và ngày kết thúc gửi bản tự chấm"),
        ({"answer_days": "năm"}, "answer_days"),
        ({"declared_max": "một trăm"}, "Ghi một số, ví dụ 10 hoặc 0,5."),
        ({"name": ""}, "name"),
        ({"effective_to": "01/01/2026"}, "Ngày hết hiệu lực phải sau ngày có hiệu lực."),
    ],
)
def test_bad_details_are_refused_with_what_was_typed_kept(
    client, province, province_officer, changes, message
):
    client.force_login(province_officer)
    response = client.post(reverse("evaluation:criteria_set_create"), set_data(province, **changes))
    page = response.content.decode()
    assert response.status_code == 422
    assert message in page
    assert 'value="15/QĐ-UBND"' in page
    assert not CriteriaSet.objects.exists()


def test_a_29_february_window_is_a_real_day(client, province, province_officer):
    client.force_login(province_officer)
    response = client.post(
        reverse("evaluation:criteria_set_create"), set_data(province, submit_from="29/2", submit_until="5/3")
    )
    assert response.status_code == 302
    assert CriteriaSet.objects.get().submit_from == "29/02"


def test_the_details_of_a_draft_are_edited(client, province_officer, draft_set):
    client.force_login(province_officer)
    url = reverse("evaluation:criteria_set_edit", args=[draft_set.pk])
    data = form_of(client, url)
    assert data["years"] == "2025"
    data |= {
        "name": "Bộ tiêu chí (sửa)",
        "submit_from": "01/12",
        "submit_until": "15/12",
        "answer_days": "10",
    }
    response = client.post(url, data)
    draft_set.refresh_from_db()
    assert response.status_code == 302
    assert (draft_set.name, draft_set.submit_until, draft_set.answer_days) == (
        "Bộ tiêu chí (sửa)",
        "15/12",
        10,
    )
    assert draft_set.document_number == "2579/QĐ-UBND"
    assert draft_set.declared_max == D(100)
    assert draft_set.floor_total_at_zero is True


def test_a_bad_date_in_the_details_changes_nothing(client, province_officer, draft_set):
    client.force_login(province_officer)
    url = reverse("evaluation:criteria_set_edit", args=[draft_set.pk])
    data = form_of(client, url) | {"name": "Tên mới", "submit_from": "30/02", "submit_until": "10/12"}
    response = client.post(url, data)
    draft_set.refresh_from_db()
    assert response.status_code == 422
    assert 'value="Tên mới"' in response.content.decode()
    assert draft_set.name != "Tên mới"
    assert draft_set.submit_from == ""


# --- The tree -------------------------------------------------------------------


@pytest.fixture
def empty_set(province, province_officer):
    details = services.SetDetails(name="Bộ tiêu chí thử", years=[2026], agency_kinds=[Agency.Kind.DEPARTMENT])
    return services.create_criteria_set(
        province=province, details=details, options=services.SetOptions(), by=province_officer
    )


def test_a_tree_built_on_screen_is_checked_after_each_change_and_put_in_use(
    client, province_officer, empty_set
):
    client.force_login(province_officer)
    assert (
        add(client, empty_set, code="I", name="Tổ chức thực hiện", max_points="10", method="").status_code
        == 302
    )
    group = node(empty_set, "I")
    assert "Tiêu chí I: chưa có cách chấm điểm." in page_of(client, empty_set)
    assert add(client, empty_set, group, code="1", max_points="4").status_code == 302
    assert "Tiêu chí I: tổng điểm các tiêu chí con (4) khác điểm tối đa (10)." in page_of(client, empty_set)
    steps = {"code": "2", "name": "Cụ thể hóa", "max_points": "6", "method": "steps", "steps": "0; 2; 4; 6"}
    assert add(client, empty_set, group, **steps).status_code == 302
    assert (
        add(
            client, empty_set, code="II", name="Điểm thưởng", max_points="2", kind="bonus", method=""
        ).status_code
        == 302
    )
    bonus = node(empty_set, "II")
    per_item = {
        "code": "1",
        "name": "Mô hình",
        "max_points": "2",
        "method": "per_item",
        "per_item_points": "0,5",
    }
    assert add(client, empty_set, bonus, **per_item).status_code == 302
    assert keys(empty_set) == ["I", "I/1", "I/2", "II", "II/1"]
    assert node(empty_set, "II/1").kind == "bonus"
    problems = services.criteria_problems(empty_set)
    assert problems == ["Chưa có mức xếp loại nào."]
    response = client.post(reverse("evaluation:criteria_set_put_in_use", args=[empty_set.pk]))
    empty_set.refresh_from_db()
    assert response.status_code == 302
    assert empty_set.status == CriteriaSet.Status.DRAFT
    bands = [{"name": "Tốt", "lower": "8", "no_leaf_at_zero": "on"}, {"name": "Chưa tốt", "lower": "0"}]
    response = client.post(reverse("evaluation:rules_edit", args=[empty_set.pk]), rules_data(bands))
    assert response.status_code == 302
    empty_set.refresh_from_db()
    assert services.criteria_problems(empty_set) == []
    client.post(reverse("evaluation:criteria_set_put_in_use", args=[empty_set.pk]))
    empty_set.refresh_from_db()
    assert empty_set.status == CriteriaSet.Status.IN_USE
    criteria, rules = services.stored_criteria(empty_set)
    assert (criteria.base_max, criteria.bonus_cap) == (D(10), D(2))
    assert criteria.node("I/2").method == Steps((D(0), D(2), D(4), D(6)))
    assert [band.name for band in rules.bands] == ["Tốt", "Chưa tốt"]


@pytest.mark.parametrize(
    ("group", "changes", "expected"),
    [
        ("I", {"method": "all_or_nothing"}, AllOrNothing()),
        (
            "I",
            {"method": "steps", "steps": "0; 0,5; 1", "steps_note_required": None},
            Steps((D(0), D("0.5"), D(1)), False),
        ),
        (
            "I",
            {"method": "ratio_bands", "ratio_bands": "từ 95%: 4; từ 80,5%: 2"},
            RatioBands((RatioBand(D(95), D(4)), RatioBand(D("80.5"), D(2)))),
        ),
        (
            "I",
            {"method": "ratio_linear", "linear_zero_at": "50", "linear_full_at": "100"},
            RatioLinear(D(50), D(100)),
        ),
        ("I", {"method": "deduction", "deduction_amount": "1"}, Deduction(D(1))),
        (
            "I",
            {
                "method": "deduction",
                "deduction_amount": "25",
                "deduction_as_percent": "on",
                "deduction_floor_at_zero": None,
            },
            Deduction(D(25), as_percent=True, floor_at_zero=False),
        ),
        ("III", {"method": "per_item", "per_item_points": "0,5"}, PerItem(D("0.5"))),
    ],
)
def test_each_scoring_method_is_entered_with_its_parameters(
    client, province_officer, draft_set, group, changes, expected
):
    client.force_login(province_officer)
    leaf = node(draft_set, f"{group}/1")
    response = edit(client, leaf, **changes)
    leaf.refresh_from_db()
    assert response.status_code == 302
    assert codec.method_from_json(leaf.method, leaf.parameters) == expected
    # The edit page shows the parameters as stored: saved again unchanged, nothing changes.
    before = snapshot(draft_set)
    assert edit(client, leaf).status_code == 302
    assert snapshot(draft_set) == before


BAD_NODES = [
    pytest.param({"max_points": "mười"}, "Ghi một số, ví dụ 10 hoặc 0,5.", id="not-a-number"),
    pytest.param({"max_points": "-1"}, "Điểm tối đa không được âm.", id="negative-points"),
    pytest.param({"code": "2"}, "Mã 2 đã có trong cùng tiêu chí cha.", id="duplicate-code"),
    pytest.param({"code": "1/2"}, "Mã tiêu chí không được chứa dấu “/”", id="slash-in-code"),
    pytest.param({"code": ""}, "code", id="no-code"),
    pytest.param(
        {"method": "steps", "steps": "0; 2; 5"},
        "Cách chấm điểm: mức điểm phải từ 0 đến 4.",
        id="step-above-max",
    ),
    pytest.param(
        {"method": "steps", "steps": "0; hai"}, "Ghi các mức điểm cách nhau bởi dấu chấm phẩy", id="bad-steps"
    ),
    pytest.param(
        {"method": "ratio_bands", "ratio_bands": "từ 90%: 6"},
        "Cách chấm điểm: điểm của mỗi khoảng tỷ lệ phải từ 0 đến 4.",
        id="band-points-above-max",
    ),
    pytest.param({"method": "ratio_bands", "ratio_bands": "chín mươi"}, "theo khoảng tỷ lệ", id="bad-bands"),
    pytest.param(
        {"method": "ratio_linear", "linear_zero_at": "100", "linear_full_at": "50"},
        "tỷ lệ 0 điểm phải nhỏ hơn tỷ lệ đủ điểm",
        id="linear-upside-down",
    ),
    pytest.param(
        {"method": "ratio_linear", "linear_zero_at": "50"}, "Hãy ghi tham số này", id="linear-missing"
    ),
    pytest.param(
        {"method": "deduction", "deduction_amount": ""}, "Hãy ghi tham số này", id="deduction-missing"
    ),
    pytest.param(
        {"method": "deduction", "deduction_amount": "0"},
        "mức trừ mỗi lần phải lớn hơn 0",
        id="deduction-zero",
    ),
    pytest.param(
        {"method": "per_item", "per_item_points": "1"},
        "cách chấm theo từng lần chỉ dùng cho nhóm điểm thưởng hoặc điểm trừ",
        id="per-item-in-the-criteria-proper",
    ),
    pytest.param({"indicator": "khong.co"}, "indicator", id="unknown-indicator"),
]


@pytest.mark.parametrize(("changes", "message"), BAD_NODES)
def test_a_bad_line_is_refused_with_what_was_typed_kept_and_nothing_written(
    client, province_officer, draft_set, changes, message
):
    client.force_login(province_officer)
    before = snapshot(draft_set)
    response = edit(client, node(draft_set, "I/1"), name="Kế hoạch (đang sửa)", **changes)
    page = response.content.decode()
    assert response.status_code == 422
    assert message in page
    assert "Kế hoạch (đang sửa)" in page
    assert snapshot(draft_set) == before
    response = add(client, draft_set, node(draft_set, "I"), name="Tiêu chí mới (đang gõ)", **changes)
    assert response.status_code == 422
    assert "Tiêu chí mới (đang gõ)" in response.content.decode()
    assert snapshot(draft_set) == before


def test_a_line_with_children_takes_no_method(province_officer, draft_set):
    values = services.NodeValues("1", "Quán triệt, báo cáo", D(30), method=AllOrNothing())
    with pytest.raises(DomainError, match="cách chấm điểm đặt ở tiêu chí con"):
        services.change_node(node=node(draft_set, "II/1"), values=values, by=province_officer)


def test_a_new_code_carries_the_keys_below_it(client, province_officer, draft_set):
    client.force_login(province_officer)
    response = edit(client, node(draft_set, "II/1"), code="4")
    assert response.status_code == 302
    assert keys(draft_set)[3:7] == ["II", "II/4", "II/4/1.1", "II/4/1.2"]
    assert node(draft_set, "II/4/1.2").parent == node(draft_set, "II/4")
    response = edit(client, node(draft_set, "II"), code="B")
    assert response.status_code == 302
    assert [key for key in keys(draft_set) if key.startswith("B")] == [
        "B",
        "B/4",
        "B/4/1.1",
        "B/4/1.2",
        "B/2",
        "B/3",
    ]
    assert not [key for key in keys(draft_set) if key == "II" or key.startswith("II/")]
    assert services.criteria_problems(draft_set) == []


def test_a_group_kind_is_taken_by_its_criteria(client, province_officer, draft_set):
    client.force_login(province_officer)
    assert edit(client, node(draft_set, "IV"), kind="bonus").status_code == 302
    assert set(draft_set.nodes.filter(key__startswith="IV").values_list("kind", flat=True)) == {"bonus"}
    # Only groups have a kind on the form.
    assert "kind" not in form_of(
        client, reverse("evaluation:node_edit", args=[draft_set.pk, node(draft_set, "IV/1").pk])
    )


def test_lines_move_up_and_down_with_what_is_under_them(client, province_officer, draft_set):
    client.force_login(province_officer)
    down = reverse("evaluation:node_move_down", args=[draft_set.pk, node(draft_set, "II/1").pk])
    assert client.post(down).status_code == 302
    assert keys(draft_set)[3:] == [
        "II",
        "II/2",
        "II/1",
        "II/1/1.1",
        "II/1/1.2",
        "II/3",
        "III",
        "III/1",
        "III/2",
        "IV",
        "IV/1",
    ]
    up = reverse("evaluation:node_move_up", args=[draft_set.pk, node(draft_set, "III").pk])
    client.post(up)
    assert keys(draft_set)[:4] == ["I", "I/1", "I/2", "III"]
    positions = list(draft_set.nodes.order_by("position").values_list("position", flat=True))
    assert positions == list(range(1, 15))
    before = keys(draft_set)
    first = reverse("evaluation:node_move_up", args=[draft_set.pk, node(draft_set, "I").pk])
    response = client.post(first, follow=True)
    assert "Tiêu chí đã ở đầu." in response.content.decode()
    assert keys(draft_set) == before


def test_deleting_a_line_removes_its_children_after_confirming(client, province_officer, draft_set):
    client.force_login(province_officer)
    url = reverse("evaluation:node_delete", args=[draft_set.pk, node(draft_set, "II/1").pk])
    page = client.get(url).content.decode()
    assert "Xóa tiêu chí II/1?" in page
    assert "Các tiêu chí con của nó (2 tiêu chí) cũng bị xóa." in page
    assert keys(draft_set)[4] == "II/1"
    assert client.post(url).status_code == 302
    assert keys(draft_set) == ["I", "I/1", "I/2", "II", "II/2", "II/3", "III", "III/1", "III/2", "IV", "IV/1"]
    assert list(draft_set.nodes.order_by("position").values_list("position", flat=True)) == list(range(1, 12))
    page = page_of(client, draft_set)
    assert "Tiêu chí II: tổng điểm các tiêu chí con (60) khác điểm tối đa (90)." in page
    assert "Tổng điểm các nhóm tiêu chí" not in page


def test_put_in_use_refuses_a_tree_that_does_not_hold(client, province_officer, draft_set):
    leaf = node(draft_set, "I/1")
    services.change_node(
        node=leaf,
        values=services.NodeValues("1", leaf.name, D(5), method=AllOrNothing()),
        by=province_officer,
    )
    with pytest.raises(
        DomainError, match=r"Tiêu chí I: tổng điểm các tiêu chí con \(11\) khác điểm tối đa \(10\)"
    ):
        services.put_in_use(criteria_set=draft_set, by=province_officer)
    client.force_login(province_officer)
    response = client.post(reverse("evaluation:criteria_set_put_in_use", args=[draft_set.pk]), follow=True)
    assert "Bộ tiêu chí chưa đưa vào áp dụng được vì còn lỗi" in response.content.decode()
    draft_set.refresh_from_db()
    assert draft_set.status == CriteriaSet.Status.DRAFT


def test_a_leaf_without_a_method_blocks_putting_in_use(client, province_officer, draft_set):
    client.force_login(province_officer)
    assert edit(client, node(draft_set, "II/2"), method="").status_code == 302
    assert "II/2 — Tiêu chí 2: chưa có cách chấm điểm." in page_of(client, draft_set)
    with pytest.raises(DomainError, match="chưa có cách chấm điểm"):
        services.put_in_use(criteria_set=draft_set, by=province_officer)


def test_a_draft_being_edited_still_exports_and_copies(client, province_officer, draft_set):
    node(draft_set, "I/1").delete()
    client.force_login(province_officer)
    response = client.get(reverse("evaluation:criteria_set_export", args=[draft_set.pk]))
    assert response.status_code == 200
    copy = services.copy_criteria_set(criteria_set=draft_set, years=[2026], by=province_officer)
    assert keys(copy) == keys(draft_set)


# --- Sets in use and new draft versions -----------------------------------------


def test_a_set_in_use_is_not_edited_on_screen(client, province_officer, set_in_use):
    client.force_login(province_officer)
    before, rules = snapshot(set_in_use), dict(set_in_use.rules)
    leaf = node(set_in_use, "I/1")
    for url in (
        reverse("evaluation:criteria_set_edit", args=[set_in_use.pk]),
        reverse("evaluation:node_add", args=[set_in_use.pk]),
        reverse("evaluation:node_edit", args=[set_in_use.pk, leaf.pk]),
        reverse("evaluation:node_delete", args=[set_in_use.pk, leaf.pk]),
        reverse("evaluation:rules_edit", args=[set_in_use.pk]),
    ):
        assert client.get(url)["Location"] == reverse("evaluation:criteria_set_detail", args=[set_in_use.pk])
        response = client.post(
            url,
            node_data(code="9", name="Sửa tại chỗ") | rules_data(GOOD_BANDS) | {"name": "Sửa"},
            follow=True,
        )
        assert "hãy tạo phiên bản dự thảo mới để sửa" in response.content.decode()
    client.post(reverse("evaluation:node_move_down", args=[set_in_use.pk, leaf.pk]))
    set_in_use.refresh_from_db()
    assert snapshot(set_in_use) == before
    assert set_in_use.rules == rules
    assert set_in_use.name == "QĐ 2579/QĐ-UBND Cần Thơ"
    page = page_of(client, set_in_use)
    assert "Tạo phiên bản dự thảo mới để sửa" in page
    assert reverse("evaluation:node_edit", args=[set_in_use.pk, leaf.pk]) not in page


def test_every_change_to_a_set_in_use_is_refused_by_the_services(province_officer, set_in_use):
    leaf = node(set_in_use, "I/1")
    values = services.NodeValues("9", "Sửa tại chỗ", D(4), method=AllOrNothing())
    details = services.SetDetails(name="Sửa", years=[2025], agency_kinds=[Agency.Kind.DEPARTMENT])
    changes = [
        lambda: services.add_node(criteria_set=set_in_use, parent=None, values=values, by=province_officer),
        lambda: services.change_node(node=leaf, values=values, by=province_officer),
        lambda: services.delete_node(node=leaf, by=province_officer),
        lambda: services.move_node(node=leaf, up=False, by=province_officer),
        lambda: services.change_rules(criteria_set=set_in_use, rules=RULES, by=province_officer),
        lambda: services.change_set_details(
            criteria_set=set_in_use,
            details=details,
            options=services.SetOptions(),
            replaces=None,
            by=province_officer,
        ),
    ]
    before = snapshot(set_in_use)
    for change in changes:
        with pytest.raises(DomainError, match="Chỉ bộ tiêu chí dự thảo mới được sửa"):
            change()
    assert snapshot(set_in_use) == before


def test_a_new_draft_version_copies_the_set_in_use(client, province_officer, set_in_use):
    client.force_login(province_officer)
    set_in_use.submit_from, set_in_use.submit_until = "01/12", "10/12"
    set_in_use.save(update_fields=["submit_from", "submit_until"])
    response = client.post(reverse("evaluation:criteria_set_new_draft", args=[set_in_use.pk]))
    version = CriteriaSet.objects.exclude(pk=set_in_use.pk).get()
    assert response["Location"] == reverse("evaluation:criteria_set_detail", args=[version.pk])
    assert (version.status, version.version, version.replaces) == (CriteriaSet.Status.DRAFT, 2, set_in_use)
    assert (version.name, version.years, version.agency_kinds) == (
        set_in_use.name,
        set_in_use.years,
        set_in_use.agency_kinds,
    )
    assert (version.submit_from, version.submit_until) == ("01/12", "10/12")
    assert version.rules == set_in_use.rules
    assert [line[1:] for line in snapshot(version)] == [line[1:] for line in snapshot(set_in_use)]
    assert node(version, "II/1/1.1").parent == node(version, "II/1")
    assert f'href="{reverse("evaluation:criteria_set_detail", args=[version.pk])}"' in page_of(
        client, set_in_use
    )
    with pytest.raises(DomainError, match="đã có một phiên bản mới đang dự thảo"):
        services.new_draft_version(criteria_set=set_in_use, by=province_officer)
    assert CriteriaSet.objects.count() == 2
    # The draft is edited, put in use, and the old set is archived unchanged.
    assert edit(client, node(version, "I/1"), name="Kế hoạch năm (sửa đổi)").status_code == 302
    services.put_in_use(criteria_set=version, by=province_officer)
    set_in_use.refresh_from_db()
    assert set_in_use.status == CriteriaSet.Status.ARCHIVED
    assert node(set_in_use, "I/1").name != "Kế hoạch năm (sửa đổi)"


def test_a_draft_needs_no_new_version(province_officer, draft_set):
    with pytest.raises(DomainError, match="bộ dự thảo được sửa trực tiếp"):
        services.new_draft_version(criteria_set=draft_set, by=province_officer)
    assert CriteriaSet.objects.count() == 1


# --- Classification rules -------------------------------------------------------


def test_the_rules_page_saved_unchanged_keeps_the_rules(client, province_officer, draft_set):
    client.force_login(province_officer)
    url = reverse("evaluation:rules_edit", args=[draft_set.pk])
    data = form_of(client, url)
    assert data["muc-0-name"] == "Hoàn thành xuất sắc"
    assert data["su_kien-0-code"] == "corruption"
    before = dict(draft_set.rules)
    response = client.post(url, data)
    draft_set.refresh_from_db()
    assert response.status_code == 302
    assert codec.rules_from_json(draft_set.rules) == codec.rules_from_json(before)


def test_the_rules_are_entered_on_screen(client, province_officer, draft_set):
    client.force_login(province_officer)
    events = [
        {"code": "corruption", "name": "để xảy ra tham nhũng", "effect": "force", "band": "Không hoàn thành"},
        {"code": "reprimand", "name": "người đứng đầu bị khiển trách", "effect": "cap", "band": "Tốt"},
        {"code": "late", "name": "gửi báo cáo muộn"},
        {"code": "gone", "name": "dòng bị xóa", "DELETE": "on"},
        {"code": "", "name": ""},
    ]
    quotas = [{"band": "Xuất sắc", "percent": "20", "relative_to": "Tốt"}]
    data = rules_data(GOOD_BANDS + [{"name": "", "lower": ""}], events, quotas, commendation="Tốt")
    response = client.post(reverse("evaluation:rules_edit", args=[draft_set.pk]), data)
    assert response.status_code == 302
    draft_set.refresh_from_db()
    rules = codec.rules_from_json(draft_set.rules)
    assert [(band.name, band.lower) for band in rules.bands] == [
        ("Xuất sắc", D(95)),
        ("Tốt", D(85)),
        ("Hoàn thành", D(75)),
        ("Không hoàn thành", D(0)),
    ]
    assert [type(condition).__name__ for band in rules.bands for condition in band.conditions] == [
        "NoLeafAtZero",
        "MinimumShare",
        "NoNodeAtZero",
    ]
    assert [(force.event, force.band) for force in rules.forces] == [("corruption", "Không hoàn thành")]
    assert [(cap.event, cap.band) for cap in rules.caps] == [("reprimand", "Tốt")]
    assert set(rules.events) == {"corruption", "reprimand", "late"}
    assert [(quota.band, quota.relative_to, quota.percent) for quota in rules.quotas] == [
        ("Xuất sắc", "Tốt", D(20))
    ]
    assert rules.commendation_from == "Tốt"
    page = page_of(client, draft_set)
    assert "Tối đa xếp mức này khi: người đứng đầu bị khiển trách" in page


BAD_RULES = [
    pytest.param(
        {"bands": [{"name": "Xuất sắc", "lower": "150"}]},
        "Mức “Xuất sắc”: ngưỡng 150 điểm cao hơn số điểm tối đa có thể đạt (103).",
        id="threshold-above-the-maximum",
    ),
    pytest.param(
        {"bands": [{"name": "Tốt", "lower": "80"}, {"name": "Xuất sắc", "lower": "95"}]},
        "Mức “Xuất sắc” phải có ngưỡng thấp hơn mức “Tốt” đứng trên nó.",
        id="bands-not-highest-first",
    ),
    pytest.param(
        {"events": [{"code": "corruption", "name": "tham nhũng", "effect": "force", "band": "Yếu"}]},
        "Quy định nhắc đến mức “Yếu” nhưng không có mức xếp loại này.",
        id="force-naming-no-band",
    ),
    pytest.param(
        {"events": [{"code": "reprimand", "name": "khiển trách", "effect": "cap", "band": "Tốt lắm"}]},
        "Quy định nhắc đến mức “Tốt lắm” nhưng không có mức xếp loại này.",
        id="cap-naming-no-band",
    ),
    pytest.param(
        {"quotas": [{"band": "Tốt", "percent": "20", "relative_to": "Xuất sắc"}]},
        "Chỉ tiêu mức “Tốt” phải tính theo một mức thấp hơn nó, không phải “Xuất sắc”.",
        id="quota-against-a-higher-band",
    ),
    pytest.param(
        {"quotas": [{"band": "Xuất sắc", "percent": "120", "relative_to": "Tốt"}]},
        "Chỉ tiêu mức “Xuất sắc”: tỷ lệ phải từ 0 đến 100%.",
        id="quota-above-100",
    ),
    pytest.param(
        {"bands": [{"name": "Xuất sắc", "lower": "95", "no_node_at_zero_depth": "5"}]},
        "Mức “Xuất sắc”: bộ tiêu chí không có cấp 5.",
        id="condition-on-a-missing-level",
    ),
    pytest.param(
        {"quotas": [{"band": "Yếu", "percent": "20", "relative_to": "Tốt"}]},
        "Quy định nhắc đến mức “Yếu” nhưng không có mức xếp loại này.",
        id="quota-naming-no-band",
    ),
    pytest.param({"commendation": "Giỏi"}, "Quy định nhắc đến mức “Giỏi”", id="commendation-naming-no-band"),
    pytest.param(
        {"bands": [{"name": "Xuất sắc", "lower": "chín lăm"}]},
        "Ghi một số, ví dụ 10 hoặc 0,5.",
        id="bad-number",
    ),
    pytest.param(
        {"bands": [{"name": "Tốt", "lower": "85", "share_percent": "50"}]},
        "Ghi cả tỷ lệ và cấp tiêu chí, hoặc để trống cả hai.",
        id="share-without-level",
    ),
    pytest.param(
        {"events": [{"code": "x", "name": "một"}, {"code": "x", "name": "hai"}]},
        "Sự kiện x có hai tên khác nhau.",
        id="event-with-two-names",
    ),
    pytest.param(
        {"events": [{"code": "x", "name": "một", "effect": "force", "band": ""}]},
        "Hãy ghi mức mà sự kiện buộc xếp hoặc giới hạn.",
        id="force-without-band",
    ),
]


@pytest.mark.parametrize(("changes", "message"), BAD_RULES)
def test_bad_rules_are_refused_with_the_reason_and_nothing_written(
    client, province_officer, draft_set, changes, message
):
    client.force_login(province_officer)
    before = dict(draft_set.rules)
    bands = changes.get("bands", GOOD_BANDS)
    data = rules_data(
        bands, changes.get("events", ()), changes.get("quotas", ()), changes.get("commendation", "")
    )
    response = client.post(reverse("evaluation:rules_edit", args=[draft_set.pk]), data)
    page = response.content.decode()
    assert response.status_code == 422
    assert message in page
    assert f'value="{bands[0]["name"]}"' in page
    draft_set.refresh_from_db()
    assert draft_set.rules == before


# --- Figures from the system ----------------------------------------------------


def test_a_leaf_takes_a_figure_from_the_system(client, province_officer, draft_set, test_indicator):
    client.force_login(province_officer)
    url = reverse("evaluation:node_edit", args=[draft_set.pk, node(draft_set, "II/3").pk])
    assert "Tỷ lệ nhiệm vụ hoàn thành đúng hạn (thử) (test.tasks_on_time)" in client.get(url).content.decode()
    assert edit(client, node(draft_set, "II/3"), indicator=INDICATOR).status_code == 302
    assert node(draft_set, "II/3").indicator == INDICATOR
    assert "Số liệu từ hệ thống: Tỷ lệ nhiệm vụ hoàn thành đúng hạn (thử)" in page_of(client, draft_set)
    response = edit(client, node(draft_set, "II"), indicator=INDICATOR)
    assert response.status_code == 422
    assert "số liệu từ hệ thống đặt ở tiêu chí con" in response.content.decode()


def test_the_indicator_column_reads_back_the_same_tree(province, province_officer, draft_set, test_indicator):
    services.change_node(
        node=node(draft_set, "II/3"),
        values=services.NodeValues(
            "3", node(draft_set, "II/3").name, D(30), method=RatioLinear(D(50), D(100)), indicator=INDICATOR
        ),
        by=province_officer,
    )
    workbook = services.export_criteria_set(draft_set)
    again = import_can_tho(province, province_officer, workbook)
    assert [line[1:] for line in snapshot(again)] == [line[1:] for line in snapshot(draft_set)]
    assert node(again, "II/3").indicator == INDICATOR
    criteria, _rules = services.stored_criteria(again)
    assert criteria.node("II/3").indicator == INDICATOR


def test_a_workbook_naming_an_unknown_figure_is_refused(
    province, province_officer, can_tho_workbook, test_indicator
):
    workbook = edited(can_tho_workbook, {("Tiêu chí", "L4"): "khong.co", ("Tiêu chí", "L11"): INDICATOR})
    with pytest.raises(InvalidCriteriaSet) as refused:
        import_can_tho(province, province_officer, workbook)
    assert refused.value.messages == [
        "Trang tính “Tiêu chí”, dòng 4: Tiêu chí 1: mã số liệu “khong.co” không có trong hệ thống."
    ]
    assert not CriteriaSet.objects.exists()
    assert not CriteriaNode.objects.exists()
    accepted = import_can_tho(
        province, province_officer, edited(can_tho_workbook, {("Tiêu chí", "L11"): INDICATOR})
    )
    assert node(accepted, "II/3").indicator == INDICATOR


def test_a_figure_on_a_line_with_children_is_refused_by_the_engine(
    province, province_officer, can_tho_workbook, test_indicator
):
    with pytest.raises(
        InvalidCriteriaSet, match="Tiêu chí II có tiêu chí con: số liệu từ hệ thống đặt ở tiêu chí con."
    ):
        import_can_tho(province, province_officer, edited(can_tho_workbook, {("Tiêu chí", "L6"): INDICATOR}))


def with_indicator(found, key, indicator):
    """The engine's node with `indicator` set on the line `key` below it."""
    if found.key == key:
        return replace(found, indicator=indicator)
    return replace(found, children=tuple(with_indicator(child, key, indicator) for child in found.children))


def test_the_template_has_the_indicator_column_and_the_engine_reads_it_back(draft_set):
    sheet = load_workbook(BytesIO(criteria_template()))["Tiêu chí"]
    assert sheet["L1"].value == "Mã số liệu từ hệ thống"
    criteria, rules = services.stored_criteria(draft_set)
    # The engine knows no registry: any code is written and read back as it is.
    marked = replace(
        criteria, roots=tuple(with_indicator(root, "II/3", "any.code") for root in criteria.roots)
    )
    again, _rules = read_criteria_sheet(write_criteria_sheet(marked, rules))
    assert {node.key: node.indicator for node in again.nodes() if node.indicator} == {"II/3": "any.code"}
