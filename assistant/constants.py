"""Tuning constants and request limits: the one place for numbers that are not user settings.

User-facing configuration lives in :mod:`assistant.settings` (environment variables). What is
here was either set by an evaluation (changing it means re-running ``planassist eval``, see
docs/evaluation.md) or is a limit that the CLI, the API and the UI must all enforce alike, so
they import it from here instead of writing the number three times.

>>> MIN_MINUTES < MAX_MINUTES and MIN_PARTICIPANTS < MAX_PARTICIPANTS
True
"""

from __future__ import annotations

# --- verification: when does a passage support a sentence ------------------------------------
LEXICAL_SUPPORT = 0.6
"""Share of a sentence's content words a passage must hold to support it."""
SEMANTIC_SUPPORT = 0.75
"""Cosine similarity of the sentence to the passage's closest sentence that supports it."""

# --- request limits shared by CLI, API and UI -------------------------------------------------
MAX_QUERY_CHARS = 2000
"""Longest question or search query accepted."""
MAX_HISTORY = 40
"""Most earlier messages sent with a follow-up (/api/ask ``history``, /v1/chat/completions)."""
MAX_QUESTIONS = 30
"""Most questions in one quiz."""
MIN_MINUTES, MAX_MINUTES = 45, 960
"""Length of an exercise session in minutes (960: two days of eight hours)."""
MIN_PARTICIPANTS, MAX_PARTICIPANTS = 4, 120
"""Participants in an exercise."""
KEY_FAILURES, KEY_FAILURE_WINDOW_S = 10, 300
"""Wrong keys one client address may send (to /login or as a header) in this many seconds before a 429."""
