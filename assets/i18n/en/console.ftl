# Downtime's facilitator console, presenter and SSH seats (src/tui, src/host/ssh_screen.rs).

## Status bar and help window (src/tui/view/common.rs, overlay.rs)
hint-keys = keys
hint-next-tab = next tab
hint-scroll = scroll
hint-quit = quit
help-title-picker = Keys · picker
help-title-briefing = Keys · briefing
help-title-presenter = Keys · presenter
help-title-end = Keys · end screen
help-title-exercise = Keys · exercise
help-symbols = Symbols: severity · info ○ low ◆ medium ▲ high ‼ critical; • unread; ? decision open; ★ recommended (facilitator only); ⚠ past a threshold; ✗ unavailable.
help-mouse = To select text with the mouse, hold Shift while dragging (the console takes the mouse's clicks).

## The keys of each screen (src/tui/keys.rs)
key-space = Space
key-enter = Enter
key-esc = Esc
key-shift-tab = Shift-Tab
key-page-up = PgUp
key-page-down = PgDn
key-mouse = mouse
key-seats = (seats)
keys-play-choose-that-option-of = choose that option of the open decision
keys-play-tick-or-untick-the = tick or untick the highlighted option, on a decision with several answers (Enter takes the ticked ones)
keys-play-step-the-clock-asks = step the clock (asks first if an open decision would time out)
keys-play-jump-to-the-next = jump to the next inject (asks first if an open decision would time out)
keys-play-skip-to-the-next = skip to the next phase (asks first, naming what is lost) / begin it at a phase break
keys-play-choose-the-highlighted-option = choose the highlighted option; begin the next phase
keys-play-pause-or-resume-the = pause or resume the clock
keys-play-realtime-pacing-on-or = real-time pacing on or off (off: MANUAL CLOCK)
keys-play-pacing-faster-or-slower = pacing faster or slower
keys-play-show-the-message-of = show the message of the next open decision; the next panel when no other is open
keys-play-previous-panel = previous panel
keys-play-move-in-the-panel = move in the panel (feed, text, options)
keys-play-previous-or-next-panel = previous or next panel
keys-play-page-through-the-injects = page through the inject's text
keys-play-curveball-the-pool-first = curveball: the pool first, then any inject; type to narrow
keys-play-the-cast-who-sends = the cast: who sends what, their notes and secrets
keys-play-actions-a-team-takes = actions: a team takes one of the scenario's repeatable actions
keys-play-override-a-metric-with = override a metric, with a reason
keys-play-add-a-note-to = add a note to the journal
keys-play-rate-the-objectives-psmu = rate the objectives P/S/M/U (at a phase break)
keys-play-undo-the-last-decision = undo the last decision (asks first, shows what is undone)
keys-play-rewind-to-an-earlier = rewind to an earlier journal entry (asks first, shows what is undone)
keys-play-end-the-exercise-now = end the exercise now (asks first)
keys-play-show-on-the-projector = show on the projector: pin the selected inject, its attachment or the phase's questions; s again releases
keys-play-session-plan-planned-and = session plan: planned and spent time per phase
keys-play-seats-with-seats-links = seats (with --seats): links, codes and QR codes, who joined, the votes; a new link for a seat, a team's lead
keys-play-take-the-teams-majority = take the team's majority vote on the open decision (with --seats); choosing otherwise asks why
keys-play-presenter-view-on-or = presenter view on or off (spoiler-free)
keys-play-largetype-layout-of-the = large-type layout of the presenter view on or off
keys-play-times-as-day-and = times as day and clock (Sun 08:00) or as T+ offsets
keys-play-the-board-every-metric = the board: every metric, system, service and deadline, full-screen
keys-play-this-help = this help
keys-play-close-a-window-back = close a window, back out
keys-play-quit-asks-first-the = quit (asks first; the journal keeps everything)
keys-play-suspend-the-console-fg = suspend the console (fg brings it back; the projector says so)
keys-play-click-a-feed-item = click a feed item or an option to select it; Shift+drag selects text
keys-end-next-or-previous-tab = next or previous tab
keys-end-scroll = scroll
keys-end-export-the-report-beside = export the report beside the journal
keys-end-rate-the-objectives-psmu = rate the objectives P/S/M/U, with a note
keys-end-undo-the-last-decision = undo the last decision (asks first, shows what is undone)
keys-end-rewind-to-an-earlier = rewind to an earlier journal entry (asks first)
keys-end-session-plan-planned-and = session plan: planned and spent time per phase
keys-end-presenter-view-on-or = presenter view on or off
keys-end-times-as-day-and = times as day and clock (Sun 08:00) or as T+ offsets
keys-end-the-board-as-the = the board as the exercise ended, full-screen
keys-end-this-help = this help
keys-end-quit = quit
keys-present-look-at-an-older = look at an older inject (what the facilitator pins comes first)
keys-present-largetype-layout-on-or = large-type layout on or off: the message, its question, the countdown
keys-present-the-board-every-metric = the board: every metric, system, service and deadline, full-screen
keys-present-tabs-of-the-end = tabs of the end screen
keys-present-this-help = this help
keys-present-quit-the-journal-is = quit (the journal is only read)
keys-picker-choose-a-scenario = choose a scenario
keys-picker-open-its-briefing = open its briefing
keys-picker-quit = quit
keys-briefing-move-in-the-form = move in the form
keys-briefing-change-a-parameter = change a parameter
keys-briefing-edit-a-field-on = edit a field; on Start: start the exercise
keys-briefing-start-the-exercise = start the exercise
keys-briefing-switch-between-the-form = switch between the form, the scenario text and (with --seats) the seats
keys-briefing-the-highlighted-seats-qr = the highlighted seat's QR code, full size
keys-briefing-on-the-seats-a = on the seats: a new link and code for the highlighted seat
keys-briefing-scroll-the-scenario-text = scroll the scenario text
keys-briefing-quit = quit

## The briefing (src/tui/view/briefing.rs)
brief-title = Briefing
brief-setting = Setting
brief-starts = Starts { $start } · lasts at most { $end }
brief-real-time = about { $duration } of real time
brief-objectives = Objectives
brief-teams = Teams
brief-how-to-play = How to play
brief-keys = Keys during the exercise
brief-organisation = Organisation
brief-facilitator = Facilitator
brief-members = { $team } (who)
brief-start = Start the exercise
brief-no-journal = seed { $seed } · no journal
brief-journal-latest = seed { $seed } · projector: downtime present --latest · journal
brief-journal-resuming = seed { $seed } · resuming · projector: downtime present
brief-journal = seed { $seed } · projector: downtime present
brief-seats = Seats: scan, open or type the code · Tab
brief-scenario-seats = The scenario · Tab: seats
brief-scenario = The scenario
brief-set-up = Set up the room
brief-who = Who is in the room (optional, for the report)
brief-parameters = Parameters of this run

## The exercise screen (src/tui/view/exercise.rs)
hint-close-board = close the board
hint-older-injects = older injects
hint-board = board
hint-resume = resume
hint-pause = pause
hint-facilitator-view = facilitator view
hint-begin-next-phase = begin the next phase
hint-choose = choose
hint-step = step
hint-next-inject = next inject
hint-open-decision = open decision
hint-panel = panel
hint-curveball = curveball
hint-presenter = presenter
clock-console-closed = ■ console closed
clock-console-suspended = ⏸ console suspended ({ $s } s ago)
clock-console-lost = ⚠ console disconnected (last seen { $s } s ago)
clock-ended = ■ ENDED
clock-phase-break = ◆ PHASE BREAK
clock-paused-console = ⏸ PAUSED · console paused
clock-paused = ⏸ PAUSED
clock-paced = ▶ PACED 1 min = { $speed } min
clock-paced-waits = {" "}· waits for a decision
clock-manual = MANUAL CLOCK
header-elapsed-long-wall = elapsed { $active } (pauses excluded) · wall clock { $wall }{" "}
header-elapsed-long = elapsed { $active } (pauses excluded){" "}
header-elapsed-mid-wall = elapsed { $active } excl. pauses · { $wall }{" "}
header-elapsed-mid = elapsed { $active } excl. pauses{" "}
header-elapsed-short-wall = elapsed { $active } · { $wall }{" "}
header-elapsed-short = elapsed { $active }{" "}
header-phase = Phase { $n }/{ $of } ·{" "}
panel-injects-unread = Injects · { $n } · { $unread } unread
panel-injects = Injects · { $n }
feed-empty-presenter = Nothing yet.
feed-empty = Nothing yet. Space steps the clock, n jumps to the next inject.
feed-hidden = (hidden)
panel-coming-up = Coming up · facilitator only
upcoming-none = nothing scheduled (conditions and decisions may still fire injects)
detail-phase-title = Phase { $n } · { $title }
detail-discuss = Discuss
detail-no-inject = No inject yet.
detail-attached-to = attached to “{ $title }”
detail-from = from { $sender }
detail-curveball = curveball
detail-thrown = thrown { $n } times
detail-hidden = hidden: facilitator only (no team, projector or seat sees it)
detail-to = to { $teams }
detail-attachment = Attachment · { $name }
detail-notes = Facilitator notes
detail-playing = Playing { $name } (C: the cast)
detail-secret = secret: { $secret }
panel-inject-held = Inject · projector held on { $what } (s)
panel-inject = Inject
countdown-real = ⏱ { $clock } real
countdown-up = ⏱ time's up
countdown-scenario = { $left } scenario
open-this-message = (this message)
open-press-tab = (press Tab)
open-decisions = { $n ->
    [one] { $n } decision open: { $names }
   *[other] { $n } decisions open: { $names }
}
decision-timeout-presenter = Time's up: default taken ({ $picked })
decision-timeout = time ran out: default taken ({ $picked }) at { $at }
decision-decided = Decided at { $at }: { $picked }
decision-none-here = No decision for this message.
decision-none = No decision is open.
decision-several-presenter = Several answers: { $words }.
decision-several = Several answers: { $words } · ↑↓ i tick · Enter takes the { $n } ticked · a number alone takes one
votes-none = No votes yet from the team's seats.
votes-majority = { $n ->
    [one] { $n } vote · majority { $majority }: M takes it
   *[other] { $n } votes · majority { $majority }: M takes it
}
votes-tied = { $n } votes, tied: choosing asks why
votes-count = { $n ->
    [one] { $n } vote
   *[other] { $n } votes
}
decision-unavailable = unavailable: { $why }
panel-decision = Decision
more-options = { $n ->
    [one] option
   *[other] options
}
panel-metrics = Metrics
panel-systems = Systems · services
board-paper = paper
deadline-met = met
deadline-missed = missed
deadline-left = { $left } left
panel-deadlines-running = Deadlines · { $n } running
panel-deadlines = Deadlines
deadline-none = none running
more-running = +{ $n } more ({ $running } running) · b
more-shows-all = +{ $n } more · b shows all
panel-log = Log · facilitator only
more-earlier = earlier
more-n = { $n } more{ $what }
more-n-above = { $n } more{ $what } above
more-n-below = { $n } more{ $what } below

## The end screen
end-tab-summary = Summary
end-tab-checks = Checks
end-tab-charts = Charts
end-tab-decisions = Decisions
end-ending = Ending
end-ended-by-facilitator = (the facilitator ended the exercise)
end-no-score = No score: a discussion exercise (checks, deadlines and ratings below)
end-grade = { " · " }grade { $grade } — { $label }
end-score = Score { $score } / 100{ $grade } (facilitator only)
end-checks-summary = Best-practice checks: { $met } met, { $missed } missed (tab 2)
end-time-and-decisions = Scenario time { $time } · { $n ->
    [one] { $n } decision
   *[other] { $n } decisions
}
end-objectives = Objectives (HSEEP rating)
end-objectives-rate = Objectives (HSEEP rating; o to rate)
end-note = Note: { $note }
end-journal = Journal:{ " " }
end-no-journal = No journal was written.
end-report = Report:{ " " }
end-press-x = Press x to write the after-action report beside the journal.
end-unchanged = unchanged
end-flags-counters = Flags and counters
end-flags-counters-legend = (final value · changes)
end-changed = { $n ->
    [one] changed at { $at }
   *[other] { $n } changes, last { $at }
}
end-met = Met
end-missed = Missed
end-none = none
end-not-applicable = Not applicable
end-no-metrics = This scenario has no metrics.
end-chart-title = { $label } · now { $value }
end-chart-start = T+0h
end-charts-range = charts { $from }–{ $to } of { $n } · ↑↓ scroll
end-col-when = when
end-col-decision = decision
end-col-real = real
end-col-scenario = scenario
end-no-decisions = no decisions
end-timed-out = (⏱ time ran out: default taken)
end-override = override { $metric }: { $from } → { $to } ({ $reason })
end-notes-overrides = Notes and overrides

## Overlays: help, confirmations, rewind, projector, plan, seats, forms
end-now-reason = ended by the facilitator
actions-none = this scenario has no actions
too-small-title = Please enlarge this window
too-small-size = Downtime needs at least { $min }; this one is { $size }.
too-small-waits = The exercise waits; press q to quit.
actions-title = Actions · a team acts now
problems-title = Problems in { $file }
problems-hint = Esc closes · fix the file and start Downtime again
help-journal-saved = Every command is saved in the journal as it is given:
help-closes = Esc or ? closes this help
confirm-quit = Quit?
confirm-quit-journal = The journal keeps everything: resume later with
confirm-quit-no-journal = This exercise has no journal: it cannot be resumed.
confirm-undo = Undo?
confirm-rewind = Rewind?
confirm-rewind-entry = Rewind to before entry { $entry }?
confirm-ending = End with decisions still open?
confirm-ending-text = The exercise has reached its ending “{ $ending }”. { $open } Yes ends it now and leaves { $n ->
    [one] it
   *[other] them
} unanswered; no lets the teams answer first.
confirm-end-now = End the exercise now?
confirm-end-now-text = The default ending is used and the debrief opens. Undo can take back the last decision afterwards, not the end.
confirm-end-now-open = { $open } They stay unanswered. The default ending is used and the debrief opens. Undo can take back the last decision afterwards, not the end.
confirm-yes = yes
confirm-no = no, nothing changes
undo-choice = The last choice is taken back.
undo-timeout = The last timeout is taken back.
undo-phase-skip = The last phase skip is taken back.
undo-clock = The clock command in which a time limit ran out is taken back.
rewind-hint = ↑↓ choose · Enter previews, then asks · Esc cancels
rewind-title = Rewind · to just before a journal entry
show-now = Now on the projector: { $label }
show-hint = It stays on the presenter view until released; the presenter shows the newest message otherwise. 1-9 or Enter pins · Esc cancels
show-title = Show on the projector
pin-inject = “{ $title }”
pin-attachment = the attachment { $name }
pin-questions = the questions of phase { $n } · { $phase }
pin-message = the message { $label }
pin-release = release: the projector shows the newest message again
plan-col-phase = Phase
plan-col-planned = planned
plan-col-spent = spent
plan-total = Total
plan-now = now
plan-now-left = now, { $left } left
plan-now-over = now, { $over } over
plan-minutes = { $n } min
plan-limits = The decisions' real-time limits add up to { $total } ({ $n ->
    [one] { $n } limit
   *[other] { $n } limits
}).
plan-limits-of = The decisions' real-time limits add up to { $total } ({ $n ->
    [one] { $n } limit
   *[other] { $n } limits
}) of a { $session } session.
plan-no-estimate = This scenario gives no estimate: set `duration` in its meta, or `estimate` on each phase.
plan-legend = Spent is real time, pauses excluded; a phase's debrief counts in it. Esc closes.
plan-title = Session plan · facilitator only
plan-phase-line = { $title }: { $planned } planned, { $spent } spent
plan-phase-line-unplanned = { $title }: { $spent } spent
seats-title = Seats · facilitator only
seats-votes = Votes on the open decisions
seats-hint = ↑ ↓ seat · Enter its QR code (Enter again: back) · r new link and code (everyone on it is out) · l next lead · M (outside) takes a majority · u reopens the last decision · Esc
overrule-question = You choose { $options }, but { $room }. Why? (it goes in the journal and the report)
overrule-hint = Enter decides with this reason · Esc does not decide
overrule-title = Overrule the room
note-hint = Enter saves the note in the journal · Esc cancels
note-title = Note
rate-rating = Rating
rate-note = Note
rate-type-letter = type P, S, M or U
rate-type-letter-first = type P, S, M or U first
rate-hint = The evaluator's rating goes into the journal and the report; the suggestion is only the checks' arithmetic. ◂ ▸ picks the objective, Tab moves to the note, Enter saves, Esc cancels.
rate-title = Rate an objective
override-metric = Metric
override-value = Value
override-reason = Reason
override-metric-line = ◂ { $label } ▸  now { $now } ({ $min }..{ $max })
override-hint = 50 sets the value, +5 or -5 changes it. Tab moves between fields, ◂ ▸ picks the metric, Enter applies, Esc cancels.
override-title = Override a metric
override-give-reason = give a reason: it goes into the report
override-type-value = type a value: 50 sets it, +5 or -5 changes it
override-not-a-number = `{ $text }` is not a number: 50 sets it, +5 or -5 changes it

## The phase break
phase-end-of = End of phase { $n } · { $title }
phase-discuss = Discuss
phase-notes = Facilitator notes
phase-next = Next · phase { $n } · { $title }
phase-starts-at = starts at { $offset } · { $at }
phase-plan-line = { $line } (t: the session plan)
phase-enter-begins = Enter begins the next phase when the room is ready.

## What a command would do or did (previews, the rewind list)
cmd-start = start
cmd-step = clock step
cmd-next-inject = jump to the next inject
cmd-next-phase = next phase
cmd-chose = chose { $options } for “{ $decision }”
cmd-choice = choice
cmd-timed-out = ⏱ time ran out for “{ $decision }”
cmd-timeout = timeout
cmd-took = took “{ $action }”
cmd-action = action
cmd-pause = pause
cmd-resume = resume
cmd-curveball-named = curveball “{ $inject }”
cmd-curveball = curveball
cmd-override-of = override of { $metric }
cmd-override = override
cmd-note = note
cmd-seat = seat
cmd-rate = objective rated
cmd-undo = undo
cmd-rewind = rewind to entry { $entry }
cmd-confirm-ending = ending confirmed
cmd-end-now = exercise ended
look-still-open = { $n ->
    [one] { $n } decision is still open: { $names }.
   *[other] { $n } decisions are still open: { $names }.
}
look-stay-open = { $n ->
    [one] It stays open.
   *[other] They stay open.
}
look-skip-moves = Skipping to the next phase moves the clock { $span } ({ $from } → { $to }); { $fired ->
    [0] no message arrives
    [one] { $fired } message arrives
   *[other] { $fired } messages arrive
}.
look-clock-moves = The clock moves { $span } ({ $from } → { $to }); { $fired ->
    [0] no message arrives
    [one] { $fired } message arrives
   *[other] { $fired } messages arrive
}.
look-times-out = “{ $decision }” times out: default taken ({ $option }).
look-reaches-ending = The exercise reaches its ending “{ $ending }”.
look-q-skip = Skip to the next phase?
look-q-go-on = Go on?
look-q-skip-time-out = Skip to the next phase and time out { $n ->
    [one] the open decision
   *[other] { $n } open decisions
}?
look-q-time-out = Time out { $n ->
    [one] the open decision
   *[other] { $n } open decisions
} and go on?
look-undo-can = Undo can take it back afterwards.
look-returns-before-entry = The exercise returns to the moment just before journal entry { $entry }.
look-returns-before = The exercise returns to the moment before it.
look-how-timed-out = ⏱ time ran out: default taken
look-how-answered = answered
look-opens-again = “{ $decision }” ({ $how }: { $options }) opens again.
look-clock-back = The clock goes back from { $from } to { $to }.
look-leave-feed = { $n ->
    [one] { $n } message leaves the feed.
   *[other] { $n } messages leave the feed.
}
look-entries-taken-back = { $n ->
    [one] { $n } journal entry is taken back (the journal keeps them, marked undone); notes and ratings stay.
   *[other] { $n } journal entries are taken back (the journal keeps them, marked undone); notes and ratings stay.
}

## The console's log and status-bar notices
log-to-facilitator = the facilitator only (hidden)
log-to-all = all teams
log-fired = “{ $title }” to { $to }
log-fired-curveball = “{ $title }” to { $to } (curveball)
log-skipped = “{ $title }” did not happen (chance roll)
log-prevented-guard = prevented: “{ $title }” (its `unless` condition holds)
log-prevented-lapsed = prevented: “{ $title }” (its condition no longer holds; it waits for it again)
log-cancelled = cancelled: “{ $title }”
log-decision-opened = decision for { $team }: { $prompt }
log-timed-out = ⏱ time ran out: default taken ({ $option }) · { $title }
log-chose = chose { $option } · { $title }
log-objective-rated = objective { $n } rated { $rating }
log-with-note = { $head }: { $note }
log-undone = undone: { $title } ({ $option })
log-deadline-started = deadline started: { $label } (due { $due })
log-ending-held = ending “{ $title }” reached, waiting for the open decisions (answer them, or confirm the ending)
log-ended = ending: { $title }
notice-note-added = note added to the journal
notice-no-objectives = the scenario defines no objectives to rate
notice-presenter-follows = this presenter view only follows the journal
notice-no-journal-report = this exercise has no journal to report on
notice-report-written = report written: { $path }
notice-no-report = no report: { $error }
notice-times-offsets = times shown as offsets from the start (T+hh:mm); t for day and clock
notice-times-clock = times shown as day and clock time; t for offsets from the start (T+)
notice-nothing-to-undo = there is nothing to undo
notice-nothing-to-rewind = there is nothing to rewind: no command since the start
notice-pinned = on the projector until released (s): { $label }
notice-unpinned = the projector shows the newest message again
notice-nothing-to-show = nothing to show yet: no message has arrived
notice-pacing-on = real-time pacing on: 1 real minute = { $speed } scenario minutes
notice-pacing-off = real-time pacing off: the clock moves on Space and n
notice-pacing-speed = pacing speed: 1 real minute = { $speed ->
    [one] { $speed } scenario minute
   *[other] { $speed } scenario minutes
}
notice-pin-holds = the projector shows what is pinned: s releases it
notice-all-fired = every inject has already fired
notice-no-cast = this scenario has no cast
notice-no-metrics = this scenario has no metrics
notice-rate-when = objectives are rated at a phase break or at the end
notice-export-when = the report is written from the end screen
notice-large-presenter = the large-type layout shows on the presenter view (v)
notice-decision-elsewhere = this message has no open decision: Tab shows the one that is open (“{ $title }”)
notice-no-decision-open = no decision is open
notice-option-count = this decision has { $n } options
notice-option-unavailable = option { $n } is not available: { $why }
notice-no-decision-here = no decision is open on this message
notice-single-option = this decision takes one option: choose it with its number
notice-ticked = { $n } ticked: this decision says { $takes }
notice-not-together = these options cannot be taken together: { $why }
notice-over-plan = { $line }: over its plan (t: the session plan)
notice-following = a new exercise started: now following { $name }
notice-resumed-after = resumed after an interruption of { $gap }

## The board (b)
board-metrics = Metrics · { $n }
board-systems = Systems · { $systems } · services · { $services }
board-deadlines = Deadlines · { $n } started
board-not-started = { $n } not started yet
board-not-started-why = { $n } not started yet (they start when the scenario says)
board-coming-up = Coming up · { $n } · facilitator only
board-nothing-scheduled = nothing scheduled (conditions and decisions may still fire injects)
board-title = Board · ↑↓ scroll · Esc or b closes

## The curveball picker and the cast
curveball-hint = ↑↓ choose · type to narrow · Enter throws it now · Esc cancels
curveball-title-pool = Curveball · the pool, then any inject
curveball-title = Curveball · fire an inject now
curveball-type-to-narrow = Type to narrow the list
curveball-filter = Filter:{ " " }
curveball-no-match = No inject matches.
curveball-pool = Curveball pool
curveball-others = Other injects
curveball-scrolled = { $n } matching · { $above } above · { $below } below
curveball-repeats = ↻ repeats
curveball-hidden = hidden: facilitator only
curveball-from = from { $sender }
curveball-no-team = no team
curveball-to = to { $to }
trigger-manual = only by effects
trigger-at = at { $at }
trigger-after-inject = after “{ $title }”
trigger-after-option = after the option “{ $label }”
trigger-when = on a condition
cast-secret = secret: { $secret }
cast-sends = sends: { $titles }
cast-hint = ↑↓ scroll · facilitator only · any other key closes
cast-title = Cast · facilitator only

## The seats overlay (facilitator)
seats-no-tls = ⚠ No TLS: the seats' traffic is not encrypted; anyone on the network can read it (use a closed network, or --tls-cert and --tls-key).
seats-code = code
seats-qr-enter = (Enter: its QR code, full size)
seats-qr-ascii = (QR codes need a Unicode terminal: start without --ascii)
seats-qr-widen = (widen the window to see the QR code)
seats-lead-suffix = , lead
seats-nobody = nobody has joined yet
seats-joined = { $n } joined, { $online } connected: { $names }
seats-no-votes = no votes yet
seats-majority = majority
seats-no-decision = No decision is open.
majority-no-decision = no decision is open on this message: Tab shows the one that is
majority-no-votes = nobody has voted on this decision yet
majority-tied = the votes are tied: choose with 1-9 (you will be asked why)
majority-unavailable = the majority's choice is not available: { $why }
room-majority-voted = the majority voted { $options }
room-tied = the votes are tied
overrule-say-why = say why, for the report (Esc: do not decide)
seats-none = no seats: start with `downtime play SCENARIO --seats ADDR` to serve them
seats-rotated = { $seat }: new link and code { $code }; whoever joined before is out
seats-presenter-no-lead = the presenter's screen has no lead
seats-team-empty = nobody has joined this team yet
seats-new-lead = { $who } now leads { $seat }: only the lead submits the team's choice
seat-log-lead-took = the lead { $who } took { $action }
seat-log-submitted = the lead { $who } submitted { $options }
seat-log-votes = { $who } votes { $options }
log-with-team = { $team }: { $text }

## The scenario picker
keys-picker-language = change language
picker-one-language = this scenario has no translation
picker-tagline = Tabletop incident-response exercises for hospital crisis teams. Choose a scenario.
picker-scenarios = Scenarios
picker-none = No scenario found.
picker-bundled = bundled
picker-about-title = About
picker-languages = Languages: { $names } (l switches)
picker-broken = This file has errors and cannot be played. Press Enter to read them, or run `downtime check` on it.
picker-about = about { $duration }
picker-teams = { $n ->
    [one] { $n } team
   *[other] { $n } teams
}
picker-injects = { $n ->
    [one] { $n } inject
   *[other] { $n } injects
}
picker-errors = { $n ->
    [one] { $n } error: cannot be played
   *[other] { $n } errors: cannot be played
}
outcome-text = { $label }: { $text }
end-decision-label = { $title }: { $n }. { $option }

## The presenter's large type, the waiting screen, the actions window
large-times-up = TIME'S UP
large-default-taken = ⏱ Time's up: default taken ({ $option })
waiting-objectives = Objectives
waiting-for-start = Waiting for the facilitator to start the exercise…
actions-any-team = any team
actions-taken = taken { $n }×
actions-max = max { $n }
actions-every = every { $every }
actions-scrolled = { $shown } of { $n } shown · { $above } above · { $below } below
actions-can-take = can be taken now
actions-not-now = not now: { $why }
actions-hint = ↑↓ choose · Enter takes it now · Esc closes

## What an option does (the facilitator's previews)
preview-changes = changes
preview-then = then “{ $title }”
preview-then-in = then “{ $title }” in { $after }
preview-cancels = cancels “{ $title }”
preview-starts = starts “{ $label }”
preview-meets = meets “{ $label }”
preview-ends = ends: { $title }
preview-if = if { $cond }: { $then }
preview-if-else = if { $cond }: { $then }; else: { $otherwise }
preview-chance = chance: { $labels }

# host and start-up (issue 17)
seats-device-web = web
seats-device-ssh = ssh
seats-member-gone = { $device }, gone
seats-member = { $voter } ({ $about })
seats-member-named = { $name } ({ $voter }, { $about })
console-following = following { $path }
