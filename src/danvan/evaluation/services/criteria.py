"""Criteria sets: entered on screen or imported from the province's workbook, copied, versioned,
put in use, exported.

A set in use is never changed in place: a new workbook for it, or a new draft
version copied from it, makes a draft that replaces it once put in use. Only
drafts are edited on screen; after each change the whole tree is checked by
the engine and what blocks putting it in use is listed (`criteria_problems`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from danvan.core.indicators import get_indicator
from danvan.core.models import Province, User
from danvan.core.services import DomainError
from danvan.documents.models import LegalDocument
from danvan.evaluation import codec
from danvan.evaluation.engine import model as engine
from danvan.evaluation.engine.errors import InvalidCriteriaSet, Issue
from danvan.evaluation.engine.sheets import CRITERIA_SHEET, read_criteria_sheet, write_criteria_sheet
from danvan.evaluation.engine.validation import Row, build_criteria_set, check_rules, method_problems
from danvan.evaluation.models import CriteriaNode, CriteriaSet

DRAFT = CriteriaSet.Status.DRAFT
IN_USE = CriteriaSet.Status.IN_USE


@dataclass
class SetDetails:
    """What the reviewer types about the set; the workbook, or the screen, gives its criteria and rules."""

    name: str = ""
    document_number: str = ""
    document_date: date | None = None
    legal_document: LegalDocument | None = None
    years: list[int] = field(default_factory=list)
    agency_kinds: list[str] = field(default_factory=list)
    effective_from: date | None = None
    effective_to: date | None = None
    submit_from: str = ""  # day and month, "10/12"
    submit_until: str = ""
    answer_days: int = 5


@dataclass
class SetOptions:
    """How the set adds up, typed on screen; a workbook gives them on its first sheet."""

    declared_max: Decimal | None = None
    floor_total_at_zero: bool = True
    rescale_when_excluded: bool = False


@dataclass
class NodeValues:
    """One line of the tree as typed on screen. `kind` is read on groups only; others take their group's."""

    code: str
    name: str
    max_points: Decimal
    method: engine.Method | None = None
    kind: str = CriteriaNode.Kind.BASE
    cap_at_max: bool = False
    when_not_applicable: str = CriteriaNode.WhenNotApplicable.REFUSED
    evidence: str = ""
    note: str = ""
    indicator: str = ""


def _detail_values(details: SetDetails) -> dict:
    return {
        "name": details.name.strip(),
        "document_number": details.document_number.strip(),
        "document_date": details.document_date,
        "legal_document": details.legal_document,
        "years": sorted(set(details.years)),
        "agency_kinds": list(details.agency_kinds),
        "effective_from": details.effective_from,
        "effective_to": details.effective_to,
        "submit_from": details.submit_from,
        "submit_until": details.submit_until,
        "answer_days": details.answer_days,
    }


def _check_details(
    province_id: int,
    details: SetDetails,
    replaces: CriteriaSet | None,
    criteria_set: CriteriaSet | None = None,
) -> None:
    if details.effective_from and details.effective_to and details.effective_to < details.effective_from:
        raise DomainError(_("Ngày hết hiệu lực phải sau ngày có hiệu lực."))
    if replaces is not None and (
        replaces.province_id != province_id or (criteria_set is not None and replaces.pk == criteria_set.pk)
    ):
        raise DomainError(_("Bộ tiêu chí được thay thế phải là một bộ khác của cùng tỉnh."))


def _store_tree(criteria_set: CriteriaSet, criteria: engine.CriteriaSet) -> None:
    position = 0

    def store(node: engine.Node, parent: CriteriaNode | None) -> None:
        nonlocal position
        position += 1
        method, parameters = codec.method_to_json(node.method) if node.method is not None else ("", {})
        stored = CriteriaNode.objects.create(
            criteria_set=criteria_set,
            parent=parent,
            position=position,
            code=node.code,
            key=node.key,
            name=node.name,
            max_points=node.max_points,
            kind=node.kind.value,
            method=method,
            parameters=parameters,
            cap_at_max=node.cap_at_max,
            when_not_applicable=node.when_not_applicable.value,
            evidence=node.evidence,
            note=node.note,
            indicator=node.indicator,
        )
        for child in node.children:
            store(child, stored)

    for root in criteria.roots:
        store(root, None)


NODE_FIELDS = (
    "position",
    "code",
    "key",
    "name",
    "max_points",
    "kind",
    "method",
    "parameters",
    "cap_at_max",
    "when_not_applicable",
    "evidence",
    "note",
    "indicator",
)


def _copy_tree(source: CriteriaSet, target: CriteriaSet) -> None:
    """The stored tree as it is, checked or not: a draft still being edited copies too."""
    copies: dict[int, CriteriaNode] = {}
    for node in source.nodes.order_by("position"):  # a parent always comes before its children
        copies[node.pk] = CriteriaNode.objects.create(
            criteria_set=target,
            parent=copies.get(node.parent_id) if node.parent_id else None,
            **{name: getattr(node, name) for name in NODE_FIELDS},
        )


def _set_options(criteria: engine.CriteriaSet, rules: engine.Rules) -> dict:
    """The fields of a set that its workbook gives, beside the tree."""
    return {
        "declared_max": criteria.base_max,
        "floor_total_at_zero": criteria.floor_total_at_zero,
        "rescale_when_excluded": criteria.rescale_when_excluded,
        "rules": codec.rules_to_json(rules),
    }


def _stored_options(criteria_set: CriteriaSet) -> dict:
    return {
        "declared_max": criteria_set.declared_max,
        "floor_total_at_zero": criteria_set.floor_total_at_zero,
        "rescale_when_excluded": criteria_set.rescale_when_excluded,
        "rules": dict(criteria_set.rules or {}),
    }


def _check_indicators(criteria: engine.CriteriaSet) -> None:
    """Every figure a workbook names must be one the system computes; the engine knows no registry."""
    issues = [
        Issue(
            _("Tiêu chí %(code)s: mã số liệu “%(indicator)s” không có trong hệ thống.")
            % {"code": node.code, "indicator": node.indicator},
            node.code,
            node.row,
            CRITERIA_SHEET,
        )
        for node in criteria.nodes()
        if node.indicator and get_indicator(node.indicator) is None
    ]
    if issues:
        raise InvalidCriteriaSet(issues)


def _read_workbook(data: bytes) -> tuple[engine.CriteriaSet, engine.Rules]:
    criteria, rules = read_criteria_sheet(data)
    _check_indicators(criteria)
    return criteria, rules


@transaction.atomic
def import_criteria_set(
    *, province: Province, details: SetDetails, data: bytes, by: User, replaces: CriteriaSet | None = None
) -> CriteriaSet:
    """A new draft set from the workbook; InvalidCriteriaSet (nothing written) unless all of it holds."""
    criteria, rules = _read_workbook(data)
    _check_details(province.pk, details, replaces)
    values = _detail_values(details)
    values["name"] = values["name"] or criteria.name or _("Bộ tiêu chí")
    criteria_set = CriteriaSet.objects.create(
        province=province,
        replaces=replaces,
        version=replaces.version + 1 if replaces is not None else 1,
        created_by=by,
        **values,
        **_set_options(criteria, rules),
    )
    _store_tree(criteria_set, criteria)
    return criteria_set


def _has_draft_version(criteria_set: CriteriaSet) -> bool:
    return criteria_set.replaced_by.filter(status=DRAFT).exists()


@transaction.atomic
def import_new_version(*, criteria_set: CriteriaSet, data: bytes, by: User) -> CriteriaSet:
    """A workbook for an existing set: a draft is replaced in place, a set in use gets a new version."""
    if criteria_set.status == CriteriaSet.Status.ARCHIVED:
        raise DomainError(_("Bộ tiêu chí đã được thay thế, không sửa được nữa."))
    if criteria_set.status == IN_USE:
        if _has_draft_version(criteria_set):
            raise DomainError(
                _("Bộ tiêu chí này đã có một phiên bản mới đang dự thảo; hãy tải tệp lên cho phiên bản ấy.")
            )
        return import_criteria_set(
            province=criteria_set.province,
            details=_details_of(criteria_set),
            data=data,
            by=by,
            replaces=criteria_set,
        )
    criteria, rules = _read_workbook(data)
    criteria_set.nodes.all().delete()
    options = _set_options(criteria, rules)
    for name, value in options.items():
        setattr(criteria_set, name, value)
    criteria_set.save(update_fields=list(options))
    _store_tree(criteria_set, criteria)
    return criteria_set


def _details_of(criteria_set: CriteriaSet) -> SetDetails:
    return SetDetails(
        name=criteria_set.name,
        document_number=criteria_set.document_number,
        document_date=criteria_set.document_date,
        legal_document=criteria_set.legal_document,
        years=list(criteria_set.years),
        agency_kinds=list(criteria_set.agency_kinds),
        effective_from=criteria_set.effective_from,
        effective_to=criteria_set.effective_to,
        submit_from=criteria_set.submit_from,
        submit_until=criteria_set.submit_until,
        answer_days=criteria_set.answer_days,
    )


# --- Reading the stored tree back into the engine ------------------------------


def _rows(nodes: list[CriteriaNode], *, numbered: bool = False) -> list[Row]:
    """The stored lines as the engine reads them; `numbered` gives each its place in the tree as its row."""
    parents = {node.pk: node.key for node in nodes}
    return [
        Row(
            code=node.code,
            name=node.name,
            max_points=node.max_points,
            parent=parents.get(node.parent_id, "") if node.parent_id else "",
            method=codec.method_from_json(node.method, node.parameters),
            kind=engine.Kind(node.kind),
            cap_at_max=node.cap_at_max,
            when_not_applicable=engine.WhenNotApplicable(node.when_not_applicable),
            evidence=node.evidence,
            note=node.note,
            indicator=node.indicator,
            row=number if numbered else None,
        )
        for number, node in enumerate(nodes, start=1)
    ]


def _build(
    criteria_set: CriteriaSet, nodes: list[CriteriaNode], *, numbered: bool = False
) -> engine.CriteriaSet:
    return build_criteria_set(
        criteria_set.name,
        _rows(nodes, numbered=numbered),
        declared_max=criteria_set.declared_max,
        floor_total_at_zero=criteria_set.floor_total_at_zero,
        rescale_when_excluded=criteria_set.rescale_when_excluded,
    )


def _as_stored(criteria_set: CriteriaSet, nodes: list[CriteriaNode]) -> engine.CriteriaSet:
    """The engine's tree of what is stored, unchecked: to export a draft or check rules while it is edited."""
    children: dict[int | None, list[CriteriaNode]] = {}
    for node in nodes:
        children.setdefault(node.parent_id, []).append(node)

    def build(node: CriteriaNode, depth: int, kind: engine.Kind) -> engine.Node:
        return engine.Node(
            key=node.key,
            code=node.code,
            name=node.name,
            max_points=node.max_points,
            kind=kind,
            depth=depth,
            children=tuple(build(child, depth + 1, kind) for child in children.get(node.pk, [])),
            method=codec.method_from_json(node.method, node.parameters),
            cap_at_max=node.cap_at_max,
            when_not_applicable=engine.WhenNotApplicable(node.when_not_applicable),
            evidence=node.evidence,
            note=node.note,
            indicator=node.indicator,
        )

    return engine.CriteriaSet(
        name=criteria_set.name,
        roots=tuple(build(root, 1, engine.Kind(root.kind)) for root in children.get(None, [])),
        floor_total_at_zero=criteria_set.floor_total_at_zero,
        rescale_when_excluded=criteria_set.rescale_when_excluded,
    )


def _nodes(criteria_set: CriteriaSet) -> list[CriteriaNode]:
    return list(criteria_set.nodes.order_by("position", "pk"))


def stored_criteria(criteria_set: CriteriaSet) -> tuple[engine.CriteriaSet, engine.Rules]:
    """The engine's set and rules from what is stored; InvalidCriteriaSet when the tree does not hold."""
    return _build(criteria_set, _nodes(criteria_set)), codec.rules_from_json(criteria_set.rules or {})


def _rule_issues(criteria: engine.CriteriaSet, rules: engine.Rules) -> list[Issue]:
    try:
        check_rules(criteria, rules)
    except InvalidCriteriaSet as refused:
        return refused.issues
    return []


def criteria_problems(criteria_set: CriteriaSet) -> list[str]:
    """Everything that keeps the set from being put in use: its tree, its rules, unknown figures."""
    nodes = _nodes(criteria_set)
    issues: list[Issue] = []
    try:
        criteria = _build(criteria_set, nodes, numbered=True)
    except InvalidCriteriaSet as refused:
        issues.extend(refused.issues)
        criteria = _as_stored(criteria_set, nodes)
    issues.extend(_rule_issues(criteria, codec.rules_from_json(criteria_set.rules or {})))
    # A code such as “1” is reused under every group: a line's problem names its full key too.
    keys = {number: node.key for number, node in enumerate(nodes, start=1)}
    messages = [
        f"{keys[issue.row]} — {issue.message}"
        if issue.row in keys and keys[issue.row] != issue.code
        else issue.message
        for issue in issues
    ]
    messages += [
        _("Tiêu chí %(code)s: mã số liệu “%(indicator)s” không có trong hệ thống.")
        % {"code": node.code, "indicator": node.indicator}
        for node in nodes
        if node.indicator and get_indicator(node.indicator) is None
    ]
    return messages


def export_criteria_set(criteria_set: CriteriaSet) -> bytes:
    """The set as the workbook the import reads back; a draft still being edited exports as it stands."""
    return write_criteria_sheet(
        _as_stored(criteria_set, _nodes(criteria_set)), codec.rules_from_json(criteria_set.rules or {})
    )


# --- Whole sets -----------------------------------------------------------------


@transaction.atomic
def copy_criteria_set(*, criteria_set: CriteriaSet, years: list[int], by: User) -> CriteriaSet:
    """A new draft with the same criteria and rules, to start the next year's set from."""
    if not years:
        raise DomainError(_("Hãy ghi năm áp dụng của bộ tiêu chí mới."))
    copy = CriteriaSet.objects.create(
        province=criteria_set.province,
        name=_("%(name)s (bản sao)") % {"name": criteria_set.name},
        years=sorted(set(years)),
        agency_kinds=list(criteria_set.agency_kinds),
        submit_from=criteria_set.submit_from,
        submit_until=criteria_set.submit_until,
        answer_days=criteria_set.answer_days,
        created_by=by,
        **_stored_options(criteria_set),
    )
    _copy_tree(criteria_set, copy)
    return copy


@transaction.atomic
def create_criteria_set(
    *,
    province: Province,
    details: SetDetails,
    options: SetOptions,
    by: User,
    replaces: CriteriaSet | None = None,
) -> CriteriaSet:
    """A new, empty draft set entered on screen; its groups, criteria and rules are added next."""
    if not details.name.strip():
        raise DomainError(_("Hãy ghi tên bộ tiêu chí."))
    _check_details(province.pk, details, replaces)
    return CriteriaSet.objects.create(
        province=province,
        replaces=replaces,
        version=replaces.version + 1 if replaces is not None else 1,
        created_by=by,
        declared_max=options.declared_max,
        floor_total_at_zero=options.floor_total_at_zero,
        rescale_when_excluded=options.rescale_when_excluded,
        **_detail_values(details),
    )


def _editable(criteria_set: CriteriaSet) -> None:
    if criteria_set.status != DRAFT:
        raise DomainError(
            _(
                "Chỉ bộ tiêu chí dự thảo mới được sửa; bộ đang áp dụng cần tạo phiên bản dự thảo mới trước khi sửa."
            )
        )


@transaction.atomic
def change_set_details(
    *,
    criteria_set: CriteriaSet,
    details: SetDetails,
    options: SetOptions,
    replaces: CriteriaSet | None,
    by: User,
) -> CriteriaSet:
    """A draft's name, issuing document, years, agencies, dates and totals."""
    _editable(criteria_set)
    if not details.name.strip():
        raise DomainError(_("Hãy ghi tên bộ tiêu chí."))
    _check_details(criteria_set.province_id, details, replaces, criteria_set)
    values = _detail_values(details) | {
        "declared_max": options.declared_max,
        "floor_total_at_zero": options.floor_total_at_zero,
        "rescale_when_excluded": options.rescale_when_excluded,
        "replaces": replaces,
        "version": replaces.version + 1 if replaces is not None else criteria_set.version,
    }
    for name, value in values.items():
        setattr(criteria_set, name, value)
    criteria_set.save(update_fields=list(values))
    return criteria_set


@transaction.atomic
def new_draft_version(*, criteria_set: CriteriaSet, by: User) -> CriteriaSet:
    """A draft copy of a set in use, to be edited, that replaces it once put in use."""
    criteria_set = CriteriaSet.objects.select_for_update().get(pk=criteria_set.pk)
    if criteria_set.status != IN_USE:
        raise DomainError(
            _("Chỉ bộ tiêu chí đang áp dụng mới cần phiên bản mới; bộ dự thảo được sửa trực tiếp.")
        )
    if _has_draft_version(criteria_set):
        raise DomainError(_("Bộ tiêu chí này đã có một phiên bản mới đang dự thảo; hãy sửa phiên bản ấy."))
    version = CriteriaSet.objects.create(
        province=criteria_set.province,
        replaces=criteria_set,
        version=criteria_set.version + 1,
        created_by=by,
        **_detail_values(_details_of(criteria_set)),
        **_stored_options(criteria_set),
    )
    _copy_tree(criteria_set, version)
    return version


@transaction.atomic
def put_in_use(*, criteria_set: CriteriaSet, by: User) -> CriteriaSet:
    """A draft whose tree and rules hold becomes the set in use; the set it replaces, if in use, is archived."""
    if criteria_set.status != DRAFT:
        raise DomainError(_("Chỉ bộ tiêu chí dự thảo mới được đưa vào áp dụng."))
    if not criteria_set.years or not criteria_set.agency_kinds:
        raise DomainError(_("Hãy ghi năm áp dụng và loại cơ quan được đánh giá trước khi áp dụng."))
    problems = criteria_problems(criteria_set)
    if problems:
        raise DomainError(
            _("Bộ tiêu chí chưa đưa vào áp dụng được vì còn lỗi: %(problems)s")
            % {"problems": " ".join(problems)}
        )
    replaced = criteria_set.replaces
    if replaced is not None and replaced.status == IN_USE:
        replaced.status = CriteriaSet.Status.ARCHIVED
        replaced.save(update_fields=["status"])
    criteria_set.status = IN_USE
    criteria_set.save(update_fields=["status"])
    return criteria_set


# --- The tree of a draft, line by line ------------------------------------------


def _key_of(parent: CriteriaNode | None, code: str) -> str:
    return f"{parent.key}/{code}" if parent is not None else code


def _check_node(
    criteria_set: CriteriaSet,
    parent: CriteriaNode | None,
    values: NodeValues,
    node: CriteriaNode | None = None,
) -> None:
    code = values.code.strip()
    if not code:
        raise DomainError(_("Hãy ghi mã tiêu chí."))
    if "/" in code:
        raise DomainError(
            _("Mã tiêu chí không được chứa dấu “/”; ghi đúng mã như văn bản, ví dụ 1.1 hoặc a.")
        )
    if values.max_points < 0:
        raise DomainError(_("Điểm tối đa không được âm."))
    siblings = criteria_set.nodes.filter(parent=parent, code=code)
    if node is not None:
        siblings = siblings.exclude(pk=node.pk)
    if siblings.exists():
        raise DomainError(_("Mã %(code)s đã có trong cùng tiêu chí cha.") % {"code": code})
    has_children = node is not None and node.children.exists()
    if has_children and values.method is not None:
        raise DomainError(_("Tiêu chí có tiêu chí con: cách chấm điểm đặt ở tiêu chí con."))
    if has_children and values.indicator:
        raise DomainError(_("Tiêu chí có tiêu chí con: số liệu từ hệ thống đặt ở tiêu chí con."))
    if values.indicator and get_indicator(values.indicator) is None:
        raise DomainError(
            _("Mã số liệu “%(indicator)s” không có trong hệ thống.") % {"indicator": values.indicator}
        )
    if values.method is not None:
        kind = values.kind if parent is None else parent.kind
        for problem in method_problems(values.method, values.max_points, engine.Kind(kind)):
            raise DomainError(_("Cách chấm điểm: %(problem)s.") % {"problem": problem})


def _node_fields(values: NodeValues) -> dict:
    method, parameters = codec.method_to_json(values.method) if values.method is not None else ("", {})
    return {
        "code": values.code.strip(),
        "name": values.name.strip(),
        "max_points": values.max_points,
        "method": method,
        "parameters": parameters,
        "cap_at_max": values.cap_at_max,
        "when_not_applicable": values.when_not_applicable,
        "evidence": values.evidence.strip(),
        "note": values.note.strip(),
        "indicator": values.indicator,
    }


def _renumber(criteria_set: CriteriaSet, order: dict[int | None, list[CriteriaNode]] | None = None) -> None:
    """Positions follow the tree, each node before its children, siblings as they stand (or in `order`)."""
    children: dict[int | None, list[CriteriaNode]] = {}
    for node in _nodes(criteria_set):
        children.setdefault(node.parent_id, []).append(node)
    children.update(order or {})
    position = 0

    def walk(parent_id: int | None) -> None:
        nonlocal position
        for node in children.get(parent_id, []):
            position += 1
            if node.position != position:
                node.position = position
                node.save(update_fields=["position"])
            walk(node.pk)

    walk(None)


@transaction.atomic
def add_node(
    *, criteria_set: CriteriaSet, parent: CriteriaNode | None, values: NodeValues, by: User
) -> CriteriaNode:
    """A group (no parent) or a criterion under `parent`, last among its siblings."""
    _editable(criteria_set)
    if parent is not None and parent.criteria_set_id != criteria_set.pk:
        raise DomainError(_("Tiêu chí cha không thuộc bộ tiêu chí này."))
    _check_node(criteria_set, parent, values)
    last = criteria_set.nodes.order_by("-position").values_list("position", flat=True).first() or 0
    fields = _node_fields(values)
    node = CriteriaNode.objects.create(
        criteria_set=criteria_set,
        parent=parent,
        position=last + 1,
        key=_key_of(parent, fields["code"]),
        kind=values.kind if parent is None else parent.kind,
        **fields,
    )
    _renumber(criteria_set)
    node.refresh_from_db(fields=["position"])
    return node


def _descendants(node: CriteriaNode, key: str) -> list[CriteriaNode]:
    return list(CriteriaNode.objects.filter(criteria_set_id=node.criteria_set_id, key__startswith=f"{key}/"))


@transaction.atomic
def change_node(*, node: CriteriaNode, values: NodeValues, by: User) -> CriteriaNode:
    """A line's code, name, points and scoring; the keys below it follow a new code, and a group's
    criteria follow its kind."""
    criteria_set = node.criteria_set
    _editable(criteria_set)
    _check_node(criteria_set, node.parent, values, node)
    old_key = node.key
    fields = _node_fields(values)
    fields["key"] = _key_of(node.parent, fields["code"])
    if node.parent_id is None:
        fields["kind"] = values.kind
    below = _descendants(node, old_key)
    for name, value in fields.items():
        setattr(node, name, value)
    node.save(update_fields=list(fields))
    for descendant in below:
        descendant.key = node.key + descendant.key[len(old_key) :]
        descendant.kind = node.kind
        descendant.save(update_fields=["key", "kind"])
    return node


@transaction.atomic
def delete_node(*, node: CriteriaNode, by: User) -> None:
    """A line and everything under it."""
    criteria_set = node.criteria_set
    _editable(criteria_set)
    try:
        node.delete()
    except ProtectedError as error:
        raise DomainError(_("Tiêu chí đã có điểm chấm nên không xóa được.")) from error
    _renumber(criteria_set)


@transaction.atomic
def move_node(*, node: CriteriaNode, up: bool, by: User) -> CriteriaNode:
    """A line one place up or down among its siblings, with everything under it."""
    criteria_set = node.criteria_set
    _editable(criteria_set)
    siblings = list(criteria_set.nodes.filter(parent_id=node.parent_id).order_by("position", "pk"))
    index = next(index for index, sibling in enumerate(siblings) if sibling.pk == node.pk)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(siblings):
        raise DomainError(_("Tiêu chí đã ở đầu.") if up else _("Tiêu chí đã ở cuối."))
    siblings[index], siblings[other] = siblings[other], siblings[index]
    _renumber(criteria_set, {node.parent_id: siblings})
    node.refresh_from_db(fields=["position"])
    return node


# --- Classification rules -------------------------------------------------------


@transaction.atomic
def change_rules(*, criteria_set: CriteriaSet, rules: engine.Rules, by: User) -> CriteriaSet:
    """A draft's bands, events, quotas and commendation threshold; InvalidCriteriaSet (nothing written)
    unless the engine accepts them against the tree as it stands."""
    _editable(criteria_set)
    nodes = _nodes(criteria_set)
    issues = _rule_issues(_as_stored(criteria_set, nodes), rules)
    if issues:
        raise InvalidCriteriaSet(issues)
    criteria_set.rules = codec.rules_to_json(rules)
    criteria_set.save(update_fields=["rules"])
    return criteria_set
