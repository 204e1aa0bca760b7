"""`make bench`: ingest, search, answer and HTTP-load measurements in one run, written to docs/benchmarks.md.

    .venv/bin/python scripts/bench.py                 # everything (the 318-PDF library takes ~10 min)
    .venv/bin/python scripts/bench.py --no-library    # default corpus, answers and load only

Each part runs on a fresh index in a temporary folder so nothing depends on what was
indexed before; the load test starts `planassist serve` as its own process on the
default index. Numbers are printed and written with the date and the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import httpx
from langchain_chroma import Chroma
from langchain_core.embeddings import Embeddings

from assistant.answering.answer import answer_question
from assistant.corpus.chunking import chunk_pages
from assistant.corpus.loaders import load
from assistant.corpus.manifest import describe, load_manifest
from assistant.index.ingest import expand, ingest
from assistant.index.retrieve import Retriever
from assistant.index.store import search_text
from assistant.settings import PROJECT_ROOT, get_settings

LIBRARY = PROJECT_ROOT.parent / "shared" / "library" / "un-sg-reports"
QUERIES = PROJECT_ROOT / "evals" / "retrieval.jsonl"
QUESTIONS = PROJECT_ROOT / "evals" / "answers.jsonl"
OUT = PROJECT_ROOT / "docs" / "benchmarks.md"


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return round(values[min(len(values) - 1, int(q * len(values)))], 1)


def rows(path: Path, key: str = "question") -> list[str]:
    return [json.loads(line)[key] for line in path.read_text().splitlines() if line.strip()]


def dir_mb(path: Path) -> float:
    return round(sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1048576, 1)


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    meminfo = Path("/proc/meminfo").read_text().splitlines()
    mem = int(next(line.split()[1] for line in meminfo if line.startswith("MemTotal"))) / 1048576
    return f"{os.cpu_count()} CPU cores ({cpu}), {mem:.0f} GiB RAM, Python {platform.python_version()}, CPU inference"


class Uncached(Embeddings):
    """The plain LangChain setup: every query embedded afresh, as langchain-huggingface would."""

    def __init__(self, encoder):
        self.encoder = encoder

    def embed_documents(self, texts):
        return self.encoder.encode(list(texts)).tolist()

    def embed_query(self, text):
        return self.encoder.encode([text])[0].tolist()


def bench_corpus(name: str, sources: list[Path], corpus_dir: Path) -> dict:
    """Encoder vs ingest throughput, warm re-ingest, search latency and the LangChain baseline."""
    with tempfile.TemporaryDirectory() as tmp:
        settings = get_settings().model_copy(update={"corpus_dir": corpus_dir, "index_dir": Path(tmp),
                                                     "uploads_dir": Path(tmp) / "u"})
        retriever = Retriever.open(settings)
        manifest = load_manifest(corpus_dir)
        texts = []
        for f in expand(sources):
            try:
                doc = load(f)
            except Exception:  # noqa: BLE001 (scanned or bad files are not part of the encoder workload)
                continue
            info = describe(f, manifest)
            meta = {"title": info.title, "short": info.short}
            chunks = chunk_pages(info.id, [(p.text, p.number) for p in doc.pages], settings.chunk_chars, settings.chunk_overlap)
            texts += [search_text(c.text, {**meta, "heading": c.heading}) for c in chunks]
        retriever.encoder.encode(texts[:64])  # warm-up
        started = time.perf_counter()
        retriever.encoder.encode(texts)
        encode_s = time.perf_counter() - started
        started = time.perf_counter()
        report = ingest(sources, settings=settings, store=retriever.store)
        ingest_s = time.perf_counter() - started
        started = time.perf_counter()
        again = ingest(sources, settings=settings, store=retriever.store)
        reingest_s = time.perf_counter() - started
        retriever.refresh(force=True)
        queries = rows(QUERIES)
        retriever.search("warm-up query on integrated planning")
        retriever.encoder.clear_cache()  # every timed query pays for its own encoding
        took = [retriever.timed_search(q)[1] for q in queries]
        retriever.encoder.clear_cache()
        took_dense = [retriever.timed_search(q, mode="dense")[1] for q in queries]
        baseline_store = Chroma(collection_name=settings.collection, client=retriever.store.client,
                                embedding_function=Uncached(retriever.encoder))
        baseline = []
        for q in queries:
            t = time.perf_counter()
            baseline_store.similarity_search(q, k=settings.top_k)
            baseline.append((time.perf_counter() - t) * 1000)
        return {
            "name": name, "documents": report.documents, "failed": len(report.failed), "chunks": report.chunks,
            "encoder_chunks_per_s": round(len(texts) / encode_s, 1), "ingest_chunks_per_s": round(report.embedded / ingest_s, 1),
            "ingest_overhead_pct": round(100 * (1 - (report.embedded / ingest_s) / (len(texts) / encode_s)), 1),
            "ingest_s": round(ingest_s, 1), "reingest_s": round(reingest_s, 2), "reingest_embedded": again.embedded,
            "search_p50_ms": pct(took, 0.5), "search_p95_ms": pct(took, 0.95),
            "dense_p50_ms": pct(took_dense, 0.5),
            "langchain_p50_ms": pct(baseline, 0.5), "langchain_p95_ms": pct(baseline, 0.95),
            "hybrid_over_langchain": round(pct(took, 0.5) / pct(baseline, 0.5), 2),
            "index_mb": dir_mb(Path(tmp)), "queries": len(queries),
        }


def bench_answers() -> dict:
    settings = get_settings()
    retriever = Retriever.open(settings)
    if retriever.store.count() == 0:
        ingest(settings=settings, store=retriever.store)
    retriever.refresh(force=True)
    questions = rows(QUESTIONS)
    answer_question(questions[0], retriever, backend="extractive")
    retriever.encoder.clear_cache()
    total = [answer_question(q, retriever, backend="extractive").took_ms for q in questions]
    retriever.encoder.clear_cache()
    search = [retriever.timed_search(q)[1] for q in questions]
    return {"questions": len(questions), "answer_p50_ms": pct(total, 0.5), "answer_p95_ms": pct(total, 0.95),
            "retrieval_p50_ms": pct(search, 0.5), "answer_only_p50_ms": round(pct(total, 0.5) - pct(search, 0.5), 1)}


def bench_load(clients: int = 50, per_client: int = 10) -> dict:
    """`clients` concurrent clients each sending `per_client` /api/ask requests to a served app."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([str(Path(sys.executable).with_name("planassist")), "serve", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 180
        while time.time() < deadline:
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        questions = rows(QUESTIONS)

        def client(i: int) -> list[tuple[float, bool]]:
            out = []
            with httpx.Client(timeout=300) as http:
                for j in range(per_client):
                    q = questions[(i * per_client + j) % len(questions)]
                    t = time.perf_counter()
                    try:
                        ok = http.post(f"{base}/api/ask", json={"question": q}).status_code == 200
                    except httpx.HTTPError:
                        ok = False
                    out.append(((time.perf_counter() - t) * 1000, ok))
            return out

        started = time.perf_counter()
        with ThreadPoolExecutor(clients) as pool:
            results = [r for batch in pool.map(client, range(clients)) for r in batch]
        wall = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(30)
    latencies = [ms for ms, _ in results]
    return {"clients": clients, "requests": len(results), "errors": sum(not ok for _, ok in results),
            "throughput_rps": round(len(results) / wall, 1), "p50_ms": pct(latencies, 0.5), "p95_ms": pct(latencies, 0.95),
            "wall_s": round(wall, 1)}


def write(results: dict) -> str:
    c = results["corpora"]
    lines = [f"## {results['date']} — {results['machine']}", "",
             "| corpus | docs | chunks | encoder chunks/s | ingest chunks/s | overhead | first ingest | warm re-ingest | search "
             "p50 / p95 | dense-only p50 | LangChain similarity_search p50 / p95 | hybrid ÷ LangChain | index size |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in c:
        lines.append(f"| {r['name']} | {r['documents']} ({r['failed']} failed) | {r['chunks']} | {r['encoder_chunks_per_s']} | "
                     f"{r['ingest_chunks_per_s']} | {r['ingest_overhead_pct']} % | {r['ingest_s']} s | {r['reingest_s']} s "
                     f"({r['reingest_embedded']} embedded) | {r['search_p50_ms']} / {r['search_p95_ms']} ms | "
                     f"{r['dense_p50_ms']} ms | "
                     f"{r['langchain_p50_ms']} / {r['langchain_p95_ms']} ms | {r['hybrid_over_langchain']} | "
                     f"{r['index_mb']} MB |")
    a = results["answers"]
    lines += ["", f"Extractive answers ({a['questions']} questions of evals/answers.jsonl): p50 {a['answer_p50_ms']} ms, "
              f"p95 {a['answer_p95_ms']} ms in total; retrieval p50 {a['retrieval_p50_ms']} ms, so answer building adds "
              f"about {a['answer_only_p50_ms']} ms at p50."]
    if results.get("load"):
        lo = results["load"]
        lines += ["", f"HTTP load (`planassist serve`, loopback): {lo['clients']} concurrent clients × "
                  f"{lo['requests'] // lo['clients']} `/api/ask` = {lo['requests']} requests in {lo['wall_s']} s: "
                  f"{lo['throughput_rps']} requests/s, p50 {lo['p50_ms']} ms, p95 {lo['p95_ms']} ms, {lo['errors']} errors."]
    lines += ["", f"Peak resident memory of the benchmark process: {results['peak_rss_mb']} MB.", ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-library", action="store_true", help="Skip the 318-PDF library.")
    parser.add_argument("--no-load", action="store_true", help="Skip the HTTP load test.")
    args = parser.parse_args()
    settings = get_settings()
    corpora = [bench_corpus("default corpus", [settings.corpus_dir / "documents"], settings.corpus_dir)]
    if not args.no_library and LIBRARY.exists():
        corpora.append(bench_corpus("318-PDF library", [LIBRARY], settings.corpus_dir))
    results = {"date": date.today().isoformat(), "machine": machine(), "corpora": corpora, "answers": bench_answers(),
               "load": None if args.no_load else bench_load(),
               "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 0)}
    print(json.dumps(results, indent=2))
    block = write(results)
    text = OUT.read_text() if OUT.exists() else ""
    marker = "<!-- bench results: newest first -->"
    if marker not in text:
        text = text.rstrip() + f"\n\n{marker}\n"
    OUT.write_text(text.replace(marker, f"{marker}\n\n{block}", 1))
    print(f"\nwritten to {OUT.relative_to(PROJECT_ROOT)}")


if __name__ == "__main__":
    main()
