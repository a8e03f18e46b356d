"""The live schema, fuzzed: every operation, called by a personal token
holding every scope with examples generated from the schema. A request that
keeps to the schema is never refused as malformed (400) and one that breaks
it always is; no answer is a 500, or has a status, a content type, headers or
a body that the schema does not describe."""

from contextlib import contextmanager

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    positive_data_acceptance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from danvan.api import services
from danvan.api.scopes import SCOPES
from danvan.wsgi import application

# What every answer keeps to, whatever was sent.
CONFORMANCE = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
CHECKS = {
    GenerationMode.POSITIVE: [*CONFORMANCE, positive_data_acceptance],
    GenerationMode.NEGATIVE: [*CONFORMANCE, negative_data_rejection],
}
# Operations with a rule between parameters, which OpenAPI cannot state: a
# request keeping to each parameter's schema may still be refused with 400,
# as its description says. Only these skip positive_data_acceptance.
RULES_BETWEEN_PARAMETERS = {
    "GET /api/v1/petitions/figures": "den_ngay không trước tu_ngay",
}


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


def checks_for(label: str, mode: GenerationMode) -> list:
    if label in RULES_BETWEEN_PARAMETERS:
        return [check for check in CHECKS[mode] if check is not positive_data_acceptance]
    return CHECKS[mode]


@pytest.fixture
def raw_schema(client, db, office_officer):
    client.force_login(office_officer)
    raw = client.get(reverse("schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    client.logout()
    return raw


@pytest.fixture
def api_schema(raw_schema):
    schema = schemathesis.openapi.from_dict(raw_schema)
    schema.app = application
    return schema


@pytest.fixture
def every_scope_token(office_officer, issued_task, other_task):
    _record, token = services.create_personal_token(
        person=office_officer, name="Kiểm thử lược đồ", scopes=list(SCOPES), days=1
    )
    return token


def test_the_schema_does_not_list_itself(raw_schema):
    # It is served to a signed-in session only; a token is sent to the login page.
    assert "/api/schema/" not in raw_schema["paths"]


def fuzzed(operation, mode: GenerationMode, headers: dict):
    """Eight examples of the operation, derandomised so that a run repeats."""
    checks = checks_for(operation.label, mode)

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=8,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    def keeps_to_schema(case):
        case.call_and_validate(headers=headers, checks=checks)

    return keeps_to_schema


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=str)
def test_the_api_keeps_to_its_schema(api_schema, every_scope_token, mode):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) > 25
    headers = {"Authorization": f"Bearer {every_scope_token}"}
    failures = []
    with in_process_requests():
        for operation in operations:
            try:
                fuzzed(operation, mode, headers)()
            except (AssertionError, BaseExceptionGroup) as failure:  # every operation's, reported at once
                failures.append(f"{operation.label}: {failure}")
    assert not failures, "\n\n".join(failures)
