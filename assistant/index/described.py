"""Library documents a question names by description, and the words that name them.

A planner rarely types a symbol: "What is peacebuilding, according to the 2025 General Assembly
resolution?" names A/RES/80/11 by its year, issuer and kind; "What does the 2025 peacebuilding
architecture review ask of UN country teams?" names it by its title. Those words say which document to
read, not what is asked of it: every sentence of that resolution shares them, so counted as focus they
lift the preamble that repeats the title over the paragraph that answers. The answer reads the named
document first (:func:`named_documents.named_library_docs` does the same for symbols and short titles) and orders
its sentences by the rest of the question.

A description is a year and a word for the kind of one document alone ('the 2025 resolution'), or a run of at
least MIN_WORDS consecutive content words of the question that all occur in
the document's title, names, issuer, kind or year, holding its year or a word for its kind and two words that
are not a date ('20 September 2012' in a title names a period, not the document); the documents it fits
best are named, unless more than MAX_DOCUMENTS (then it names a topic, not a document). A word of the description
that the question uses again elsewhere is also asked about, so it is not counted as naming.

>>> from assistant.corpus.manifest import DocumentInfo
>>> res = DocumentInfo(id="a-res-80-11", title="2025 review of the United Nations peacebuilding architecture",
...                    short="A/RES/80/11", issuer="General Assembly", type="resolution", date="2025-11-26")
>>> sorted(described("What is peacebuilding, according to the 2025 General Assembly resolution?", [res])["a-res-80-11"])
['2025', 'assembl', 'general', 'resolut']
>>> described("What does the General Assembly say about peacebuilding?", [res])
{}
>>> sorted(described("What does the 2025 resolution ask of the Commission?", [res])["a-res-80-11"])
['2025', 'resolut']
>>> q = "How does the 2025 General Assembly resolution on the peacebuilding architecture characterize peacebuilding?"
>>> sorted(described(q, [res])["a-res-80-11"])
['2025', 'architectur', 'assembl', 'general', 'resolut']
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from assistant.corpus.manifest import DocumentInfo, Manifest
from assistant.index.lexical import tokenize

MIN_WORDS = 3
MAX_DOCUMENTS = 2
DATE_WORDS = frozenset(tokenize("january february march april may june july august september october november december"))
KIND_WORDS = {  # what a planner calls a document of each type
    "resolution": "resolution",
    "report": "report",
    "analysis": "study report analysis paper",
    "policy": "policy",
    "guidance": "guidance guidelines handbook manual note",
    "commentary": "blog post article",
}


def described(question: str, documents: list[DocumentInfo]) -> dict[str, set[str]]:
    """Documents the question names by description: document id -> the question's (stemmed) words naming it."""
    words = tokenize(question)
    found: dict[str, set[str]] = {}
    for info in documents:
        year = str(info.year) if info.year else ""
        kind = set(tokenize(KIND_WORDS.get(info.type, info.type)))
        names = set(tokenize(" ".join([info.title, info.short, info.symbol, info.issuer, year]))) | kind
        run = _longest_run(words, names)
        if len(run) >= MIN_WORDS and len({w for w in run - DATE_WORDS if not w.isdigit()}) >= 2 \
                and (year in run or run & kind) or year in run and len(run & kind) == len(run) - 1 > 0:
            found[info.id] = run
    longest = max((len(run) for run in found.values()), default=0)
    found = {d: run for d, run in found.items() if len(run) == longest}  # the document the description fits best
    if longest < MIN_WORDS and len(found) > 1:  # 'the 2019 report' names a document only if it is the one
        return {}
    # A word the question also uses outside the description is asked about too ('characterize peacebuilding').
    again = {w for w in words if words.count(w) > 1}
    return {d: run - again for d, run in found.items()} if len(found) <= MAX_DOCUMENTS else {}


def _longest_run(words: list[str], names: set[str]) -> set[str]:
    """The longest run of consecutive question words that are all among the document's names."""
    best: list[str] = []
    run: list[str] = []
    for word in words + [""]:
        if word and word in names:
            run.append(word)
            continue
        best = run if len(run) > len(best) else best
        run = []
    return set(best)


def rest_of_query(query: str, manifest: Manifest, held: list[str], only: list[str] | None = None) -> tuple[str, list[str]] | None:
    """The query without the words naming a library document it describes, and the ids of those documents (within
    ``only`` when given); None when it describes none (search then needs no extra list)."""
    named = described(query, [manifest.documents[d] for d in sorted(held) if d in manifest.documents])
    wanted = sorted(d for d in named if not only or d in only)
    asked = without_naming(query, {t for words in named.values() for t in words})
    return (asked, wanted) if wanted and tokenize(asked) else None


def without_naming(query: str, naming: AbstractSet[str]) -> str:
    """The query without the words that name documents ('What does the 2025 … review ask of UN country teams?' ->
    'What does the ask of UN country teams?'): what is asked of them."""
    return " ".join(w for w in query.split() if not set(tokenize(w)) & naming)
