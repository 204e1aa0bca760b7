"""The one error family of the product: what a user can meet, each with a message meant to be shown as is.

Every layer raises these (never a bare ``ValueError`` or ``KeyError`` for a user's mistake);
the CLI prints ``str(err)``, the API maps each class to a status code in one place
(``assistant.interfaces.api.STATUS``), the UI shows the message. Anything else that escapes
is a bug and is reported as an internal error.

>>> try:
...     raise NotFound("no document with id 'x'")
... except PlanAssistError as err:
...     print(type(err).__name__, "-", err)
NotFound - no document with id 'x'
>>> str(LoadError("/tmp/scan.pdf", "no text layer"))
'scan.pdf: no text layer'
>>> issubclass(ContextError, InvalidRequest)
True
"""

from __future__ import annotations

from pathlib import Path


def printable_name(name: str, limit: int = 160) -> str:
    """A file name safe in a one-line message: control characters shown as '?', long names cut in the middle."""
    clean = "".join(ch if ch.isprintable() else "?" for ch in name)
    return clean if len(clean) <= limit else f"{clean[: limit // 2]}…{clean[-limit // 2 :]}"


class PlanAssistError(Exception):
    """Base of every error the product raises on purpose; ``str(err)`` is the one-line message."""


class InvalidRequest(PlanAssistError, ValueError):
    """The request cannot be carried out as asked (a count out of range, an unknown section...).

    It is also a ``ValueError`` so that code written against the built-in keeps working; catch
    it by this name.
    """


class ContextError(InvalidRequest):
    """A planning context that cannot be used; the message lists each problem by field."""


class RatingError(InvalidRequest):
    """Health-check ratings that cannot be used; the message names each bad entry."""


class BackendUnavailable(InvalidRequest):
    """The answer backend asked for is not configured (e.g. ``llm`` with no server or model)."""


class NotFound(PlanAssistError, LookupError):
    """The document (or other item) asked for is not in the index."""


class NotDeletable(PlanAssistError):
    """The document exists but is part of the shipped corpus or catalogue, not a user upload."""


class LoadError(PlanAssistError):
    """A file that cannot be ingested (unsupported, empty, too large, corrupt, no text layer)."""

    def __init__(self, path: Path | str, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{printable_name(Path(path).name)}: {reason}")


class ConfigurationError(PlanAssistError):
    """The installation or settings cannot work (e.g. the embedding model is not installed)."""


class ModelError(ConfigurationError):
    """A local model that cannot be installed, found or trusted (parts missing, offline, size or hash mismatch)."""


class Busy(PlanAssistError):
    """Every worker is busy and the request waited too long to start; try again after ``retry_after`` seconds."""

    def __init__(self, message: str, retry_after: int):
        self.retry_after = retry_after
        super().__init__(message)


class LLMUnavailable(PlanAssistError):
    """The language model did not answer in time or could not be reached (server down, timeout)."""


class IndexWriteError(PlanAssistError):
    """The index could not be written (disk full, read-only folder); nothing half-written is kept."""
