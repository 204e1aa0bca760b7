"""What to read: questions about reading the library itself ("What should I read first as a new planner?").

No passage answers them — the library holds no reading list — but its manifest does say what it
holds and which canonical texts it lacks. The answer says the library gives no reading order, then
lists its documents by kind (policy, guidance and analysis before resolutions, reports and
commentary; oldest first within a kind, so no order is invented beyond kind and date) and the
catalogued texts that are not in the library, with how to add them.

>>> asks_what_to_read("What should I read first as a new planner, in what order?")
True
>>> asks_what_to_read("What did the Secretary-General read out to the Council?")
False
"""

from __future__ import annotations

import re

from assistant.answering.named import library_doc_ids
from assistant.corpus.manifest import DocumentInfo, load_manifest
from assistant.index.retrieve import Retriever

ASKS = re.compile(r"\b(?:should|must|do|can)\s+(?:I|we|one|a new \w+)\s+read\b|\bread(?:ing)?\s+(?:list|order|first)\b"
                  r"|\bwhat\s+to\s+read\b", re.I)
KIND_ORDER = ("policy", "guidance", "analysis", "resolution", "report", "commentary")
NO_ORDER = "The library gives no reading order; no passage answers this. What it holds, by kind and date:"


def asks_what_to_read(question: str) -> bool:
    """Does the question ask what to read (a reading list or order), not about a text's content?"""
    return bool(ASKS.search(question))


def _line(info: DocumentInfo) -> str:
    date = f", {info.date[:4]}" if info.date else ""
    return f"- {info.short} — {info.title} ({info.type}{date})"


def _ordered(infos: list[DocumentInfo]) -> list[DocumentInfo]:
    rank = {kind: i for i, kind in enumerate(KIND_ORDER)}
    return sorted(infos, key=lambda d: (rank.get(d.type, len(rank)), d.date or "9999"))


def reading_list(question: str, retriever: Retriever) -> str:
    """The answer to a what-to-read question from the manifest ('' for any other question)."""
    if not asks_what_to_read(question):
        return ""
    manifest = load_manifest(retriever.settings.corpus_dir)
    held = library_doc_ids(retriever)
    have = _ordered([d for d in manifest.documents.values() if d.id in held])
    lacking = _ordered([d for d in manifest.catalogue.values() if d.id not in held])
    lines = [NO_ORDER, *(_line(d) for d in have)]
    others = len(held - {d.id for d in have})
    if others:
        lines.append(f"- and {others} other document{'s' if others > 1 else ''} added to the library")
    if lacking:
        lines.append("Canonical texts the library does not hold (add them with `planassist corpus fetch` or upload):")
        lines += [_line(d) for d in lacking]
    return "\n".join(lines)


__all__ = ["asks_what_to_read", "reading_list"]
