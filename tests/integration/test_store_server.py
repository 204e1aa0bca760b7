"""Server mode: the same ingest and search code against a real `chroma run` on 127.0.0.1."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REAL_CORPUS

from assistant.index.ingest import ingest
from assistant.index.retrieve import Retriever

pytestmark = pytest.mark.integration
CHROMA = Path(sys.executable).with_name("chroma")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def chroma_server(tmp_path):
    port = free_port()
    log = open(tmp_path / "chroma.log", "w")
    proc = subprocess.Popen([str(CHROMA), "run", "--path", str(tmp_path / "server-db"), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            assert proc.poll() is None, (tmp_path / "chroma.log").read_text()
            time.sleep(0.2)
    else:
        pytest.fail("chroma run did not start")
    yield port
    proc.terminate()
    proc.wait(10)


def test_ingest_and_search_through_chroma_server(make_settings, chroma_server):
    settings = make_settings(chroma_host="127.0.0.1", chroma_port=chroma_server)
    shutil.copy(REAL_CORPUS / "documents" / "sg-report-unmit-s-2012-765.md", settings.corpus_dir / "documents")
    retriever = Retriever.open(settings)
    report = ingest(settings=settings, store=retriever.store)
    assert report.embedded == report.chunks > 50 and not report.failed
    assert not (settings.index_dir / "chroma").exists(), "server mode must not write a local store"
    # plumbing, not ranking quality (evals/ measure that): a question para. 24 plainly answers
    hits = retriever.search("Which five priority areas of the Joint Development Plan did UNMIT police support focus on?", k=5)
    assert any(h.locator == "para. 24" for h in hits)
    assert ingest(settings=settings, store=retriever.store).embedded == 0


def test_a_reader_on_another_machine_sees_an_ingest_through_the_server_marker(make_settings, chroma_server, tmp_path,
                                                                             monkeypatch):
    """Two app machines share one Chroma server but not their index folders: the generation marker in the
    collection metadata is all the reader has, and it must bring BM25 and the sentence index up to date,
    with the sentence vectors the writer put on the server (none embedded again)."""
    writer = make_settings(chroma_host="127.0.0.1", chroma_port=chroma_server)
    reader_settings = writer.model_copy(update={"index_dir": tmp_path / "other-machine"})
    shutil.copy(REAL_CORPUS / "documents" / "sg-report-unmit-s-2012-765.md", writer.corpus_dir / "documents")
    ingest(settings=writer)
    reader = Retriever.open(reader_settings)
    query = "Itad integrated delivery framework HMG"
    assert all(h.doc_id != "itad-integrated-delivery" for h in reader.search(query, k=5, mode="lexical"))

    shutil.copy(REAL_CORPUS / "documents" / "itad-integrated-delivery-blog.txt", writer.corpus_dir / "documents")
    ingest(settings=writer)
    assert reader.search(query, k=5, mode="lexical")[0].doc_id == "itad-integrated-delivery"
    encoded: list[str] = []  # the reader embeds no sentence: the writer's vectors come from the server
    engine = reader.encoder.engine("query")
    original = engine.encode
    monkeypatch.setattr(engine, "encode", lambda texts, batch_size=16: encoded.extend(texts) or original(texts, batch_size))
    rows = {reader.records[int(r)].meta.doc_id for r in reader.sentences.rows}
    assert "itad-integrated-delivery" in rows
    assert encoded == [] and reader.sentences.vectors[reader.sentences.quotable].any(axis=1).all()
    assert not (reader_settings.index_dir / "chroma").exists()
