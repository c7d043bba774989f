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
