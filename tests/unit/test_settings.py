import re

from assistant.settings import GROUPS, PROJECT_ROOT, Settings, settings_table


def test_every_field_is_described_and_grouped():
    grouped = [name for group in GROUPS for name in group.model_fields]
    assert len(grouped) == len(set(grouped)), "a field is declared in two groups"
    for name, info in Settings.model_fields.items():
        assert info.description, f"{name} has no description"


def test_environment_overrides_a_grouped_field(monkeypatch):
    monkeypatch.setenv("PLANASSIST_SCOPE_THRESHOLD", "0.4")
    monkeypatch.setenv("PLANASSIST_LLM_MODEL", "qwen")
    settings = Settings()
    assert settings.scope_threshold == 0.4 and settings.llm_model == "qwen"


def test_readme_configuration_table_matches_the_code():
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- settings-table[^>]*-->\n(.*?)<!-- /settings-table -->", readme, re.S)
    assert match, "README.md lost its settings-table markers"
    assert match.group(1) == settings_table(), "README config table is stale: paste `python -m assistant.settings` into it"
