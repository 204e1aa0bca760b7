"""Benchmarks a drafting request asks for ("benchmarks for the handover of security to the national police").

The library holds no benchmarking guidance, but its mission reports list the benchmark indicators a mission reported
against. The table proposes their wording, cited, to adapt; baselines, targets and owners are the team's to agree.

>>> BENCHMARK_ROWS
4
"""

from __future__ import annotations

from assistant.citation import CitationBook
from assistant.index.retrieve import Retriever
from assistant.products.context import PlanningContext
from assistant.products.draft_asked import measured_indicators
from assistant.products.draft_request import EACH_HANDOVER, DraftAsk
from assistant.products.draft_text import TBD
from assistant.products.export import Block

BENCHMARK_ROWS = 4
SECTIONS = ("monitoring", "division")  # where a request's benchmarks are drafted


def benchmark_blocks(key: str, ctx: PlanningContext, ask: DraftAsk, retriever: Retriever, book: CitationBook) -> list[Block]:
    """The benchmarks asked for, in the first section of SECTIONS the request is about ([] when none are asked)."""
    if not ask.benchmarks or key != next((k for k in SECTIONS if k in ask.sections), ""):
        return []
    if ask.benchmarks == EACH_HANDOVER and key == "division":  # the transfer table proposes them task by task
        return []
    found = measured_indicators(ask.benchmarks, BENCHMARK_ROWS, retriever)
    rows = [["Benchmark (proposed wording)", "Baseline", "Target", "Owner", "Wording from"]]
    rows += [[wording, TBD, TBD, TBD, f"{hit.short}, {label} [{book.cite(hit.citation(0))}]; adapt"]
             for label, wording, hit in found] or [[TBD, TBD, TBD, TBD, "no benchmark indicator in the library fits"]]
    return [Block(kind="paragraph", text=(
        f"Benchmarks for {ask.benchmarks}, as asked ({ctx.country}): the wording proposed is that of benchmark indicators "
        "another mission reported against, a starting point to adapt; baselines, targets and owners are for the team and "
        "the Government to agree.")), Block(kind="table", rows=rows)]
