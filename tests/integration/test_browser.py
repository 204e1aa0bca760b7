"""The real page in headless Chromium: ask a question and see cited sources; draft; health check; upload and find a document.

The browser comes from Debian's chromium package (see live_app.py: skipped with the reason when
it cannot be installed, except under CI=true).
"""

from __future__ import annotations

import io
import shutil

import pytest
from conftest import remove_uploads
from docx import Document

from assistant.interfaces.web import create_app
from assistant.settings import PROJECT_ROOT

from .live_app import browser, serving  # noqa: F401  (the shared Chromium fixture)

pytestmark = [pytest.mark.integration, pytest.mark.browser]


@pytest.fixture(scope="module")
def server(retriever, tmp_path_factory):
    from assistant.index.retrieve import Retriever

    uploads = tmp_path_factory.mktemp("browser-uploads")
    settings = retriever.settings.model_copy(update={"uploads_dir": uploads})
    r = Retriever(settings, retriever.store, retriever.encoder, retriever.glossary)
    with serving(create_app(r)) as url:
        yield url
    remove_uploads(r)


def test_ask_shows_answer_with_located_sources(browser, server, tmp_path):  # noqa: F811
    page = browser.new_page()
    page.goto(server, wait_until="load")
    page.wait_for_selector("#pa-question", timeout=60000)
    page.locator("#pa-question textarea, #pa-question input").first.fill(
        "What are the priority areas of the police Joint Development Plan in Timor-Leste?")
    page.locator("#pa-ask").click()
    page.wait_for_selector(".pa-source summary", timeout=60000)
    page.screenshot(path=str(tmp_path / "ask.png"), full_page=True)
    summaries = page.locator(".pa-source > summary").all_inner_texts()
    assert summaries and any("para." in s for s in summaries), summaries
    chat = page.locator("#pa-chat").inner_text()
    assert "[1]" in chat and "legislation, training, administration" in chat
    page.locator(".pa-source > summary").first.click()
    assert page.locator(".pa-source blockquote").first.is_visible()
    page.close()


def test_an_empty_question_says_what_to_do(browser, server):  # noqa: F811
    page = browser.new_page()
    page.goto(server, wait_until="load")
    page.wait_for_selector("#pa-question", timeout=60000)
    page.locator("#pa-ask").click()
    page.wait_for_selector(".pa-empty", timeout=30000)
    assert "Type a question first" in page.locator("#pa-sources").inner_text()
    page.close()


def _draft_tab_with_carana(browser, server):  # noqa: F811
    """A new page on the Draft tab with the Carana example loaded into the form."""
    page = browser.new_page()
    page.goto(server, wait_until="load")
    page.wait_for_selector("#pa-question", timeout=60000)
    page.get_by_role("tab", name="Draft").click()
    page.get_by_role("button", name="Load the Carana example").click()
    page.wait_for_function("document.querySelector('#pa-country textarea, #pa-country input').value === 'Carana'")
    return page


def test_draft_tab_builds_a_cited_draft(browser, server, tmp_path):  # noqa: F811
    page = _draft_tab_with_carana(browser, server)
    page.locator("#pa-draft").click()
    page.wait_for_selector("#pa-draft-preview table", timeout=120000)
    page.screenshot(path=str(tmp_path / "draft.png"), full_page=True)
    preview = page.locator("#pa-draft-preview").inner_text()
    assert "5. Results matrix" in preview and "Sources" in preview and "[1]" in preview
    page.close()


def test_draft_tab_takes_a_request_in_words(browser, server):  # noqa: F811
    page = _draft_tab_with_carana(browser, server)
    page.locator("#pa-draft-request textarea").fill("Build a results matrix for the ISF priority 'Extension of State "
                                                   "authority' with 3 indicators, baselines and targets.")
    page.locator("#pa-draft").click()
    page.wait_for_selector("#pa-draft-preview table", timeout=120000)
    preview = page.locator("#pa-draft-preview").inner_text()
    assert "Your request" in preview and "5. Results matrix" in preview and "7. Coordination" not in preview
    assert "Extension of State authority" in preview and "Baseline" in preview
    page.close()


def test_healthcheck_tab_blank_form_then_rated_report(browser, server, tmp_path):  # noqa: F811
    page = browser.new_page()
    page.goto(server, wait_until="load")
    page.wait_for_selector("#pa-question", timeout=60000)
    page.get_by_role("tab", name="Health check").click()
    page.locator("#pa-hc-example").click()
    page.wait_for_function("document.querySelector('#pa-hc-context textarea').value.includes('UNMICA')")
    page.locator("#pa-hc-blank").click()
    page.wait_for_selector("#pa-hc-preview table", timeout=120000)
    preview = page.locator("#pa-hc-preview").inner_text()
    assert "A1 · Joint analysis" in preview and "Why it matters" in preview and "Sources" in preview
    assert "Weakest areas first" not in preview
    assert "Done: Blank form: 31 questions" in page.locator("#pa-hc-status").inner_text()
    page.locator("#pa-hc-ratings input[type=file]").set_input_files(str(PROJECT_ROOT / "examples" / "carana-ratings.yaml"))
    page.wait_for_timeout(1000)
    page.locator("#pa-hc-rate").click()
    page.wait_for_selector("#pa-hc-preview :text('Weakest areas first')", timeout=120000)
    page.screenshot(path=str(tmp_path / "healthcheck.png"), full_page=True)
    preview = page.locator("#pa-hc-preview").inner_text()
    assert "Monitoring table for the ISF annual review" in preview and "Humanitarian space — 0 %" in preview
    assert "Done: Rated report" in page.locator("#pa-hc-status").inner_text()
    page.locator("#pa-hc-context textarea").fill("country: Carana\npresence: PKO\n")
    page.locator("#pa-hc-blank").click()
    page.wait_for_selector("#pa-hc-status :text('mission')", timeout=60000)
    assert "Problem:" in page.locator("#pa-hc-status").inner_text()
    page.close()


def test_upload_appears_in_library(browser, server, tmp_path):  # noqa: F811
    d = Document()
    d.add_paragraph("Terms of reference of the joint mission–UNCT transition cell: it tracks handover benchmarks weekly.")
    path = tmp_path / "transition-cell-tor.docx"
    buf = io.BytesIO()
    d.save(buf)
    path.write_bytes(buf.getvalue())
    page = browser.new_page()
    page.goto(server, wait_until="load")
    page.wait_for_selector("#pa-question", timeout=60000)
    page.get_by_role("tab", name="Library").click()
    page.locator("#pa-upload input[type=file]").set_input_files(str(path))
    page.wait_for_timeout(1000)
    page.locator("#pa-add").click()
    page.wait_for_selector("#pa-upload-status :text('Added')", timeout=60000)
    page.screenshot(path=str(tmp_path / "library.png"), full_page=True)
    assert "transition-cell-tor" in page.locator("#pa-library").inner_text()
    page.close()
    shutil.rmtree(tmp_path, ignore_errors=True)
