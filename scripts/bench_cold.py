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


def run(trees: dict[str, tuple[Path, Path | None]], rounds: int, serve: bool = True) -> dict:
    """{label: {command: [seconds, ...]}}, the trees alternating within each round."""
    names = list(COMMANDS) + (["serve until /healthz"] if serve else [])
    times: dict[str, dict[str, list[float]]] = {label: {n: [] for n in names} for label in trees}
    for _ in range(rounds):
        for name in names:
            for label, (tree, index) in trees.items():
                took = time_serve(tree, index) if name.startswith("serve") else time_command(tree, index, COMMANDS[name])
                times[label][name].append(round(took, 2))
    return times


def summary(times: dict) -> dict:
    """Medians per tree and command, and the ratio to the first (baseline) tree."""
    labels = list(times)
    out = {}
    for name in times[labels[0]]:
        row = {label: statistics.median(times[label][name]) for label in labels}
        if len(labels) > 1:
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
    args = parser.parse_args()
    trees = {}
    if args.baseline:
        trees["before"] = (args.baseline, args.baseline_index)
    trees["this tree"] = (ROOT, args.index)
    times = run(trees, args.rounds, serve=not args.no_serve)
    print(json.dumps({"runs": times, "median_s": summary(times)}, indent=2))


if __name__ == "__main__":
    main()
