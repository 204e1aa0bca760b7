# ruff: noqa: E501 — prose for trainers (briefs, injects, read-ahead) reads better unbroken.
"""The catalogue's topic on recovery after a peace agreement: DDR of former fighters and the return of refugees and the
displaced, run side by side (the catalogue's other entries are in :mod:`exercise_catalogue`).

A trainer asking for "refugee returns and DDR reintegration at the same time" got the elections topic (trial 13): the
request named the local elections only as a deadline. This entry's roles are those a DDR and returns programme brings to
the table (the mission's DDR section, UNHCR, IOM, the national DDR commission), its injects the frictions the domain notes
list for an integrated DDR unit beside separate humanitarian work (land, reintegration packages, escorts, splinter
groups), and its questions ones the library answers (IPI on an integrated DDR structure; MINUJUSTH's work with Haiti's
national commission and community violence reduction).

>>> RECOVERY.key, len(RECOVERY.injects) >= 6
('recovery', True)
"""

from __future__ import annotations

from assistant.products.exercise_topic import Topic
from assistant.products.exercise_topic import inject as _i

RECOVERY = Topic(
    "recovery", "DDR, returns and reintegration",
    "ddr disarmament demobilization demobilisation reintegration combatants ex-combatants fighters returns return returnees "
    "refugees refugee repatriation displaced idps durable solutions land cantonment weapons",
    ("Chief of the DDR Section", "UNHCR Representative", "IOM Chief of Mission", "UNDP Resident Representative",
     "National DDR Commission chair", "Head of OCHA"),
    {"SRSG / Head of Mission": "The Government wants reintegration packages paid before the local elections; the parties' "
        "leaders have told you privately that their fighters will not wait.",
     "DSRSG/RC/HC": "UNHCR and the NGOs say returns are being pushed faster than areas are safe; you must not let return "
        "numbers become a political target.",
     "Chief of the DDR Section": "Your budget pays for demobilization and six months of reinsertion; reintegration beyond "
        "that depends on agency programmes nobody has funded yet.",
     "UNHCR Representative": "Returns must stay voluntary, safe and dignified; you will not take part in convoys with armed "
        "mission escorts, and you need land and property issues addressed in return areas.",
     "IOM Chief of Mission": "You run the displacement tracking and the transport; your donors fund returns only where "
        "community reintegration projects are planned.",
     "UNDP Resident Representative": "Community-based reintegration is your programme, but it is funded for half the "
        "caseload; you want the mission's programmatic funds for community violence reduction.",
     "National DDR Commission chair": "The Commission must show the President results before the elections; it wants the UN "
        "to pay packages through its own accounts.",
     "Head of OCHA": "Host communities in return areas already lack water and schools; you fear returnees and demobilized "
        "fighters will compete for the same aid."},
    (_i("Land occupied in a return area", "report from a field office", "UNHCR Representative, Chief of the DDR Section",
        "Returning families find their land occupied by demobilized fighters who say the Government allocated it to them.",
        "Agree who mediates, how returns to the area are paced, and what the Government is asked to do."),
     _i("Packages before the elections", "letter from the National DDR Commission", "SRSG, Chief of the DDR Section",
        "The Commission asks the UN to pay all reintegration packages within two months, before the local elections.",
        "Decide what can be paid, on what conditions, and a joint line to the Government."),
     _i("Escorts refused for return convoys", "e-mail from the Head of OCHA", "DSRSG/RC/HC, UNHCR Representative",
        "Humanitarian agencies refuse mission armed escorts for return convoys, saying escorts make returnees a target.",
        "Agree how convoys move, who decides on escorts, and how the mission protects civilians without them."),
     _i("Splinter group holds a crossing", "phone call from a sector office", "SRSG, Chief of the DDR Section",
        "A faction that has not signed the peace agreement stops a return convoy and demands to be included in DDR.",
        "Decide the response: who talks to the faction, and what DDR can and cannot offer a non-signatory."),
     _i("Reintegration funding gap", "code cable from Headquarters", "DSRSG/RC/HC, UNDP Resident Representative",
        "The reintegration programme is funded for half the caseload; donors ask which half.",
        "Agree priorities for the funds there are, a resource mobilisation plan, and who tells the Commission."),
     _i("Weapons found in a returnee camp", "report from the police component", "SRSG, UNHCR Representative",
        "Weapons are found in a camp where returnees and former fighters live side by side.",
        "Agree a response that keeps the camp civilian and its people safe, and who leads it.")),
    ("Plan DDR and returns together so that neither undermines the other.",
     "Agree who decides where DDR and humanitarian work meet (escorts, land, camps).",
     "Fund community-based reintegration for returnees and former fighters alike."),
    ("How can DDR be integrated while other work stays separate?",
     "What did Haiti's national commission for disarmament, dismantlement and reintegration do?",
     "How did community violence reduction projects support the transition in Haiti?"),
    "A peace agreement signed last year provides for the disarmament and demobilization of some 20,000 fighters and the "
    "return of refugees from neighbouring countries. Demobilization has started in two cantonment sites; returns have "
    "begun to districts where some of the same fighters are now settling. The Government wants quick results before local "
    "elections, agencies warn that returns are outpacing safety and services, and reintegration is funded for half the "
    "caseload.",
)

__all__ = ["RECOVERY"]
