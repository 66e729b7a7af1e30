"""The API against its own OpenAPI document (schemathesis): for every operation, generated
requests with a director's and a holder's token never get a 5xx, and every answer (the 4xx
refusals too) has a status, content type and body that the document declares."""

from __future__ import annotations

import time

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    ignored_auth,
    response_schema_conformance,
    status_code_conformance,
)

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    ignored_auth,
]
EXAMPLES = 12  # per operation and role: the whole run stays well under a minute


@pytest.fixture
def connection_kept():
    """Requests through the WSGI app would close the database connection at their end, and with
    it the test's transaction (PostgreSQL); Django's own test client holds it open the same way."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


def _operations(schema):
    return [result.ok() for result in schema.get_all_operations()]


@pytest.mark.parametrize("role", ["director", "holder"])
def test_the_api_keeps_to_its_openapi_document(api, world, connection_kept, role):
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())
    operations = _operations(schema)
    assert len(operations) >= 10
    headers = {"Authorization": f"Bearer {api.token(role)}"}
    # Ids of rows that exist, so the generated calls reach past the 404 too.
    known = {"contract_id": world["draft"].pk, "entry_id": world["entered_goal"].follow_ups.get().pk}
    started = time.monotonic()
    for operation in operations:
        names = {p.name for p in operation.path_parameters}
        fixed = {name: value for name, value in known.items() if name in names}

        @given(case=operation.as_strategy(path_parameters=fixed))
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
        def run(case):
            case.call_and_validate(headers=headers, checks=CHECKS)

        run()
    assert time.monotonic() - started < 60
