"""The index's generation marker: how a server learns that the index changed, and who changed it.

Every write (ingest, upload, delete) stores a new value in ``indexes/generation``. A reader
whose value is stale rebuilds its lexical view. When the change came from *another*
process (``planassist ingest`` beside a running server), the reader's embedded Chroma
client also holds a stale in-memory vector index — dense search misses the new passages and
looking them up fails ("Error finding id") — so the reader must reopen the store too.
A process therefore remembers the values it wrote itself, and whether the value it
replaced was one it knew.

>>> from pathlib import Path; import tempfile
>>> d = Path(tempfile.mkdtemp())
>>> read_generation(d)
'none'
>>> g = bump_generation(d); is_foreign(d, g)
False
>>> _ = (d / GENERATION_FILE).write_text("written-elsewhere"); is_foreign(d, "written-elsewhere")
True
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

GENERATION_FILE = "generation"
_own: dict[Path, set[str]] = {}
_seen: dict[Path, str] = {}
_lock = threading.Lock()


def read_generation(index_dir: Path) -> str:
    """The current marker ('none' before the first write)."""
    path = Path(index_dir) / GENERATION_FILE
    try:
        return path.read_text()
    except FileNotFoundError:
        return "none"


def bump_generation(index_dir: Path) -> str:
    """Tell readers (other processes too) that the index changed; returns the new marker.

    If the marker being replaced was written by another process and not yet seen here,
    the new one is not counted as this process's own, so readers here still reopen.
    """
    key = Path(index_dir).resolve()
    with _lock:
        previous = read_generation(index_dir)
        value = str(time.time_ns())
        (Path(index_dir) / GENERATION_FILE).write_text(value)
        if previous == "none" or previous in _own.get(key, set()) or previous == _seen.get(key):
            _own.setdefault(key, set()).add(value)
        return value


def is_foreign(index_dir: Path, generation: str) -> bool:
    """True when this marker stands for a change this process did not make (or did not see)."""
    key = Path(index_dir).resolve()
    with _lock:
        foreign = generation != "none" and generation not in _own.get(key, set())
        _seen[key] = generation
        return foreign
