"""Issue 9 in the real browser: corpus markup stays inert, quotes are highlighted in context, lists follow
the server, plain status words; screenshots of the Ask, Library and Training tabs.

Screenshots go to the test's temporary folder, and to PLANASSIST_SCREENSHOTS when set
(`PLANASSIST_SCREENSHOTS=docs pytest tests/integration/test_browser_web.py` regenerates the README's).
"""

from __future__ import annotations

import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import remove_uploads

from assistant.constants import MAX_MINUTES, MAX_PARTICIPANTS, MAX_QUESTIONS, MIN_MINUTES, MIN_PARTICIPANTS
from assistant.index.library import add_upload
from assistant.index.retrieve import Retriever
from assistant.interfaces.web import create_app

from .live_app import browser, serving  # noqa: F401  (the shared Chromium fixture)

pytestmark = [pytest.mark.integration, pytest.mark.browser]
MARKER = "quartzline"


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
    pixel_url, _ = pixel
    hostile = (f"1. The {MARKER} liaison office coordinates early warning between the mission and the country team. "
               f"![tracking]({pixel_url}/md.png) <img src=\"{pixel_url}/html.png\"> <script>fetch('{pixel_url}/js')</script>\n")
    add_upload(r, "quartzline-note.md", hostile.encode())
    with serving(create_app(r)) as url:
        yield url, r
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


def _ask(page, question: str, timeout: int = 90000) -> None:
    """Ask in the chat and wait until the answer's sources are listed."""
    page.locator("#pa-question textarea, #pa-question input").first.fill(question)
    page.locator("#pa-ask").click()
    page.wait_for_selector(".pa-source summary", timeout=timeout)
    page.wait_for_timeout(1500)


def _open_first_source(page) -> None:
    """Unfold the first source and its passage, where the quote is highlighted."""
    page.locator(".pa-source > summary").first.click()
    page.locator(".pa-source details > summary").first.click()


def test_corpus_markup_is_inert_and_the_quote_is_highlighted(browser, site, pixel, tmp_path):  # noqa: F811
    url, _ = site
    _, hits = pixel
    page = _open(browser, url)
    _ask(page, f"What does the {MARKER} liaison office coordinate?")
    _open_first_source(page)
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
    _ask(page, "What are the priority areas of the police Joint Development Plan in Timor-Leste?")
    _open_first_source(page)
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


CHAT_GEOMETRY = """() => {
  const box = document.querySelector('#pa-chat .bubble-wrap');
  const rows = box.querySelectorAll('.user-row');
  const top = box.getBoundingClientRect().top;
  return {overflow: box.scrollHeight - box.clientHeight, question: rows[rows.length - 1].getBoundingClientRect().top - top,
          height: box.clientHeight};
}"""


def test_the_chat_shows_the_start_of_each_answer(browser, site, tmp_path):  # noqa: F811
    """Issue 9: the chat scrolled to its bottom and hid the answer's start; now the newest question sits at the top."""
    url, _ = site
    page = _open(browser, url)
    for n, question in enumerate(["What must an Integrated Strategic Framework contain?",
                                  "Who does the DSRSG/RC/HC report to?"], start=1):
        before = page.locator("#pa-sources").inner_html()
        page.locator("#pa-question textarea, #pa-question input").first.fill(question)
        page.locator("#pa-ask").click()
        page.wait_for_function("before => { const s = document.querySelector('#pa-sources');"
                               " return s.querySelector('.pa-source') && s.innerHTML !== before; }", arg=before, timeout=120000)
        page.wait_for_timeout(2000)
        _shot(page, tmp_path, f"chat-question-{n}.png")
        geometry = page.evaluate(CHAT_GEOMETRY)
        assert geometry["overflow"] > 0 or n == 1, geometry  # two answers are taller than the chat
        assert 0 <= geometry["question"] <= 80, geometry  # the question at the top, its answer below in view
    page.close()


def test_sources_cited_alike_are_told_apart(browser, site, tmp_path):  # noqa: F811
    """Issue 9: two passages of one section were listed under one identical label."""
    url, _ = site
    page = _open(browser, url)
    # cites two passages of IPI 2013's 'Integrated Strategic Planning' section (the DSRSG question cited two
    # of one section until passage vectors were pooled from sentences; now it cites one)
    _ask(page, "What must an Integrated Strategic Framework contain?", timeout=120000)
    labels = [s.split(" — ")[0].split("] ", 1)[1] for s in page.locator(".pa-source > summary").all_inner_texts()]
    assert len(labels) >= 2 and len(set(labels)) == len(labels), labels
    page.close()


def test_training_errors_are_words_not_red_badges(browser, site, tmp_path):  # noqa: F811
    """Issue 9: two red 'Error' badges sat over the quiz; a form problem is a plain status line instead."""
    url, _ = site
    page = _open(browser, url)
    page.get_by_role("tab", name="Training").click()
    page.get_by_label("Quiz topic").fill("integrated strategic framework")
    page.get_by_label(f"Questions (1–{MAX_QUESTIONS})").fill("5")
    page.get_by_role("button", name="Build quiz").click()
    page.wait_for_selector("#pa-training-preview :text('Quiz:')", timeout=120000)
    page.get_by_label(f"Questions (1–{MAX_QUESTIONS})").fill(str(MAX_QUESTIONS + 20))
    page.get_by_role("button", name="Build quiz").click()
    page.wait_for_selector(f":text('between 1 and {MAX_QUESTIONS}')", timeout=60000)
    page.locator("#pa-topic textarea, #pa-topic input").first.fill("humanitarian space")
    page.get_by_label(f"Participants ({MIN_PARTICIPANTS}–{MAX_PARTICIPANTS})").fill("2")
    page.locator("#pa-exercise").click()
    page.wait_for_selector(f":text('between {MIN_PARTICIPANTS} and {MAX_PARTICIPANTS}')", timeout=60000)
    page.wait_for_timeout(1000)
    _shot(page, tmp_path, "training-problems.png")
    badges = page.evaluate("() => [...document.querySelectorAll('.error, [class*=error]')].filter(e => e.offsetParent)"
                           ".map(e => e.textContent.trim()).filter(t => /^Error/.test(t))")
    assert badges == [], badges
    assert "Problem:" in page.locator("#pa-training-status").inner_text()
    page.close()
