# ruff: noqa: E501 — template prose for trainers reads better unbroken.
"""Hot-wash and after-action review templates, tied to the exercise's objectives.

Exercise practice ends with a hot-wash straight after play (what happened, what to sustain, what
to improve) and, within a few weeks, an after-action review: findings against each objective
(what was planned, what happened, why, what to change) and an improvement plan in which every
action has an owner and a deadline. The template fills the objective rows from the exercise
the request names (a catalogue topic's objectives, or the IAP-anchored objectives of an
integrated-planning course) and suggests an owner for each improvement action by role; the
trainer replaces the bracketed fields.

>>> [r[0] for r in hot_wash_agenda()][1:3]
['0:00–0:05', '0:05–0:20']
"""

from __future__ import annotations

from assistant.index.retrieve import Retriever
from assistant.products.exercise_course import OBJECTIVES
from assistant.products.exercise_requests import match_topic, topic_fits
from assistant.products.exercise_shapes import Shape, opening
from assistant.products.export import Block, Report
from assistant.products.missing_texts import missing_notes

DEBRIEF_BANK = (
    "What did we set out to achieve, and what actually happened? Where did the gap come from?",
    "Which decision needed the mission and the country team, and was the right forum used (SLF, HCT, ITF)?",
    "Did we share one analysis? Where did mission and agency data or assumptions diverge?",
    "Which humanitarian principles were at stake, and how did we protect them?",
    "Who was accountable for each agreed result, and by when? Would it survive a leadership change?",
    "What would the host government and affected communities have seen or heard?",
    "Which ISF priority, indicator or risk should change as a result?",
    "What should we sustain, and what should we improve? Who owns each improvement action, and by when?",
)
# An improvement action each objective typically leads to, with the role that usually owns it.
ACTIONS = {
    1: ("Brief new senior staff on the integration arrangements that apply to this presence", "Chief of Staff", "training"),
    2: ("Agree a joint analysis calendar and one shared conflict analysis product", "Chief of the joint planning capacity with the RCO strategic planner", "SOP"),
    3: ("Add owners, indicators and dates to every ISF result left without them", "Chief of the joint planning capacity", "template"),
    4: ("Revise the Senior Leadership Forum's terms of reference to list the decisions it takes and who brings them", "Chief of Staff for the SRSG", "ToR"),
    5: ("Set the ISF review cycle and the reporting line to the SLF and Headquarters", "Monitoring and evaluation officer, joint planning capacity", "SOP"),
    6: ("Write the decision rule for requests for mission assets and escorts", "Head of OCHA with the Force Commander's civil–military coordination officer", "SOP"),
    7: ("Map each mission task to a receiving entity, timing and funding source", "DSRSG/RC/HC with the Director of Mission Support", "plan"),
}
HOT_WASH_MINUTES, AAR_MINUTES = 30, 120


def hot_wash_agenda() -> list[list[str]]:
    """The 30-minute hot-wash straight after play."""
    return [["Time", "Item", "Who"],
            ["0:00–0:05", "Recall the objectives and the rules: facts, not blame; every voice counts", "Facilitator"],
            ["0:05–0:20", "Round of syndicates: what did we set out to do, and what happened?", "One speaker per syndicate"],
            ["0:20–0:27", "Sustain and improve: two of each, written on the capture sheet", "All; evaluators add observations"],
            ["0:27–0:30", "What happens next: the AAR date, who drafts the report", "Facilitator"]]


def aar_agenda() -> list[list[str]]:
    """The two-hour after-action review meeting."""
    return [["Time", "Item", "Who"],
            ["0:00–0:10", "Purpose, objectives, ground rules", "AAR chair (not the exercise director)"],
            ["0:10–0:30", "What was planned: the objectives and the expected decisions", "Exercise director"],
            ["0:30–1:00", "What happened: timeline of decisions and injects, with evaluator notes", "Evaluators"],
            ["1:00–1:30", "Why: root causes of each gap (forum, information, mandate, capacity, procedure)", "All, in syndicates"],
            ["1:30–1:50", "What to change: improvement actions, each with an owner and a deadline", "All; owners confirm"],
            ["1:50–2:00", "Agree the improvement plan and when progress is reviewed", "AAR chair"]]


def _objectives(text: str) -> tuple[str, list[tuple[int, str]]]:
    """(what the exercise is, numbered objectives): a catalogue topic's, else the IAP-anchored set."""
    if topic_fits(text) and not any(w in text.lower() for w in ("integrated-planning", "integrated planning", "iap")):
        topic = match_topic(text)
        return f"the {topic.named} exercise", [(0, o) for o in topic.objectives]
    return "an integrated-planning exercise", [(k, o.text) for k, o in enumerate(OBJECTIVES, 1)]


def aar(text: str, shape: Shape, participants: int, retriever: Retriever) -> Report:
    """The template: hot-wash agenda and capture sheet, AAR agenda, findings per objective, improvement plan."""
    what, objectives = _objectives(text)
    notes = [f"{n} The objectives' anchors come from it; this template quotes nothing from it."
             for n in missing_notes("IAP Policy 2013", retriever)] if objectives[0][0] else []
    findings = [["Objective", "What was planned", "What happened", "Why (root cause)", "What to change"]]
    findings += [[f"{n}. {o}", *(["[expected decisions and products]", "[what players did, with times]",
                                  "[forum, information, mandate, capacity or procedure]", "[the change, feeding the improvement plan]"]
                                 if n == 1 else ["", "", "", ""])] for n, (_, o) in enumerate(objectives, 1)]
    plan = [["#", "Improvement action", "Type", "Owner", "Deadline", "Objective", "Status"]]
    for n, (k, _) in enumerate(objectives, 1):
        action, owner, kind = ACTIONS.get(k, ("[action]", "[owner: a named post]", "[SOP, ToR, template, training]"))
        plan.append([str(n), action, kind, owner, "[date, within 3 months]", str(n), "open"])
    blocks = [
        *opening(text, (
            f"A hot-wash ({HOT_WASH_MINUTES} minutes, straight after play) and an after-action review ({AAR_MINUTES // 60} hours, within "
            f"two to four weeks) for {what} with {participants} participants. Both are tied to the exercise's objectives; the AAR ends "
            "in an improvement plan in which every action has one owner and a deadline. Replace the bracketed fields."), notes, heading="Purpose"),
        Block(kind="heading", text="The exercise's objectives", level=1),
        Block(kind="bullets", items=[f"{n}. {o}" for n, (_, o) in enumerate(objectives, 1)]),
        Block(kind="heading", text="Hot-wash", level=1),
        Block(kind="heading", text="Agenda", level=2),
        Block(kind="table", rows=hot_wash_agenda()),
        Block(kind="heading", text="Questions", level=2),
        Block(kind="bullets", items=list(DEBRIEF_BANK[:3]) + [DEBRIEF_BANK[-1]]),
        Block(kind="heading", text="Capture sheet", level=2),
        Block(kind="table", rows=[["Sustain (what worked)", "Improve (what did not)", "Objective", "Raised by"],
                                  *[["", "", "", ""] for _ in range(5)]]),
        Block(kind="heading", text="Evaluator observation sheet (during play)", level=2),
        Block(kind="table", rows=[["Time", "Syndicate", "What was decided, by whom, in which forum", "Objective", "Sustain or improve"],
                                  *[["", "", "", "", ""] for _ in range(5)]]),
        Block(kind="heading", text="After-action review", level=1),
        Block(kind="heading", text="Agenda", level=2),
        Block(kind="table", rows=aar_agenda()),
        Block(kind="heading", text="Findings against the objectives", level=2),
        Block(kind="table", rows=findings),
        Block(kind="heading", text="Questions for the root-cause discussion", level=2),
        Block(kind="bullets", items=list(DEBRIEF_BANK[1:-1])),
        Block(kind="heading", text="Improvement plan", level=1),
        Block(kind="note", text="Suggested actions and owners by role, one per objective: keep, change or delete each, and name the post holder."),
        Block(kind="table", rows=plan),
        Block(kind="heading", text="AAR report outline", level=1),
        Block(kind="bullets", items=["1. The exercise: dates, participants, objectives, scenario in one paragraph.",
                                     "2. Summary: three strengths to sustain, three gaps to improve.",
                                     "3. Findings per objective (the table above).",
                                     "4. Improvement plan (the table above) and the date of the first progress review.",
                                     "5. Annexes: timeline of decisions, evaluator notes, participant feedback."]),
    ]
    return Report(title=f"Hot-wash and after-action review template: {what}",
                  subtitle=f"hot-wash ({HOT_WASH_MINUTES} minutes) and after-action review ({AAR_MINUTES} minutes) · {len(objectives)} objectives · {participants} participants",
                  blocks=blocks, sources=[])
