"""The persisted lexical index: saved, reopened memory-mapped, same answers; old generations cleaned up."""

from __future__ import annotations

import numpy as np

from assistant.index.lexical_snapshot import LexicalSnapshot, snapshot_folder
from assistant.index.records import ChunkMeta, Record
from assistant.settings import Settings


def records() -> list[Record]:
    rows = [("b", 1, "The mission supports national police reform.", "current", 2012),
            ("a", 0, "The Integrated Strategic Framework sets shared objectives.", "current", 2013),
            ("b", 0, "Elections were held peacefully.", "superseded", 2012),
            ("a", 1, "Budget questions are for the Fifth Committee.", "current", 2013)]
    return [Record(f"{d}{s}", text, ChunkMeta(doc_id=d, seq=s, status=st, year=y, type="report", title=d))
            for d, s, text, st, y in rows]


def test_rows_are_sorted_by_document_and_sequence():
    snap = LexicalSnapshot.build(records(), "g1")
    assert snap.ids == ["a0", "a1", "b0", "b1"]
    assert list(snap.columns["status"]) == ["current", "current", "superseded", "current"]


def test_save_and_load_give_the_same_search(tmp_path):
    settings = Settings(index_dir=tmp_path)
    snap = LexicalSnapshot.build(records(), "g1")
    folder = snapshot_folder(settings, "coll", "g1")
    snap.save(folder)
    loaded = LexicalSnapshot.load(folder)
    assert loaded.generation == "g1" and loaded.ids == snap.ids
    assert loaded._records is None  # texts stay on disk until asked for
    assert loaded.lexical.search("integrated strategic framework", 2) == snap.lexical.search("integrated strategic framework", 2)
    assert [r.text for r in loaded.records] == [r.text for r in snap.records]
    assert np.array_equal(loaded.columns["year"], snap.columns["year"])


def test_a_new_generation_replaces_the_old_folder_of_its_collection_only(tmp_path):
    settings = Settings(index_dir=tmp_path)
    LexicalSnapshot.build(records(), "1").save(snapshot_folder(settings, "coll", "1"))
    LexicalSnapshot.build(records(), "1").save(snapshot_folder(settings, "other", "1"))
    LexicalSnapshot.build(records()[:2], "2").save(snapshot_folder(settings, "coll", "2"))
    assert sorted(p.name for p in (tmp_path / "lexical").iterdir()) == ["coll-2", "other-1"]


def test_empty_store_gives_an_empty_snapshot_that_round_trips(tmp_path):
    folder = snapshot_folder(Settings(index_dir=tmp_path), "coll", "none")
    LexicalSnapshot.build([], "none").save(folder)
    loaded = LexicalSnapshot.load(folder)
    assert len(loaded) == 0 and loaded.lexical.search("anything", 3) == []
