"""One rule for every part of the index kept on disk beside Chroma: open it if saved, else build and save it.

A save can vanish (a newer generation replaced it) or be half-read (damaged) under a reader;
either way the part is built again. A read-only index folder still serves: the part is built
and kept in memory.

>>> from pathlib import Path
>>> load_or_build(Path("/nonexistent"), load=lambda: "saved", build=lambda: "built", save=lambda part: None)
'built'
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


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
