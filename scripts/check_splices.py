"""Sentences of an index that do not occur in their source document: quotes spliced from two places.

    .venv/bin/python scripts/check_splices.py                  # the index of PLANASSIST_INDEX_DIR (or the default)
    .venv/bin/python scripts/check_splices.py --show 20        # and the first 20 flagged sentences

Every sentence the sentence index holds must be found in its document's cleaned text (page furniture
out, footnotes apart, as ingest sees it) letter for letter (``assistant.corpus.splices.verbatim_in``:
spaces, punctuation, digits and case ignored, as cleaning repairs split words, hyphenation and
footnote marks). A sentence that is not was joined across a break from two places ("…integrated in
the coming has led UN member states…"). Prints the count of flagged sentences, all and quotable;
exits 1 when a quotable one is flagged.
"""

from __future__ import annotations

import argparse
import json
import sys

import numpy as np

from assistant.corpus.cleaning import clean_pages
from assistant.corpus.loaders import load
from assistant.corpus.splices import letters
from assistant.settings import get_settings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="print this many flagged sentences")
    args = parser.parse_args()
    snapshots = sorted((get_settings().index_dir / "lexical").glob("*/sentences"), key=lambda p: p.stat().st_mtime)
    folder = snapshots[-1]
    texts = json.loads((folder / "texts.json").read_text(encoding="utf-8"))
    rows, quotable = np.load(folder / "rows.npy"), np.load(folder / "quotable.npy")
    records = [json.loads(line) for line in (folder.parent / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    sources: dict[str, str] = {}
    flagged: list[tuple[str, bool, str]] = []
    for text, row, is_quotable in zip(texts, rows, quotable, strict=True):
        meta = records[int(row)][2]
        path = meta["source_path"]
        if path not in sources:
            cleaned = clean_pages([(p.text, p.number) for p in load(path, ocr=False).pages])
            sources[path] = letters("\n".join([t for t, _ in cleaned.pages] + ["\n"] + [n.text for n in cleaned.footnotes]))
        if letters(text) not in sources[path]:
            flagged.append((meta.get("short") or meta["doc_id"], bool(is_quotable), text))
    print(f"{folder.parent.name}: {len(texts)} sentences, {len(flagged)} not verbatim in their source, "
          f"{sum(q for _, q, _ in flagged)} of them quotable")
    for doc, is_quotable, text in flagged[:args.show]:
        print(f"- [{doc}{', quotable' if is_quotable else ''}] {text[:300]}")
    return 1 if any(q for _, q, _ in flagged) else 0


if __name__ == "__main__":
    sys.exit(main())
