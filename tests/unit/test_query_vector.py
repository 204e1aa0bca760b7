"""The query vector of hybrid search: the question's own and its glossary-expanded form, averaged (no model)."""

from __future__ import annotations

import numpy as np
from fakes import FakeEncoder

from assistant.corpus.glossary import Glossary, Term
from assistant.index.retrieve import Retriever

GLOSSARY = Glossary([Term(term="ISF", expansion="Integrated Strategic Framework", definition="The UN's joint plan.")])


def _retriever(make_settings) -> Retriever:
    return Retriever(make_settings(), store=None, encoder=FakeEncoder(), glossary=GLOSSARY)  # type: ignore[arg-type]


def test_an_expanded_question_is_the_mean_of_both_forms(make_settings):
    retriever = _retriever(make_settings)
    question = "Who signs the ISF?"
    own, expanded = (retriever.encoder.query_vector(q) for q in (question, GLOSSARY.expand(question)))
    vector = retriever.query_vector(question)
    assert np.isclose(np.linalg.norm(vector), 1.0, atol=1e-5)
    assert np.allclose(vector, (own + expanded) / np.linalg.norm(own + expanded), atol=1e-6)
    assert float(vector @ own) > float(expanded @ own) and float(vector @ expanded) > float(own @ expanded)


def test_a_question_without_glossary_terms_keeps_its_own_vector(make_settings):
    retriever = _retriever(make_settings)
    question = "Who chairs the steering group?"
    assert np.allclose(retriever.query_vector(question), retriever.encoder.query_vector(question))
