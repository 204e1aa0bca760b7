"""Sentence-level evidence: every passage cut into sentences, each searchable on its own.

The answerer quotes sentences, not passages, so it needs them indexed: each sentence
keeps its passage (row in the retriever's records, hence document and locator), its
neighbours (the sentence before and after, across passage boundaries within a document)
and whether it leans on its predecessor ("It also…", "However…", "These…") and must be
quoted with it. Sentences are searched both ways: dense (the same MiniLM vectors as
passages, held in a NumPy matrix: a few thousand rows, a matrix product per query) and
lexical (BM25 over sentences). Vectors are cached on disk by content hash in
``<index_dir>/sentence_vectors.npz``; ingest fills the cache, so a query never pays for
embedding a sentence. The whole index (texts, neighbours, vectors, BM25) is saved inside the
lexical snapshot of its generation (``<snapshot>/sentences/``) and opened memory-mapped, so a
process starts without splitting every passage again.

Lines that a PDF page break cut mid-sentence ("…for joint" / "conduct of strategic
assessments…") are joined before splitting, so every sentence quoted is complete.

>>> leans_on_predecessor("It also clarified that integration does not only apply to missions.")
True
>>> quotable("²² See Victoria Metcalfe, UN Integration and Humanitarian Space, 2011.")
False
>>> quotable("Disclaimer: The views expressed in this paper represent those of the author and not necessarily those of IPI.")
False
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.corpus.instructions import INSTRUCTION_LIKE
from assistant.corpus.sentences import split_sentences
from assistant.index import vector_cache
from assistant.index.embeddings import Encoder
from assistant.index.lexical import LexicalIndex
from assistant.index.records import ChunkMeta, Record
from assistant.index.saved import SENTENCES as SAVED
from assistant.index.saved import load_or_build
from assistant.index.shared_vectors import SharedVectors

MIN_CHARS = 40
MAX_CHARS = 1200  # the longest real sentence of the default corpus a question needs is 1,130 characters (S/2012/889)
SENTENCES_PER_PASSAGE = 3  # sentences read per passage wanted when ranking passages by their best sentence
ENCODE_BATCH = 16  # 4–16 within noise, 32 and 64 slower on 2 cores (docs/benchmarks.md, scripts/bench_encoder.py)
# Openings that point back to the previous sentence: quoted alone they lose their subject.
LEANING = re.compile(
    r"^(?:[a-z]+ly,\s+)?(it|its|this|these|those|that|they|their|such|as such|however|moreover|furthermore|in addition|"
    r"also|instead|nonetheless|nevertheless|as a result|therefore|thus|yet|but|he|she|his|her|the latter|the former|both|"
    r"despite this|in this (?:context|regard|respect)|further|similarly|likewise|meanwhile|consequently|"
    r"accordingly|at the same time|in (?:that|this) (?:case|way)|"
    r"(?:of|among|for|from|with|by|to|in) (?:those|these|them|whom|which|such)|of (?:this|that) (?:number|total|amount)|"
    # 'A number emphasized …': of whom?
    r"a number(?! of)|a number of (?:these|those|them)|others|(?:some|many|most|several) (?=[a-z]+ed\b))\b",
    re.IGNORECASE,
)
# Text that poses as an instruction is data, never a quote (nor evidence offered to an LLM): INSTRUCTION_LIKE,
# from assistant.corpus.instructions (literal phrases and paraphrases alike).
# Not quotable: footnotes ("²² See ..."), text that starts mid-sentence, footnote markers glued into
# a line, runs of capitals (tables of contents, running heads), TeX residue from PDF conversion, and a publisher's
# front matter ('Disclaimer: The views expressed in this paper …', 'Suggested Citation:', '© …', 'IPI welcomes …'), which
# led an answer on what the Policy Committee is (trial 15 probes).
NOT_QUOTABLE = re.compile(r"^\(?[a-z]|^See |\b[A-Z]{3,}\s+[A-Z]{3,}\s+[A-Z]{3,}\b|\\|\$\^|(?i:^(?:Disclaimer|Suggested "
                          r"Citation|Copyright)\b|^©|\bAll Rights Reserved\b|views expressed in this (?:paper|report|"
                          r"publication|study)\b|\bwelcomes consideration of a wide range of perspectives\b)")
# Footnote references inside a sentence ('IAP),¹⁸ which', 'flag."8 The') are left out of the quote, as in print.
FOOTNOTE_REF = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
DIGIT_FOOTNOTE = re.compile(r"(?<=[.!?][\"”])\d{1,2}(?=\s|$)")
# A footnote marker after a sentence's end ('peace."¹⁶'); never after a comma inside it ('peacebuilders,"³¹ and').
FOOTNOTE_BREAK = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][”\"]))[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*")
LEADING_NUMBER = re.compile(r"^\(?\d{1,3}[.)]\s+|^[-•▪●]\s+|^\([a-z]{1,4}\)\s+")
ENDS_SENTENCE = re.compile(r"[.!?:;][\"”’')\]]*$|^[A-Z][a-z]+ing\b.*,$")  # a resolution's preambular paragraph ends with ','

ENUMERATION_ITEM = re.compile(r"^\s*(?:[-•▪●]|\(?[a-z]\)|\(?[ivx]{1,4}\)|\d{1,2}[.)])\s+")
# A line ending in a word no sentence ends with ('… and Department of' / 'Peacekeeping Operations …') runs on.
RUNS_ON = re.compile(r"\b(?:of|the|a|an|and|or|for|to|in|on|at|by|with|from|into|between|its|their)$", re.IGNORECASE)
PARAGRAPH_NUMBER = re.compile(r"^\(?\d{1,3}[.)]$")  # '3.' split off the paragraph it numbers


# 'This blog explores …', 'The present report covers …': the text speaking of itself, not of the sentence before.
SELF_REFERENCE = re.compile(r"^(?:this|the present) (?:blog|report|study|paper|article|brief|document)\b",
                            re.IGNORECASE)


def leans_on_predecessor(sentence: str) -> bool:
    """Does the sentence open with a word that points back to the one before?

    >>> leans_on_predecessor("This shift is now clearly articulated in the 2013 Policy.")
    True
    >>> leans_on_predecessor("Of those detainees, 73 per cent are awaiting trial.")
    True
    >>> leans_on_predecessor("This blog explores why there is a disconnect between ambition and reality.")
    False
    >>> leans_on_predecessor('Notably, this included the creation of a "triple-hatted" deputy SRSG.')
    True
    """
    return bool(LEANING.match(sentence)) and not SELF_REFERENCE.match(sentence)


def complete(sentence: str) -> bool:
    """Starts like a sentence and ends with terminal punctuation (or a colon introducing a list)."""
    return bool(re.match(r"^[\"“‘'(\[]?[A-Z0-9$]", sentence)) and bool(ENDS_SENTENCE.search(sentence))


def quotable(sentence: str) -> bool:
    """Long enough, short enough, complete, and not a footnote, heading run or conversion residue."""
    return (MIN_CHARS <= len(sentence) <= MAX_CHARS and complete(sentence) and not NOT_QUOTABLE.search(sentence)
            and not INSTRUCTION_LIKE.search(sentence))


def join_broken_lines(text: str) -> str:
    """Re-join lines a page or column break cut mid-sentence: the next line starts in lower case, or the line
    before ends in a word no sentence ends with ('of', 'the', 'and')."""
    lines = [line.strip() for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if not line:
            out.append("")
            continue
        previous = next((i for i in range(len(out) - 1, -1, -1) if out[i]), None)
        if previous is not None and (line[0].islower() or line[0].isalpha() and RUNS_ON.search(out[previous])) \
                and not ENDS_SENTENCE.search(out[previous]) and not ENUMERATION_ITEM.match(line):
            out[previous] = f"{out[previous]} {line}"
            del out[previous + 1:]
            continue
        out.append(line)
    return "\n".join(out)


def passage_sentences(text: str) -> list[str]:
    """The sentences of one passage, footnote tails and list bullets removed, wording otherwise verbatim."""
    return [s for s, _ in passage_units(text)]


def passage_units(text: str) -> list[tuple[str, bool]]:
    """(sentence, is a list item) for one passage: bullets and '(a)' labels mark items and are removed."""
    out = []
    for joined in split_sentences(DIGIT_FOOTNOTE.sub("", join_broken_lines(text))):
        for sentence in FOOTNOTE_BREAK.split(joined):  # 'peace."¹⁶ depth of ...': keep the sentence, drop the rest
            item = bool(ENUMERATION_ITEM.match(sentence))
            sentence = " ".join(FOOTNOTE_REF.sub("", LEADING_NUMBER.sub("", sentence)).split())
            if sentence and not PARAGRAPH_NUMBER.match(sentence):  # '3.' alone numbers the next sentence
                out.append((sentence, item))
    return out


@dataclass
class SentenceIndex:
    """All sentences of the indexed passages, in document order, with vectors and BM25."""

    texts: list[str]
    rows: np.ndarray  # passage row in the retriever's records
    prev: np.ndarray  # index of the sentence before in the same document, -1 if none
    next: np.ndarray
    quotable: np.ndarray
    items: np.ndarray  # True for list items (bulleted or lettered lines)
    vectors: np.ndarray  # (n, d); zeros for sentences that are not quotable
    lexical: LexicalIndex
    lexical_ids: np.ndarray  # BM25 row -> sentence index
    by_row: dict[int, list[int]]
    library_text: str  # every passage, title and short citation, lower-cased: does a named thing occur at all?

    def save(self, snapshot: Path) -> None:
        """Write into ``<snapshot>/sentences`` (staged, then renamed): arrays as .npy, texts as JSON, BM25 as bm25s saves it."""
        target = snapshot / SAVED
        staged = snapshot / f".{SAVED}.{os.getpid()}.tmp"
        shutil.rmtree(staged, ignore_errors=True)
        staged.mkdir(parents=True)
        for name in ("rows", "prev", "next", "quotable", "items", "vectors", "lexical_ids"):
            np.save(staged / f"{name}.npy", getattr(self, name))
        (staged / "texts.json").write_text(json.dumps(self.texts, ensure_ascii=False), encoding="utf-8")
        (staged / "library.txt").write_text(self.library_text, encoding="utf-8")
        self.lexical.save(staged / "bm25")
        try:
            os.rename(staged, target)
        except OSError:  # another process saved it first: theirs is the same index
            shutil.rmtree(staged, ignore_errors=True)

    @classmethod
    def load(cls, snapshot: Path) -> "SentenceIndex":
        """Open a saved index: vectors and BM25 scores memory-mapped, the rest read whole."""
        folder = snapshot / SAVED
        arrays = {name: np.load(folder / f"{name}.npy", mmap_mode="r" if name == "vectors" else None)
                  for name in ("rows", "prev", "next", "quotable", "items", "vectors", "lexical_ids")}
        texts = json.loads((folder / "texts.json").read_text(encoding="utf-8"))
        by_row: dict[int, list[int]] = {}
        for i, row in enumerate(arrays["rows"].tolist()):
            by_row.setdefault(row, []).append(i)
        return cls(texts, arrays["rows"], arrays["prev"], arrays["next"], arrays["quotable"], arrays["items"],
                   arrays["vectors"], LexicalIndex.load(folder / "bm25"), arrays["lexical_ids"], by_row,
                   (folder / "library.txt").read_text(encoding="utf-8"))

    @classmethod
    def open(cls, records: Callable[[], list[Record]], encoder: Encoder, index_dir: Path,
             snapshot: Path | None, shared: SharedVectors | None = None) -> "SentenceIndex":
        """The saved index of this snapshot, or one built now (and saved there when the folder is writable).

        ``records`` is called only to build: opening a saved index reads no passage text.
        """
        if snapshot is None:  # a snapshot only in memory (a writer changed the store while it was read)
            return cls.build(records(), encoder, index_dir, shared)
        return load_or_build(snapshot / SAVED, lambda: cls.load(snapshot),
                             lambda: cls.build(records(), encoder, index_dir, shared),
                             lambda index: index.save(snapshot) if snapshot.exists() else None)

    @classmethod
    def build(cls, records: list[Record], encoder: Encoder, index_dir: Path, shared: SharedVectors | None = None,
              units: Mapping[str, list[tuple[str, bool]]] | None = None) -> "SentenceIndex":
        """Split the passages (records in document order) and attach cached or fresh vectors.

        ``units`` holds passages already split by this ingest (:class:`~assistant.index.pooling.PassageVectors`).
        """
        units = units or {}
        texts: list[str] = []
        rows: list[int] = []
        items: list[bool] = []
        by_row: dict[int, list[int]] = {}
        for row, record in enumerate(records):
            for sentence, item in units.get(record.text) or passage_units(record.text):
                by_row.setdefault(row, []).append(len(texts))
                texts.append(sentence)
                rows.append(row)
                items.append(item)
        rows_a = np.array(rows, dtype=np.int64)
        docs = np.array([records[r].meta.doc_id for r in rows], dtype=object)
        n = len(texts)
        same_doc_prev = np.r_[False, docs[1:] == docs[:-1]] if n else np.zeros(0, dtype=bool)
        prev = np.where(same_doc_prev, np.arange(n) - 1, -1)
        nxt = np.where(np.r_[same_doc_prev[1:], False] if n else np.zeros(0, dtype=bool), np.arange(n) + 1, -1)
        ok = np.array([quotable(t) for t in texts], dtype=bool)
        vectors = sentence_vectors([t for t, q in zip(texts, ok, strict=True) if q], encoder, index_dir, shared)
        full = np.zeros((n, encoder.dimension), dtype=np.float32)
        if ok.any():
            full[ok] = vectors
        ids = np.flatnonzero(ok)
        lexical = LexicalIndex.build([_lexical_text(texts[i], records[rows[i]].meta) for i in ids])
        library_text = "\n".join(f"{r.meta.title} {r.meta.short}\n{r.text}" for r in records).lower()
        return cls(texts, rows_a, prev, nxt, ok, np.array(items, dtype=bool), full, lexical, ids, by_row, library_text)

    def __len__(self) -> int:
        return len(self.texts)

    def search(self, query: str, vector: np.ndarray, k: int, allowed_rows: np.ndarray | None = None) -> list[int]:
        """Quotable sentences nearest the query, dense and BM25 (k of each, merged, dense first)."""
        if not len(self):
            return []
        dense, mask = self._scored(vector, allowed_rows)
        k = min(k, len(self))
        top = np.argpartition(-dense, k - 1)[:k]
        found = [int(i) for i in top[np.argsort(-dense[top])] if np.isfinite(dense[i])]
        found += [int(self.lexical_ids[r]) for r, _ in self.lexical.search(query, k, mask)]
        return list(dict.fromkeys(found))

    def _scored(self, vector: np.ndarray, allowed_rows: np.ndarray | None) -> tuple[np.ndarray, np.ndarray | None]:
        """Cosine of every sentence to the query (-inf where not quotable or filtered out) and the BM25 row mask."""
        dense = self.vectors @ vector
        dense[~self.quotable] = -np.inf
        if allowed_rows is None:
            return dense, None
        allowed = allowed_rows[self.rows] > 0
        dense[~allowed] = -np.inf
        return dense, allowed[self.lexical_ids].astype(np.float32)

    def passage_rankings(self, query: str, vector: np.ndarray, k: int,
                         allowed_rows: np.ndarray | None = None) -> tuple[list[int], list[int]]:
        """Passage rows ranked by their best sentence, once by dense similarity and once by BM25 (k rows each).

        A passage is as good as its best sentence ("MaxP"): a passage whose one sentence answers, among several
        on other things, ranks low as a whole but high through that sentence (docs/evaluation.md).
        """
        if not len(self):
            return [], []
        dense, mask = self._scored(vector, allowed_rows)
        wanted = min(len(self), k * SENTENCES_PER_PASSAGE)
        top = np.argpartition(-dense, wanted - 1)[:wanted]
        by_dense = [int(self.rows[i]) for i in top[np.argsort(-dense[top])] if np.isfinite(dense[i])]
        by_bm25 = [int(self.rows[self.lexical_ids[r]]) for r, _ in self.lexical.search(query, wanted, mask)]
        return list(dict.fromkeys(by_dense))[:k], list(dict.fromkeys(by_bm25))[:k]

    def lexical_scores(self, query: str) -> np.ndarray:
        """BM25 score of every sentence for the query, scaled so the best is 1 (zeros when nothing matches)."""
        scores = np.zeros(len(self), dtype=np.float32)
        found = self.lexical.scores(query)  # every row unsorted: a ranked list of 60,000 pairs cost more than the answer
        if found is not None and found.max() > 0:
            scores[self.lexical_ids] = found / found.max()
        return scores

    def with_predecessors(self, i: int, limit: int = 2) -> list[int]:
        """The sentence and, while it leans on the one before, its predecessors (at most ``limit``)."""
        chain = [i]
        while len(chain) <= limit and leans_on_predecessor(self.texts[chain[0]]) and self.prev[chain[0]] >= 0 \
                and self.quotable[self.prev[chain[0]]]:
            chain.insert(0, int(self.prev[chain[0]]))
        return chain

    def self_contained(self, i: int) -> bool:
        """Can the sentence be quoted, with the predecessors it leans on, without a dangling 'It…'/'However…'?"""
        return not leans_on_predecessor(self.texts[self.with_predecessors(i)[0]])

    def following_items(self, i: int, limit: int = 10) -> list[int]:
        """The list items that follow a sentence introducing them ('… the following:'), in order."""
        items: list[int] = []
        j = int(self.next[i])
        while j >= 0 and self.items[j] and len(items) < limit:
            items.append(j)
            j = int(self.next[j])
        return items


def _lexical_text(sentence: str, meta: ChunkMeta) -> str:
    """BM25 text of a sentence: the sentence under its document's short citation and section heading."""
    return f"{meta.short} {meta.heading}\n{sentence}"


def sentence_vectors(texts: list[str], encoder: Encoder, index_dir: Path, shared: SharedVectors | None = None) -> np.ndarray:
    """Vectors for the sentences: from the on-disk cache, then the Chroma server's shared ones, then the encoder.

    Ingest has usually filled the cache already (:mod:`assistant.index.pooling`). The file is pruned
    to these sentences; vectors this machine had to embed are also put on the server for the others.
    """
    path = index_dir / vector_cache.FILE
    cache, weights = vector_cache.load(path)
    keys = [vector_cache.key(t) for t in texts]
    missing = list(dict.fromkeys(k for k in keys if k not in cache))
    if missing and shared is not None:
        cache.update(shared.get(missing))
    wanted = {k for k in missing if k not in cache}  # once: a set per sentence made this quadratic (112.8 s for 60,000)
    if wanted:
        todo = {k: t for k, t in zip(keys, texts, strict=True) if k in wanted}
        fresh = dict(zip(todo, encoder.engine("query").encode(list(todo.values()), batch_size=ENCODE_BATCH),  # ONNX: faster
                         strict=True))
        cache.update(fresh)
        if shared is not None:
            shared.put(fresh)
    if missing or len(cache) > len(set(keys)):
        vector_cache.save(path, {k: cache[k] for k in dict.fromkeys(keys)}, weights)
    if not texts:
        return np.zeros((0, encoder.dimension), dtype=np.float32)
    return np.stack([cache[k] for k in keys]).astype(np.float32)
