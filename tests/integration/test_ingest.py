"""Incremental, crash-safe ingest on real documents with the real model and real Chroma."""

from __future__ import annotations

import shutil

import pytest
from conftest import REAL_CORPUS

from assistant.index.embeddings import encoder_for
from assistant.index.ingest import ingest
from assistant.index.store import Store

pytestmark = pytest.mark.integration
RES = "ga-res-80-11-peacebuilding-architecture-review-2025.md"
BLOG = "itad-integrated-delivery-blog.txt"


def open_store(settings) -> Store:
    return Store.open(settings, encoder_for(settings))


def seed(settings, *names):
    for name in names:
        shutil.copy(REAL_CORPUS / "documents" / name, settings.corpus_dir / "documents" / name)


def all_ids(store):
    return store.ids()


def test_unchanged_corpus_embeds_nothing_changed_and_removed_documents_follow(make_settings):
    settings = make_settings()
    seed(settings, RES, BLOG)
    store = open_store(settings)
    first = ingest(settings=settings, store=store)
    assert first.documents == 2 and first.embedded == first.chunks == store.count() > 0 and not first.failed

    again = ingest(settings=settings, store=store)
    assert again.embedded == 0 and again.skipped_unchanged == 2 and again.chunks == first.chunks

    path = settings.corpus_dir / "documents" / BLOG
    path.write_text(path.read_text() + "\n\nA closing paragraph added by the editors on joint planning.\n")
    changed = ingest(settings=settings, store=store)
    assert changed.skipped_unchanged == 1 and 0 < changed.embedded <= 2
    assert any("added by the editors" in r.text for r in store.all_records())
    assert len(set(all_ids(store))) == store.count()

    path.unlink()
    removed = ingest(settings=settings, store=store)
    assert removed.removed == 1
    assert {r.meta.source_path.rsplit("/", 1)[-1] for r in store.all_records()} == {RES}


def test_interrupted_ingest_leaves_no_duplicates_or_orphans(make_settings, monkeypatch):
    settings = make_settings()
    seed(settings, RES)
    store = open_store(settings)
    clean = make_settings(index_dir=settings.index_dir.parent / "clean", collection="clean")
    expected = ingest(settings=clean, store=open_store(clean))

    calls = {"n": 0}
    real_add = Store.add

    def dying_add(self, texts, metadatas, ids, vectors):
        calls["n"] += 1
        if calls["n"] == 1:
            real_add(self, texts[:10], metadatas[:10], ids[:10], vectors[:10])
            raise KeyboardInterrupt("killed midway")
        real_add(self, texts, metadatas, ids, vectors)

    monkeypatch.setattr(Store, "add", dying_add)
    with pytest.raises(KeyboardInterrupt):
        ingest(settings=settings, store=store)
    assert store.count() == 10

    resumed = ingest(settings=settings, store=store)
    assert resumed.embedded == expected.chunks - 10
    assert sorted(all_ids(store)) == sorted(all_ids(open_store(clean)))


def test_bad_files_fail_alone_and_the_rest_ingests(make_settings, tmp_path):
    settings = make_settings()
    seed(settings, RES)
    docs = settings.corpus_dir / "documents"
    (docs / "empty.md").write_bytes(b"")
    (docs / "latin1.txt").write_bytes("Planification intégrée".encode("latin-1"))
    (docs / "renamed.pdf").write_text("not a pdf")
    report = ingest(settings=settings, store=open_store(settings))
    assert report.documents == 4 and len(report.failed) == 3
    assert {f.error.split(":")[0] for f in report.failed} == {"empty.md", "latin1.txt", "renamed.pdf"}
    assert report.chunks > 0


def test_missing_path_is_reported(make_settings, tmp_path):
    settings = make_settings()
    report = ingest([tmp_path / "nope.pdf"], settings=settings, store=open_store(settings))
    assert report.failed and "no such file" in report.failed[0].error
