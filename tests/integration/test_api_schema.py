"""Schemathesis: property-based requests generated from /openapi.json never cause a server error."""

from __future__ import annotations

import pytest
import schemathesis
from conftest import remove_uploads
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from assistant.interfaces.web import create_app

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def api_schema(retriever, tmp_path_factory):
    """The API over the session index; writes go to a throw-away uploads folder."""
    from assistant.index.retrieve import Retriever

    uploads = tmp_path_factory.mktemp("schema-uploads")
    settings = retriever.settings.model_copy(update={"uploads_dir": uploads, "allowed_hosts": ["testserver"]})
    r = Retriever(settings, retriever.store, retriever.encoder, retriever.glossary)
    yield schemathesis.openapi.from_asgi("/openapi.json", create_app(r, with_ui=False))
    remove_uploads(r)


def test_no_server_errors(api_schema):
    """Each operation gets generated valid and invalid requests; DELETE is left out (it would
    only meet 404s and could remove the session's documents)."""
    checked = 0
    for result in api_schema.get_all_operations():
        operation = result.ok()
        if operation.method.upper() == "DELETE":
            continue

        @given(case=operation.as_strategy())
        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case):
            case.call_and_validate(checks=[not_a_server_error])

        check()
        checked += 1
    assert checked >= 6
