"""The lexical side of the index, saved beside the Chroma store and opened in milliseconds.

A snapshot is the BM25 index over every passage plus a row table (chunk ids and the
columns that filters need: document, type, year, status, sequence), for one *generation*
of the store. The generation marker lives in the Chroma collection's metadata
(:meth:`Store.generation`), so a reader in any process — or on any machine sharing a
Chroma server — sees that the passages changed and loads (or builds) the matching
snapshot. Rows are sorted by (document, sequence), so a passage's neighbours are the rows
beside it.

Folders are ``<index_dir>/lexical/<collection>-<generation>/``, written to a temporary
name and renamed, so a reader never opens half a snapshot; the BM25 score matrix is
memory-mapped. The verbatim texts are in ``records.jsonl`` and read only when asked for.

>>> snap = LexicalSnapshot.open(store, settings)            # doctest: +SKIP
>>> snap.lexical.search("integrated strategic framework", k=3)  # doctest: +SKIP
[(412, 9.1), ...]
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from assistant.index.lexical import LexicalIndex
from assistant.index.records import MISSING, ChunkMeta, Record, search_text
from assistant.index.saved import load_or_build, snapshot_folder
from assistant.index.store import Store
from assistant.settings import Settings

ROWS = "rows.json"
RECORDS = "records.jsonl"


@dataclass
class LexicalSnapshot:
    """BM25 and the row table of one generation of the store."""

    generation: str
    ids: list[str]
    columns: dict[str, np.ndarray]
    lexical: LexicalIndex
    folder: Path | None = None
    _records: list[Record] | None = field(default=None, repr=False)
    _row: dict[str, int] | None = field(default=None, repr=False)

    @classmethod
    def build(cls, records: list[Record], generation: str) -> "LexicalSnapshot":
        """Index passages (any order) for BM25 with their document header, as the dense side embeds them."""
        records = sorted(records, key=lambda r: (r.meta.doc_id, r.meta.seq))
        lexical = LexicalIndex.build([search_text(r.text, r.meta) for r in records])
        return cls(generation, [r.id for r in records], _columns([r.meta for r in records]), lexical, _records=records)

    @classmethod
    def open(cls, store: Store, settings: Settings, generation: str | None = None) -> "LexicalSnapshot":
        """The snapshot of the store's current generation: loaded from disk if saved, else built and saved."""
        generation = generation or store.generation()
        folder = snapshot_folder(settings, store.name, generation)

        def save(snapshot: LexicalSnapshot) -> None:
            if store.generation() == generation:  # a writer changed the store while we read it: keep it in memory only
                snapshot.save(folder)

        return load_or_build(folder, lambda: cls.load(folder), lambda: cls.build(store.all_records(), generation), save)

    @classmethod
    def load(cls, folder: Path) -> "LexicalSnapshot":
        """Open a saved snapshot: the row table, and BM25 memory-mapped; texts stay on disk."""
        rows = json.loads((folder / ROWS).read_text())
        columns = {name: np.array(values, dtype=object if name in ("doc_id", "type", "status") else np.int64)
                   for name, values in rows["columns"].items()}
        return cls(rows["generation"], rows["ids"], columns, LexicalIndex.load(folder / "bm25"), folder=folder)

    def save(self, folder: Path) -> None:
        """Write under a temporary name, rename into place, then drop older generations of the same collection."""
        staged = folder.with_name(f".{folder.name}.{os.getpid()}.tmp")
        shutil.rmtree(staged, ignore_errors=True)
        staged.mkdir(parents=True)
        self.lexical.save(staged / "bm25")
        with open(staged / RECORDS, "w", encoding="utf-8") as out:
            for r in self.records:
                out.write(json.dumps([r.id, r.text, r.meta.to_chroma()], ensure_ascii=False) + "\n")
        columns = {name: values.tolist() for name, values in self.columns.items()}
        (staged / ROWS).write_text(json.dumps({"generation": self.generation, "ids": self.ids, "columns": columns}))
        try:
            os.rename(staged, folder)
        except OSError:  # another process saved the same generation first: theirs is as good
            shutil.rmtree(staged, ignore_errors=True)
        self.folder = folder
        collection = folder.name.rsplit("-", 1)[0]
        for old in folder.parent.iterdir():
            if old != folder and old.name.rsplit("-", 1)[0] == collection:
                shutil.rmtree(old, ignore_errors=True)  # a reader that mapped it keeps its open files

    @property
    def records(self) -> list[Record]:
        """Every passage with text and metadata, in row order (read from disk on first use)."""
        if self._records is None:
            assert self.folder is not None, "a snapshot is read after it is saved or opened"
            with open(self.folder / RECORDS, encoding="utf-8") as rows:
                self._records = [Record(cid, text, ChunkMeta.from_chroma(meta)) for cid, text, meta in map(json.loads, rows)]
        return self._records

    @property
    def row(self) -> dict[str, int]:
        """Chunk id -> row."""
        if self._row is None:
            self._row = {cid: i for i, cid in enumerate(self.ids)}
        return self._row

    def __len__(self) -> int:
        return len(self.ids)


def _columns(metas: list[ChunkMeta]) -> dict[str, np.ndarray]:
    return {
        "doc_id": np.array([m.doc_id for m in metas], dtype=object),
        "type": np.array([m.type for m in metas], dtype=object),
        "status": np.array([m.status for m in metas], dtype=object),
        "year": np.array([MISSING if m.year is None else m.year for m in metas], dtype=np.int64),
        "seq": np.array([m.seq for m in metas], dtype=np.int64),
    }
