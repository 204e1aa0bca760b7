"""BM25 over all stored passages, with bm25s (sparse matrices: ~1 ms a query at 100k chunks).

Exact words matter in UN planning — symbols, acronyms, names of missions — and dense
embeddings blur them; BM25 keeps them. Tokens are lower-cased, English-stemmed and
stop-word filtered, irregular past forms first taken to their verb ("met" is "meet":
a stemmer leaves them apart); a filter is a 0/1 weight per passage.

>>> idx = LexicalIndex.build(["1. The ISF sets shared objectives.", "2. Budget matters."])
>>> idx.search("integrated strategic framework ISF", k=1)[0][0]
0
"""

from __future__ import annotations

import re
from pathlib import Path

import bm25s
import numpy as np
import Stemmer

TOKEN = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
_STEMMER = Stemmer.Stemmer("english")
STOPWORDS = frozenset(bm25s.stopwords.STOPWORDS_EN)
# Past forms a stemmer leaves apart from their verb ('met' and 'meet'), for the verbs UN reports use most.
IRREGULAR = {
    "met": "meet", "held": "hold", "led": "lead", "took": "take", "taken": "take", "began": "begin", "begun": "begin",
    "gave": "give", "given": "give", "made": "make", "sent": "send", "sought": "seek", "spoke": "speak",
    "spoken": "speak", "brought": "bring", "chose": "choose", "chosen": "choose", "drew": "draw", "drawn": "draw",
    "grew": "grow", "grown": "grow", "kept": "keep", "knew": "know", "known": "know", "paid": "pay", "rose": "rise",
    "risen": "rise", "fell": "fall", "fallen": "fall", "said": "say", "saw": "see", "seen": "see", "spent": "spend",
    "stood": "stand", "told": "tell", "went": "go", "gone": "go", "won": "win", "wrote": "write", "written": "write",
    "undertook": "undertake", "undertaken": "undertake", "oversaw": "oversee", "overseen": "oversee", "thought": "think",
    "bought": "buy", "built": "build", "struck": "strike", "became": "become", "came": "come", "withdrew": "withdraw",
    "withdrawn": "withdraw", "forgone": "forgo", "arose": "arise", "arisen": "arise", "shown": "show",
}


def tokenize(text: str) -> list[str]:
    """Lower-case, split, drop stop words, irregular past forms to their verb, stem.

    >>> tokenize("Integrated Missions"), tokenize("The mission met the President")
    (['integr', 'mission'], ['mission', 'meet', 'presid'])
    """
    words = [IRREGULAR.get(w, w) for w in TOKEN.findall(text.lower()) if w not in STOPWORDS]
    return _STEMMER.stemWords(words)


class LexicalIndex:
    """A BM25 index whose rows line up with a list of passages."""

    def __init__(self, retriever: bm25s.BM25 | None, size: int):
        self.retriever = retriever
        self.size = size

    @classmethod
    def build(cls, texts: list[str]) -> "LexicalIndex":
        """A BM25 index over these texts (stemmed, stop words removed); an empty one for no texts."""
        if not texts:
            return cls(None, 0)
        retriever = bm25s.BM25()
        retriever.index([tokenize(t) or ["_empty_"] for t in texts], show_progress=False)
        return cls(retriever, len(texts))

    def save(self, folder: Path) -> None:
        """Write the index as NumPy arrays and a JSON vocabulary (bm25s's own format)."""
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "size").write_text(str(self.size))
        if self.retriever is not None:
            self.retriever.save(str(folder), show_progress=False)

    @classmethod
    def load(cls, folder: Path) -> "LexicalIndex":
        """Open a saved index with its score matrix memory-mapped: start-up reads only the vocabulary."""
        size = int((folder / "size").read_text())
        if size == 0:
            return cls(None, 0)
        return cls(bm25s.BM25.load(str(folder), mmap=True, show_progress=False), size)

    def scores(self, query: str) -> np.ndarray | None:
        """The BM25 score of every row, unsorted (None when no query word is in the vocabulary)."""
        if self.retriever is None:
            return None
        vocab = self.retriever.vocab_dict
        tokens = [t for t in tokenize(query) if t in vocab]
        return self.retriever.get_scores(tokens) if tokens else None

    def search(self, query: str, k: int, mask: np.ndarray | None = None) -> list[tuple[int, float]]:
        """(row, score) pairs, best first; rows with mask 0 and zero-score rows are left out."""
        scores = self.scores(query)
        if scores is None:
            return []
        if mask is not None:
            scores = scores * mask
        k = min(k, self.size)
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top])]
        return [(int(i), float(scores[i])) for i in top if scores[i] > 0]
