"""A team's ratings of the integration health check, from a YAML/JSON file, a form or the API.

A ratings file maps question numbers to a rating on the scale — in place, partly, not in
place, not applicable — and an optional comment; a top-level ``date`` (the workshop) sets
the next annual review in the monitoring table. Every problem is reported at once, by
question number, and nothing is half-applied.

>>> data = {"ratings": {"A1": "partly", "P1": {"rating": "in place", "comment": "signed"}}}
>>> parse_ratings(data, ["A1", "P1"]).ratings["P1"].comment
'signed'
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import yaml
from pydantic import BaseModel, Field

from assistant.errors import RatingError

SCALE = ("in place", "partly", "not in place", "not applicable")
"""The rating scale, strongest first, exactly as forms and reports print it."""
ALIASES = {"n/a": "not applicable", "na": "not applicable", "not_applicable": "not applicable", "not_in_place": "not in place",
           "in_place": "in place", "partially": "partly", "partial": "partly"}
MAX_COMMENT_CHARS = 2000
MAX_RATINGS_BYTES = 200_000


class Rating(BaseModel):
    """One question's rating and the team's comment."""

    rating: str = Field(description="One of: in place, partly, not in place, not applicable.")
    comment: str = Field("", max_length=MAX_COMMENT_CHARS)


class Ratings(BaseModel):
    """All ratings of one health check, keyed by question number (A1, P3, ...)."""

    ratings: dict[str, Rating] = Field(default_factory=dict)
    date: dt.date | None = Field(None, description="Date of the workshop that rated the questions.")


def _scale_value(value: object) -> str | None:
    text = " ".join(str(value).strip().lower().replace("-", " ").split()) if value is not None else ""
    text = ALIASES.get(text.replace(" ", "_"), ALIASES.get(text, text))
    return text if text in SCALE else None


def _entries(data: object) -> tuple[list[tuple[str, object]], object, list[str]]:
    """(question, value) pairs, the date, and shape problems, from any accepted layout."""
    if isinstance(data, dict) and "ratings" in data:
        body, date = data.get("ratings"), data.get("date")
        extra = sorted(set(data) - {"ratings", "date"})
        problems = [f"unknown top-level field(s) {', '.join(map(str, extra))} (use 'ratings' and 'date')"] if extra else []
    else:
        body, date, problems = data, None, []
    if isinstance(body, dict):
        return [(str(k).strip(), v) for k, v in body.items()], date, problems
    if isinstance(body, list) and all(isinstance(row, dict) for row in body):
        return [(str(row.get("id", "")).strip(), row) for row in body], date, problems
    shape = "ratings must map question numbers to ratings, e.g. {A1: partly, P2: {rating: in place, comment: ...}}"
    return [], date, problems + [shape]


def parse_ratings(data: object, valid_ids: list[str]) -> Ratings:
    """Validate ratings against this health check's questions; raise RatingError listing every problem."""
    if data is None or data == {}:
        return Ratings()
    entries, date, problems = _entries(data)
    ratings: dict[str, Rating] = {}
    for qid, value in entries:
        key = qid.upper()
        if key not in valid_ids:
            problems.append(f"{qid or '(no id)'}: not a question of this health check (questions: {', '.join(valid_ids)})")
            continue
        if key in ratings:
            problems.append(f"{key}: rated twice")
            continue
        raw, comment = (value.get("rating"), value.get("comment") or "") if isinstance(value, dict) else (value, "")
        rating = _scale_value(raw)
        if raw is None or not str(raw).strip():
            problems.append(f"{key}: no rating given ({', '.join(SCALE)})")
        elif rating is None:
            problems.append(f"{key}: '{raw}' is not on the scale ({', '.join(SCALE)})")
        elif not isinstance(comment, str) or len(comment) > MAX_COMMENT_CHARS:
            problems.append(f"{key}: the comment must be text under {MAX_COMMENT_CHARS} characters")
        else:
            ratings[key] = Rating(rating=rating, comment=" ".join(comment.split()))
    when = _date(date, problems)
    if problems:
        raise RatingError("; ".join(problems))
    return Ratings(ratings=ratings, date=when)


def _date(value: object, problems: list[str]) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        problems.append(f"date: '{value}' is not a date (use 2028-03-12)")
        return None


def read_ratings(path: Path | str) -> object:
    """The raw contents of a .yaml/.yml or .json ratings file (validated later, against the questions)."""
    path = Path(path)
    if not path.exists():
        raise RatingError(f"{path}: no such file")
    if path.stat().st_size > MAX_RATINGS_BYTES:
        raise RatingError(f"{path.name}: too large for a ratings file")
    try:
        text = path.read_text(encoding="utf-8")
        return json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except (UnicodeDecodeError, json.JSONDecodeError, yaml.YAMLError) as err:
        raise RatingError(f"{path.name}: cannot be parsed ({type(err).__name__}: {str(err).splitlines()[0]})") from None
