"""The in-process engine: llama.cpp's own OpenAI-compatible server (xllamacpp), on a loopback port the app owns.

``PLANASSIST_LOCAL_MODEL`` names a catalogued model (see :mod:`assistant.answering.local_models`)
or a GGUF path. The first LLM request loads it once per process (3–10 s on 2 cores) and
starts llama.cpp's server inside this process on 127.0.0.1 with a random port and a random
API key, so the answer path is the very same OpenAI-compatible client the app uses for vLLM,
Ollama or a remote llama.cpp server: one code path, tested against a scripted server and the
real model alike. Calling the binding directly was measured against this and saved nothing
that matters (the loopback hop costs milliseconds; a token costs 0.1–1 s on 2 cores); see
docs/benchmarks.md.

Needs the optional extra: ``pip install -e '.[local-llm]'`` (a prebuilt llama.cpp wheel; no compiler).

>>> default_threads() >= 1
True
"""

from __future__ import annotations

import os
import secrets
import threading
from dataclasses import dataclass

from assistant.answering.local_models import ModelError, locate
from assistant.settings import Settings

_LOCK = threading.Lock()
_ENGINES: dict[tuple, LocalEngine] = {}


def default_threads() -> int:
    """The cores this process may run on (the affinity mask, which containers and taskset narrow)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@dataclass
class LocalEngine:
    """A loaded model served on loopback; ``base_url`` and ``api_key`` are what an OpenAI client needs."""

    name: str
    base_url: str
    api_key: str
    threads: int
    server: object

    def close(self) -> None:
        """Stop the server and free the model (also happens when the process exits)."""
        self.server = None


def _start(path: str, name: str, threads: int, ctx: int) -> LocalEngine:
    try:
        import xllamacpp
    except ImportError:
        raise ModelError("the local model needs the optional extra: pip install -e '.[local-llm]'  (or run `make llm`)") from None
    params = xllamacpp.CommonParams()
    params.model.path = path
    params.model_alias = name
    params.n_ctx = ctx
    params.n_parallel = 1
    params.ui = False
    params.hostnames = ["127.0.0.1"]
    params.port = 0  # the OS picks a free port
    key = secrets.token_urlsafe(24)
    params.api_keys = [key]  # other local users cannot borrow the engine
    params.cpuparams.n_threads = threads
    params.cpuparams_batch.n_threads = threads
    params.verbosity = 0
    server = xllamacpp.Server(params)
    address = server.listening_address
    base = address if address.startswith("http") else f"http://{address}"
    return LocalEngine(name=name, base_url=base.rstrip("/") + "/v1", api_key=key, threads=threads, server=server)


def local_engine(settings: Settings) -> LocalEngine:
    """The process's engine for the configured model, loaded on first use and reused after."""
    if not settings.local_model:
        raise ModelError("no local model configured: set PLANASSIST_LOCAL_MODEL (e.g. qwen2.5-coder-1.5b-instruct)")
    path, spec = locate(settings.local_model, settings.models_dir)
    threads = settings.local_threads or default_threads()
    key = (str(path), threads, settings.local_ctx)
    with _LOCK:
        if key not in _ENGINES:
            _ENGINES[key] = _start(str(path), spec.name if spec else path.stem, threads, settings.local_ctx)
        return _ENGINES[key]
