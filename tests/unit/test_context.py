"""Planning context files: the example validates; each kind of mistake names its field."""

from __future__ import annotations

import pytest

from assistant.products.context import ContextError, load_context, parse_context
from assistant.settings import PROJECT_ROOT

EXAMPLE = PROJECT_ROOT / "examples" / "carana.yaml"
VALID = {"country": "Carana", "presence": "PKO", "mission": "UNMICA", "key_tasks": ["Protect civilians"],
         "un_entities": ["UNDP"], "period": "2027-2029"}


def test_example_context_loads():
    ctx = load_context(EXAMPLE)
    assert ctx.fictional and ctx.years == (2027, 2029) and len(ctx.priorities) == 3


def test_json_context(tmp_path):
    path = tmp_path / "ctx.json"
    path.write_text('{"country": "Carana", "presence": "SPM", "mission": "UNOCA", "mandate": "Good offices.", '
                    '"un_entities": ["UNDP"], "period": "2027–2028"}')
    ctx = load_context(path)
    assert ctx.period == "2027-2028" and ctx.all_priorities == []


@pytest.mark.parametrize("change, field, message", [
    ({"period": "next year"}, "period", "2027-2029"),
    ({"period": "2029-2027"}, "period", "end year"),
    ({"presence": "army"}, "presence", "PKO"),
    ({"un_entities": []}, "un_entities", "at least 1"),
    ({"key_tasks": []}, "context", "key_tasks or the mandate"),
    ({"country": ""}, "country", "at least 2"),
])
def test_invalid_fields_are_named(change, field, message):
    with pytest.raises(ContextError) as err:
        parse_context({**VALID, **change})
    assert field in str(err.value) and message in str(err.value)


def test_missing_fields_listed_together():
    with pytest.raises(ContextError) as err:
        parse_context({"country": "Carana"})
    text = str(err.value)
    assert all(f in text for f in ("presence", "mission", "un_entities", "period"))


@pytest.mark.parametrize("content, message", [
    ("country: [unclosed", "cannot be parsed"),
    ("- just\n- a list", "must be a mapping"),
])
def test_bad_files(tmp_path, content, message):
    path = tmp_path / "ctx.yaml"
    path.write_text(content)
    with pytest.raises(ContextError, match=message):
        load_context(path)


def test_missing_file(tmp_path):
    with pytest.raises(ContextError, match="no such file"):
        load_context(tmp_path / "none.yaml")
