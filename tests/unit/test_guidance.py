"""Guidance that is guidance: the requirement test reads the main clause, quoted policy must be said to state something,
and a chooser keeps to a section's subject and to what applies to this kind of presence (fake encoder, no model)."""

from __future__ import annotations

import re
from types import SimpleNamespace

import numpy as np

from assistant.citation import CitationBook
from assistant.corpus.glossary import Glossary
from assistant.index.retrieve import Hit
from assistant.products.guidance import Chooser, split_label
from assistant.products.statements import guidance_statement, is_normative, practice_statement, quotable
from tests.fakes import FakeEncoder


def _hit(text: str, n: int = 1, kind: str = "analysis") -> Hit:
    return Hit(rank=n, chunk_id=f"c{n}", doc_id="ipi", title="Driving the System Apart", locator=f"p. {n}", score=1.0,
               text=text, short="IPI 2013", similarity=0.9, type=kind)


class _Retriever:
    """Returns the same passages for every query: the chooser's own filters decide."""

    def __init__(self, texts: list[str], notes: dict[str, str] | None = None, before: tuple[str, str] | None = None):
        self.hits = [_hit(t, n) for n, t in enumerate(texts, 1)]
        self.encoder = FakeEncoder()
        self.glossary = Glossary([])
        # footnote units cited by the first passage ({label: text}); a sentence and the one before it in its document
        self.records = [SimpleNamespace(text=t, meta=SimpleNamespace(kind="footnote", cited_by="c1", footnote=n))
                        for n, t in (notes or {}).items()]
        texts_in_order = list(before or ())
        self.sentences = SimpleNamespace(texts=texts_in_order, rows=[9] * len(texts_in_order), vectors=np.zeros((2, 4)),
                                         with_predecessors=lambda i: list(range(i + 1)) if before else [i])

    def hit_for_row(self, row, rank, vector):
        return _hit(self.sentences.texts[0], row)  # the passage before the first one (another passage)

    def search(self, query, k=10, filters=None):
        return self.hits[:k]


def test_a_conceded_requirement_is_not_what_the_sentence_asks_for():
    assert not is_normative("While flexibility will always be required, more formal guidance may allow a clearer "
                            "division of labour from the outset.")
    assert is_normative("Although budgets differ, the mission and the country team should agree one set of priorities.")
    assert is_normative("The integrated strategic framework must be reviewed every year.")


def test_a_sentence_opening_on_what_came_before_is_not_quotable():
    assert not quotable("Nonetheless, the guidelines for the planning process were formally approved by the "
                         "Secretary-General in 2006.")
    assert quotable("The guidelines for the planning process were formally approved by the Secretary-General in 2006.")


def test_quoted_policy_counts_only_where_the_policy_is_said_to_state_something():
    history = ('In their initial forms, the Integrated Mission Planning Process (IMPP) faced strong opposition from '
               'agencies, largely because "planning is tightly controlled in every UN agency."')
    stated = 'A further "Note of Guidance" in 2006 specified that the DSRSG reports primarily to the SRSG.'
    assert guidance_statement(history, _hit(history)) is None
    statement = guidance_statement(stated, _hit(stated))
    assert statement is not None and statement.label == "Note of Guidance 2006, as quoted in IPI 2013"


SENTENCES = [
    "The mission and the country team should agree joint coordination mechanisms for the transition.",
    "The mission and the country team should agree a joint analysis of the drivers of conflict.",
    "Troop-contributing countries should agree the coordination of the force with the mission early.",
]


def test_a_subject_keeps_guidance_to_sentences_using_its_words():
    chooser = Chooser(_Retriever(SENTENCES), CitationBook())
    chooser._rank = lambda question, context, candidates, limit, weight, kind: candidates[:limit]  # order is not tested
    found = chooser.guidance("coordination", "", 3, subject=re.compile(r"coordinat", re.I))
    assert [split_label(f)[0] for f in found] == [SENTENCES[0], SENTENCES[2]]


def test_statements_that_do_not_apply_to_this_presence_are_left_out_unless_they_also_speak_of_it():
    excluded, prefer = re.compile(r"\btroop", re.I), re.compile(r"political mission", re.I)
    chooser = Chooser(_Retriever(SENTENCES), CitationBook(), exclude=excluded, prefer=prefer)
    chooser._rank = lambda question, context, candidates, limit, weight, kind: candidates[:limit]
    assert all("Troop" not in f for f in chooser.guidance("coordination", "", 3))
    assert chooser._applies("Troop contributors and the political mission should plan together.")


def test_headquarters_reporting_and_pointers_to_other_resolutions_are_not_a_sections_requirement():
    drop = ["Requests the Peacebuilding Support Office to provide annual updates, within existing modalities, on progress "
            "in advancing partnership with international financial institutions.",
            "Encourages the Peacebuilding Commission to maintain a regular and strategic dialogue with the Peacebuilding Fund.",
            "Calls for the full implementation of relevant resolutions on financing for peacebuilding."]
    keep = ["Requests the Secretary-General to report every six months on progress against the mission's benchmarks.",
            "Encourages the Secretary-General to consider how the Peacebuilding Fund can further enhance its support to "
            "countries undergoing transitions from peace operations."]
    assert [guidance_statement(s, _hit(s, kind="resolution")) for s in drop] == [None, None, None]
    assert all(guidance_statement(s, _hit(s, kind="resolution")) for s in keep)


def test_a_flattened_benchmark_table_row_is_not_practice():
    row = ("Reference: Sustainable Development Goals 5 and 16; 2017–2021 United Nations Development Assistance Framework, "
           "outcome 5 (output 1) Indicators 4.1 National authorities improve compliance with human rights obligations.")
    told = "During the period under review, benchmark indicator 5.1 was fully achieved, with 18 courts inspected."
    assert practice_statement(row, _hit(row, kind="report")) is None
    assert practice_statement(told, _hit(told, kind="report")) is not None


def test_policy_words_an_analysis_quotes_are_labelled_from_the_footnote_it_cites():
    text = ('The purpose of the framework was to reflect "a shared vision of the UN\'s strategic objectives."¹⁶ '
            "The framework was thus designed to capture the context.")
    chooser = Chooser(_Retriever([text], notes={"16": 'United Nations Secretary-General, "Decision No. 2008/24."'}),
                      CitationBook())
    chosen = chooser.guidance("What is the shared vision of the framework?", "", 3)
    assert [split_label(b)[1] for b in chosen] == ["Decision 2008/24, as quoted in IPI 2013"], chosen
    assert Chooser(_Retriever([text]), CitationBook()).guidance("What is the shared vision?", "", 3) == []  # no source


def test_a_requirement_opening_on_the_sentence_before_is_quoted_with_it():
    before = "The most significant evolution relates to the shift from a narrow focus on structure to strategy."
    leaning = ("This shift is now articulated in the 2013 Policy on Integrated Assessment and Planning, which sets out "
               "minimum requirements for joint analysis.")
    asked = "What minimum requirements for joint analysis does the 2013 policy set out, and what shift is articulated?"
    chosen = Chooser(_Retriever([leaning], before=(before, leaning)), CitationBook()).guidance(asked, "", 3)
    assert chosen and split_label(chosen[0]) == (f"{before} {leaning}", "IAP Policy 2013, as described in IPI 2013"), chosen
    assert chosen[0].endswith("[1][2]")  # both passages are cited: the one before first
    assert Chooser(_Retriever([leaning]), CitationBook()).guidance(asked, "", 3) == []  # never alone


def test_a_sentence_quoted_inside_a_pair_is_used_and_so_is_the_pair_around_it():
    chooser = Chooser(retriever=None, book=CitationBook())  # type: ignore[arg-type]
    chooser.used.add("It reflects a strategy of incremental transition.")
    assert chooser._is_used("It reflects a strategy of incremental transition. This will require partners to step up.")
    chooser.used.add("The Fund meets quarterly. It reports to the Council.")
    assert chooser._is_used("The Fund meets quarterly.") and not chooser._is_used("The Fund meets yearly.")


def test_an_account_pointing_back_to_its_report_is_no_example():
    for back in ("As reflected above, further progress was made towards meeting the benchmarks.",
                 "The total outstanding assessed contributions for all peacekeeping operations amounted to $1,462.4 million.",
                 "In that regard, the country team has worked on a financing strategy for its work."):
        assert practice_statement(back, _hit(back, kind="report")) is None
    told = "The country team has worked on a financing strategy for its work after the exit."
    assert practice_statement(told, _hit(told, kind="report")) is not None


def test_a_visiting_mission_quoted_alone_is_no_example():
    """S/2017/604: 'The mission made recommendations …' is an IASC review team named the sentence before."""
    visit = "The mission made recommendations to the humanitarian country team and the Government on protection."
    assert practice_statement(visit, _hit(visit, kind="report")) is None
    own = "The Mission completed the handover of its security tasks to the national police in October."
    assert practice_statement(own, _hit(own, kind="report")) is not None


def test_a_sentence_too_short_to_tell_a_practice_is_none():
    stub = "The Working Group is currently compiling its report."
    told = "The Working Group was tasked to present a joint report and recommendations to the PNTL General Commander."
    assert practice_statement(stub, _hit(stub, kind="report")) is None
    assert practice_statement(told, _hit(told, kind="report")) is not None
