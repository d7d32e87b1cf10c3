"""Schemathesis over the JSON API, read-only and token modes: generated requests (valid and not) never
get a server error. Bounded in examples per operation so the whole file runs in well under a minute."""
from __future__ import annotations

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings

from dyadwatch.web.app import create_app
from test_relations_data import build_store

EXAMPLES = 10
TOKEN = "schema-token"


def _operations(app):
    with TestClient(app):  # runs the app's startup so the schema is the one served
        schema = schemathesis.openapi.from_asgi("/openapi.json", app)
        return [result.ok() for result in schema.get_all_operations()]


def _fuzz(operation, headers: dict[str, str]) -> list[str]:
    """Server errors among EXAMPLES generated requests to `operation` (an empty list when none)."""
    failures: list[str] = []
    statuses: list[int] = []

    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy())
    def check(case) -> None:
        response = case.call(headers=headers)
        statuses.append(response.status_code)
        if response.status_code >= 500:
            failures.append(f"{case.method} {case.formatted_path} {case.query}: {response.status_code} {response.text[:200]}")

    check()
    assert statuses, f"no request was generated for {operation.method} {operation.path}"
    return failures


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("schema") / "schema.duckdb")


@pytest.mark.slow
def test_read_only_api_has_no_server_errors(db):
    app = create_app(db)
    operations = _operations(app)
    assert {op.path for op in operations} >= {"/api/dyads", "/api/relations", "/api/events", "/api/search"}
    failures = [f for op in operations for f in _fuzz(op, {})]
    assert failures == []


@pytest.mark.slow
@pytest.mark.model
def test_token_api_has_no_server_errors(db, tmp_path):
    """Token mode, ingest included (generated articles are really coded and stored, or rejected)."""
    copy = tmp_path / "token.duckdb"
    copy.write_bytes(db.read_bytes())
    app = create_app(copy, token=TOKEN)
    operations = _operations(app)
    assert "/api/ingest" in {op.path for op in operations}
    failures = [f for op in operations for f in _fuzz(op, {"Authorization": f"Bearer {TOKEN}"})]
    failures += [f for op in operations if op.path == "/api/ingest" for f in _fuzz(op, {})]  # no token: 401s
    assert failures == []
