"""Issue 9 in the real browser: corpus markup stays inert, quotes are highlighted in context, lists follow
the server, plain status words; screenshots of the Ask, Library and Training tabs.

Screenshots go to the test's temporary folder, and to PLANASSIST_SCREENSHOTS when set
(`PLANASSIST_SCREENSHOTS=docs pytest tests/integration/test_browser_web.py` regenerates the README's).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import uvicorn
from conftest import remove_uploads

from assistant.constants import MAX_MINUTES, MIN_MINUTES
from assistant.index.library import add_upload
from assistant.index.retrieve import Retriever
from assistant.interfaces.web import create_app

from .test_browser import browser  # noqa: F401  (the module's Chromium fixture)

pytestmark = [pytest.mark.integration, pytest.mark.browser]
MARKER = "quartzline"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def pixel():
    """A web server that counts what the browser fetches from it (it should fetch nothing)."""
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            hits.append(self.path)
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()


@pytest.fixture(scope="module")
def site(retriever, tmp_path_factory, pixel):
    uploads = tmp_path_factory.mktemp("browser-web-uploads")
    settings = retriever.settings.model_copy(update={"uploads_dir": uploads})
    r = Retriever(settings, retriever.store, retriever.encoder, retriever.glossary)
    url, _ = pixel
    hostile = (f"1. The {MARKER} liaison office coordinates early warning between the mission and the country team. "
               f"![tracking]({url}/md.png) <img src=\"{url}/html.png\"> <script>fetch('{url}/js')</script>\n")
    add_upload(r, "quartzline-note.md", hostile.encode())
    port = _port()
    srv = uvicorn.Server(uvicorn.Config(create_app(r), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 60
    while not srv.started and time.time() < deadline:
        time.sleep(0.1)
    yield f"http://127.0.0.1:{port}", r
    srv.should_exit = True
    thread.join(10)
    remove_uploads(r)


def _shot(page, tmp_path: Path, name: str) -> None:
    page.screenshot(path=str(tmp_path / name), full_page=True)
    target = os.environ.get("PLANASSIST_SCREENSHOTS")
    if target:
        page.screenshot(path=str(Path(target) / name), full_page=False)


def _open(browser, url):  # noqa: F811
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(url, wait_until="load")
    page.wait_for_selector("#pa-question", timeout=60000)
    return page


def test_corpus_markup_is_inert_and_the_quote_is_highlighted(browser, site, pixel, tmp_path):  # noqa: F811
    url, _ = site
    _, hits = pixel
    page = _open(browser, url)
    page.locator("#pa-question textarea, #pa-question input").first.fill(
        f"What does the {MARKER} liaison office coordinate?")
    page.locator("#pa-ask").click()
    page.wait_for_selector(".pa-source summary", timeout=90000)
    page.wait_for_timeout(1500)
    page.locator(".pa-source > summary").first.click()
    page.locator(".pa-source details > summary").first.click()
    assert page.locator("mark.pa-quote").count() >= 1
    assert "early warning" in page.locator("mark.pa-quote").first.inner_text()
    srcs = page.eval_on_selector_all("img", "els => els.map(e => e.src)")
    assert not [s for s in srcs if "127.0.0.1" in s and "/md.png" in s or "/html.png" in s], srcs
    page.wait_for_timeout(1000)
    assert hits == [], hits  # the browser fetched nothing named in corpus text
    assert page.locator("#pa-chat img[src*='127.0.0.1'], #pa-sources img").count() == 0  # never rendered as markup
    page.close()


def test_lists_follow_the_server_and_status_words_render(browser, site, tmp_path):  # noqa: F811
    url, r = site
    page = _open(browser, url)
    add_upload(r, "added-after-load.md", b"1. A note added by another user after the page was opened.\n")
    page.reload(wait_until="load")
    page.wait_for_selector("#pa-question", timeout=60000)
    assert "Library status" in page.locator("#pa-library-notice").inner_text()
    page.locator("#pa-question textarea, #pa-question input").first.fill(
        "What are the priority areas of the police Joint Development Plan in Timor-Leste?")
    page.locator("#pa-ask").click()
    page.wait_for_selector(".pa-source summary", timeout=90000)
    page.wait_for_timeout(1500)
    page.locator(".pa-source > summary").first.click()
    page.locator(".pa-source details > summary").first.click()
    assert page.locator("#pa-sources mark.pa-quote").count() >= 1
    page.locator("#pa-chat").scroll_into_view_if_needed()
    _shot(page, tmp_path, "screenshot-ask.png")
    page.get_by_role("tab", name="Library").click()
    page.wait_for_timeout(1500)
    assert "upload-added-after-load" in page.locator("#pa-library").inner_text()
    exe = tmp_path / "tool.exe"
    exe.write_bytes(b"MZ\x90\x00 not a document")
    page.locator("#pa-upload input[type=file]").set_input_files(str(exe))
    page.wait_for_timeout(1000)
    page.locator("#pa-add").click()
    page.wait_for_selector("#pa-upload-status :text('unsupported file type')", timeout=60000)
    assert "Problem:" in page.locator("#pa-upload-status").inner_text()
    _shot(page, tmp_path, "screenshot-library.png")
    page.get_by_role("tab", name="Training").click()
    page.wait_for_timeout(1000)
    _shot(page, tmp_path, "screenshot-training.png")
    page.close()


def test_out_of_range_minutes_get_a_plain_message(browser, site, tmp_path, caplog):  # noqa: F811
    url, _ = site
    page = _open(browser, url)
    page.get_by_role("tab", name="Training").click()
    page.locator("#pa-topic textarea, #pa-topic input").first.fill("humanitarian space")
    minutes = page.get_by_label(f"Minutes ({MIN_MINUTES}–{MAX_MINUTES})")
    minutes.fill("20")
    page.locator("#pa-exercise").click()
    page.wait_for_selector(f":text('between {MIN_MINUTES} and {MAX_MINUTES}')", timeout=60000)
    assert "Traceback" not in caplog.text
    page.close()
