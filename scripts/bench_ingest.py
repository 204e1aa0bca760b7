"""Ingest time against raw encoding time on the same chunks, for whichever checkout is on PYTHONPATH.

    PYTHONPATH=. python scripts/bench_ingest.py --every 16          # this tree, every 16th library PDF
    PYTHONPATH=/tmp/old python scripts/bench_ingest.py --every 16   # an older checkout, same files

Prints one JSON line. The model is loaded (one warm-up batch) before either clock starts;
ingest runs into a fresh temporary index; then the chunks it stored are encoded again,
alone, with the same encoder, and so are the quotable sentences the sentence-level index
embeds (where the checkout has one; where passage vectors are pooled from sentences, the unique
sentences and header lines, once): ``overhead`` is what loading, parsing, chunking, Chroma
writes and bookkeeping add to pure encoding of both. Written to run against older checkouts too,
so it uses only the API they share.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from assistant.index.embeddings import get_encoder
from assistant.index.ingest import ingest
from assistant.index.store import Store
from assistant.settings import PROJECT_ROOT, get_settings

LIBRARY = Path(__file__).resolve().parent.parent.parent / "shared" / "library" / "un-sg-reports"


def header_text(record) -> str:
    """The text ingest embeds for a stored passage (document header + passage), in either checkout's types."""
    try:
        from assistant.index.records import search_text
    except ImportError:  # older checkout: metadata is a dict and search_text lives in the store module
        from assistant.index.store import search_text
    return search_text(record.text, record.meta)


def sentence_texts(records) -> tuple[list[str], int]:
    """What the sentence-level index embeds for these passages, and its batch size; none in an older checkout."""
    try:
        from assistant.index.sentences import ENCODE_BATCH, passage_sentences, quotable
    except ImportError:
        return [], 0
    records = sorted(records, key=lambda r: (r.meta.doc_id, r.meta.seq))
    return list(dict.fromkeys(s for r in records for s in passage_sentences(r.text) if quotable(s))), ENCODE_BATCH


def encoding_work(records) -> tuple[list[str], list[str], int]:
    """Passage texts, sentence texts and the sentence batch size a checkout embeds for these passages.

    Where passage vectors are pooled from sentences (assistant.index.pooling), ingest embeds each unique
    piece (header line or sentence) once and nothing else: those are the "passages", with no sentence pass.
    """
    try:
        from assistant.index.pooling import pieces
    except ImportError:
        return [header_text(r) for r in records], *sentence_texts(records)
    return list(dict.fromkeys(p for r in records for p in pieces(r.text, r.meta))), [], 0


def sentence_encoder(encoder):
    """The engine the sentence index encodes with: the query engine where the checkout has one."""
    try:
        return encoder.engine("query")
    except AttributeError:
        return encoder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=int, default=16, help="Every Nth PDF of the library, sorted by name.")
    parser.add_argument("--encode-every", type=int, default=1,
                        help="Time encoding on every Nth stored passage and sentence only, scaled up by N.")
    args = parser.parse_args()
    files = sorted(LIBRARY.glob("*.pdf"))[:: args.every]
    with tempfile.TemporaryDirectory() as tmp:
        settings = get_settings().model_copy(update={"index_dir": Path(tmp), "uploads_dir": Path(tmp) / "u"})
        encoder = get_encoder(settings.embedding_model, settings.device, settings.embedding_batch_size)
        encoder.encode(["a warm-up batch of sixteen short passages"] * 16)
        store = Store.open(settings, encoder)
        started = time.perf_counter()
        report = ingest(files, settings=settings, store=store)
        ingest_s = time.perf_counter() - started
        records = store.all_records()
        passages, sentences, batch = encoding_work(records)
        started = time.perf_counter()
        encoder.encode(passages[:: args.encode_every])
        passages_s = time.perf_counter() - started
        passages_s *= args.encode_every
        started = time.perf_counter()
        if sentences:
            sentence_encoder(encoder).encode(sentences[:: args.encode_every], batch_size=batch)
        sentences_s = (time.perf_counter() - started) * args.encode_every
        encode_s = passages_s + sentences_s
    print(json.dumps({
        "tree": str(PROJECT_ROOT), "files": len(files), "failed": len(report.failed), "chunks": report.chunks,
        "embedded": report.embedded, "pieces": len(passages), "sentences": len(sentences), "ingest_s": round(ingest_s, 1),
        "encode_passages_s": round(passages_s, 1), "encode_sentences_s": round(sentences_s, 1),
        "encode_s": round(encode_s, 1),
        "overhead_pct": round(100 * (ingest_s - encode_s) / ingest_s, 1),
    }))


if __name__ == "__main__":
    main()
