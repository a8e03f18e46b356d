"""One person holds one role once per scope, on SQLite as on PostgreSQL,
also when the scope is empty (a system administrator)."""

from __future__ import annotations

import pytest
from django.core.checks import run_checks
from django.db import IntegrityError, transaction

from danvan.core.models import Role, RoleAssignment
from tests.factories import UserFactory


def test_an_empty_scope_is_one_scope(db):
    person = UserFactory()
    RoleAssignment.objects.create(user=person, role=Role.SYSTEM_ADMIN)
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleAssignment.objects.create(user=person, role=Role.SYSTEM_ADMIN)
    assert RoleAssignment.objects.filter(user=person).count() == 1


def test_the_same_role_in_two_agencies_is_two_assignments(agency, other_agency):
    person = UserFactory(agency=agency)
    RoleAssignment.objects.create(user=person, role=Role.INSPECTOR, agency=agency)
    RoleAssignment.objects.create(user=person, role=Role.INSPECTOR, agency=other_agency)
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleAssignment.objects.create(user=person, role=Role.INSPECTOR, agency=agency)


def test_the_database_is_told_about_the_constraint():
    assert not [m for m in run_checks() if m.id == "models.W047"]
