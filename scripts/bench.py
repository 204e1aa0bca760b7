"""`make bench`: what users feel, measured in one run and written to docs/benchmarks.md.

    .venv/bin/python scripts/bench.py                          # everything; library: every 8th PDF (40 of 318)
    .venv/bin/python scripts/bench.py --library-every 1        # the whole 318-PDF library (~12 min alone)
    .venv/bin/python scripts/bench.py --baseline /tmp/old --baseline-index /tmp/old-index   # cold starts, before/after
    .venv/bin/python scripts/bench.py --only cold,load

Parts: cold start of fresh CLI processes (search, ask, unchanged ingest, serve until
/healthz) beside a plain LangChain recipe, and beside an older checkout when given
(alternating runs, so machine load falls on both alike); per corpus, encoder throughput
of both engines against ingest throughput (the overhead), warm re-ingest and search
latency beside LangChain's ``similarity_search``; extractive answer latency; HTTP load
(50 clients × 10 /api/ask) p50/p95/p99. Each corpus runs on a fresh index in a temporary
folder. Numbers are printed and written with the date, the machine and its load average.
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
from datetime import datetime, timezone
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_cold  # noqa: E402

from assistant.answering.answer import answer_question  # noqa: E402
from assistant.corpus.chunking import chunk_pages  # noqa: E402
from assistant.corpus.loaders import load  # noqa: E402
from assistant.corpus.manifest import describe, load_manifest  # noqa: E402
from assistant.index.embeddings import Encoder  # noqa: E402
from assistant.index.ingest import expand, ingest  # noqa: E402
from assistant.index.records import ChunkMeta, search_text  # noqa: E402
from assistant.index.retrieve import Retriever  # noqa: E402
from assistant.index.store import Store  # noqa: E402
from assistant.settings import PROJECT_ROOT, Settings, get_settings  # noqa: E402

LIBRARY = PROJECT_ROOT.parent / "shared" / "library" / "un-sg-reports"
QUERIES = PROJECT_ROOT / "evals" / "retrieval.jsonl"
QUESTIONS = PROJECT_ROOT / "evals" / "answers.jsonl"
OUT = PROJECT_ROOT / "docs" / "benchmarks.md"
PARTS = ("cold", "corpus", "library", "answers", "load")


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
    mem = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal"))) / 1048576
    return f"{os.cpu_count()} CPU cores ({cpu}), {mem:.0f} GiB RAM, Python {platform.python_version()}, CPU inference"


def load_average() -> str:
    return " / ".join(f"{x:.1f}" for x in os.getloadavg())


def chunk_texts(files: list[Path], corpus_dir: Path, settings: Settings) -> tuple[list[str], float]:
    """The texts ingest embeds (passage under its document header), and the seconds loading and chunking took."""
    manifest = load_manifest(corpus_dir)
    texts: list[str] = []
    started = time.perf_counter()
    for f in files:
        try:
            doc = load(f)
        except Exception:  # noqa: BLE001 (scanned or bad files are not part of the encoder workload)
            continue
        info = describe(f, manifest)
        for c in chunk_pages(info.id, [(p.text, p.number) for p in doc.pages], settings.chunk_chars, settings.chunk_overlap):
            texts.append(search_text(c.text, ChunkMeta(doc_id=info.id, title=info.title, short=info.short, heading=c.heading)))
    return texts, time.perf_counter() - started


def encoder_rate(texts: list[str], settings: Settings, engine: str) -> float:
    """Chunks per second of one engine on these texts (after a warm-up batch)."""
    enc = Encoder.load(settings.embedding_model, batch_size=settings.embedding_batch_size, query_engine=engine,
                       ingest_engine=engine, threads=settings.encoder_threads, cache_dir=settings.model_cache_dir)
    enc.encode(texts[:64])
    started = time.perf_counter()
    enc.encode(texts)
    return len(texts) / (time.perf_counter() - started)


def langchain_store(settings: Settings, retriever: Retriever):
    """The plain LangChain recipe over the same collection: langchain-chroma, every query embedded afresh (torch)."""
    try:
        from langchain_chroma import Chroma
    except ImportError:  # the [bench] extra is not installed
        return None
    from langchain_core.embeddings import Embeddings

    torch_encoder = Encoder.load(settings.embedding_model, query_engine="torch", ingest_engine="torch")

    class Uncached(Embeddings):
        def embed_documents(self, texts):
            return torch_encoder.encode(list(texts)).tolist()

        def embed_query(self, text):
            return torch_encoder.encode([text])[0].tolist()

    return Chroma(collection_name=settings.collection, client=retriever.store.client, embedding_function=Uncached())


def bench_corpus(name: str, files: list[Path], corpus_dir: Path) -> dict:
    """Encoder vs ingest throughput, warm re-ingest, search latency and the LangChain baseline, on a fresh index."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = {"corpus_dir": corpus_dir, "index_dir": Path(tmp), "uploads_dir": Path(tmp) / "u"}
        settings = get_settings().model_copy(update=paths)
        texts, parse_s = chunk_texts(files, corpus_dir, settings)
        rates = {engine: encoder_rate(texts, settings, engine) for engine in ("torch", "onnx")}
        encoder = Encoder.load(settings.embedding_model, batch_size=settings.embedding_batch_size,
                               query_engine=settings.query_engine, ingest_engine=settings.ingest_engine,
                               threads=settings.encoder_threads, cache_dir=settings.model_cache_dir)
        encoder.encode(texts[:64])  # the model is loaded before the clock starts, as for the raw encoder
        store = Store.open(settings, encoder)
        started = time.perf_counter()
        report = ingest(files, settings=settings, store=store)
        ingest_s = time.perf_counter() - started
        started = time.perf_counter()
        again = ingest(files, settings=settings, store=store)
        reingest_s = time.perf_counter() - started
        retriever = Retriever(settings, store, encoder, Retriever.open(settings).glossary)
        retriever.refresh(force=True)
        queries = rows(QUERIES)
        retriever.search("warm-up query on integrated planning")
        encoder.clear_cache()  # every timed query pays for its own encoding
        took = [retriever.timed_search(q)[1] for q in queries]
        encoder.clear_cache()
        took_dense = [retriever.timed_search(q, mode="dense")[1] for q in queries]
        baseline = []
        lc = langchain_store(settings, retriever)
        if lc is not None:
            lc.similarity_search("warm-up", k=settings.top_k)
            for q in queries:
                t = time.perf_counter()
                lc.similarity_search(q, k=settings.top_k)
                baseline.append((time.perf_counter() - t) * 1000)
        ingest_rate = report.embedded / ingest_s
        engine_rate = rates[settings.ingest_engine]
        return {
            "name": name, "documents": report.documents, "failed": len(report.failed), "chunks": report.chunks,
            "parse_s": round(parse_s, 1), "torch_chunks_per_s": round(rates["torch"], 1),
            "onnx_chunks_per_s": round(rates["onnx"], 1),
            "ingest_engine": settings.ingest_engine, "ingest_chunks_per_s": round(ingest_rate, 1),
            "ingest_overhead_pct": round(100 * (1 - ingest_rate / engine_rate), 1),
            "ingest_s": round(ingest_s, 1), "reingest_s": round(reingest_s, 2), "reingest_embedded": again.embedded,
            "search_p50_ms": pct(took, 0.5), "search_p95_ms": pct(took, 0.95), "dense_p50_ms": pct(took_dense, 0.5),
            "langchain_p50_ms": pct(baseline, 0.5) if baseline else None,
            "langchain_p95_ms": pct(baseline, 0.95) if baseline else None,
            "index_mb": dir_mb(Path(tmp)), "queries": len(queries),
        }


def bench_answers(index: Path | None) -> dict:
    settings = get_settings()
    if index is not None:
        settings = settings.model_copy(update={"index_dir": index, "uploads_dir": index / "uploads"})
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


def bench_load(tree: Path, index: Path | None, clients: int = 50, per_client: int = 10) -> dict:
    """`clients` concurrent clients each sending `per_client` /api/ask requests to `python -m assistant serve` of a tree."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(tree)}
    if index is not None:
        env.update(PLANASSIST_INDEX_DIR=str(index), PLANASSIST_UPLOADS_DIR=str(index / "uploads"))
    server = subprocess.Popen([sys.executable, "-m", "assistant", "serve", "--port", str(port)], cwd=tree, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 300
        while time.time() < deadline:
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        questions = rows(QUESTIONS)
        httpx.post(f"{base}/api/ask", json={"question": questions[0]}, timeout=300)  # warm-up

        def client(i: int) -> list[tuple[float, int]]:
            out = []
            with httpx.Client(timeout=300) as http:
                for j in range(per_client):
                    q = questions[(i * per_client + j) % len(questions)]
                    t = time.perf_counter()
                    try:
                        status = http.post(f"{base}/api/ask", json={"question": q}).status_code
                    except httpx.HTTPError:
                        status = 0
                    out.append(((time.perf_counter() - t) * 1000, status))
            return out

        started = time.perf_counter()
        with ThreadPoolExecutor(clients) as pool:
            results = [r for batch in pool.map(client, range(clients)) for r in batch]
        wall = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(30)
    latencies = [ms for ms, _ in results]
    return {"clients": clients, "requests": len(results), "errors": sum(code != 200 for _, code in results),
            "busy_503": sum(code == 503 for _, code in results), "throughput_rps": round(len(results) / wall, 1),
            "p50_ms": pct(latencies, 0.5), "p95_ms": pct(latencies, 0.95), "p99_ms": pct(latencies, 0.99),
            "wall_s": round(wall, 1)}


def run_cold(args) -> dict:
    trees = {}
    if args.baseline:
        trees["before"] = (args.baseline, args.baseline_index)
    trees["this tree"] = (PROJECT_ROOT, args.index)
    times = bench_cold.run(trees, args.rounds, serve=True, langchain=True)
    return {"runs": times, "median_s": bench_cold.summary(times), "rounds": args.rounds}


def write(results: dict) -> str:
    lines = [f"## {results['date']} — {results['machine']}", "",
             f"Load average (1/5/15 min) at the start: {results['load_average']}; {results['note']}", ""]
    cold = results.get("cold")
    if cold:
        labels = list(cold["runs"])
        lines += [f"Cold start, wall seconds, median of {cold['rounds']} fresh processes each"
                  + (" (trees run alternately)" if len(labels) > 1 else "") + ":", "",
                  "| command | " + " | ".join(labels) + (" | ratio |" if len(labels) > 1 else ""),
                  "|---|" + "---|" * (len(labels) + (len(labels) > 1))]
        for name, row in cold["median_s"].items():
            cells = [f"{row[label]:.2f}" if row.get(label) is not None else "—" for label in labels]
            ratio = f" {row['ratio']} |" if "ratio" in row else ""
            lines.append(f"| {name} | " + " | ".join(cells) + f" |{ratio}")
        lines.append("")
    corpora = results.get("corpora") or []
    if corpora:
        lines += ["| corpus | docs | chunks | parse (load + chunk) | torch / onnx encoder chunks/s | ingest chunks/s (engine) | "
                  "overhead | first ingest | warm re-ingest (in process) | search p50 / p95 | dense-only p50 | "
                  "LangChain similarity_search p50 / p95 | index size |",
                  "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
        for r in corpora:
            lc = f"{r['langchain_p50_ms']} / {r['langchain_p95_ms']} ms" if r["langchain_p50_ms"] is not None else "not run"
            lines.append(f"| {r['name']} | {r['documents']} ({r['failed']} failed) | {r['chunks']} | {r['parse_s']} s | "
                         f"{r['torch_chunks_per_s']} / {r['onnx_chunks_per_s']} | "
                         f"{r['ingest_chunks_per_s']} ({r['ingest_engine']}) | {r['ingest_overhead_pct']} % | "
                         f"{r['ingest_s']} s | "
                         f"{r['reingest_s']} s ({r['reingest_embedded']} embedded) | "
                         f"{r['search_p50_ms']} / {r['search_p95_ms']} ms | {r['dense_p50_ms']} ms | {lc} | {r['index_mb']} MB |")
        lines.append("")
    a = results.get("answers")
    if a:
        lines += [f"Extractive answers ({a['questions']} questions of evals/answers.jsonl, in process): "
                  f"p50 {a['answer_p50_ms']} ms, "
                  f"p95 {a['answer_p95_ms']} ms; retrieval p50 {a['retrieval_p50_ms']} ms, so answer building adds "
                  f"about {a['answer_only_p50_ms']} ms at p50.", ""]
    for label, lo in (results.get("load") or {}).items():
        lines += [f"HTTP load, {label} (`python -m assistant serve`, loopback): {lo['clients']} concurrent clients × "
                  f"{lo['requests'] // lo['clients']} `/api/ask` = {lo['requests']} requests in {lo['wall_s']} s: "
                  f"{lo['throughput_rps']} requests/s, p50 {lo['p50_ms']} ms, p95 {lo['p95_ms']} ms, p99 {lo['p99_ms']} ms, "
                  f"{lo['errors']} errors ({lo['busy_503']} of them 503 busy).", ""]
    lines += [f"Peak resident memory of the benchmark process: {results['peak_rss_mb']} MB.", ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(PARTS), help=f"Comma-separated parts: {', '.join(PARTS)}.")
    parser.add_argument("--library-every", type=int, default=8, help="Ingest every Nth library PDF (1: all 318).")
    parser.add_argument("--baseline", type=Path, help="An older checkout to compare cold starts with.")
    parser.add_argument("--baseline-index", type=Path, help="The index folder the baseline uses.")
    parser.add_argument("--index", type=Path, help="The index folder this tree uses (default: its configured one).")
    parser.add_argument("--rounds", type=int, default=3, help="Cold-start runs per command and tree.")
    parser.add_argument("--note", default="the machine was shared with other work", help="Said beside the numbers.")
    parser.add_argument("--no-write", action="store_true", help="Print only; leave docs/benchmarks.md alone.")
    args = parser.parse_args()
    parts = set(args.only.split(","))
    settings = get_settings()
    results: dict = {"date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "machine": machine(),
                     "load_average": load_average(), "note": args.note}
    if "cold" in parts:
        results["cold"] = run_cold(args)
    corpora = []
    if "corpus" in parts:
        corpora.append(bench_corpus("default corpus", expand([settings.corpus_dir / "documents"]), settings.corpus_dir))
    if "library" in parts and LIBRARY.exists():
        files = sorted(LIBRARY.glob("*.pdf"))[:: args.library_every]
        label = "318-PDF library" if args.library_every == 1 else f"library sample (every {args.library_every}th PDF by name)"
        corpora.append(bench_corpus(label, files, settings.corpus_dir))
    results["corpora"] = corpora
    if "answers" in parts:
        results["answers"] = bench_answers(args.index)
    if "load" in parts:
        results["load"] = {}
        if args.baseline:
            results["load"]["before"] = bench_load(args.baseline, args.baseline_index)
        results["load"]["this tree"] = bench_load(PROJECT_ROOT, args.index)
    results["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 0)
    print(json.dumps(results, indent=2))
    if args.no_write:
        return
    block = write(results)
    text = OUT.read_text() if OUT.exists() else ""
    marker = "<!-- bench results: newest first -->"
    if marker not in text:
        text = text.rstrip() + f"\n\n{marker}\n"
    OUT.write_text(text.replace(marker, f"{marker}\n\n{block}", 1))
    print(f"\nwritten to {OUT.relative_to(PROJECT_ROOT)}")


if __name__ == "__main__":
    main()
