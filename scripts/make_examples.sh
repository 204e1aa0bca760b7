#!/usr/bin/env bash
# Regenerate every file under examples/ from the current code and index (run after `make index`).
# The commands are the examples' own requests; README links to their outputs.
set -euo pipefail
cd "$(dirname "$0")/.."
P=.venv/bin/planassist
E=examples

for fmt in md docx; do
  $P draft --section all --context $E/carana.yaml --format $fmt -o $E/carana-isf-draft.$fmt
  $P draft --section all --context $E/carana.yaml --length brief --format $fmt -o $E/carana-isf-draft-brief.$fmt
  $P draft --section all --context $E/spm-withdrawal.yaml --length brief --format $fmt -o $E/spm-withdrawal-isf-draft-brief.$fmt
done
$P draft --context $E/carana.yaml -o $E/carana-request-results-matrix.md --request "Build a results matrix for the ISF \
priority 'Extension of State authority': outcome, 3–4 indicators with baselines and targets, lead and contributing entities \
(mission sections + AFPs), and timelines."
$P draft --context $E/carana.yaml -o $E/carana-request-risks-focused.md --request "Draft the risks and assumptions table \
for our ISF, with a column for the risk owner, focused on the elections in 18 months and on the drawdown of the force."
$P draft --context $E/spm-withdrawal.yaml -o $E/spm-request-monitoring.md --request "Write the monitoring, reporting and \
review section: a quarterly pillar dashboard, a semi-annual SLF review and an annual joint review with the government. Show \
how it feeds the SG's report and CPAS."

T="integrated strategic framework"
$P quiz --topic "$T" -n 12 -o $E/quiz-integrated-strategic-framework.md
$P quiz --topic "$T" -n 12 --format json > $E/quiz-integrated-strategic-framework.jsonl
$P quiz --topic "$T" -n 12 --part questions -o $E/quiz-integrated-strategic-framework-participants.md
$P quiz --topic "Brahimi, the 2006 Note of Guidance, the 2008 decision and the IAP policy" -n 15 -o $E/quiz-named-texts.md

for fmt in md docx; do
  $P exercise --topic "humanitarian space and co-branded quick-impact projects" --minutes 90 --participants 18 \
    --inject "co-branded quick-impact projects" --format $fmt -o $E/exercise-humanitarian-space.$fmt
  $P exercise --topic "host government resisting integration" --minutes 240 --context $E/spm-withdrawal.yaml \
    --inject "the Government expels the mission's human rights chief at week 6" --format $fmt -o $E/exercise-host-government.$fmt
  $P exercise --topic "mission drawdown and handover of tasks" --minutes 960 --participants 30 \
    --context $E/spm-withdrawal.yaml --format $fmt -o $E/exercise-drawdown-two-days.$fmt
  $P exercise --topic "Create six snap situations (10 minutes each) testing which integrated mechanism (SLF, HCT, ITF, \
UNCT) should decide each issue." --format $fmt -o $E/exercise-snap-situations.$fmt
done

$P draft --context $E/carana.yaml -o $E/carana-strategic-assessment-tor.md --request "Prepare the Terms of Reference for \
a Strategic Assessment ahead of a mandate renewal in 6 months: objectives, scope, team composition from the ITF, methodology \
(conflict analysis), deliverables and timeline."
$P draft --context $E/spm-withdrawal.yaml -o $E/spm-cover-note-itf.md --request "Draft the cover note from the SRSG and the \
DSRSG/RC/HC submitting the ISF to the HQ Integrated Task Force for review. Summarise the priorities, what changed since the \
last ISF, and the decisions requested."
for fmt in md docx; do
  $P exercise --topic "Design a half-day workshop in which mixed mission/UNCT syndicates draft the vision and two \
priorities of an ISF for Carana, using a 4-page read-ahead I can hand out" --format $fmt -o $E/workshop-isf-vision.$fmt
  $P exercise --topic "Give me learning objectives and an evaluation rubric for a 3-day joint course for mission and UNCT \
planners on the IAP policy." --format $fmt -o $E/course-iap-three-days.$fmt
  $P exercise --topic "Draft a hot-wash and AAR template for an integrated-planning exercise, with improvement actions \
assigned to owners." --format $fmt -o $E/aar-template.$fmt
  $P healthcheck --context $E/carana.yaml --format $fmt -o $E/carana-healthcheck.$fmt
  $P healthcheck --context $E/carana.yaml --ratings $E/carana-ratings.yaml --format $fmt -o $E/carana-healthcheck-rated.$fmt
done
