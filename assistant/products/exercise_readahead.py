# ruff: noqa: E501 — handout prose for trainers reads better unbroken.
"""A read-ahead handout of the length a trainer asks for ("a 4-page read-ahead I can hand out").

The handout starts from the exercise scenario (background, actors, humanitarian and economic
situation, the UN presence, the map) and adds sections in order — key facts, stakeholders, the
national plan, what the library says on the task, the syndicates' task — until it reaches the
pages asked for, at about :data:`WORDS_PER_PAGE` words a page. Everything about the country is
an exercise assumption; everything about policy is quoted from the library and cited.

>>> pages_of(800)
2
"""

from __future__ import annotations

from assistant.products.context import PlanningContext
from assistant.products.exercise import scenario, scenario_words
from assistant.products.exercise_catalogue import Topic
from assistant.products.export import Block

WORDS_PER_PAGE = 400  # measured: 1,246 words of this handout's prose and tables fill 3 pages in Word (LibreOffice)
DROP = ("Start state", "Documents in the pack")
ISF_TO_DRAFT = ("share an Integrated Strategic Framework aligned with", "have agreed to draft their first Integrated Strategic Framework, to be aligned with")


def pages_of(words: int) -> int:
    """Pages a handout of this many words fills (at least one)."""
    return max(1, round(words / WORDS_PER_PAGE))


def pages_label(words: int) -> str:
    """'1 page' or '4 pages': the pages a handout of this many words fills, as a heading says it.

    >>> pages_label(120), pages_label(1600)
    ('1 page', '4 pages')
    """
    pages = pages_of(words)
    return f"{pages} page" if pages == 1 else f"{pages} pages"


def _background(topic: Topic, ctx: PlanningContext | None, country: str, drafting: bool) -> list[Block]:
    """The scenario without its exercise-specific start state and pack list; for a drafting workshop the ISF is not yet written."""
    out, skip = [], False
    for b in scenario(topic, ctx, country):
        if b.kind == "heading":
            skip = b.text.startswith(DROP)
        if not skip:
            out.append(b.model_copy(update={"text": b.text.replace(*ISF_TO_DRAFT)}) if drafting else b)
    return out


def _extras(country: str) -> list[list[Block]]:
    return [
        [Block(kind="heading", text="Mandate extract (fictional Security Council resolution)", level=2),
         Block(kind="bullets", items=[
             "Decides that the mission's strategic priority is to support the Government in consolidating the peace agreement, with a "
             "focus on the protection of civilians and the extension of State authority in the north and east;",
             "Requests the mission and the United Nations country team to work under one integrated strategy, aligned with the "
             "national development plan, and to report on progress against agreed benchmarks;",
             "Requests the Secretary-General to present, within twelve months, options for the gradual transfer of the mission's "
             "civilian tasks to the Government and the country team."])],
        [Block(kind="heading", text="Summary of the last joint assessment (exercise assumption)", level=2),
         Block(kind="paragraph", text=(
             "Eight months ago the mission and the country team carried out a joint assessment with the Ministry of Planning. It found "
             "three drivers of renewed conflict: the absence of State administration and justice in the east; land disputes between "
             "returnees and those who settled during the war; and the exclusion of young men from jobs and politics. It named the armed "
             "movements outside the agreement, local strongmen and the illegal mining trade as spoilers, and local peace committees, "
             "women's groups and the churches as capacities for peace. It warned that the elections could reopen old divisions, and "
             "that the humanitarian caseload would not fall while displacement sites stay open. It recommended that the UN focus on few "
             "priorities, with one lead entity for each result."))],
        [Block(kind="heading", text="Recent events", level=2),
         Block(kind="table", rows=[["When", "Event"], ["Three months ago", "Clashes over land near the main displacement site; eleven dead"],
                                   ["Two months ago", "The Government announces the deployment of 2,000 police officers to the east"],
                                   ["Last month", "Donors' conference: pledges for recovery, but only a third for the east"],
                                   ["This week", "The Ministry of Planning asks the UN for one framework it can present to Parliament"]])],
        [Block(kind="heading", text="Key facts (exercise assumptions)", level=2),
         Block(kind="table", rows=[["Item", "Figure"], ["Population", "about 9 million"], ["Internally displaced", "about 400,000"],
                                   ["People in need of assistance", "1.2 million"], ["Mission strength", "about 9,000 uniformed and 1,200 civilian staff"],
                                   ["UN country team", "14 agencies, funds and programmes; 6 with field offices in the east"],
                                   ["Next national elections", "in 20 months"], ["Humanitarian plan funding", "half funded"]])],
        [Block(kind="heading", text="The national development plan", level=2),
         Block(kind="paragraph", text=(
             f"{country}'s five-year national development plan has four pillars: security and the rule of law; governance and "
             "decentralization; economic recovery and jobs, with the north and east first; and basic services (health, education, water). "
             "Each pillar has a ministry in the lead and a sector working group with donors. The plan asks all international partners to "
             "align with its pillars and to report through the Ministry of Planning; it is silent on the return of displaced people and "
             "on land disputes, which the peace agreement left to a commission that has not yet met."))],
        [Block(kind="heading", text="UN entities in the country (exercise assumptions)", level=2),
         Block(kind="table", rows=[["Entity", "Main programmes", "Where"],
                                   ["Mission civil affairs and police components", "Local peace committees; police deployment and mentoring", "North and east"],
                                   ["UNDP", "Rule of law, local governance, livelihoods for returnees", "Capital, east"],
                                   ["UNHCR", "Returns, documentation, land and property", "East, south"],
                                   ["UNICEF", "Education, child protection, water", "Nationwide"],
                                   ["WFP", "Food assistance in displacement sites; school meals", "East, north"],
                                   ["UN Women", "Women's participation in the peace process and local committees", "Capital, east"],
                                   ["OHCHR (with the mission's human rights component)", "Monitoring and reporting; transitional justice", "Nationwide"]])],
        [Block(kind="heading", text="Questions to guide the drafting", level=2),
         Block(kind="bullets", items=["What would peace in five years look like to a displaced family in the east?",
                                      "Which of the drivers in the joint assessment can the UN, with the Government, change in this period?",
                                      "Which results need both the mission and agencies, and which one entity leads each?",
                                      "What will the mission hand over, to whom, and when, if the Council asks for options within a year?",
                                      "How will you know the priority is on track: one indicator each, with a source of data?"])],
    ]


def read_ahead(topic: Topic, ctx: PlanningContext | None, country: str, pages: int,
               library: list[Block], task: list[Block], drafting: bool = False) -> tuple[list[Block], int]:
    """(blocks, words): the background, then key facts, stakeholders, the plan, the library and the task, until the pages are filled.

    The library section and the task always go in (they are what syndicates work from); the country sections fill the rest.
    """
    blocks = _background(topic, ctx, country, drafting)
    target = pages * WORDS_PER_PAGE
    for extra in _extras(ctx.country if ctx else country):
        if scenario_words(blocks + library + task) + _table_words(blocks) >= target:
            break
        blocks += extra
    blocks += library + task
    return blocks, scenario_words(blocks) + _table_words(blocks)


def _table_words(blocks: list[Block]) -> int:
    return sum(len(cell.split()) for b in blocks if b.kind == "table" for row in b.rows for cell in row)
