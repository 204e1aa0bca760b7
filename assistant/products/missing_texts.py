"""Catalogued canonical texts a request names that the library lacks, with where it mentions them second-hand.

Quizzes and exercise packs reuse the answer work's missing-text judgment
(:func:`assistant.answering.missing.named_missing_texts`) and its note
(:func:`assistant.answering.missing.missing_note`), so a trainer who asks about the Brahimi Report
reads the same "Brahimi Report is not in the library …" a planner would.

>>> [m.short for m, _ in missing_texts("Brahimi and the IAP policy", get_retriever())]   # doctest: +SKIP
['Brahimi Report', 'IAP Policy 2013']
"""

from __future__ import annotations

from assistant.answering.missing import missing_note, named_missing_texts, second_hand
from assistant.answering.named import library_doc_ids
from assistant.corpus.manifest import DocumentInfo, load_manifest
from assistant.index.retrieve import Retriever


def missing_texts(text: str, retriever: Retriever) -> list[tuple[DocumentInfo, list[str]]]:
    """Each catalogued text named in ``text`` and absent from the library, with the library documents that describe it."""
    found = named_missing_texts(text, load_manifest(retriever.settings.corpus_dir), library_doc_ids(retriever))
    return [(info, second_hand(info, retriever)) for info in found]


def missing_notes(text: str, retriever: Retriever) -> list[str]:
    """The answer work's note for each missing text the request names."""
    return [missing_note(info, where) for info, where in missing_texts(text, retriever)]
