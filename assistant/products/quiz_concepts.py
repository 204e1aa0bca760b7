"""Concept items: term and definition from the project glossary (``corpus/glossary.toml``, cited as such).

Which definition fits a term (easy), or which term a definition describes (medium); the other options are
definitions or terms of the same kind (another body for a body). A definition that repeats its term's words
is never asked about: it gives the answer away.

>>> concept_item(Term(term="SLF", expansion="Senior Leadership Forum", definition="Forum of senior leaders."), [], 0,
...              random.Random(0)) is None
True
>>> concept_item(Term(term="PKO", expansion="peacekeeping operation", definition="A UN peacekeeping mission."), [], 0,
...              random.Random(0)) is None
True
"""

from __future__ import annotations

import random
import re

from assistant.citation import Citation
from assistant.corpus.glossary import Term
from assistant.index.retrieve import Retriever
from assistant.products.quiz_focus import Focus, content_stems
from assistant.products.quiz_pools import choices, kind_of, leaks, mentions

NEIGHBOUR, CLOSE = 0.30, 0.45
OPTIONS = 3  # wrong options an item needs
ECHO = 2  # content words a definition may share with its term's name before it gives the answer away
GLOSSARY_TITLE = "Glossary of UN integrated planning (corpus/glossary.toml; the project's own wording)"


def glossary_citation(term: Term) -> Citation:
    """A glossary term as an item's source."""
    return Citation(n=0, chunk_id=f"glossary:{term.term}", doc_id="glossary", title=GLOSSARY_TITLE, short="Glossary",
                    locator=term.term, quote=f"{term.term} ({term.expansion}): {term.definition}")


def concept_items(fx: Focus, retriever: Retriever, rng: random.Random) -> list[tuple[dict, Citation]]:
    """Glossary items on the terms the subject names, then on the terms closest to it: definition for a term, then term
    for a definition."""
    terms = [t for t in retriever.glossary.terms if t.definition and t.expansion]
    if not terms:
        return []
    vectors = retriever.encoder.encode_cached([f"{t.expansion}: {t.definition}" for t in terms])
    scores = vectors @ retriever.encoder.query_vector(retriever.glossary.expand(fx.subject))
    named = {t.term for t in fx.terms}
    order = sorted(range(len(terms)), key=lambda i: (terms[i].term not in named, -scores[i]))
    order = [i for i in order if terms[i].term in named or scores[i] >= (NEIGHBOUR if named else CLOSE)
             or not named and fx.about(f"{terms[i].expansion} {terms[i].definition}")][:16]
    out = []
    for rank, i in enumerate(order):
        t = terms[int(i)]
        same = [u for u in terms if kind_of(u.expansion) == kind_of(t.expansion) and u.term != t.term]
        if kind_of(t.expansion) == "national" and len(same) < OPTIONS:  # a country's police among UN bodies is still
            same += [u for u in terms if kind_of(u.expansion) == "body"]  # a fair item; never the other way round
        for turn in ((0, 1) if t.term in named else (rank % 2,)):
            item = concept_item(t, same, turn, rng)
            if item:
                out.append((item, glossary_citation(t)))
    return out


def concept_item(t, same, turn: int, rng: random.Random) -> dict | None:
    """Which definition fits a term (easy), or which term a definition describes (medium); neither when the definition
    repeats the term's words ('Executive Committee on Peace and Security': 'Inter-departmental committee on peace and
    security' is matched by its words, not known)."""
    echo = content_stems(t.definition) & content_stems(t.expansion)
    if len(echo) >= ECHO or echo and 2 * len(echo) >= len(content_stems(t.definition)):  # 'A UN peacekeeping mission.'
        return None
    # a post the term holds ('DSRSG' in 'DSRSG/RC/HC'): its definition is true of the term too (trial 9: "Deputy head of a
    # UN mission" offered as wrong for the DSRSG/RC/HC); and a term holding this one is true of its definition (trial 11:
    # the DSRSG/RC/HC offered as wrong for "Senior UN humanitarian official in a country")
    same = [u for u in same if u.term == t.term or u.term not in re.split(r"[/ ]", t.term)
            and t.term not in re.split(r"[/ ]", u.term)]
    if turn == 0:
        stem = f"Which definition fits the {t.expansion} ({t.term})?"
        pool = [u.definition for u in same if not mentions(u.definition, t.term)]
        options, answer, difficulty = choices(t.definition, pool, stem, rng), t.definition, "easy"
        alike = [d for d in pool if content_stems(d) & content_stems(t.expansion)]
    else:
        stem = f"Which term does this definition describe? “{t.definition}”"
        answer = f"{t.expansion} ({t.term})"
        options, difficulty = choices(answer, [f"{u.expansion} ({u.term})" for u in same], stem, rng), "medium"
        alike = [f"{u.expansion} ({u.term})" for u in same if content_stems(u.expansion) & content_stems(t.definition)]
        if leaks(stem, t.expansion) or mentions(stem, t.term):
            return None
    if options and echo:  # a word the answer shares with the name must not single it out: another option shares one too
        options = _echoed(options, answer, alike, rng)
    return dict(stem=stem, options=options, answer=answer, kind="concept", difficulty=difficulty) if options else None


def _echoed(options: list[str], answer: str, alike: list[str], rng: random.Random) -> list[str] | None:
    """The options with a distractor sharing a word with the name, as the answer does ("Senior body overseeing
    integration policy" was the only option with "integration" for the Integration Steering Group); None when no
    distractor of the kind can.

    >>> _echoed(["A fund.", "Body on integration.", "A cell."], "Body on integration.", [], random.Random(0)) is None
    True
    """
    if any(o != answer and o in alike for o in options):
        return options
    spare = [a for a in alike if a not in options and a != answer]
    if not spare:
        return None
    wrong = [i for i, o in enumerate(options) if o != answer]
    options = list(options)
    options[rng.choice(wrong)] = rng.choice(spare)
    return options
