"""Every role × every criteria set and results page: Sở Nội vụ of the province manages its sets
and reads its results, an agency reads only the set in use that covers its kind and its own history."""

import pytest
from django.urls import reverse

from danvan.core.models import Role
from danvan.evaluation.models import CriteriaSet
from tests.factories import ProvinceFactory, person_with_role
from tests.matrix import ROLES, matrix_cases, status_for

# tests.matrix.ROLES order: system_admin, province_officer, agency_head, office_officer, unit_head,
# unit_officer, inspector, people_inspector, other_agency_officer.
MATRIX = [
    ("evaluation:criteria_set_list", [], [200] * 9),
    ("evaluation:criteria_template", [], [200] * 9),
    ("evaluation:criteria_set_import", [], [200, 200, 403, 403, 403, 403, 403, 403, 403]),
    ("evaluation:criteria_set_detail", ["draft_set"], [200, 200, 404, 404, 404, 404, 404, 404, 404]),
    ("evaluation:criteria_set_detail", ["set_in_use"], [200] * 9),
    ("evaluation:criteria_set_export", ["set_in_use"], [200] * 9),
    ("evaluation:criteria_set_detail", ["commune_set"], [200, 200, 404, 404, 404, 404, 404, 404, 404]),
    ("evaluation:criteria_set_export", ["draft_set"], [200, 200, 404, 404, 404, 404, 404, 404, 404]),
    # Entering and editing on screen: only Sở Nội vụ of the province; a set in use sends it back to its page.
    ("evaluation:criteria_set_create", [], [200, 200, 403, 403, 403, 403, 403, 403, 403]),
    ("evaluation:criteria_set_edit", ["draft_set"], [200, 200, 404, 404, 404, 404, 404, 404, 404]),
    ("evaluation:criteria_set_edit", ["set_in_use"], [302, 302, 403, 403, 403, 403, 403, 403, 403]),
    ("evaluation:rules_edit", ["draft_set"], [200, 200, 404, 404, 404, 404, 404, 404, 404]),
    ("evaluation:rules_edit", ["set_in_use"], [302, 302, 403, 403, 403, 403, 403, 403, 403]),
    ("evaluation:node_add", ["draft_set"], [200, 200, 404, 404, 404, 404, 404, 404, 404]),
    ("evaluation:node_add", ["set_in_use"], [302, 302, 403, 403, 403, 403, 403, 403, 403]),
    ("evaluation:node_edit", ["draft_set", "draft_leaf"], [200, 200, 404, 404, 404, 404, 404, 404, 404]),
    ("evaluation:node_edit", ["set_in_use", "leaf_in_use"], [302, 302, 403, 403, 403, 403, 403, 403, 403]),
    ("evaluation:node_delete", ["draft_set", "draft_leaf"], [200, 200, 404, 404, 404, 404, 404, 404, 404]),
    ("evaluation:node_delete", ["set_in_use", "leaf_in_use"], [302, 302, 403, 403, 403, 403, 403, 403, 403]),
    # The province's results: Sở Nội vụ of the province; the decision of a year with no final
    # result sends it back to the table with a message.
    ("evaluation:results", ["province"], [200, 200, 404, 404, 404, 404, 404, 404, 404]),
    ("evaluation:results_decision", ["province"], [302, 302, 404, 404, 404, 404, 404, 404, 404]),
    # An agency's history: its leader and office; its units and inspectors see the agency, not its results.
    ("evaluation:agency_results", ["agency"], [200, 200, 200, 200, 403, 403, 403, 403, 404]),
]
COPY_EMPTY_FORM = [422, 422, 403, 403, 403, 403, 403, 403, 403]
PUT_IN_USE = [302, 302, 404, 404, 404, 404, 404, 404, 404]
CHANGE_A_DRAFT = [302, 302, 404, 404, 404, 404, 404, 404, 404]
NEW_DRAFT_VERSION = [302, 302, 403, 403, 403, 403, 403, 403, 403]
CREATE = [302, 302, 403, 403, 403, 403, 403, 403, 403]


@pytest.fixture
def draft_leaf(draft_set):
    return draft_set.nodes.get(key="I/1")


@pytest.fixture
def leaf_in_use(set_in_use):
    return set_in_use.nodes.get(key="I/1")


@pytest.mark.parametrize(("view", "args", "role", "status"), matrix_cases(MATRIX))
def test_role_gets_expected_status(province, client, request, view, args, role, status):
    assert status_for(client, request, view, args, role) == status


@pytest.mark.parametrize(("role", "status"), list(zip(ROLES, COPY_EMPTY_FORM, strict=True)))
def test_copying_with_no_year_by_role(client, request, set_in_use, role, status):
    client.force_login(request.getfixturevalue(role))
    response = client.post(reverse("evaluation:criteria_set_copy", args=[set_in_use.pk]), {"years": ""})
    assert response.status_code == status
    assert CriteriaSet.objects.count() == 1


@pytest.mark.parametrize(("role", "status"), list(zip(ROLES, PUT_IN_USE, strict=True)))
def test_putting_a_draft_in_use_by_role(client, request, draft_set, role, status):
    client.force_login(request.getfixturevalue(role))
    response = client.post(reverse("evaluation:criteria_set_put_in_use", args=[draft_set.pk]))
    assert response.status_code == status
    draft_set.refresh_from_db()
    expected = CriteriaSet.Status.IN_USE if status == 302 else CriteriaSet.Status.DRAFT
    assert draft_set.status == expected


def test_a_reviewer_of_another_province_sees_nothing(client, draft_set):
    elsewhere = person_with_role(Role.PROVINCE_REVIEWER, province=ProvinceFactory(name="Cần Thơ", code="CTO"))
    client.force_login(elsewhere)
    assert client.get(reverse("evaluation:criteria_set_detail", args=[draft_set.pk])).status_code == 404


def _order(criteria_set) -> list[str]:
    return list(criteria_set.nodes.order_by("position").values_list("key", flat=True))


@pytest.mark.parametrize(("role", "status"), list(zip(ROLES, CHANGE_A_DRAFT, strict=True)))
def test_changing_a_draft_tree_by_role(client, request, draft_set, draft_leaf, role, status):
    client.force_login(request.getfixturevalue(role))
    before = _order(draft_set)
    response = client.post(reverse("evaluation:node_move_down", args=[draft_set.pk, draft_leaf.pk]))
    assert response.status_code == status
    assert (_order(draft_set) != before) == (status == 302)
    response = client.post(reverse("evaluation:node_delete", args=[draft_set.pk, draft_leaf.pk]))
    assert response.status_code == status
    assert draft_set.nodes.filter(pk=draft_leaf.pk).exists() == (status != 302)


@pytest.mark.parametrize(("role", "status"), list(zip(ROLES, NEW_DRAFT_VERSION, strict=True)))
def test_making_a_new_draft_version_by_role(client, request, set_in_use, role, status):
    client.force_login(request.getfixturevalue(role))
    response = client.post(reverse("evaluation:criteria_set_new_draft", args=[set_in_use.pk]))
    assert response.status_code == status
    assert CriteriaSet.objects.count() == (2 if status == 302 else 1)


@pytest.mark.parametrize(("role", "status"), list(zip(ROLES, CREATE, strict=True)))
def test_creating_a_set_on_screen_by_role(client, request, province, role, status):
    client.force_login(request.getfixturevalue(role))
    data = {
        "province": province.pk,
        "name": "Bộ mới",
        "years": "2026",
        "agency_kinds": ["department"],
        "answer_days": "5",
    }
    response = client.post(reverse("evaluation:criteria_set_create"), data)
    assert response.status_code == status
    assert CriteriaSet.objects.filter(name="Bộ mới").exists() == (status == 302)


def test_a_reviewer_of_another_province_edits_nothing(client, draft_set, draft_leaf):
    elsewhere = person_with_role(Role.PROVINCE_REVIEWER, province=ProvinceFactory(name="Cần Thơ", code="CTO"))
    client.force_login(elsewhere)
    for url in (
        reverse("evaluation:criteria_set_edit", args=[draft_set.pk]),
        reverse("evaluation:node_edit", args=[draft_set.pk, draft_leaf.pk]),
        reverse("evaluation:rules_edit", args=[draft_set.pk]),
    ):
        assert client.get(url).status_code == 404
        assert client.post(url, {"name": "Sửa", "code": "9"}).status_code == 404
    assert draft_set.nodes.get(pk=draft_leaf.pk).code == "1"
