"""Manifest, catalogue of canonical texts, and `corpus fetch` against a local HTTP server."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import LIBRARY, REAL_CORPUS

from assistant.corpus.manifest import describe, fetch_catalogue, load_manifest

MANIFEST = load_manifest(REAL_CORPUS)
CANONICAL = {"brahimi-2000", "iap-policy-2013", "iap-handbook-2014", "nog-2006", "impp-2006", "impp-field-2010", "capstone-2008",
             "hippo-2015", "s-res-1996-2011"}


def test_every_shipped_document_is_in_the_manifest_with_full_record():
    files = {p.name for p in (REAL_CORPUS / "documents").iterdir()}
    assert {Path(d.file).name for d in MANIFEST.documents.values()} == files
    for d in MANIFEST.documents.values():
        assert d.title and d.short and d.type and d.source and d.rights, d.id
    undated = {d.id for d in MANIFEST.documents.values() if not d.date}
    assert undated <= {"itad-integrated-delivery"}  # the blog post carries no date; none is invented


def test_canonical_texts_are_catalogued_with_their_addresses_not_content():
    assert CANONICAL <= set(MANIFEST.catalogue)
    for c in MANIFEST.catalogue.values():
        no_copy = {"impp-2006", "transitions-policy-2013"}  # internal texts with no public copy known
        assert (c.url.startswith("https://") or c.id in no_copy) and not c.file
    urls = [c.url for c in MANIFEST.catalogue.values() if c.url]
    assert len(urls) == len(set(urls))  # one address is never given for two texts
    assert MANIFEST.catalogue["iap-handbook-2014"].address.startswith("a copy outside the UN")
    assert MANIFEST.catalogue["impp-2006"].superseded_by == "iap-policy-2013"
    assert MANIFEST.catalogue["brahimi-2000"].symbol.startswith("A/55/305")


def test_symbol_inferred_from_un_file_names():
    info = describe(LIBRARY / "un-sg-reports" / "MINUSTAH_S_2004_698.pdf", MANIFEST)
    assert info.symbol == "S/2004/698" and info.short == "S/2004/698" and info.year == 2004 and info.type == "report"


class _Handler(BaseHTTPRequestHandler):
    routes: dict[str, tuple[str, bytes]] = {}

    def do_GET(self):  # noqa: N802 (http.server API)
        if self.path not in self.routes:
            self.send_error(404)
            return
        ctype, body = self.routes[self.path]
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def http_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def write_catalogue(settings, base: str) -> None:
    (settings.corpus_dir / "manifest.toml").write_text(f'''
[[catalogue]]
id = "good-pdf"
title = "A PDF"
short = "PDF"
date = "2013-04-09"
type = "policy"
url = "{base}/policy.pdf"

[[catalogue]]
id = "good-html"
title = "An HTML page"
short = "HTML"
date = "2008-01-01"
type = "guidance"
url = "{base}/page.html"

[[catalogue]]
id = "wrong-type"
title = "Returns JSON"
short = "JSON"
date = "2008-01-01"
type = "guidance"
url = "{base}/data.json"

[[catalogue]]
id = "missing"
title = "Gone"
short = "Gone"
date = "2008-01-01"
type = "guidance"
url = "{base}/gone.pdf"

[[catalogue]]
id = "offline"
title = "Unreachable"
short = "Off"
date = "2008-01-01"
type = "guidance"
url = "http://127.0.0.1:9/unreachable.pdf"
''')


def _blank_pdf() -> bytes:
    from io import BytesIO

    from pypdf import PdfWriter

    writer, out = PdfWriter(), BytesIO()
    writer.add_blank_page(width=612, height=792)
    writer.write(out)
    return out.getvalue()


def test_fetch_verifies_content_and_reports_what_it_could_not_reach(make_settings, http_server):
    pdf = _blank_pdf()  # made here: the test runs where the shared library is not on the machine too
    _Handler.routes = {
        "/policy.pdf": ("application/pdf", pdf),
        "/page.html": ("text/html", b"<html><body><p>Integrated missions guidance.</p></body></html>"),
        "/data.json": ("application/json", b'{"not": "a document"}'),
    }
    settings = make_settings()
    write_catalogue(settings, http_server)
    results = {r.id: r for r in fetch_catalogue(settings, timeout=5)}
    assert results["good-pdf"].ok and Path(results["good-pdf"].path).read_bytes() == pdf
    assert results["good-html"].ok and results["good-html"].path.endswith(".html")
    assert not results["wrong-type"].ok and "not a PDF or HTML" in results["wrong-type"].error
    assert not results["missing"].ok and "could not reach" in results["missing"].error
    assert not results["offline"].ok and "could not reach" in results["offline"].error
    assert sorted(p.name for p in (settings.corpus_dir / "fetched").iterdir()) == ["good-html.html", "good-pdf.pdf"]

    fetched = settings.corpus_dir / "fetched" / "good-pdf.pdf"
    info = describe(fetched, load_manifest(settings.corpus_dir))
    assert info.id == "good-pdf" and info.title == "A PDF"
    again = {r.id: r for r in fetch_catalogue(settings, timeout=5)}
    assert again["good-pdf"].ok and again["good-pdf"].path == str(fetched)
