"""A text asked for by a year it does not have (no model; the project's real catalogue)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answering.premise import misdated, newer_asked
from assistant.citation import GAP_PREFIX
from assistant.corpus.manifest import load_manifest

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.fixture(scope="module")
def texts():
    manifest = load_manifest(CORPUS)
    return [*manifest.catalogue.values(), *manifest.documents.values()]


def test_a_year_the_policy_does_not_have_is_corrected(texts):
    found = misdated("What is the UN's 2023 policy on integrated assessment?", texts, [])
    assert [(m.info.id, m.year) for m in found] == [("iap-policy-2013", "2023")]
    assert found[0].statement() == ("The library holds no 2023 policy on integrated assessment; the Policy on Integrated "
                                    "Assessment and Planning it knows of dates from 2013 (IAP Policy 2013).")


def test_the_title_words_must_hold_the_head_noun(texts):
    """'policy on integrated assessment and planning' names the policy, not the Integrated Assessment and Planning
    Handbook (2014)."""
    found = misdated("What does the 2019 policy on integrated assessment and planning require?", texts, [])
    assert [m.info.id for m in found] == ["iap-policy-2013"]


@pytest.mark.parametrize("question", [
    "What does the 2013 policy on integrated assessment say about monitoring?",  # the text's own year
    "What is the policy on integrated assessment?",  # no year
    "What did the 2004 Integrated Mission Planning Process say?",  # no head noun ('Guidelines')
    "What did the 2023 review say about integrated assessment?",  # the year is not the text's
])
def test_no_wrong_premise(texts, question):
    assert misdated(question, texts, []) == []


def test_a_year_the_library_gives_with_the_title_words_is_no_wrong_premise(texts):
    passages = ["in 2023 the secretary-general issued a revised policy on integrated assessment."]
    assert misdated("What is the 2023 policy on integrated assessment?", texts, passages) == []


@pytest.mark.parametrize(("question", "expected"), [
    ("Is there a more recent Note of Guidance on integrated missions than the 2006 one?", "Note of Guidance 2006"),
    ("Has the IAP Policy 2013 been revised?", "IAP Policy 2013"),
    ("Is there a newer Note of Guidance than the 2010 one?", ""),  # not the text's year: no claim about it
    ("What does the Note of Guidance 2006 say?", ""),  # not asking for a newer one
])
def test_a_newer_version_the_catalogue_does_not_record(question, expected):
    manifest = load_manifest(CORPUS)
    named = [manifest.catalogue[i] for i in ("nog-2006", "iap-policy-2013") if manifest.catalogue[i].short.split()[0] in question]
    statement = newer_asked(question, named)
    assert (expected in statement and statement.startswith(GAP_PREFIX)) if expected else statement == ""
