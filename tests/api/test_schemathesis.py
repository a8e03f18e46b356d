"""The live schema, fuzzed: every operation, called by a personal token
holding every scope with examples generated from the schema, never answers
500 and never answers a documented status with a body the schema does not
describe."""

from contextlib import contextmanager

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from danvan.api import services
from danvan.api.scopes import SCOPES
from danvan.wsgi import application


@contextmanager
def in_process_requests():
    """The application is called in-process, inside the test's transaction:
    as Django's test client does, a request neither starts nor ends by
    closing the database connection."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def api_schema(client, db, office_officer):
    client.force_login(office_officer)
    raw = client.get(reverse("schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    client.logout()
    schema = schemathesis.openapi.from_dict(raw)
    schema.app = application
    return schema


@pytest.fixture
def every_scope_token(office_officer, issued_task, other_task):
    _record, token = services.create_personal_token(
        person=office_officer, name="Kiểm thử lược đồ", scopes=list(SCOPES), days=1
    )
    return token


def test_the_api_keeps_to_its_schema(api_schema, every_scope_token):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) > 25
    headers = {"Authorization": f"Bearer {every_scope_token}"}
    checks = [not_a_server_error, response_schema_conformance, content_type_conformance]
    with in_process_requests():
        for operation in operations:

            @given(case=operation.as_strategy())
            @settings(
                max_examples=8,
                deadline=None,
                database=None,
                derandomize=True,
                suppress_health_check=list(HealthCheck),
            )
            def keeps_to_schema(case):
                case.call_and_validate(headers=headers, checks=checks)

            keeps_to_schema()
