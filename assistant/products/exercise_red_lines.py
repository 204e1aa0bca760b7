"""Hidden red lines for role cards, when a trainer asks for them: limits an actor will not cross.

"Each actor has a hidden red line" asks for a limit — something the actor refuses, whatever the
meeting decides — not a deadline ("deliver a revised results matrix by Friday") or a wish. The
topic's confidential brief stays on the card as what the actor privately knows; the red line comes
from this catalogue, one per role, written as a refusal. Exercise craft, not policy.

>>> red_line("Force Commander").startswith("You will not")
True
>>> red_line("A role the catalogue lacks")
''
"""

from __future__ import annotations

import re

RED_LINES = {
    "SRSG / Head of Mission": "You will not accept any option that ends the mission's good offices and political role, "
                              "whatever happens to the force.",
    "DSRSG/RC/HC": "You will not let humanitarian programmes be used to fill the security gap the mission leaves, nor "
                   "co-sign anything that links agencies to military operations.",
    "DSRSG (Political)": "You will not drop the political dialogue with the armed movements to save resources.",
    "Force Commander": "You will not keep troops in a location you cannot reinforce or evacuate with the assets left to you.",
    "Police Commissioner": "You will not hand patrols over to national police units that have not been vetted and trained.",
    "Chief of Staff": "You will not put a decision to the SRSG that has no cost, no owner and no timeline.",
    "Director of Mission Support": "You will not sign off a plan that leaves mission assets or staff without protection "
                                   "or a way out.",
    "Chief of the joint planning capacity": "You will not write a priority into the revised framework that has no lead "
                                            "entity and no funding.",
    "Chief of the Joint Operations Centre": "You will not report a situation as stable that your own sources say is not.",
    "JMAC chief": "You will not reveal your sources or share raw reporting with the country team.",
    "Head of OCHA": "You will not accept armed escorts or co-branded assistance except as a last resort decided by the "
                    "Humanitarian Country Team.",
    "UNDP Resident Representative": "You will not take over a mission-funded programme without at least a year of "
                                    "funding secured.",
    "UNICEF Representative": "You will not let child-protection work be presented as part of the mission's security "
                             "operations.",
    "UNHCR Representative": "You will not support returns to areas the force is leaving unless they are voluntary, safe "
                            "and dignified.",
    "WFP Representative": "You will not let food assistance depend on military escorts unless there is no other way to "
                          "reach people.",
    "Human rights chief (OHCHR)": "You will not drop public reporting on violations to keep the Government on board.",
    "Peace and development adviser (RCO)": "You will not let conflict analysis be cut from the framework to save time.",
    "Chief Electoral Adviser": "You will not give the UN's name to an electoral calendar the electoral body cannot deliver.",
    "Security adviser (DSS)": "You will not clear staff movements to areas without security coverage.",
    "HQ desk officer (Integrated Task Force)": "You will not carry to Headquarters an option that asks for more resources "
                                               "than the Council has given.",
    "ITF chair (lead department)": "You will not send the Secretary-General options the agencies have not seen.",
    "Development Coordination Office (DCO)": "You will not accept a transition that leaves the Resident Coordinator's "
                                             "office without its analysis capacity.",
    "Peacebuilding Fund focal point": "You will not fund a project that only replaces a mission activity without a "
                                      "national partner.",
    "Donor representative": "You will not fund two UN entities doing the same thing.",
    "NGO forum representative": "You will not stay in a forum where NGOs are presented as part of the mission.",
    "Host Government (Ministry of Planning)": "The Government will not accept priorities that are not in its national plan.",
    "Host Government (Ministry of Foreign Affairs)": "The Government will not accept human rights reporting outside "
                                                     "agreed channels.",
    "National electoral commission chair": "You will not move the election date.",
}
ASKED = re.compile(r"\bred[- ]lines?\b", re.IGNORECASE)


def red_line(role: str) -> str:
    """The role's red line ('' when the catalogue has none)."""
    return RED_LINES.get(role, "")


def brief_lines(role: str, brief: str, request: str) -> list[str]:
    """The card's confidential lines: the brief, and the red line when the request asks for red lines."""
    limit = red_line(role) if ASKED.search(request) else ""
    return [f"Confidential brief: {brief}"] + ([f"Hidden red line: {limit}"] if limit else [])
