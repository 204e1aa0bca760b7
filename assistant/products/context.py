"""The planning context a drafter or trainer supplies: country, presence, mandate, priorities.

Read from a YAML or JSON file (CLI) or a form (UI), validated with errors that name the
field. Everything in a draft that is not cited policy comes from here — the assistant
adds no facts of its own about the country.

>>> ctx = PlanningContext(country="Carana", fictional=True, presence="PKO", mission="UNMICA",
...     key_tasks=["Protect civilians"], un_entities=["UNDP"], period="2027-2029")
>>> ctx.years, ctx.span
((2027, 2029), '2027–2029')
>>> PlanningContext.model_validate({**ctx.model_dump(), "period": "July 2027 - December 2028"}).span
'July 2027–December 2028'
>>> mandate_tasks("Decides that the mandate shall be: (a) to protect civilians; (b) to support elections.")
['Protect civilians', 'Support elections']
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from assistant.errors import ContextError

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
          "December")
_MONTH = r"(?:(?P<{}>[A-Za-z]{{3,9}})\.?\s+)?"
PERIOD = re.compile(rf"^\s*{_MONTH.format('m1')}(?P<y1>\d{{4}})\s*(?:[-–—]|to)\s*{_MONTH.format('m2')}(?P<y2>\d{{4}})\s*$")
MAX_CONTEXT_BYTES = 200_000
PRESENCE_NAMES = {"PKO": "multidimensional peacekeeping operation", "SPM": "special political mission",
                  "transition": "UN presence in transition"}
# Mandate text is split into tasks at sub-paragraph letters/numerals, semicolons and sentence ends;
# the lead-in ("Decides that the mandate of X shall be:") and a leading "to" are dropped.
TASK_BREAK = re.compile(r"(?:^|[;:.]\s+|\s)\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s+|;\s*(?:and\s+)?|\.\s+(?=[A-Z])|\n+\s*[-•*]?\s*")
LEAD_IN = re.compile(r"^.*?\b(?:mandate|tasks?)\b[^:]{0,80}:\s*", re.IGNORECASE | re.DOTALL)
TASK_VERB = re.compile(r"^(?:\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s+|[-•*]\s*|to\s+|and\s+)+", re.IGNORECASE)
COUNCIL_VERB = re.compile(
    r"^(requests|decides|calls|encourages|urges|stresses|underlines|welcomes|expresses|reaffirms|recalls)\b", re.IGNORECASE)
GENERIC_WORDS = frozenset({"suppo", "assis", "provi", "their", "there", "which", "other", "withi", "throu"})
NATIONAL = re.compile(r"\b(government|ministry|minister|national|authorities)\b", re.IGNORECASE)


def mandate_tasks(mandate: str) -> list[str]:
    """The tasks in a mandate text, one per sub-paragraph or semicolon-separated clause."""
    text = " ".join(mandate.split()) if "\n-" not in mandate else mandate
    if ":" in text[:300]:
        text = LEAD_IN.sub("", text, count=1)
    tasks: list[str] = []
    for part in TASK_BREAK.split(text):
        part = TASK_VERB.sub("", " ".join(part.split()).strip(" ;,.")).strip()
        if len(part) >= 8 and not COUNCIL_VERB.match(part) and part.lower() not in (t.lower() for t in tasks):
            tasks.append(part[0].upper() + part[1:])
    return tasks[:12]


def _stems(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z]{4,}", text.lower())} - GENERIC_WORDS


def _same_task(a: str, b: str) -> bool:
    """Two phrasings of one task: most of the shorter one's word stems are in the other."""
    wa, wb = _stems(a), _stems(b)
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= 0.6


class Priority(BaseModel):
    """A peace-consolidation priority with the entities that would lead and contribute."""

    model_config = ConfigDict(extra="forbid")  # a misspelt 'contributng' is an error, not silently no contributors

    name: str = Field(min_length=3, max_length=200)
    lead: str = Field("", max_length=120, description="Lead entity (mission section or agency), if agreed.")
    contributing: list[str] = Field(default_factory=list, description="Contributing entities.")


# 'Progressive handover of mission tasks …', 'progressively hand over its civilian tasks …', 'support the transition of its
# civilian tasks …' (trial 15): the handover of the other tasks, not a task to hand over
HANDOVER_TASK = re.compile(r"^(?:\w+\s+){0,3}(?:hand(?:ing)?[- ]?over|transfer\w*|transition)\b(?:\s+of\b)?[^.]*\btasks\b",
                           re.IGNORECASE)


def _month(name: str | None) -> int | None:
    """1-12 for a month name or its first three letters; None for no month; ValueError for a word that is not one."""
    if name is None:
        return None
    for i, month in enumerate(MONTHS, 1):
        if month.lower().startswith(name.lower()) and len(name) >= 3:
            return i
    raise ValueError(f"'{name}' is not a month")


class PlanningContext(BaseModel):
    """What the drafting team knows about its setting."""

    model_config = ConfigDict(extra="forbid")  # a misspelt 'tenshuns:' was ignored and left the risks table blank

    country: str = Field(min_length=2, max_length=100, description="Country, real or fictional.")
    fictional: bool = Field(False, description="True for training scenarios (e.g. Carana).")
    presence: Literal["PKO", "SPM", "transition"] = Field(
        description="Peacekeeping operation, special political mission, or a presence in transition.")
    phase: Literal["", "start-up", "consolidation", "drawdown", "withdrawal"] = Field(
        "", description="Mandate stage, if known: start-up, consolidation, drawdown or withdrawal.")
    mission: str = Field(min_length=2, max_length=100, description="Name or acronym of the mission.")
    mandate: str = Field("", max_length=20_000, description="Mandate text or extract (Security Council resolution).")
    key_tasks: list[str] = Field(default_factory=list, description="Mandated key tasks.")
    national_priorities: list[str] = Field(default_factory=list, description="Priorities of the national plan.")
    national_plan: str = Field("", max_length=200, description="Name of the national development plan or compact.")
    un_entities: list[str] = Field(min_length=1, description="UN entities present besides the mission (UNDP, UNICEF, ...).")
    period: str = Field(description="ISF period: '2027-2029', or 'July 2027 - December 2028' (2-3 years is usual).")
    priorities: list[Priority] = Field(default_factory=list, description="Peace-consolidation priorities, if already agreed.")
    tensions: list[str] = Field(default_factory=list,
                                description="Known tensions (humanitarian space, host government, funding...).")
    humanitarian_response: bool = Field(False, description="An active humanitarian response plan (HRP) is in place.")

    @field_validator("key_tasks", "national_priorities", "un_entities", "tensions")
    @classmethod
    def _clean_list(cls, items: list[str]) -> list[str]:
        cleaned = [" ".join(str(i).split()) for i in items if str(i).strip()]
        if any(len(i) > 500 for i in cleaned):
            raise ValueError("each item must be under 500 characters")
        return cleaned

    @field_validator("period")
    @classmethod
    def _period(cls, value: str) -> str:
        """'2027-2029', or with months when the ISF runs part-years ('July 2027 - December 2028', trial 9)."""
        match = PERIOD.match(value)
        if not match:
            raise ValueError("use the form '2027-2029' or 'July 2027 - December 2028'")
        start, end = int(match["y1"]), int(match["y2"])
        if (match["m1"] is None) != (match["m2"] is None):
            raise ValueError("give a month for both ends or for neither ('July 2027 - December 2028')")
        months = [_month(match[m]) for m in ("m1", "m2")]
        if not 1990 <= start <= end <= start + 6 or (start, months[0] or 0) >= (end, months[1] or 0):
            raise ValueError("the end year must follow the start year, within 6 years (2-3 is usual)")
        first, last = months
        if first is None or last is None:
            return f"{start}-{end}"
        return f"{MONTHS[first - 1]} {start}-{MONTHS[last - 1]} {end}"

    @model_validator(mode="after")
    def _tasks_or_mandate(self) -> "PlanningContext":
        if not self.key_tasks and not self.mandate.strip():
            raise ValueError("give key_tasks or the mandate text")
        return self

    @model_validator(mode="after")
    def _mission_apart(self) -> "PlanningContext":
        """The mission listed among the UN entities is not a country-team member: trials 7 and 9 got "the country team
        in Marevia (UNPOMAR, UNDP, …)" and "UNPOMAR, UNPOMAR, UNDP"."""
        agencies = [e for e in self.un_entities if e.strip().lower() not in self.mission_names]
        if not agencies:
            raise ValueError("un_entities: list the UN entities besides the mission (UNDP, UNICEF, ...)")
        self.un_entities = agencies
        return self

    @property
    def years(self) -> tuple[int, int]:
        """(start, end) years of the period."""
        start, end = re.findall(r"\d{4}", self.period)
        return int(start), int(end)

    @property
    def ends(self) -> str:
        """When the period ends, as a draft says 'by …': 'June 2028', or '2029' for whole years."""
        return self.period.split("-")[-1].strip()

    @property
    def span(self) -> str:
        """The period as a draft writes it: '2027–2029', 'July 2027–December 2028'."""
        return self.period.replace("-", "–")

    @property
    def presence_name(self) -> str:
        """'special political mission', 'multidimensional peacekeeping operation', ..."""
        return PRESENCE_NAMES[self.presence]

    @property
    def leaving(self) -> bool:
        """The presence is drawing down, withdrawing or in transition: task transfer matters."""
        return self.presence == "transition" or self.phase in ("drawdown", "withdrawal")

    @property
    def tasks(self) -> list[str]:
        """Mandated tasks: the key tasks, then tasks parsed from the mandate text that add something new."""
        tasks = list(self.key_tasks)
        for t in mandate_tasks(self.mandate):
            if not any(_same_task(t, k) for k in tasks):
                tasks.append(t)
        return tasks

    @property
    def own_tasks(self) -> list[str]:
        """The mandated tasks less one that is the handover of the others ('Progressive handover of mission tasks to the
        Government and the UN country team'): what the objectives, result rows and transfer table are about (trial 11 had
        the handover as a task to hand over)."""
        return [t for t in self.tasks if not HANDOVER_TASK.search(t)]

    @property
    def all_priorities(self) -> list[Priority]:
        """Agreed priorities, or the mandated tasks as provisional ones."""
        return self.priorities or [Priority(name=t) for t in self.own_tasks[:6]]

    @property
    def entities(self) -> list[str]:
        """The mission and the UN entities the drafter listed: the only entities a draft may name."""
        return [self.mission, *self.un_entities]

    @property
    def mission_short(self) -> str:
        """How the draft names the mission after its first mention: its acronym ('MINUSTAR'), else its name."""
        named = re.match(r"^[^(]+?\s*\((?P<code>[^)]+)\)\s*$", self.mission)
        return named["code"] if named else self.mission

    @property
    def mission_names(self) -> set[str]:
        """The mission's names, lower-cased: as written, and its name and acronym ('… in Marevia (UNPOMAR)')."""
        named = re.match(r"^(?P<name>[^(]+?)\s*\((?P<code>[^)]+)\)\s*$", self.mission)
        return {self.mission.strip().lower()} | ({named["name"].lower(), named["code"].lower()} if named else set())

    def listed(self, entity: str) -> bool:
        """True for a listed entity, the mission by any of its names or a section of it ('UNMICA Police'), or a national
        counterpart."""
        name = entity.strip().lower()
        known = [e.lower() for e in self.entities] + sorted(self.mission_names)
        return name in known or any(name.startswith(f"{n} ") for n in self.mission_names) or bool(NATIONAL.search(entity))


def _explain(err: ValidationError) -> str:
    lines = []
    for e in err.errors():
        where = ".".join(str(p) for p in e["loc"]) or "context"
        model = Priority if e["loc"][:1] == ("priorities",) else PlanningContext
        known = f" (the fields are: {', '.join(model.model_fields)})" if e["type"] == "extra_forbidden" else ""
        lines.append(f"{where}: {e['msg'].removeprefix('Value error, ')}{known}")
    return "; ".join(lines)


def parse_context(data: object) -> PlanningContext:
    """Validate a mapping; raise ContextError naming each bad field."""
    if not isinstance(data, dict):
        raise ContextError("the planning context must be a mapping of fields (country, presence, mission, ...)")
    try:
        return PlanningContext.model_validate(data)
    except ValidationError as err:
        raise ContextError(_explain(err)) from None


def load_context(path: Path | str) -> PlanningContext:
    """A context from a .yaml/.yml or .json file."""
    path = Path(path)
    if not path.exists():
        raise ContextError(f"{path}: no such file")
    if path.stat().st_size > MAX_CONTEXT_BYTES:
        raise ContextError(f"{path.name}: too large for a planning context")
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except (UnicodeDecodeError, json.JSONDecodeError, yaml.YAMLError) as err:
        raise ContextError(f"{path.name}: cannot be parsed ({type(err).__name__}: {str(err).splitlines()[0]})") from None
    try:
        return parse_context(data)
    except ContextError as err:
        raise ContextError(f"{path.name}: {err}") from None
