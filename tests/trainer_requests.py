"""The five trainer requests of notes §5.3 that the training-product shapes were built on (unit and integration tests)."""

SNAP = ("Create six snap situations (10 minutes each) testing which integrated mechanism (SLF, HCT, ITF, UNCT) should "
        "decide each issue.")
AAR = "Draft a hot-wash and AAR template for an integrated-planning exercise, with improvement actions assigned to owners."
COURSE = ("Give me learning objectives and an evaluation rubric for a 3-day joint course for mission and UNCT planners on the "
          "IAP policy.")
PBF = ("Adapt the DPKO scenario-based exercise format (groups of 5–8, 10-minute presentations) into a PBF joint-proposal "
       "exercise. Teams must agree a Priority Plan outcome and who co-signs it.")
WORKSHOP = ("Design a half-day workshop in which mixed mission/UNCT syndicates draft the vision and two priorities of an ISF "
            "for Carana, using a 4-page read-ahead I can hand out")
