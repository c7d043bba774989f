# The HSEEP exercise package: situation manual, facilitator and evaluator guide,
# participant feedback form (src/package).

## Shared
package-contents = Contents
package-version = Scenario version { $version }
package-module = Module { $n }: { $title }
package-questions = Discussion questions
package-objectives = Objectives and capabilities
package-no-objectives = The scenario defines no objectives.
package-col-number = No.
package-col-team = Team
package-col-responsibilities = Responsibilities
package-col-objective = Objective
package-col-capability = Core capability

## Situation manual (src/package/sitman.rs)
package-sitman = Situation manual
package-sitman-marking = For players
package-purpose = Purpose
package-sitman-purpose = This situation manual gives the players of “{ $title }” what they need to take part: the scope of the exercise, its objectives, the situation they start from, the modules they will work through and the rules of play. The facilitator holds the rest: the messages, the decisions and what follows from them are discovered during play.
package-scope = Scope
package-scope-duration = The exercise is a discussion-based tabletop exercise of about { $duration } in the room, in { $phases ->
    [one] one module
   *[other] { $phases } modules
}.
package-scope-phases = The exercise is a discussion-based tabletop exercise in { $phases ->
    [one] one module
   *[other] { $phases } modules
}.
package-teams = Participating teams
package-in-play = In play
package-in-play-teams = The teams above, in the roles they hold every day, and the decisions their plans and procedures give them.
package-in-play-systems = IT systems on the situation board:
package-in-play-services = Clinical services on the situation board:
package-out-of-play = Out of play
package-out-of-play-real = Real patients, real systems and real operations: nothing is switched off, called or sent for real.
package-out-of-play-outside = Organisations and people outside the room, except as the facilitator plays them.
package-out-of-play-people = The performance of individuals: the exercise evaluates plans, procedures and capabilities.
package-scenario = The scenario
package-setting = Setting
package-summary = Summary
package-rules = Exercise rules
package-how-to-play = How this exercise is played
package-ground-rules = Ground rules
package-rule-real = This is an exercise: no action is taken for real, and the situation is fictional even where it draws on real events.
package-rule-role = Play your own role and respond as your plans, procedures and authority allow, with the resources you really have.
package-rule-no-hidden = There are no trick questions and no hidden agenda; the scenario is plausible, and its details are not up for debate.
package-rule-time = Messages and decisions come at the exercise's pace: the clock may jump ahead between modules.
package-rule-assumptions = Where information is missing, make a reasonable assumption, say it aloud and carry on.
package-rule-decide = Decisions are taken in discussion: speak up, disagree openly, and say what you would need to decide.
package-rule-phones = Keep phones and e-mail for real emergencies; a real emergency stops the exercise.
package-no-fault-label = No-fault exercise.
package-no-fault = This exercise is a safe place to learn. It tests plans, procedures and systems, not people: nobody is graded, and what is said here is used only to improve how the organisation responds.
package-cast = People you will meet
package-cast-intro = Messages may come from these people, played by the facilitator.
package-col-name = Name
package-col-role = Role
package-col-organisation = Organisation
package-sources = Sources
package-sources-intro = The scenario draws on these public sources.

## Facilitator and evaluator guide (src/package/guide.rs)
package-guide = Facilitator and evaluator guide
package-guide-marking = Facilitator and evaluators only
package-guide-about = About this guide
package-guide-intro = This guide is for the facilitator and the evaluators of “{ $title }”. For each module it gives the briefing, the facilitator notes, the messages in their planned order with their decisions, and the discussion questions; then, for each objective, the critical tasks, their evidence and an evaluation sheet.
package-guide-warning-label = Do not share with players.
package-guide-warning = This guide holds the messages before they arrive, the decisions with their recommended options and what is expected of the teams.
package-overview = Exercise overview
package-duration = Duration:
package-scenario-start = Scenario start:
package-teams-label = Teams:
package-counts = { $phases ->
    [one] One module
   *[other] { $phases } modules
}, { $messages ->
    [one] one message
   *[other] { $messages } messages
}, { $decisions ->
    [one] one decision
   *[other] { $decisions } decisions
}.
package-params = Settings chosen at the briefing
package-col-setting = Setting
package-col-default = Default
package-cast-guide = The cast: how to play each character
package-col-how-to-play = How to play them
package-col-secrets = What they keep back
package-starts = Starts at:
package-estimate = Planned time in the room:
package-briefing = Briefing
package-facilitator-notes = Facilitator notes
package-messages = Messages
package-no-messages = No message is planned at a fixed time in this module.
package-other-messages = Messages without a fixed time
package-other-messages-intro = Curveballs, follow-ups of the teams’ choices and messages that wait for a condition, in the order of the file.
package-when = When:
package-channel = Channel:
package-from = From:
package-to = To:
package-hidden = Hidden: for the facilitator only, never shown to the teams.
package-attachment = Attachment:
package-notes = Notes:
package-inject-questions = Questions on this message
package-decision = Decision for { $team }:
package-col-option = Option
package-col-recommended = Recommended
package-recommended-mark = ✓ recommended
package-recommended = Recommended:
package-none-recommended = no option is marked as recommended
package-time-limit = Time limit:
package-limit-real = { $duration } in the room
package-limit-scenario = { $duration } of scenario time
package-timeout = { $limit }; without a decision: { $default }
package-discussion-points = Points to draw out in the discussion
package-objective = Objective { $n }: { $text }
package-capability = Core capability:
package-no-tasks = No critical task is defined for this objective.
package-task = Critical task { $n }: { $text }
package-target = Target:
package-evidence = Evidence (best-practice checks that measure it)
package-no-evidence = No check measures this task: it rests on the evaluators’ observations.
package-eeg = Exercise evaluation guides
package-eeg-intro = One sheet per objective. Note what you see for each critical task, tick a rating for each, then rate the objective as a whole.
package-eeg-sheet = Evaluation guide, objective { $n }: { $text }
package-evaluator = Evaluator’s name and date:
package-observations = Observations (what was done, when, by whom):
package-task-rating = Task rating:
package-objective-rating = Rating of the objective
package-rating = Rating:
package-rating-reason = Reasons for the rating:
package-col-rating = Rating
package-col-meaning = Meaning

## Participant feedback form (src/package/feedback.rs)
package-feedback = Participant feedback form
package-feedback-intro = Thank you for taking part in “{ $title }”. Your answers help improve the exercise and the plans it tests. Names are optional.
package-feedback-about = About you (optional)
package-feedback-name = Name:
package-feedback-role = Role or position:
package-feedback-team = Team:
package-feedback-ratings = Your ratings
package-feedback-scale = Tick one box per statement: 1 strongly disagree, 2 disagree, 3 neither agree nor disagree, 4 agree, 5 strongly agree.
package-feedback-statement = Statement
package-feedback-objectives-clear = The exercise’s objectives were clear.
package-feedback-objective-met = The exercise helped us work on this objective: { $objective }
package-feedback-realistic = The scenario was realistic.
package-feedback-materials = The materials (situation manual, messages, situation board) were useful.
package-feedback-facilitation = The facilitation kept the exercise on track.
package-feedback-time = There was enough time for the discussions.
package-feedback-role-clear = I understand my role in a real incident better.
package-feedback-plans = The exercise showed how our plans and procedures work in practice.
package-feedback-participants = The right people and functions took part.
package-feedback-better-prepared = After this exercise I am better prepared for a real incident.
package-feedback-strengths = Strengths
package-feedback-strengths-prompt = What went well? Which strengths did the exercise show?
package-feedback-improve = Areas for improvement
package-feedback-improve-prompt = What should be improved, in the plans, in the response or in the exercise itself?
package-feedback-differently = What I will do differently
package-feedback-differently-prompt = After this exercise, what will you do, check or change in your own work?
package-feedback-comments = Other comments
package-feedback-comments-prompt = Anything else you would like to tell the exercise team.
package-feedback-thanks = Thank you. Please hand this form to the facilitator before you leave.

## The trigger of a message in words (src/msel/export.rs; English in the MSEL, the guide's language in the guide)
msel-trigger-at = at { $offset }
msel-trigger-after = after { $what }
msel-trigger-after-delay = { $delay } after { $what }
msel-trigger-option = option "{ $label }" ({ $decision })
msel-trigger-outcome-of-option = outcome "{ $outcome }" of option "{ $option }"
msel-trigger-outcome-of-action = outcome "{ $outcome }" of action "{ $action }"
msel-trigger-action = action "{ $action }"
msel-trigger-inject = inject "{ $title }"
msel-trigger-phase-start = the start of phase "{ $phase }"
msel-trigger-deadline-met = deadline "{ $deadline }" met
msel-trigger-deadline-missed = deadline "{ $deadline }" missed
msel-trigger-random-event = random event "{ $event }"
msel-trigger-later = { $what }, { $delay } later
msel-trigger-when = when { $condition }
msel-trigger-when-delay = { $delay } after: when { $condition }
msel-trigger-a-condition = a condition holds
msel-trigger-curveball = curveball (the facilitator fires it)
msel-trigger-facilitator-only = fired by the facilitator only
msel-trigger-scheduled-by = scheduled by { $who }
msel-trigger-follow-up-of = follow-up of { $what }
msel-trigger-or = or
msel-trigger-chance = chance { $chance }
