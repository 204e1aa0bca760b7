"""One bad file never stops an ingest; links never lead out of the folder (issue 9)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from contextlib import contextmanager

import badfiles
import pytest
from conftest import cli_env

from assistant.index.ingest import ingest
from assistant.index.library import list_documents
from assistant.index.retrieve import Retriever

pytestmark = pytest.mark.integration


def _hostile_folder(folder):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a-good.md").write_text("1. The integrated assessment is led jointly by the mission and the UNCT.\n")
    (folder / "b-pdf-bomb.pdf").write_bytes(badfiles.pdf_bomb(120))
    (folder / "c-docx-bomb.docx").write_bytes(badfiles.docx_bomb(250))
    (folder / "d-laughs.docx").write_bytes(badfiles.docx_billion_laughs())
    (folder / "e-locked.pdf").write_bytes(badfiles.pdf_encrypted())
    (folder / "f-good.md").write_text("1. The transition calendar is reviewed each quarter by the senior leadership.\n")


def test_bombs_and_locked_files_fail_alone(make_settings):
    settings = make_settings()
    _hostile_folder(settings.corpus_dir / "documents")
    r = Retriever.open(settings)
    before = r.store.generation()
    report = ingest(settings=settings, store=r.store)
    failed = {f.error.split(":")[0]: f.error for f in report.failed}
    assert set(failed) == {"b-pdf-bomb.pdf", "c-docx-bomb.docx", "d-laughs.docx", "e-locked.pdf"}, failed
    assert all("\n" not in e and "Traceback" not in e for e in failed.values())
    assert "encrypted" in failed["e-locked.pdf"]
    assert {"a-good", "f-good"} <= set(report.doc_ids)
    assert r.store.generation() != before  # readers are told, though some files failed


def test_cli_ingest_exit_code_says_partial(make_settings, tmp_path):
    settings = make_settings()
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.md").write_text("1. Joint analysis precedes the integrated strategic framework.\n")
    (folder / "locked.pdf").write_bytes(badfiles.pdf_encrypted())
    done = subprocess.run([sys.executable, "-m", "assistant", "ingest", str(folder), "--json"], env=cli_env(settings),
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 3, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert len(report["failed"]) == 1 and "Traceback" not in done.stderr


def test_links_out_of_the_folder_are_not_followed(make_settings, tmp_path):
    settings = make_settings()
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("root:x:0:0:the password file of the server")
    docs = settings.corpus_dir / "documents"
    (docs / "note.md").write_text("1. The mission concept sets the strategic objectives.\n")
    (docs / "passwd.txt").symlink_to(secret)
    (docs / "inside.md").symlink_to(docs / "note.md")
    r = Retriever.open(settings)
    report = ingest(settings=settings, store=r.store)
    assert any("passwd.txt" in f.error and "outside" in f.error for f in report.failed)
    assert not any("password file" in rec.text for rec in r.store.all_records())

    (docs / "inside.md").unlink()  # removing a link removes its document
    ingest(settings=settings, store=r.store)
    r.refresh(force=True)
    assert "inside" not in {d.id for d in list_documents(r)}


@contextmanager
def read_only(folder):
    """The folder made read-only: a read-only bind mount as root (root ignores file modes), else chmod."""
    if os.geteuid() != 0:
        for p in [folder, *folder.rglob("*")]:
            p.chmod(p.stat().st_mode & ~0o222)
        yield folder
        return
    view = folder.parent / f"{folder.name}-ro"
    view.mkdir()
    if subprocess.run(["mount", "--bind", str(folder), str(view)], capture_output=True).returncode != 0:
        pytest.skip("cannot bind-mount here to make a read-only folder")
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(view)], check=True, capture_output=True)
        yield view
    finally:
        subprocess.run(["umount", "-l", str(view)], check=False)  # lazy: the snapshot stays mapped until exit


def test_read_only_index_serves_search_and_answers(make_settings):
    from assistant.answering.answer import answer_question
    from assistant.errors import IndexWriteError

    settings = make_settings()
    (settings.corpus_dir / "documents" / "note.md").write_text(
        "1. The integrated assessment and planning policy requires a shared analysis of the conflict.\n")
    ingest(settings=settings, store=Retriever.open(settings).store)
    with read_only(settings.index_dir) as folder:
        frozen = settings.model_copy(update={"index_dir": folder})
        r = Retriever.open(frozen)
        r.refresh(force=True)
        assert r.search("shared analysis of the conflict", k=1)[0].doc_id == "note"
        assert not answer_question("What does the integrated assessment and planning policy require?", r).abstained
        with pytest.raises(IndexWriteError, match="cannot be written"):
            ingest(settings=frozen, store=r.store)
