"""Importing, storing, copying and versioning criteria sets; the stored set scores like the engine's."""

from dataclasses import replace
from datetime import date
from decimal import Decimal as D

import pytest

from danvan.core.services import DomainError
from danvan.evaluation import codec, services
from danvan.evaluation.engine.classification import classify
from danvan.evaluation.engine.errors import InvalidCriteriaSet
from danvan.evaluation.engine.model import (
    AllOrNothing,
    Deduction,
    MinimumShare,
    Node,
    NoNodeAtZero,
    PerItem,
    Quota,
    RatioBand,
    RatioBands,
    RatioLinear,
    Rules,
    Steps,
)
from danvan.evaluation.engine.scoring import score
from danvan.evaluation.engine.sheets import read_criteria_sheet
from danvan.evaluation.models import CriteriaNode, CriteriaSet
from tests.evaluation.conftest import edited, import_can_tho
from tests.evaluation.engine.can_tho_2579 import CRITERIA, RULES
from tests.evaluation.engine.test_can_tho_2579 import AGENCIES


@pytest.mark.parametrize(
    "method",
    [
        AllOrNothing(),
        Steps((D(0), D("0.5"), D(1)), note_required=False),
        RatioBands((RatioBand(D(95), D(15)), RatioBand(D("80.5"), D(10)))),
        RatioLinear(D(50), D(100)),
        Deduction(D(25), as_percent=True, floor_at_zero=False),
        PerItem(D("0.25")),
    ],
)
def test_each_scoring_method_is_kept_exactly(method):
    assert codec.method_from_json(*codec.method_to_json(method)) == method


def test_the_rules_are_kept_exactly():
    rules = Rules(
        bands=RULES.bands[:1] + (RULES.bands[1],),
        forces=RULES.forces,
        caps=RULES.caps,
        quotas=(Quota(RULES.bands[0].name, RULES.bands[1].name, D("20.5")),),
        events=RULES.events,
        commendation_from=RULES.commendation_from,
    )
    assert codec.rules_from_json(codec.rules_to_json(rules)) == rules
    shares = Rules(bands=(RULES.bands[0].__class__("A", D(50), (MinimumShare(D(50), 2), NoNodeAtZero(3))),))
    assert codec.rules_from_json(codec.rules_to_json(shares)) == shares


def test_the_import_stores_the_tree_in_order(draft_set):
    nodes = list(draft_set.nodes.order_by("position"))
    assert [node.key for node in nodes] == [node.key for node in CRITERIA.nodes()]
    ratio = draft_set.nodes.get(key="II/1/1.1")
    assert ratio.parent.key == "II/1"
    assert ratio.method == "ratio_bands"
    assert ratio.max_points == D(15)
    assert draft_set.nodes.get(key="III").kind == CriteriaNode.Kind.BONUS
    assert draft_set.status == CriteriaSet.Status.DRAFT
    assert draft_set.version == 1
    assert draft_set.name == "QĐ 2579/QĐ-UBND Cần Thơ"
    assert draft_set.declared_max == D(100)
    assert draft_set.years == [2025]


def unplaced(node: Node) -> Node:
    """The node as data, without the sheet row it was read from."""
    return replace(node, row=None, children=tuple(unplaced(child) for child in node.children))


def tree_of(criteria) -> tuple[Node, ...]:
    return tuple(unplaced(root) for root in criteria.roots)


def test_the_stored_set_gives_the_workbook_back(draft_set, can_tho_workbook):
    criteria, rules = services.stored_criteria(draft_set)
    exported, exported_rules = read_criteria_sheet(services.export_criteria_set(draft_set))
    imported, imported_rules = read_criteria_sheet(can_tho_workbook)
    assert tree_of(criteria) == tree_of(exported) == tree_of(imported) == tree_of(CRITERIA)
    assert rules == exported_rules == imported_rules
    assert criteria.base_max == D(100)


@pytest.mark.parametrize("agency", AGENCIES)
def test_the_can_tho_set_imported_through_the_sheet_scores_as_the_engine(draft_set, agency):
    entered, events, total, band = AGENCIES[agency]
    criteria, rules = services.stored_criteria(draft_set)
    card = score(criteria, entered)
    assert card == score(CRITERIA, entered)
    assert card.total == D(total)
    assert classify(rules, card, events) == classify(RULES, score(CRITERIA, entered), events)
    assert classify(rules, card, events).band == band


def test_a_bad_workbook_writes_nothing(province, province_officer, can_tho_workbook):
    bad = edited(can_tho_workbook, {("Tiêu chí", "A4"): "2", ("Tiêu chí", "B5"): "IX"})
    with pytest.raises(InvalidCriteriaSet) as refused:
        import_can_tho(province, province_officer, bad)
    assert [message for message in refused.value.messages if "dòng 4" in message or "dòng 5" in message]
    assert len(refused.value.messages) >= 2
    assert not CriteriaSet.objects.exists()
    assert not CriteriaNode.objects.exists()


def test_a_set_in_use_is_never_changed_in_place(set_in_use, province_officer, can_tho_workbook):
    changed = edited(can_tho_workbook, {("Tiêu chí", "C4"): "Ban hành kế hoạch năm (sửa đổi)"})
    version = services.import_new_version(criteria_set=set_in_use, data=changed, by=province_officer)
    assert version.pk != set_in_use.pk
    assert version.version == 2
    assert version.replaces == set_in_use
    assert version.status == CriteriaSet.Status.DRAFT
    assert version.years == set_in_use.years
    assert version.nodes.get(key="I/1").name == "Ban hành kế hoạch năm (sửa đổi)"
    set_in_use.refresh_from_db()
    assert (
        set_in_use.nodes.get(key="I/1").name == "Ban hành kế hoạch thực hiện công tác dân vận chính quyền năm"
    )
    with pytest.raises(DomainError):
        services.import_new_version(criteria_set=set_in_use, data=changed, by=province_officer)
    assert CriteriaSet.objects.count() == 2
    services.put_in_use(criteria_set=version, by=province_officer)
    set_in_use.refresh_from_db()
    assert set_in_use.status == CriteriaSet.Status.ARCHIVED
    with pytest.raises(DomainError):
        services.import_new_version(criteria_set=set_in_use, data=changed, by=province_officer)


def test_a_draft_is_replaced_in_place(draft_set, province_officer, can_tho_workbook):
    changed = edited(can_tho_workbook, {("Tiêu chí", "C4"): "Kế hoạch năm"})
    result = services.import_new_version(criteria_set=draft_set, data=changed, by=province_officer)
    assert result.pk == draft_set.pk
    assert result.version == 1
    assert result.nodes.get(key="I/1").name == "Kế hoạch năm"
    assert result.nodes.count() == len(CRITERIA.nodes())


def test_a_bad_new_version_leaves_the_draft_as_it_was(draft_set, province_officer, can_tho_workbook):
    bad = edited(can_tho_workbook, {("Tiêu chí", "D4"): 5})
    with pytest.raises(InvalidCriteriaSet):
        services.import_new_version(criteria_set=draft_set, data=bad, by=province_officer)
    assert draft_set.nodes.count() == len(CRITERIA.nodes())
    assert draft_set.nodes.get(key="I/1").max_points == D(4)


def test_copying_last_years_set_starts_a_draft(set_in_use, province_officer):
    copy = services.copy_criteria_set(criteria_set=set_in_use, years=[2026], by=province_officer)
    assert copy.status == CriteriaSet.Status.DRAFT
    assert copy.years == [2026]
    assert copy.agency_kinds == set_in_use.agency_kinds
    copied, copied_rules = services.stored_criteria(copy)
    original, original_rules = services.stored_criteria(set_in_use)
    assert tree_of(copied) == tree_of(original)
    assert copied_rules == original_rules
    set_in_use.refresh_from_db()
    assert set_in_use.status == CriteriaSet.Status.IN_USE
    with pytest.raises(DomainError):
        services.copy_criteria_set(criteria_set=set_in_use, years=[], by=province_officer)


def test_only_a_draft_with_years_and_kinds_is_put_in_use(
    set_in_use, province, province_officer, can_tho_workbook
):
    with pytest.raises(DomainError):
        services.put_in_use(criteria_set=set_in_use, by=province_officer)
    bare = import_can_tho(province, province_officer, can_tho_workbook, kinds=())
    with pytest.raises(DomainError):
        services.put_in_use(criteria_set=bare, by=province_officer)
    bare.refresh_from_db()
    assert bare.status == CriteriaSet.Status.DRAFT


def test_an_end_before_the_start_is_refused(province, province_officer, can_tho_workbook):
    details = services.SetDetails(
        years=[2025],
        agency_kinds=["department"],
        effective_from=date(2025, 6, 1),
        effective_to=date(2025, 1, 1),
    )
    with pytest.raises(DomainError):
        services.import_criteria_set(
            province=province, details=details, data=can_tho_workbook, by=province_officer
        )
    assert not CriteriaSet.objects.exists()
