"""Encoder engines, batch sizes and thread counts on the texts ingest really embeds.

    python scripts/bench_encoder.py --passages 400 --sentences 1500 --rounds 2

Takes passages (with their document header, as ingest embeds them) and quotable sentences
from the configured index, then times every engine × batch size × thread count on both,
alternating the order between rounds so that drift in the machine's load spreads evenly.
Prints one JSON object: seconds per 1,000 texts, best of the rounds. Settings it informs:
``PLANASSIST_INGEST_ENGINE``, ``PLANASSIST_EMBEDDING_BATCH_SIZE``, ``PLANASSIST_ENCODER_THREADS``
and the sentence index's ``ENCODE_BATCH``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import time
from pathlib import Path

from assistant.index.embeddings import TorchEngine, resolve_model
from assistant.index.onnx_encoder import OnnxEngine
from assistant.index.records import search_text
from assistant.index.retrieve import Retriever
from assistant.index.sentences import passage_sentences, quotable


def workloads(retriever: Retriever, passages: int, sentences: int) -> dict[str, list[str]]:
    records = retriever.records
    step = max(1, len(records) // passages)
    chosen = records[::step][:passages]
    said = [s for r in records for s in passage_sentences(r.text) if quotable(s)]
    return {"passages": [search_text(r.text, r.meta) for r in chosen],
            "sentences": said[:: max(1, len(said) // sentences)][:sentences]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=400)
    parser.add_argument("--sentences", type=int, default=1500)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--batches", default="8,16,32,64")
    parser.add_argument("--threads", default="1,2")
    args = parser.parse_args()
    retriever = Retriever.open()
    retriever.refresh()
    texts = workloads(retriever, args.passages, args.sentences)
    model_dir = resolve_model(retriever.settings.embedding_model)
    results: dict[str, float] = {}
    for threads in map(int, args.threads.split(",")):
        engines = {"torch": TorchEngine.load(model_dir, "cpu", threads),
                   "onnx": OnnxEngine.load(Path(model_dir), retriever.encoder.cache_dir, threads=threads)}
        cases = list(itertools.product(engines, map(int, args.batches.split(",")), texts))
        for round_ in range(args.rounds):
            for engine, batch, kind in cases if round_ % 2 == 0 else reversed(cases):
                started = time.perf_counter()
                engines[engine].encode(texts[kind], batch_size=batch)
                per_k = (time.perf_counter() - started) * 1000 / len(texts[kind])
                key = f"{kind} {engine} batch={batch} threads={threads}"
                results[key] = round(min(results.get(key, float("inf")), per_k), 2)
    print(json.dumps({"texts": {k: len(v) for k, v in texts.items()}, "seconds_per_1000": results}, indent=1))


if __name__ == "__main__":
    main()
