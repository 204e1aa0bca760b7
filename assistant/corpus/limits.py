"""Safety limits on what a document may make the loader do, checked before anything is inflated.

A .docx is a zip of XML parts: a 1 MB file can declare 1 GB of content (a zip bomb) or
an XML entity that expands a billion times. Both are refused here from the zip's
central directory and the parts' first bytes, before python-docx inflates anything.
Any other failure while reading one file becomes one plain line (:func:`failure_reason`),
so one bad file never stops a batch.

>>> import io, zipfile
>>> buf = io.BytesIO()
>>> with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
...     z.writestr("word/document.xml", "<w:document/>")
>>> check_archive("note.docx", buf.getvalue())
>>> failure_reason(MemoryError())
'too large to process in memory'
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from assistant.errors import printable_name  # noqa: F401  (re-exported for the ingest's messages)

MAX_UNPACKED_MB = 200
MAX_RATIO = 200  # OOXML text compresses ~10:1; a bomb 1000:1 or more
MAX_PARTS = 10_000
XML_HEAD_BYTES = 4096


class LimitError(ValueError):
    """A file that would exceed a safety limit if it were read."""


def check_archive(name: str | Path, data: bytes, max_unpacked_mb: float = MAX_UNPACKED_MB) -> None:
    """Refuse a zip-based document that would inflate too far or declares XML entities.

    Sizes come from the central directory; Python's zipfile never inflates a member past
    its declared size, so the declared total bounds what python-docx can allocate.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as err:
        raise LimitError(f"not a readable zip archive ({type(err).__name__})") from err
    if len(members) > MAX_PARTS:
        raise LimitError(f"archive has {len(members)} parts (the limit is {MAX_PARTS})")
    unpacked = sum(m.file_size for m in members)
    if unpacked > max_unpacked_mb * 1024 * 1024:
        raise LimitError(f"content would unpack to {unpacked / 1048576:.0f} MB (the limit is {max_unpacked_mb:g} MB)")
    packed = max(1, sum(m.compress_size for m in members))
    if unpacked > 1024 * 1024 and unpacked / packed > MAX_RATIO:
        raise LimitError(f"content would unpack {unpacked / packed:.0f} times its size (a zip bomb?)")
    for member in members:
        if member.filename.endswith((".xml", ".rels")):
            with archive.open(member) as part:
                head = part.read(XML_HEAD_BYTES)
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise LimitError(f"{member.filename} declares XML entities (not allowed in Office documents)")


def failure_reason(err: BaseException) -> str:
    """One plain line for any exception raised while reading a file (never a traceback)."""
    kind = type(err).__name__
    if isinstance(err, MemoryError):
        return "too large to process in memory"
    if isinstance(err, LimitError):
        return str(err)
    if kind == "LimitReachedError":  # pypdf: a stream inflates past its limit
        return "content expands past the safety limit (a decompression bomb?)"
    if kind in ("DependencyError", "FileNotDecryptedError", "WrongPasswordError"):
        return "encrypted PDF; remove the password and try again"
    if kind == "XMLSyntaxError":
        return f"malformed XML inside the file ({_oneline(str(err))})"
    if isinstance(err, RecursionError):
        return "structure nested too deeply to read"
    return f"could not be read ({kind}: {_oneline(str(err))})"


def error_line(err: BaseException, limit: int = 200) -> str:
    """'InternalError: database or disk is full' — an exception's type and message on one line."""
    return f"{type(err).__name__}: {_oneline(str(err), limit)}"


def _oneline(text: str, limit: int = 120) -> str:
    """Control characters and newlines out (they break one-line errors), then cut to length."""
    flat = "".join(ch if ch.isprintable() else " " for ch in text)
    return " ".join(flat.split())[:limit]
