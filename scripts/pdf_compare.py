"""pypdf against pypdfium2 on real UN PDFs: speed, and whether citations (paragraph numbers, pages) survive.

    python scripts/pdf_compare.py                 # every 16th PDF of the 318-report library (20 files)
    python scripts/pdf_compare.py --every 4 --json

For each file, both extractors' pages go through the product's own chunker; what counts is
what a citation shows: how many chunks carry a paragraph locator, how many numbered
paragraphs are found, and whether page numbers agree. Text agreement is the word-level
overlap of the two extractions, page by page.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.corpus.chunking import chunk_pages  # noqa: E402

LIBRARY = ROOT.parent / "shared" / "library" / "un-sg-reports"
WORD = re.compile(r"\w+")


def pypdf_pages(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages]


def pdfium_pages(data: bytes) -> list[str]:
    from assistant.corpus.pdf_text import pdf_pages

    return pdf_pages(data)


def overlap(a: str, b: str) -> float:
    """Share of words (as a multiset) the two texts have in common: 1.0 is the same words."""
    from collections import Counter

    wa, wb = Counter(WORD.findall(a.lower())), Counter(WORD.findall(b.lower()))
    total = max(sum(wa.values()), sum(wb.values()))
    return sum((wa & wb).values()) / total if total else 1.0


def profile(doc_id: str, pages: list[str]) -> dict:
    """What citations would show: paragraph numbers found, and the page each numbered paragraph starts on."""
    chunks = chunk_pages(doc_id, [(t, i + 1) for i, t in enumerate(pages)])
    numbered = [c for c in chunks if c.para_start is not None]
    numbers = {n for c in numbered for n in range(c.para_start, (c.para_end or c.para_start) + 1)}
    pages: dict[int, tuple[int | None, int | None]] = {}  # paragraph -> page range of the first chunk citing it
    for c in numbered:
        for n in range(c.para_start, (c.para_end or c.para_start) + 1):
            pages.setdefault(n, (c.page_start, c.page_end or c.page_start))
    return {"chunks": len(chunks), "para_chunks": len(numbered), "paras": numbers, "starts": pages}


def start_page(pages: list[str], n: int) -> int | None:
    """The one page on which a line starts with 'n. ', if exactly one does."""
    found = [i + 1 for i, t in enumerate(pages) if re.search(rf"(?m)^\s*{n}\.\s", t)]
    return found[0] if len(found) == 1 else None


def cites(profile: dict, n: int, page: int) -> bool:
    """Whether the citation of paragraph n names a page range holding the page where it starts."""
    start, end = profile["starts"].get(n, (None, None))
    return start is not None and start <= page <= end


def compare(path: Path) -> dict:
    data = path.read_bytes()
    started = time.perf_counter()
    a = pypdf_pages(data)
    pypdf_s = time.perf_counter() - started
    started = time.perf_counter()
    b = pdfium_pages(data)
    pdfium_s = time.perf_counter() - started
    pa, pb = profile(path.stem, a), profile(path.stem, b)
    truth = {}  # page of a paragraph's first line, where both extractions agree on exactly one page
    for n in set(pa["starts"]) | set(pb["starts"]):
        page = start_page(a, n)
        if page is not None and page == start_page(b, n):
            truth[n] = page
    return {
        "file": path.name, "pages": len(a), "pages_pdfium": len(b), "pypdf_s": round(pypdf_s, 3), "pdfium_s": round(pdfium_s, 3),
        "text_overlap": round(sum(overlap(x, y) for x, y in zip(a, b, strict=False)) / max(1, len(a)), 4),
        "chunks": [pa["chunks"], pb["chunks"]], "para_chunks": [pa["para_chunks"], pb["para_chunks"]],
        "paras_found": [len(pa["paras"]), len(pb["paras"])],
        "paras_only_pypdf": sorted(pa["paras"] - pb["paras"])[:20], "paras_only_pdfium": sorted(pb["paras"] - pa["paras"])[:20],
        "checked": len(truth),
        "right_page": [sum(cites(pa, n, p) for n, p in truth.items()), sum(cites(pb, n, p) for n, p in truth.items())],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=int, default=16, help="Take every Nth PDF of the library (sorted by name).")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    files = sorted(LIBRARY.glob("*.pdf"))[:: args.every]
    rows = [compare(f) for f in files]
    total = {
        "files": len(rows), "pages": sum(r["pages"] for r in rows),
        "pypdf_s": round(sum(r["pypdf_s"] for r in rows), 2), "pdfium_s": round(sum(r["pdfium_s"] for r in rows), 2),
        "mean_text_overlap": round(sum(r["text_overlap"] for r in rows) / len(rows), 4),
        "para_chunks": [sum(r["para_chunks"][0] for r in rows), sum(r["para_chunks"][1] for r in rows)],
        "paras_found": [sum(r["paras_found"][0] for r in rows), sum(r["paras_found"][1] for r in rows)],
        "checked": sum(r["checked"] for r in rows),
        "right_page": [sum(r["right_page"][0] for r in rows), sum(r["right_page"][1] for r in rows)],
        "page_count_mismatches": sum(r["pages"] != r["pages_pdfium"] for r in rows),
    }
    if args.json:
        print(json.dumps({"total": total, "files": rows}, indent=1))
        return
    for r in rows:
        print(f"{r['file']:32} {r['pages']:3}p pypdf {r['pypdf_s']:6.2f}s pdfium {r['pdfium_s']:6.2f}s "
              f"overlap {r['text_overlap']:.3f} "
              f"para chunks {r['para_chunks']} paras {r['paras_found']} right page {r['right_page']} of {r['checked']}")
    print(json.dumps(total))


if __name__ == "__main__":
    main()
