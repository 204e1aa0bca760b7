import ast
from pathlib import Path

import pytest

from assistant.errors import (
    BackendUnavailable,
    ConfigurationError,
    ContextError,
    InvalidRequest,
    LoadError,
    NotDeletable,
    NotFound,
    PlanAssistError,
)
from assistant.interfaces.api import status_of

PACKAGE = Path(__file__).resolve().parents[2] / "assistant"


@pytest.mark.parametrize(("error", "status"), [
    (NotFound("x"), 404), (NotDeletable("x"), 403), (InvalidRequest("x"), 400), (ContextError("x"), 400),
    (BackendUnavailable("x"), 400), (LoadError("a/b.pdf", "empty file"), 400), (ConfigurationError("x"), 503),
    (PlanAssistError("x"), 500),
])
def test_api_maps_each_product_error_in_one_place(error, status):
    assert status_of(error) == status


def test_load_error_names_the_file_only():
    assert str(LoadError("/secret/path/b.pdf", "empty file")) == "b.pdf: empty file"


def test_no_module_catches_bare_value_error_as_bad_request():
    """A ValueError from a library bug must surface as a 500, not be shown to the user as their mistake."""
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ExceptHandler) and node.type is not None:
                names = [n.id for n in ast.walk(node.type) if isinstance(n, ast.Name)]
                body = ast.unparse(node)
                if "ValueError" in names and ("HTTPException" in body or "BadParameter" in body or "Problem:" in body):
                    offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert not offenders, offenders
