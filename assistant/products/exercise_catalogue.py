# ruff: noqa: E501 — prose for trainers (briefs, injects, read-ahead) reads better unbroken.
"""The catalogue of exercise topics: for each, the roles that fit, their confidential briefs, the
inject patterns, the learning objectives and the questions the answer key answers from the corpus.

Drawn from joint-training practice (role catalogue, inject patterns and IAP-anchored objectives
in the team's domain notes): a drawdown exercise briefs on handover and funding, not on
co-branding; an elections exercise injects a boycott, not a cholera outbreak.

>>> [t.key for t in TOPICS][-1]
'host'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Inject:
    """A scripted event released to players."""

    title: str
    medium: str
    to: str
    content: str
    action: str


@dataclass(frozen=True)
class Topic:
    """One catalogue entry."""

    key: str
    title: str
    keywords: str
    roles: tuple[str, ...]
    briefs: dict[str, str]
    injects: tuple[Inject, ...]
    objectives: tuple[str, ...]
    questions: tuple[str, ...]
    situation: str
    # briefs that replace the topic's when play starts after one of its injects (after a disputed result, no one is still
    # waiting for ballots): inject title -> role -> brief
    after: dict[str, dict[str, str]] = field(default_factory=dict)



CORE = ("SRSG / Head of Mission", "DSRSG/RC/HC")
# A stakeholder whose stake is the army: a special political mission has no troops to lend it (trial 9).
ARMY = re.compile(r"\barmy\b|\bmilitary\b|\btroops?\b", re.IGNORECASE)
# The read-ahead's stakeholder list (exercise assumptions about the fictional country, the same for every topic).
STAKEHOLDERS = (("Actor", "Interests", "Likely position"),
                ("Ministry of Planning", "National ownership; one framework for all partners", "Wants the UN's priorities to follow the national plan"),
                ("Ministry of Defence", "Support for army operations", "Presses for logistics support before anything else"),
                ("Opposition parties", "A level field for the elections", "Suspicious of support that strengthens the Government"),
                ("Women's and youth organizations", "A voice in the peace process", "Ask to be consulted on every priority"),
                ("Donors", "Results, one UN counterpart, less duplication", "Will fund joint priorities with clear owners"),
                ("Regional organization", "Stability on the borders", "Observes the ceasefire; wants to be informed"))


def _i(title: str, medium: str, to: str, content: str, action: str) -> Inject:
    return Inject(title, medium, to, content, action)


TOPICS: tuple[Topic, ...] = (
    Topic("transition", "Transition and drawdown",
        "transition drawdown withdrawal exit handover closure closing close benchmark transfer tasks",
          ("Director of Mission Support", "UNDP Resident Representative", "Chief of the joint planning capacity",
           "Host Government (Ministry of Planning)", "Peacebuilding Fund focal point", "Peace and development adviser (RCO)"),
          {"SRSG / Head of Mission": "Headquarters expects you to confirm the drawdown timeline at the next Council briefing; "
              "you will not ask for a delay.",
           "DSRSG/RC/HC": "Agency heads say they cannot absorb the mission's civilian tasks without funding; you must not promise what donors have not pledged.",
           "UNDP Resident Representative": "Your board lets you take over rule-of-law programmes only with 18 months of secured funding.",
           "Director of Mission Support": "Assets can pass to the country team only under the liquidation rules; half the vehicles are already committed.",
           "Host Government (Ministry of Planning)": "The Minister wants police support to continue bilaterally and will resist benchmarks he cannot meet.",
           "Peace and development adviser (RCO)": "After the mission closes you will be the only political analyst left in the UN system here."},
          (_i("Transition trigger and financial cliff", "code cable from Headquarters", "SRSG, DSRSG/RC/HC",
              "A drawdown benchmark is met early; the country team has no funding to take over the civilian tasks.",
              "Agree the transfer of tasks, conditions and a resource mobilisation plan."),
           _i("Council asks for benchmarks", "Security Council press statement", "SRSG, joint planning capacity",
              "The Council asks for transition benchmarks and a handover plan within 90 days.", "Agree benchmarks, owners and the reporting line."),
           _i("Government wants an early exit", "letter from the Prime Minister", "SRSG",
              "The Government asks the mission to leave six months earlier than planned.", "Agree a joint line and which tasks cannot be handed over in time."),
           _i("National staff retention", "staff union petition", "Director of Mission Support",
              "National staff threaten to strike over separation packages as offices close.", "Decide what the mission and agencies can offer, and who decides."),
           _i("Asset transfer dispute", "e-mail from UNDP", "Director of Mission Support, UNDP",
              "UNDP and the Government both claim the mission's regional office compounds.", "Agree criteria for transfer and who arbitrates."),
           _i("Incident in a former sector", "phone call from a field office", "SRSG, DSRSG/RC/HC",
              "Violence breaks out in a district the mission left last month; agencies ask for the mission to return.",
              "Decide the UN response without a mission footprint; agree messaging.")),
          ("Plan the transfer of tasks in a transition.", "Agree benchmarks that trigger each handover, with owners.",
           "Map who funds each task after the mission leaves."),
          ("How was the transition from MINUSTAH to MINUJUSTH planned?",
           "How were the benchmarks for the mission after the transition identified?",
           "How can the Peacebuilding Fund support countries in transition from peace operations?"),
          "The Security Council has decided that the mission will draw down over 18 months and close. Civilian tasks — police support, "
          "justice, human rights monitoring — must pass to the Government or the country team, but agencies say they lack funds and "
          "staff to take them on, and the Government wants some tasks to end rather than transfer."),
    Topic("humanitarian", "Humanitarian space and integration",
        "humanitarian space principles co-branding quick impact projects ngo escorts access civil-military",
          ("Head of OCHA", "Force Commander", "UNICEF Representative", "NGO forum representative", "WFP Representative"),
          {"SRSG / Head of Mission": "The Government wants visible peace dividends in the retaken district before the elections.",
           "Force Commander": "Your sector commander has already promised the district chiefs that the projects will carry the UN flag.",
           "WFP Representative": "Your convoy was attacked last week; your country director wants armed escorts, your principles say last resort."},
          (_i("Co-branded quick-impact projects", "e-mail from the NGO forum", "DSRSG/RC/HC, Head of OCHA",
              "The mission proposes co-branded quick-impact projects in a newly retaken district; the NGO forum threatens to leave the joint forums.",
              "Decide which forum takes the decision and how humanitarian principles are safeguarded."),
           _i("Armed escorts request", "request from WFP", "Force Commander, Head of OCHA",
              "WFP asks for armed escorts for a convoy to a besieged town.", "Apply the last-resort criteria and agree who decides."),
           _i("Media links agencies to military operations", "newspaper article", "SRSG, DSRSG/RC/HC",
              "A newspaper prints photographs of agency vehicles in a mission convoy during an offensive.", "Agree public messaging and corrective measures."),
           _i("Access negotiation", "message from an armed group", "Head of OCHA",
              "An armed group offers access to aid agencies only if the mission stays out of the area.", "Decide who negotiates and what the mission does."),
           _i("NGO walkout", "letter from the NGO forum", "DSRSG/RC/HC",
              "The NGO forum suspends participation in the humanitarian country team's meetings with the mission.", "Restore dialogue without giving up the integrated arrangement."),
           _i("Attack on civilians near a UN base", "phone call from a field office", "Force Commander, Head of OCHA",
              "Armed men attack a displacement site two kilometres from a UN base; agencies ask for evacuation support.",
              "Decide on protection and humanitarian roles and communication with the Government.")),
          ("Apply humanitarian safeguards when proposing integrated arrangements.",
              "Choose the right forum for a decision that affects humanitarian action.",
           "Weigh visibility against humanitarian principles."),
          ("What is the debate on integration and humanitarian space?",
           "Why do humanitarian agencies resist integration?",
           "Does integration apply to every activity of the mission and the country team?"),
          "The mission has just helped the army retake the district of Kessa. Humanitarian agencies are returning to a population "
          "that saw the mission fight alongside the army, and the mission wants quick, visible projects to show a peace dividend."),
    Topic("elections", "Elections", "elections electoral vote ballot commission campaign results polling referendum",
          ("DSRSG (Political)", "Chief Electoral Adviser", "UNDP Resident Representative", "Human rights chief (OHCHR)",
           "Police Commissioner", "National electoral commission chair"),
          {"SRSG / Head of Mission": "The Council expects the elections on time; a postponement would be read as the mission's "
              "failure.",
           "Police Commissioner": "National police want mission helicopters to move riot units before polling day.",
           "UNDP Resident Representative": "The electoral basket fund is 40 % short and two donors are waiting for the UN's risk assessment."},
          (_i("Logistics request for ballots", "letter from the electoral commission", "SRSG, Chief Electoral Adviser",
              "The electoral commission asks the mission to fly ballots to 300 polling stations in two weeks.", "Decide what the mission can carry and what the country team can do."),
           _i("Opposition boycott", "press conference", "DSRSG (Political)",
              "The main opposition party announces a boycott unless the voter register is audited.", "Agree the good-offices line and who engages."),
           _i("Election incident: violence at a rally", "flash report from the JOC", "Police Commissioner, Human rights chief (OHCHR)",
              "During a campaign rally an election incident turns deadly: police open fire on opposition supporters and three people are killed.", "Agree protection measures, human rights reporting and public messaging."),
           _i("Calendar slips", "e-mail from the Chief Electoral Adviser", "SRSG, DSRSG/RC/HC",
              "Ballot printing is three weeks late; the legal deadline cannot be met.", "Agree advice to the Government and the message to the Council."),
           _i("Hate speech online", "monitoring report", "Human rights chief (OHCHR), DSRSG (Political)",
              "Messages inciting violence against one community spread before the vote.", "Decide who responds and how."),
           _i("Results dispute", "statement by a candidate", "SRSG",
              "A candidate rejects the provisional results and calls supporters to the streets.", "Agree the UN's public position and engagement."),
           _i("Protests after the results", "flash report from the JOC", "SRSG, Human rights chief (OHCHR)",
              "Supporters of the losing candidate block roads in the capital; security forces arrest dozens and agencies suspend field "
              "movements.", "Agree the protection and human rights response, and who speaks to the Government."),
           _i("Call for a recount", "letter from the opposition", "SRSG, DSRSG (Political)",
              "The opposition asks the UN to verify the results and threatens to boycott the new parliament.",
              "Decide what the mandate allows the UN to say about the results, and who answers."),
           _i("Internet shutdown", "monitoring report", "Human rights chief (OHCHR), DSRSG/RC/HC",
              "The Government cuts mobile internet nationwide to stop incitement; agencies cannot reach their field staff.",
              "Agree the human rights line and how programmes keep running."),
           _i("Regional mediation offer", "letter from the regional organization", "SRSG, DSRSG (Political)",
              "The regional organization offers to mediate between the candidates and asks the UN to co-chair the talks.",
              "Decide whether and how the UN joins, and what it asks of both sides first.")),
          ("Divide electoral support between the mission and the country team.",
              "Balance good offices with human rights reporting.",
           "Plan protection around an electoral calendar."),
          ("How should the mission and the country team divide electoral support?",
           "How did UNMIT and UNDP support the 2012 elections in Timor-Leste?",
           "What electoral support did the United Nations provide in Haiti?"),
          "Presidential and legislative elections are due in five months. The electoral commission depends on UN logistics, the "
          "opposition contests the voter register, and the mission's good offices are stretched.",
          {"Results dispute": {
              "SRSG / Head of Mission": "The Council wants the result to stand and calm restored; a UN word on the count "
                  "that either side can quote would be read as taking sides.",
              "Chief Electoral Adviser": "Tally sheets from two regions were never published; you know the commission "
                  "has not checked them.",
              "National electoral commission chair": "The President's office is pressing you to proclaim the final results "
                  "before the complaints are heard."}}),
    Topic("poc", "Protection of civilians", "protection civilians attack violence displacement idp early warning sexual violence",
          ("Force Commander", "Police Commissioner", "Head of OCHA", "Human rights chief (OHCHR)", "UNHCR Representative",
              "JMAC chief"),
          {"Force Commander": "Two companies are committed to a convoy; you can reinforce the east only by leaving a base "
              "undefended.",
           "UNHCR Representative": "Displaced families are gathering at the gate of a UN base; you fear a protection-of-civilians site you cannot manage."},
          (_i("Attack on a displacement site", "phone call from a field office", "Force Commander, Head of OCHA",
              "Armed men attack a displacement site two kilometres from a UN base.", "Decide the protection response and humanitarian roles."),
           _i("Early warning", "JMAC alert", "SRSG, Force Commander",
              "JMAC reports a militia mobilising towards three villages within 48 hours.", "Agree preventive action, political engagement and who leads."),
           _i("Government operation", "notification from the army", "SRSG, Human rights chief (OHCHR)",
              "The army asks for mission support to an offensive by a unit with a record of abuses.", "Apply human rights due diligence and agree conditions."),
           _i("Civilians seek refuge at a base", "report from a sector commander", "Force Commander, UNHCR Representative",
              "Two thousand civilians arrive at the gate of a UN base.", "Decide on entry, protection and services, and who runs the site."),
           _i("Sexual violence reports", "report from a women's organisation",
               "Human rights chief (OHCHR), UNICEF Representative",
              "A women's organisation reports mass sexual violence in a district the mission patrols.", "Agree verification, referral and reporting."),
           _i("Community alert network fails", "e-mail from civil affairs", "Force Commander, DSRSG/RC/HC",
              "The community alert network in the east has been silent for a week; phone masts are down.", "Agree alternative early-warning arrangements.")),
          ("Agree protection roles for the mission and the humanitarian community.",
              "Apply human rights due diligence to support for national forces.",
           "Turn early warning into early action."),
          ("What did the joint operations centre and the joint mission analysis centre contribute to protection?",
           "How did the mission and the humanitarian country team work on protection in Haiti?"),
          "Militia violence in the east has displaced 60,000 people in a month. The mission has three bases in the area; the army is "
          "preparing an offensive and asks for mission support."),
    Topic("mandate", "Mandate renewal",
        "mandate renewal council resolution strategic assessment reprioritise troop ceiling report",
          ("Chief of the joint planning capacity", "HQ desk officer (Integrated Task Force)", "JMAC chief",
           "Host Government (Ministry of Planning)", "Force Commander"),
          {"SRSG / Head of Mission": "You want the Council to keep the political mandate and accept a smaller force.",
           "Host Government (Ministry of Planning)": "The Government will write to the Council opposing any human rights language in the new mandate."},
          (_i("Council cuts and adds", "Security Council press statement", "SRSG, joint planning capacity",
              "The Council cuts the troop ceiling by 30 %, adds an electoral-support task and asks for a report in six months.",
              "Reprioritise the shared strategy; agree what the country team takes on."),
           _i("Strategic assessment in six weeks", "code cable from Headquarters",
               "SRSG, HQ desk officer (Integrated Task Force)",
              "Headquarters launches a strategic assessment and wants the field's options in six weeks.", "Agree who joins the assessment and how the country team is involved."),
           _i("Draft resolution leaks", "media report", "SRSG",
              "A draft resolution leaks; it drops the mission's human rights tasks.", "Agree what the UN says and to whom."),
           _i("Host government objects", "letter to the Council", "SRSG, Host Government (Ministry of Planning)",
              "The Government writes to the Council opposing the renewal of the protection mandate.", "Agree engagement with the Government and Council members."),
           _i("Budget ceiling", "e-mail from the Controller", "Director of Mission Support",
              "The budget proposal must fall by 15 % whatever the new mandate says.", "Decide which tasks to reduce and how to explain it."),
           _i("Peacebuilding Commission asks for advice", "letter from the PBC Chair", "DSRSG/RC/HC",
              "The Peacebuilding Commission offers advice to the Council on the renewal and asks for the UN's priorities.", "Agree the message and who delivers it.")),
          ("Link analysis to mandate options.", "Reprioritise an ISF after a mandate change.",
              "Engage the Council and the host government coherently."),
          ("What is the Integrated Strategic Framework for?",
           "What did the Security Council decide about the mandate of MINUSTAH in resolution 2350?",
           "How does the Security Council seek advice from the Peacebuilding Commission?"),
          "The mandate expires in four months. Troop contributors want to leave, the Government wants a smaller mission without human "
          "rights tasks, and Headquarters has asked for options."),
    Topic("budget", "Budget cuts and liquidity",
        "budget cuts liquidity funding financial cliff programmatic funds donors resources peacebuilding fund pbf proposal",
          ("Director of Mission Support", "Chief of the joint planning capacity", "UNDP Resident Representative",
           "Peacebuilding Fund focal point", "Donor representative"),
          {"SRSG / Head of Mission": "You will not cut the political office; everything else is negotiable.",
           "UNDP Resident Representative": "Three joint programmes depend on mission programmatic funds that end in June."},
          (_i("Budget cut", "e-mail from the Controller", "SRSG, Director of Mission Support",
              "The General Assembly approves a budget 15 % below the request.", "Decide which ISF results to protect and which to drop."),
           _i("Liquidity crisis", "code cable from Headquarters", "Director of Mission Support",
              "A hiring freeze and travel ban apply from next week because of unpaid assessments.", "Decide what stops and how partners are told."),
           _i("Programmatic funds end", "memo from the budget unit", "DSRSG/RC/HC, UNDP Resident Representative",
              "Programmatic funds for community violence reduction end in three months.", "Agree handover, closure or alternative funding."),
           _i("Donor earmarking", "letter from a donor", "DSRSG/RC/HC",
              "A major donor offers funds only for one agency's branded projects.", "Decide whether to accept and how to protect joint priorities."),
           _i("Peacebuilding Fund envelope", "e-mail from the PBF secretariat", "Peacebuilding Fund focal point",
              "A Peacebuilding Fund envelope is announced; a joint mission–agency proposal is due within three weeks.", "Agree priorities, implementing entities and who co-signs."),
           _i("Field office closures", "proposal from mission support", "SRSG, DSRSG/RC/HC",
              "Mission support proposes closing two field offices that agencies also use.", "Agree cost sharing or exit, and who decides.")),
          ("Prioritise shared results under resource cuts.", "Map funding sources across the mission and agencies.",
           "Use pooled and catalytic funds for joint priorities."),
          ("How can the Peacebuilding Fund support joint mission and agency priorities?",
           "Why should all field missions operate under one budget?",
           "How did the country team plan to finance its work after the mission left Haiti?"),
          "Member States' arrears have left the mission with a liquidity crisis, and the new budget is 15 % lower. Joint programmes "
          "that rely on mission funds are at risk."),
    Topic("analysis", "Joint analysis",
        "joint analysis assessment conflict analysis jmac information sharing strategic assessment risks",
          ("JMAC chief", "Chief of the joint planning capacity", "Peace and development adviser (RCO)", "UNICEF Representative",
           "Human rights chief (OHCHR)", "Head of OCHA"),
          {"JMAC chief": "Your sources are classified; you can share conclusions but not the reporting behind them.",
           "Peace and development adviser (RCO)": "The country team's analysis is already in the Cooperation Framework; you do not want a second one."},
          (_i("Contradictory readings leak", "media report", "SRSG, DSRSG/RC/HC",
              "The JMAC and the country team hold contradictory readings of a regional crisis; a leaked note reaches the press.",
              "Re-establish a shared analysis and agree public messaging."),
           _i("Request for classified information", "e-mail from UNICEF", "JMAC chief",
              "UNICEF asks for JMAC incident data to plan child protection work.", "Agree what can be shared, with whom, and how."),
           _i("New conflict data", "report from a research institute", "Chief of the joint planning capacity",
              "A new survey shows the conflict's main driver is land, not ethnicity, as the ISF assumes.", "Decide how the analysis and priorities change."),
           _i("Strategic assessment terms of reference", "code cable from Headquarters", "Chief of the joint planning capacity",
              "Headquarters sends terms of reference for a strategic assessment that leave out the country team.", "Agree a response and the country team's role."),
           _i("Government rejects the analysis", "letter from the Ministry of Planning", "SRSG",
              "The Government rejects the UN's conflict analysis as interference.", "Agree how to keep national ownership without dropping the analysis."),
           _i("Regional spillover", "message from a regional envoy", "SRSG, JMAC chief",
              "A regional envoy's office warns of cross-border recruitment that the mission has not seen.", "Agree joint analysis across the two offices.")),
          ("Run a joint analysis and agree a small set of peace-consolidation priorities.",
              "Share information across the mission and agencies safely.",
           "Keep the analysis current and owned by both sides."),
          ("Why should the mission and the country team carry out joint analysis of the conflict?",
           "What should a joint or strategic assessment examine?",
           "How can joint analysis units bring mission and agency capacities together?"),
          "The mission and the country team have never agreed a shared analysis. The JMAC, the RC office and the agencies each "
          "produce their own, and the ISF review is due next quarter."),
    Topic("crisis", "Crisis response", "crisis response emergency attack outbreak cholera evacuation relocation incident",
          ("Chief of the Joint Operations Centre", "Force Commander", "Head of OCHA", "WFP Representative",
              "Security adviser (DSS)"),
          {"SRSG / Head of Mission": "Headquarters wants a flash report within the hour and no public statement before it.",
           "WFP Representative": "Your warehouse in the capital holds the only food stocks; moving them needs mission trucks."},
          (_i("Attack near a UN base", "phone call from a field office", "Force Commander, Chief of the Joint Operations Centre",
              "Armed men attack a displacement site two kilometres from a UN base; agencies ask for evacuation support.",
              "Decide on protection and humanitarian roles and communication with the Government."),
           _i("Cholera outbreak", "alert from the Ministry of Health", "DSRSG/RC/HC, Head of OCHA",
              "Cholera breaks out in a camp near the mission's largest base; rumours blame the peacekeepers.", "Agree the health response, roles and communication."),
           _i("Staff evacuation", "recommendation from DSS", "SRSG, Security adviser (DSS)",
              "DSS recommends relocating all non-essential staff from the east.", "Decide who stays, who leaves and how programmes continue."),
           _i("Fuel shortage", "e-mail from mission support", "Director of Mission Support, WFP Representative",
              "The main road is cut; fuel stocks last ten days.", "Agree common logistics and priorities."),
           _i("Disinformation", "social media monitoring", "SRSG",
              "Viral posts accuse the mission of arming a militia.", "Agree a joint communication response."),
           _i("Agencies relocate", "message from the UNCT", "DSRSG/RC/HC",
              "Agencies want to relocate to the mission's compound for security.", "Weigh protection against humanitarian perception.")),
          ("Coordinate a crisis response across the mission and the country team.",
              "Use the crisis-management mechanisms that exist.",
           "Protect humanitarian principles in an emergency."),
          ("How do integrated missions coordinate in a crisis?",
           "Why were integrated structures such as the JOC and JMAC created?",
           "How did the UN respond to the cholera outbreak in Haiti?"),
          "A sudden crisis hits the east: an attack near a UN base, a disease outbreak in the camps and a cut supply road, all in "
          "the same week."),
    Topic("host", "Host government resisting integration",
        "host government rejects resists resisting integration sovereignty consent ownership bilateral ministry single door",
          ("Host Government (Ministry of Foreign Affairs)", "Host Government (Ministry of Planning)", "DSRSG (Political)",
           "UNDP Resident Representative", "Peace and development adviser (RCO)", "HQ desk officer (Integrated Task Force)"),
          {"SRSG / Head of Mission": "The Council was told the ISF would be signed this quarter; you need the Government's consent to keep your good-offices role and will not risk it over a document.",
           "DSRSG/RC/HC": "The Government signs the Cooperation Framework with you as Resident Coordinator; agency heads fear that being seen with the mission will cost them that.",
           "UNDP Resident Representative": "The Ministry of Planning has offered you a larger governance programme if UNDP leaves the working groups co-chaired with the mission.",
           "Host Government (Ministry of Planning)": "The Minister wants one door to knock on for development money, and it is not the mission's.",
           "HQ desk officer (Integrated Task Force)": "The Under-Secretary-General wants the integrated arrangement kept; you must report by Friday whether the ISF will be signed."},
          (_i("Government rejects a joint framework", "letter from the Minister of Foreign Affairs", "SRSG, DSRSG/RC/HC",
              "The Government will sign the Cooperation Framework with the country team but will not endorse an Integrated Strategic Framework with the mission, and asks agencies to deal with line ministries directly.",
              "Decide whether to keep a joint framework, in what form, and who engages the Government."),
           _i("Agencies offered bilateral deals", "meeting with the Ministry of Planning", "DSRSG/RC/HC, UNDP Resident Representative",
              "The Ministry offers UNDP and UNICEF larger programmes if they leave the working groups co-chaired with the mission.",
              "Agree a common UN line without forcing agencies to choose between the Government and the mission."),
           _i("Mission told to stay out of development", "note verbale from the Prime Minister's office", "SRSG, DSRSG (Political)",
              "The Government says the mission's mandate is political only; its staff may no longer attend donor coordination meetings.",
              "Agree which forums the mission attends and how the Resident Coordinator carries joint messages."),
           _i("Headquarters wants the ISF signed", "code cable from Headquarters", "SRSG, HQ desk officer (Integrated Task Force)",
              "Headquarters asks for confirmation that the ISF will be signed this quarter, as the Council was told.",
              "Agree what to report to Headquarters and which integration option fits the context."),
           _i("Consent for human rights work questioned", "statement by the Minister of Justice", "SRSG, DSRSG/RC/HC",
              "The Government threatens to withdraw consent for the human rights office if the joint UN analysis is shared with the Council.",
              "Agree how to protect mandated monitoring and who decides what is shared."),
           _i("Donors hear two UN voices", "letter from the donor group", "DSRSG/RC/HC, SRSG",
              "Donors ask whether to fund the mission's political work or the agencies' programmes, saying they hear two UN messages.",
              "Agree one UN message to donors and who delivers it.")),
          ("Choose an integration option, from loose to tight, that fits the host government's position.",
           "Keep one UN message without forcing a structure the Government rejects.",
           "Protect mandated work when the host government's consent is under pressure."),
          ("What is integration where it matters?",
           "Why did the Somali government ask for a structurally integrated mission?",
           "How did the Government of Timor-Leste view the UN presence after UNMIT?"),
          "The Government has told the Special Representative that it welcomes the mission's good offices but rejects any "
          "'integrated' arrangement: it wants to deal with each agency bilaterally, will not endorse a joint strategic framework "
          "and asks the mission to stay out of development coordination."),
)
TOPIC_KEYS = tuple(t.key for t in TOPICS)
