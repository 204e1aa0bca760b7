"""Joint-training exercise packs for mixed mission / UN country team groups.

A pack follows the pattern of UN training exercises: purpose and audience, learning
objectives, a fictional-country scenario with a real case from the corpus (cited as
such), role cards with confidential briefs, injects on a timeline scaled to the session
length, discussion questions, a facilitator answer key whose every statement is a
verified, cited passage, and debrief questions. Roles, injects and objectives are picked
for the topic from catalogues drawn from training practice; nothing in the answer key is
written without a source.

>>> pack = exercise("humanitarian space and quick-impact projects", 90, 18, get_retriever())  # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.answering.answer import answer_question
from assistant.citation import NOT_COVERED, CitationBook
from assistant.constants import MAX_MINUTES, MAX_PARTICIPANTS, MIN_MINUTES, MIN_PARTICIPANTS
from assistant.errors import InvalidRequest
from assistant.index.lexical import tokenize
from assistant.index.retrieve import Filters, Retriever
from assistant.products.export import Block, Report

SYNDICATE_SIZE = 6
DEFAULT_COUNTRY = "Carana"
KEY_SENTENCES = 2
# (phase, share of the session) — the 90-minute tabletop pattern, scaled to any length.
PHASES = (("Opening: objectives, rules, scenario brief", 10), ("Role allocation and reading of briefs", 5),
          ("Move 1: syndicates respond to the opening situation", 30), ("Back-briefs to the plenary", 15),
          ("Move 2: time jump; the next inject tests the decision taken", 15), ("Hot-wash debrief", 15))


@dataclass(frozen=True)
class Role:
    """A role card: who the player is, what they want, where they clash with others, and a confidential brief."""
    title: str
    interests: str
    friction: str
    brief: str
    keywords: str
    core: bool = False


@dataclass(frozen=True)
class Inject:
    """A scenario development handed to the players during the exercise, and the action it calls for."""
    title: str
    medium: str
    content: str
    action: str
    keywords: str


@dataclass(frozen=True)
class Objective:
    """A learning objective and the question whose cited answer goes in the facilitator's key."""
    text: str
    question: str
    keywords: str


ROLES = (
    Role("SRSG / Head of Mission", "Delivery of the mandate, the political strategy and the coherence of the UN presence.",
         "Security Council timelines against the country team's programme cycles; pressure from the host government.",
         "You have promised the Council visible progress before the next report.", "mission political leadership mandate",
         core=True),
    Role("DSRSG/RC/HC",
         "Leadership of the country team, humanitarian coordination, alignment with development plans; reports to the SRSG and "
         "in the UN development and humanitarian lines.",
         "Torn between mission objectives and humanitarian principles.",
         "Two agency heads have told you privately they will not co-sign anything that links them to military operations.",
         "humanitarian coordinator resident coordinator country team development transition", core=True),
    Role("Head of OCHA", "Humanitarian access, humanitarian principles, civil-military coordination.",
         "Visible association of humanitarian actors with the mission.",
         "An NGO consortium will leave the joint forums if co-branding goes ahead.",
         "humanitarian space access principles civil military ngo quick impact"),
    Role("Force Commander / Police Commissioner", "Security tasks, protection of civilians, support to national forces.",
         "Requests for escorts and assets; conditions on support to national forces.",
         "Your troops are stretched; you cannot escort convoys and hold the northern bases.",
         "security military police protection civilians escort force troop"),
    Role("UNDP Resident Representative", "Governance and rule-of-law programmes; continuity after the mission leaves.",
         "Loss of funding and visibility when mission tasks end.",
         "Your donors fund only activities branded as UNDP's.", "development governance rule law funding transition programme"),
    Role("UNICEF Representative", "Child protection and basic services under the agency's own mandate and board.",
         "Whose lead? Agency accountability against joint results.",
         "Your regional office has asked you not to join integrated structures in the north.",
         "children protection services agency humanitarian"),
    Role("Chief of the joint planning capacity", "Drafting the ISF, the transition plan and monitoring.",
         "Consensus fatigue and lowest-common-denominator results.",
         "You must deliver a revised results matrix to the senior leadership forum by Friday.",
         "planning isf results matrix monitoring benchmarks strategic framework"),
    Role("JMAC chief", "Integrated analysis and early warning.", "Limits on sharing information with the country team.",
         "Your latest assessment contradicts the country team's reading of the north.",
         "analysis information early warning jmac"),
    Role("Host Government (Ministry of Planning)", "National ownership, sovereignty, development funding.",
         "Resists human rights reporting; wants logistics support.",
         "The Minister will ask for helicopters for army operations.", "government national ownership sovereignty host"),
    Role("Peacebuilding Fund focal point", "Joint proposals with clear results and co-signature.",
         "Earmarking and reporting burdens.",
         "A new envelope must be committed within three weeks.", "peacebuilding fund pbf funding proposal donors"),
)

INJECTS = (
    Inject("Humanitarian-space shock", "e-mail from the NGO forum",
           "The mission proposes co-branded quick-impact projects in a newly retaken district; the NGO forum threatens to leave "
           "the joint coordination forums.",
           "Decide which forum takes the decision and how humanitarian principles are safeguarded.",
           "humanitarian space quick impact projects ngo principles co-branding"),
    Inject("Mandate renewal", "Security Council press statement",
           "The Council cuts the troop ceiling by 30 %, adds an electoral-support task and asks for a report in six months.",
           "Reprioritise the shared strategy; agree what the country team takes on.",
           "mandate renewal council troop elections reprioritise"),
    Inject("Transition trigger and financial cliff", "code cable from Headquarters",
           "A drawdown benchmark is met early; the country team has no funding to take over the civilian tasks.",
           "Agree the transfer of tasks, conditions and a resource mobilisation plan.",
           "transition drawdown handover funding benchmarks exit"),
    Inject("Host-government demand", "letter from the Minister of Defence",
           "The Government requests UN logistics for army operations and objects to public human rights reporting.",
           "Weigh the request against the mandate and human rights due diligence; agree a joint line.",
           "government host sovereignty logistics human rights"),
    Inject("Joint analysis breakdown", "media report",
           "The JMAC and the country team hold contradictory readings of a regional crisis; a leaked note reaches the press.",
           "Re-establish a shared analysis and agree public messaging.", "analysis jmac information leak regional"),
    Inject("Peacebuilding Fund envelope", "e-mail from the PBF secretariat",
           "A Peacebuilding Fund envelope is announced; a joint mission–agency proposal is due within three weeks.",
           "Agree priorities, implementing entities and who co-signs.",
           "peacebuilding fund pbf proposal joint programme funding"),
    Inject("Attack on civilians near a UN base", "phone call from a field office",
           "Armed men attack a displacement site two kilometres from a UN base; agencies ask for evacuation support.",
           "Decide on protection and humanitarian roles and communication with the Government.",
           "protection civilians attack displacement crisis security"),
)

OBJECTIVES = (
    Objective("Explain when and why integration applies, and the difference between structural and strategic integration.",
              "What is the difference between structural and strategic integration in UN missions?",
              "integration structural strategic policy"),
    Objective("Agree a small set of peace-consolidation priorities from a shared analysis.",
              "Why should the mission and the country team carry out joint analysis?", "analysis priorities joint conflict"),
    Objective("Draft elements of an Integrated Strategic Framework: vision, priorities, results with owners and timelines.",
              "What must an Integrated Strategic Framework contain?", "isf strategic framework vision results planning matrix"),
    Objective("Choose the right integrated mechanism for a decision.",
              "What integrated mechanisms coordinate the mission and the UN country team?",
              "mechanism forum coordination decision leadership"),
    Objective("Apply humanitarian safeguards when proposing integrated arrangements.",
              "What risks does integration pose for humanitarian space?",
              "humanitarian space principles ngo safeguards quick impact"),
    Objective("Plan the transfer of tasks in a transition.",
              "How are mission tasks handed over to the UN country team during transition?",
              "transition drawdown handover exit benchmarks"),
    Objective("Design joint monitoring and adapt priorities to new information.",
              "How should benchmarks and joint monitoring of progress work?", "monitoring benchmarks indicators review"),
)

DEBRIEF = (
    "What did we set out to achieve, and what actually happened? Where did the gap come from?",
    "Which decision needed both the mission and the country team, and was the right forum used?",
    "Did we share one analysis? Where did mission and agency assumptions diverge?",
    "Which humanitarian principles were at stake, and how did we protect them?",
    "Who is accountable for each agreed result, and by when?",
    "What should we sustain, and what should we improve? Who owns each improvement, and by when?",
)


def _relevance(topic: str, keywords: str) -> int:
    return len(set(tokenize(topic)) & set(tokenize(keywords)))


def _ranked(items, topic: str, count: int):
    order = sorted(range(len(items)), key=lambda i: (-_relevance(topic, items[i].keywords), i))
    return [items[i] for i in order[:count]]


def validate(topic: str, minutes: int, participants: int) -> None:
    """Refuse an exercise request outside the limits in assistant/constants.py, naming the field."""
    if len(topic.strip()) < 3:
        raise InvalidRequest("topic: give the subject of the exercise (at least 3 characters)")
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise InvalidRequest(f"minutes: between {MIN_MINUTES} and {MAX_MINUTES}")
    if not MIN_PARTICIPANTS <= participants <= MAX_PARTICIPANTS:
        raise InvalidRequest(f"participants: between {MIN_PARTICIPANTS} and {MAX_PARTICIPANTS}")


def timeline(minutes: int, injects: list[Inject]) -> list[list[str]]:
    """Phases scaled to the session, with injects released inside the two moves."""
    rows, clock = [["Time", "Phase", "Inject"]], 0
    scale = minutes / sum(share for _, share in PHASES)
    moves = [i for i, (name, _) in enumerate(PHASES) if name.startswith("Move")]
    for i, (name, share) in enumerate(PHASES):
        length = round(share * scale) if i < len(PHASES) - 1 else minutes - clock
        inject = ""
        if i in moves and moves.index(i) < len(injects):
            at = clock + (length // 2 if moves.index(i) == 0 else 0)
            inject = f"{_hm(at)} — Inject {moves.index(i) + 1}: {injects[moves.index(i)].title}"
        rows.append([f"{_hm(clock)}–{_hm(clock + length)}", name, inject])
        clock += length
    return rows


def _hm(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def _key(question: str, retriever: Retriever, book: CitationBook, backend: str) -> str:
    answer = answer_question(question, retriever, backend=backend)
    sentences = answer.cited_lines(book, KEY_SENTENCES)
    return " ".join(sentences) if sentences else NOT_COVERED


def exercise(topic: str, minutes: int, participants: int, retriever: Retriever, backend: str = "auto",
             country: str = DEFAULT_COUNTRY) -> Report:
    """A complete exercise pack on the topic."""
    validate(topic, minutes, participants)
    book = CitationBook()
    syndicates = max(1, round(participants / SYNDICATE_SIZE))
    objectives = _ranked(OBJECTIVES, topic, 3 if minutes < 180 else 4)
    roles = [r for r in ROLES if r.core] + _ranked([r for r in ROLES if not r.core], topic, 4)
    injects = _ranked(INJECTS, topic, 2 if minutes < 180 else 3)
    case = answer_question(topic, retriever, backend="extractive", filters=Filters(types=["report"]))
    case_lines = case.cited_lines(book, 2)

    blocks = [
        Block(kind="heading", text="Purpose and audience", level=1),
        Block(kind="paragraph",
              text=(f"A {minutes}-minute tabletop exercise on {topic} for {participants} mission and UN country "
                                      f"team staff in {syndicates} mixed syndicate(s) of about {participants // syndicates}.")),
        Block(kind="heading", text="Learning objectives", level=1),
        Block(kind="bullets", items=[o.text for o in objectives]),
        Block(kind="heading", text="Scenario (read-ahead)", level=1),
        Block(kind="paragraph", text=(
            f"{country} is a fictional country. A multidimensional UN peacekeeping operation works alongside a UN country team "
            f"and an active humanitarian response. The senior leadership must now take decisions on {topic}. "
            f"Participants play the roles below; the facilitator releases injects on the timeline.")),
    ]
    if case_lines:
        blocks += [Block(kind="heading", text="A real case from the corpus", level=2),
                   Block(kind="note", text="Quoted from UN reports for discussion; the fictional scenario is separate."),
                   Block(kind="bullets", items=case_lines)]
    blocks.append(Block(kind="heading", text="Role cards", level=1))
    for r in roles:
        blocks += [Block(kind="heading", text=r.title, level=2),
                   Block(kind="bullets", items=[f"Interests: {r.interests}", f"Friction: {r.friction}",
                                                f"Confidential brief: {r.brief}"])]
    blocks += [Block(kind="heading", text="Timeline and injects", level=1), Block(kind="table", rows=timeline(minutes, injects))]
    for i, inj in enumerate(injects, 1):
        blocks += [Block(kind="heading", text=f"Inject {i}: {inj.title}", level=2),
                   Block(kind="bullets", items=[f"Medium: {inj.medium}", f"Content: {inj.content}",
                                                f"Expected action: {inj.action}"])]
    questions = [o.question for o in objectives]
    blocks += [Block(kind="heading", text="Discussion questions", level=1), Block(kind="bullets", items=questions),
               Block(kind="heading", text="Facilitator answer key", level=1),
               Block(kind="note",
                     text="What a good answer draws on, quoted from the corpus. Where the corpus is silent, the key says so.")]
    for q in questions:
        blocks += [Block(kind="heading", text=q, level=2), Block(kind="paragraph", text=_key(q, retriever, book, backend))]
    blocks += [Block(kind="heading", text="Debrief (hot-wash)", level=1), Block(kind="bullets", items=list(DEBRIEF))]
    return Report(title=f"Joint training exercise: {topic}",
                  subtitle=f"{minutes} minutes · {participants} participants · fictional country {country}",
                  blocks=blocks, sources=book.sources)
