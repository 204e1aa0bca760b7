"""Integration health check without a model: the bank against the real corpus text, context shaping,
ratings, summary ordering and the exports. Passages come from the real chunker on the shipped documents
(the same text and locators ingest stores); the index itself is exercised in tests/integration."""

from __future__ import annotations

import io
import json
import re

import pytest
import yaml
from conftest import REAL_CORPUS
from docx import Document

from assistant.corpus.chunking import chunk_pages
from assistant.corpus.loaders import load
from assistant.corpus.manifest import load_manifest
from assistant.index.records import ChunkMeta, Record
from assistant.products.context import load_context, parse_context
from assistant.products.export import to_docx, to_markdown
from assistant.products.healthcheck import BLANK_RATING, HUMANITARIAN_NA, MONITORING_HEADER, check_with, question_ids
from assistant.products.healthcheck_bank import load_bank
from assistant.products.healthcheck_quotes import ANALOGY, Library
from assistant.products.healthcheck_report import health_report
from assistant.products.ratings import RatingError, parse_ratings, read_ratings
from assistant.settings import PROJECT_ROOT

EXAMPLES = PROJECT_ROOT / "examples"
CARANA = load_context(EXAMPLES / "carana.yaml")
RATINGS = yaml.safe_load((EXAMPLES / "carana-ratings.yaml").read_text(encoding="utf-8"))
SPM = {"country": "Kalora", "fictional": True, "presence": "SPM", "mission": "UNSMK", "key_tasks": ["Good offices"],
       "un_entities": ["UNDP", "UNFPA"], "period": "2027-2028"}
TRANSITION = {**SPM, "presence": "transition", "mission": "UNMIK-T", "un_entities": ["UNDP"], "key_tasks": ["Police support"],
              "tensions": ["Programmatic funding ends with the drawdown"]}
ENTITY_NAMES = ["UNDP", "UNICEF", "UNHCR", "WFP", "OHCHR", "UN Women", "UNFPA", "OCHA", "IOM", "WHO", "FAO", "UNOPS", "UNODC"]


def _records() -> list[Record]:
    """Every shipped document, chunked as ingest chunks it, with the metadata the citations read."""
    manifest = load_manifest(REAL_CORPUS)
    records = []
    for info in manifest.documents.values():
        doc = load(REAL_CORPUS / "documents" / info.file)
        for c in chunk_pages(info.id, [(p.text, p.number) for p in doc.pages]):
            meta = ChunkMeta(doc_id=info.id, title=info.title, short=info.short, type=info.type, locator=c.locator, seq=c.seq)
            records.append(Record(id=c.id, text=c.text, meta=meta))
    return records


@pytest.fixture(scope="module")
def records():
    return _records()


@pytest.fixture
def library(records):
    return Library(records)


def test_bank_covers_every_stage_and_area():
    bank = load_bank()
    assert [s.name for s in bank.stages] == ["Assessment", "Planning", "Implementation", "Monitoring and review", "Transition"]
    assert len(bank.areas) == 8
    assert {q.area for q in bank.questions} == {a.key for a in bank.areas}
    assert {q.stage for q in bank.questions} == {s.key for s in bank.stages}
    assert all(q.id.startswith(bank.stage(q.stage).code) for q in bank.questions)


def test_every_anchor_of_the_bank_is_one_sentence_of_the_shipped_corpus(library):
    bank = load_bank()
    anchors = [(q.id, a) for q in bank.questions for a in q.why] + [(a.key, s) for a in bank.areas for s in a.suggestions]
    for where, anchor in anchors:
        found = library.find(anchor)
        assert found, f"{where}: {anchor.doc} has no sentence with “{anchor.find}”"
        record, sentence = found
        assert " ".join(sentence.removesuffix(" …").split()) in " ".join(record.text.split()), where
        assert len(sentence) >= 40 and sentence[0].isupper(), (where, sentence)


def test_spm_and_transition_get_different_questions():
    spm, transition = question_ids(parse_context(SPM)), question_ids(parse_context(TRANSITION))
    assert spm != transition
    assert "P8" in spm and not any(q.startswith("T") for q in spm)
    assert "P8" not in transition and {"T1", "T2", "T3", "T4"} <= set(transition)


def test_a_pko_drawing_down_gets_the_handover_questions_too():
    drawdown = question_ids(parse_context({**SPM, "presence": "PKO", "phase": "drawdown"}))
    assert {"T1", "T2", "T3"} <= set(drawdown) and "P8" not in drawdown


def test_transition_asks_about_drawdown_and_handover_of_its_own_tasks(library):
    check = check_with(library, parse_context(TRANSITION))
    text = " ".join(i.question for i in check.items)
    assert "joint transition plan" in text and "handover" in text and "(Police support)" in text


def test_no_humanitarian_response_marks_humanitarian_space_not_applicable(library):
    check = check_with(library, parse_context(SPM))
    humanitarian = [i for i in check.items if i.area == "Humanitarian space"]
    assert humanitarian and all(i.rating == "not applicable" and i.comment == HUMANITARIAN_NA for i in humanitarian)
    assert all(not i.rating for i in check.items if i.area != "Humanitarian space")
    carana = check_with(library, CARANA)
    assert all(not i.rating for i in carana.items)


def test_questions_name_only_entities_the_context_lists(library):
    check = check_with(library, parse_context(SPM))
    for item in check.items:
        named = [e for e in ENTITY_NAMES if re.search(rf"\b{re.escape(e)}\b", item.question + " " + item.evidence)]
        assert set(named) <= {"UNDP", "UNFPA"}, (item.id, named)
    assert any("UNDP and UNFPA" in i.question for i in check.items)
    assert not any("  " in i.question or "  " in i.evidence for i in check.items)


def test_tensions_are_shown_beside_their_area(library):
    check = check_with(library, parse_context(TRANSITION))
    funding = [i for i in check.items if i.area == "Funding and incentives"]
    assert funding and all("Programmatic funding ends" in i.context_note for i in funding)
    assert all(not i.context_note for i in check.items if i.area == "Joint analysis")


def test_itad_is_labelled_an_analogy_never_un_guidance(library):
    quotes = [q for i in check_with(library, CARANA).items for q in i.why]
    itad = [q for q in quotes if q.doc_id == "itad-integrated-delivery"]
    assert itad and all(q.source_type == ANALOGY for q in itad)
    assert all(q.source_type != ANALOGY for q in quotes if q.doc_id != "itad-integrated-delivery")


def test_ratings_drive_summary_and_order(library):
    check = check_with(library, CARANA, RATINGS)
    assert check.rated
    scores = [t.score for t in check.areas if t.score is not None]
    assert scores == sorted(scores) and len(scores) == 8
    assert check.areas[0].name == "Humanitarian space"  # every humanitarian question rated not in place
    assert [w.tally.name for w in check.weakest] == [t.name for t in check.areas if t.score < 1]
    first = check.weakest[0]
    assert first.suggestions and all(s.quote.quote for s in first.suggestions)
    rows = check.monitoring
    assert rows[0] == MONITORING_HEADER
    assert [r[0] for r in rows[1:]][:4] == ["A5", "P6", "I8", "M6"]
    assert all(r[3] in ("not in place", "partly") for r in rows[1:]) and rows[1][7] == "next ISF annual review (after 2028-03-14)"
    assert not {"A1", "P1", "I1"} & {r[0] for r in rows[1:]}  # rated in place
    i6 = next(i for i in check.items if i.id == "I6")
    assert i6.rating == "not in place" and "performance objectives" in i6.comment


def test_changing_one_rating_moves_the_area(library):
    better = {"date": RATINGS["date"], "ratings": dict(RATINGS["ratings"])}
    for qid in ("A5", "P6", "I8", "M6"):
        better["ratings"][qid] = "in place"
    check = check_with(library, CARANA, better)
    assert check.areas[-1].name == "Humanitarian space" and check.areas[-1].score == 1
    assert "Humanitarian space" not in [w.tally.name for w in check.weakest]


@pytest.mark.parametrize("data, message", [
    ({"ratings": {"A1": "good"}}, "A1: 'good' is not on the scale (in place, partly, not in place, not applicable)"),
    ({"ratings": {"Z9": "partly"}}, "Z9: not a question of this health check"),
    ({"ratings": {"T1": "partly"}}, "T1: not a question of this health check"),  # a transition question, Carana is a PKO
    ({"ratings": {"A1": "partly", "a1": "in place"}}, "A1: rated twice"),
    ({"ratings": {"A1": {"rating": "partly", "comment": ["list"]}}}, "A1: the comment must be text"),
    ({"ratings": {"A1": "partly"}, "date": "March"}, "date: 'March' is not a date"),
    ({"ratings": ["A1"]}, "ratings must map question numbers to ratings"),
    ({"ratings": {}, "team": "x"}, "unknown top-level field(s) team"),
])
def test_invalid_ratings_give_clear_errors(data, message):
    with pytest.raises(RatingError) as err:
        parse_ratings(data, question_ids(CARANA))
    assert message in str(err.value)


def test_every_problem_is_reported_at_once():
    with pytest.raises(RatingError) as err:
        parse_ratings({"ratings": {"A1": "good", "Q7": "partly", "P1": "fine"}}, question_ids(CARANA))
    assert all(part in str(err.value) for part in ("A1:", "Q7:", "P1:"))


def test_ratings_accept_aliases_lists_and_plain_mappings():
    ids = question_ids(CARANA)
    parsed = parse_ratings([{"id": "a1", "rating": "N/A"}, {"id": "P2", "rating": "Not-in-place", "comment": " x  y "}], ids)
    assert parsed.ratings["A1"].rating == "not applicable" and parsed.ratings["P2"].rating == "not in place"
    assert parsed.ratings["P2"].comment == "x y"
    assert parse_ratings({"A1": "Partly"}, ids).ratings["A1"].rating == "partly"
    assert parse_ratings(None, ids).ratings == {}


def test_ratings_file_errors(tmp_path):
    bad = tmp_path / "r.yaml"
    bad.write_text("ratings: {A1: [unclosed", encoding="utf-8")
    with pytest.raises(RatingError, match="cannot be parsed"):
        read_ratings(bad)
    with pytest.raises(RatingError, match="no such file"):
        read_ratings(tmp_path / "missing.yaml")
    assert parse_ratings(read_ratings(EXAMPLES / "carana-ratings.yaml"), question_ids(CARANA)).date.year == 2028


def test_blank_form_docx_has_a_card_table_per_question(library):
    check = check_with(library, CARANA)
    doc = Document(io.BytesIO(to_docx(health_report(check))))
    cards = [t for t in doc.tables if t.cell(1, 0).text == "Why it matters"]
    assert len(cards) == len(check.items) == len(question_ids(CARANA))
    first = cards[0]
    assert first.cell(0, 0).text.startswith("A1") and "[1]" in first.cell(1, 1).text
    assert [r.cells[0].text for r in first.rows][-2:] == ["Rating", "Comment"]
    assert first.cell(len(first.rows) - 2, 1).text == BLANK_RATING
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert "Summary" not in headings and headings[-1] == "Sources"


def test_rated_docx_has_summary_and_monitoring_tables(library):
    doc = Document(io.BytesIO(to_docx(health_report(check_with(library, CARANA, RATINGS)))))
    headers = [[c.text for c in t.rows[0].cells] for t in doc.tables]
    assert ["Area", "In place", "Partly", "Not in place", "Not applicable", "Not rated", "Score"] in headers
    assert MONITORING_HEADER in headers
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert {"Summary", "Weakest areas first", "Monitoring table for the ISF annual review"} <= set(headings)


def test_markdown_and_json_carry_the_same_citations(library):
    check = check_with(library, CARANA, RATINGS)
    markdown = to_markdown(health_report(check))
    numbers = {int(n) for n in re.findall(r"\[(\d+)\]", markdown.split("## Sources")[0])}
    assert numbers == set(range(1, len(check.sources) + 1))
    data = json.loads(json.dumps(check.public()))
    item = data["items"][0]
    assert {"stage", "area", "question", "why", "evidence", "rating", "comment"} <= set(item)
    assert item["why"][0]["quote"] and item["why"][0]["locator"] and item["why"][0]["label"].startswith("IPI 2013")
    assert data["summary"]["areas"][0]["name"] == "Humanitarian space" and data["monitoring"][0] == MONITORING_HEADER


def test_a_library_without_a_document_reports_it_instead_of_paraphrasing(records):
    library = Library([r for r in records if r.meta.doc_id != "itad-integrated-delivery"])
    check = check_with(library, CARANA)
    assert check.missing and all("itad-integrated-delivery" in m for m in check.missing)
    assert all(q.doc_id != "itad-integrated-delivery" for i in check.items for q in i.why)
    assert all(i.why for i in check.items)
