"""The model answer to a snap situation built from a catalogue inject: what to decide, in which forum, what it tests.

A one-line answer ("Apply the last-resort criteria and agree who decides. Who leads: Force
Commander, Head of OCHA.") gives the facilitator nothing to debrief against. The model answer
here has four parts, all exercise craft from the catalogue, never policy: the decision expected;
who leads and the forum where it belongs (read from who the inject is addressed to: humanitarian
roles → the Humanitarian Country Team, mission and agency roles together → the Senior Leadership
Forum, Headquarters roles → the Integrated Task Force, agencies alone → the UN country team,
mission roles alone → the mission leadership, informing the SLF); the learning objective it
tests; and what a strong answer adds — who is consulted and how the decision is communicated.

>>> forum("Head of OCHA, WFP Representative")[0]
'Humanitarian Country Team'
>>> forum("Force Commander, UNDP Resident Representative")[0]
'Senior Leadership Forum'
"""

from __future__ import annotations

import re

from assistant.products.exercise_catalogue import Inject
from assistant.products.exercise_guide import Encode, objective_for

HUMANITARIAN = re.compile(r"OCHA|\bHC\b|Humanitarian|WFP|UNHCR|UNICEF|NGO|cluster", re.I)
HEADQUARTERS = re.compile(r"Headquarters|\bHQ\b|desk officer|\bITF\b|Task Force|DPO|DPPA|Council", re.I)
MISSION = re.compile(r"SRSG|Force Commander|Police Commissioner|Chief of Staff|Head of Mission|mission|Director of Mission "
                     r"Support|JMAC|Civil Affairs|Political Affairs", re.I)
AGENCY = re.compile(r"UNDP|UNICEF|WFP|UNHCR|UN Women|OHCHR|Resident Coordinator|\bRC\b|country team|UNCT|agenc|Representative",
                    re.I)
FORUMS = {
    "hct": ("Humanitarian Country Team", "under the Humanitarian Coordinator, as a humanitarian decision; the DSRSG/RC/HC "
            "carries the HCT's position to the mission leadership",
            "keeps the decision with humanitarian actors, asks the mission only for what the humanitarian side requests, and "
            "says who tells the Government and the media"),
    "itf": ("Integrated Task Force", "at Headquarters, with the field taking part, because it engages the Secretariat and "
            "the Council", "sends Headquarters one agreed field analysis, not two, and says who briefs the Council's members"),
    "slf": ("Senior Leadership Forum", "because it binds both the mission and the country team; the SRSG chairs, the "
            "DSRSG/RC/HC brings the agencies",
            "hears the Humanitarian Country Team first where humanitarian work is touched, records the decision in the ISF's "
            "action plan, and agrees one public line"),
    "unct": ("UN country team", "under the Resident Coordinator; the mission is consulted where its mandate is touched",
             "agrees the division of labour among agencies with the Government, checks it against the ISF, and names a lead "
             "agency for each task"),
    "mission": ("mission leadership team", "under the SRSG, with the SLF informed where the country team's work is affected",
                "informs the SLF and the country team before acting where their staff or programmes are exposed, and says "
                "who communicates it"),
}
HUMANITARIAN_CALL = re.compile(r"escort|last[- ]resort|\baccess\b|negotiat\w* (?:with|for) (?:armed|access)|cluster", re.I)


def forum(to: str, content: str = "") -> tuple[str, str, str]:
    """The forum where a decision addressed to these roles belongs, why, and what a strong answer adds (exercise craft,
    not policy): a humanitarian call (escorts, access) with a humanitarian lead goes to the HCT even when the mission is
    involved."""
    humanitarian_lead = HUMANITARIAN.search(to)
    if HEADQUARTERS.search(to):
        key = "itf"
    elif humanitarian_lead and (not MISSION.search(to) or HUMANITARIAN_CALL.search(content)):
        key = "hct"
    elif humanitarian_lead or MISSION.search(to) and AGENCY.search(to):
        key = "slf"
    elif AGENCY.search(to):
        key = "unct"
    else:
        key = "mission"
    return FORUMS[key]


def model_answer(inject: Inject, objectives: tuple[str, ...], encode: Encode | None = None) -> str:
    """The decision, who leads and where, the objective it tests, and what a strong answer adds."""
    name, why, strong = forum(inject.to, f"{inject.content} {inject.action}")
    objective = objective_for(inject, objectives, encode).rstrip(".")
    tested = f" It tests the objective “{objective}”." if objective != "—" else ""
    return (f"Decision: {inject.action.rstrip('.')}. Who leads: {inject.to}; the decision belongs in the {name}, {why}.{tested} "
            f"A strong answer {strong}.")
