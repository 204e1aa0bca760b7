"""The parts of the index saved beside Chroma, one folder per generation: where they live, how a
reader opens them (or builds and saves them), and how a writer publishes a new generation.

A save can vanish (a newer generation replaced it) or be half-read (damaged) under a reader;
either way the part is built again. A read-only index folder still serves: the part is built
and kept in memory.

>>> from pathlib import Path
>>> load_or_build(Path("/nonexistent"), load=lambda: "saved", build=lambda: "built", save=lambda part: None)
'built'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from assistant.index.store import Store, new_generation

if TYPE_CHECKING:
    from assistant.settings import Settings

T = TypeVar("T")
SNAPSHOTS = "lexical"  # <index_dir>/lexical/<collection>-<generation>/: BM25 and rows of one generation
# The sentence index, a folder inside its generation's snapshot; the suffix is the version of how passages are cut
# into sentences (assistant.index.sentences): an index saved by an older version is built again on first open.
SENTENCES = "sentences-3"  # 3: front matter (disclaimers, suggested citation) is not quotable


def snapshot_folder(settings: Settings, collection: str, generation: str) -> Path:
    """Where the saved parts of this collection's index at this generation are kept (no import of bm25s needed)."""
    return settings.index_dir / SNAPSHOTS / f"{collection}-{generation}"


def load_or_build(path: Path, load: Callable[[], T], build: Callable[[], T], save: Callable[[T], None]) -> T:
    """``load()`` when ``path`` exists and opens; otherwise ``build()``, then ``save`` it where the folder allows."""
    if path.exists():
        try:
            return load()
        except (OSError, ValueError, KeyError):
            pass  # removed or damaged under us: build it again
    part = build()
    try:
        save(part)
    except OSError:  # a read-only index folder: serve from memory
        pass
    return part


def bump_generation(store: Store, settings: Settings, units: Mapping[str, list[tuple[str, bool]]] | None = None) -> str:
    """Tell readers that the passages changed, with the lexical snapshot they will load ready on disk.

    ``units``: passages this ingest has already split into sentences, so the sentence index does not split them again.

    The new generation goes into the Chroma collection's metadata, where readers in other
    processes, or on other machines sharing a Chroma server, look for it on every search.
    """
    from assistant.index.lexical_snapshot import LexicalSnapshot  # bm25s and nupunkt only when something changed
    from assistant.index.sentences import SentenceIndex
    from assistant.index.shared_vectors import SharedVectors

    generation = new_generation()
    snapshot = LexicalSnapshot.build(store.all_records(), generation)
    folder = snapshot_folder(settings, store.name, generation)
    snapshot.save(folder)
    shared = SharedVectors.for_store(store, settings)
    SentenceIndex.build(snapshot.records, store.encoder, settings.index_dir, shared, units).save(folder)
    return store.bump_generation(generation)  # last: a reader that sees it finds both indexes on disk


def ensure_sentence_index(store: Store, settings: Settings) -> None:
    """Save the sentence index of the current generation if it is missing (an index made before there was one)."""
    if (snapshot_folder(settings, store.name, store.generation()) / SENTENCES).exists():
        return
    from assistant.index.lexical_snapshot import LexicalSnapshot
    from assistant.index.sentences import SentenceIndex
    from assistant.index.shared_vectors import SharedVectors

    snapshot = LexicalSnapshot.open(store, settings)
    SentenceIndex.open(lambda: snapshot.records, store.encoder, settings.index_dir, snapshot.folder,
                       SharedVectors.for_store(store, settings))
