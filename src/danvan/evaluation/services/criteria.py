"""Criteria sets: imported from the province's workbook, copied, versioned, put in use, exported.

A set in use is never changed in place: a new workbook for it makes a new
version, a draft that replaces it once put in use.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core.models import Province, User
from danvan.core.services import DomainError
from danvan.documents.models import LegalDocument
from danvan.evaluation import codec
from danvan.evaluation.engine import model as engine
from danvan.evaluation.engine.sheets import read_criteria_sheet, write_criteria_sheet
from danvan.evaluation.engine.validation import Row, build_criteria_set
from danvan.evaluation.models import CriteriaNode, CriteriaSet


@dataclass
class SetDetails:
    """What the reviewer types about the set; the workbook gives its criteria and rules."""

    name: str = ""
    document_number: str = ""
    document_date: date | None = None
    legal_document: LegalDocument | None = None
    years: list[int] = field(default_factory=list)
    agency_kinds: list[str] = field(default_factory=list)
    effective_from: date | None = None
    effective_to: date | None = None


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
        )
        for child in node.children:
            store(child, stored)

    for root in criteria.roots:
        store(root, None)


def _set_options(criteria: engine.CriteriaSet, rules: engine.Rules) -> dict:
    """The fields of a set that its workbook gives, beside the tree."""
    return {
        "declared_max": criteria.base_max,
        "floor_total_at_zero": criteria.floor_total_at_zero,
        "rescale_when_excluded": criteria.rescale_when_excluded,
        "rules": codec.rules_to_json(rules),
    }


@transaction.atomic
def import_criteria_set(
    *, province: Province, details: SetDetails, data: bytes, by: User, replaces: CriteriaSet | None = None
) -> CriteriaSet:
    """A new draft set from the workbook; InvalidCriteriaSet (nothing written) unless all of it holds."""
    criteria, rules = read_criteria_sheet(data)
    if details.effective_from and details.effective_to and details.effective_to < details.effective_from:
        raise DomainError(_("Ngày hết hiệu lực phải sau ngày có hiệu lực."))
    criteria_set = CriteriaSet.objects.create(
        province=province,
        name=details.name.strip() or criteria.name or _("Bộ tiêu chí"),
        document_number=details.document_number.strip(),
        document_date=details.document_date,
        legal_document=details.legal_document,
        years=sorted(set(details.years)),
        agency_kinds=list(details.agency_kinds),
        effective_from=details.effective_from,
        effective_to=details.effective_to,
        replaces=replaces,
        version=replaces.version + 1 if replaces is not None else 1,
        created_by=by,
        **_set_options(criteria, rules),
    )
    _store_tree(criteria_set, criteria)
    return criteria_set


@transaction.atomic
def import_new_version(*, criteria_set: CriteriaSet, data: bytes, by: User) -> CriteriaSet:
    """A workbook for an existing set: a draft is replaced in place, a set in use gets a new version."""
    if criteria_set.status == CriteriaSet.Status.ARCHIVED:
        raise DomainError(_("Bộ tiêu chí đã được thay thế, không sửa được nữa."))
    if criteria_set.status == CriteriaSet.Status.IN_USE:
        if criteria_set.replaced_by.filter(status=CriteriaSet.Status.DRAFT).exists():
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
    criteria, rules = read_criteria_sheet(data)
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
    )


def stored_criteria(criteria_set: CriteriaSet) -> tuple[engine.CriteriaSet, engine.Rules]:
    """The engine's set and rules from what is stored."""
    nodes = list(criteria_set.nodes.order_by("position"))
    parents = {node.pk: node.key for node in nodes}
    rows = [
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
        )
        for node in nodes
    ]
    criteria = build_criteria_set(
        criteria_set.name,
        rows,
        declared_max=criteria_set.declared_max,
        floor_total_at_zero=criteria_set.floor_total_at_zero,
        rescale_when_excluded=criteria_set.rescale_when_excluded,
    )
    return criteria, codec.rules_from_json(criteria_set.rules)


def export_criteria_set(criteria_set: CriteriaSet) -> bytes:
    """The set as the workbook the import reads back."""
    return write_criteria_sheet(*stored_criteria(criteria_set))


@transaction.atomic
def copy_criteria_set(*, criteria_set: CriteriaSet, years: list[int], by: User) -> CriteriaSet:
    """A new draft with the same criteria and rules, to start the next year's set from."""
    if not years:
        raise DomainError(_("Hãy ghi năm áp dụng của bộ tiêu chí mới."))
    criteria, rules = stored_criteria(criteria_set)
    copy = CriteriaSet.objects.create(
        province=criteria_set.province,
        name=_("%(name)s (bản sao)") % {"name": criteria_set.name},
        years=sorted(set(years)),
        agency_kinds=list(criteria_set.agency_kinds),
        created_by=by,
        **_set_options(criteria, rules),
    )
    _store_tree(copy, criteria)
    return copy


@transaction.atomic
def put_in_use(*, criteria_set: CriteriaSet, by: User) -> CriteriaSet:
    """A draft becomes the set in use; the set it replaces, if in use, is archived."""
    if criteria_set.status != CriteriaSet.Status.DRAFT:
        raise DomainError(_("Chỉ bộ tiêu chí dự thảo mới được đưa vào áp dụng."))
    if not criteria_set.years or not criteria_set.agency_kinds:
        raise DomainError(_("Hãy ghi năm áp dụng và loại cơ quan được đánh giá trước khi áp dụng."))
    replaced = criteria_set.replaces
    if replaced is not None and replaced.status == CriteriaSet.Status.IN_USE:
        replaced.status = CriteriaSet.Status.ARCHIVED
        replaced.save(update_fields=["status"])
    criteria_set.status = CriteriaSet.Status.IN_USE
    criteria_set.save(update_fields=["status"])
    return criteria_set
