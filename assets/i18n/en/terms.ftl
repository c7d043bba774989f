# Downtime's interface in English. Keys are grouped by the screen or output that uses them;
# every key exists in en.ftl, fr.ftl and zh.ftl (tests/i18n_catalogue.rs).

## The catalogue's own test
test-plural = { $n ->
    [one] { $n } decision
   *[other] { $n } decisions
}

## Fixed words of the format and the engine (src/i18n/terms.rs)
severity-info = info
severity-low = low
severity-medium = medium
severity-high = high
severity-critical = critical
channel-phone = Phone call
channel-email = E-mail
channel-in-person = In person
channel-radio = Radio / pager
channel-press = Press
channel-social = Social media
channel-ransom-note = Ransom note
channel-official = Official
channel-alert = Alert
channel-report = Report
channel-other = Message
system-up = up
system-degraded = degraded
system-down = down
system-isolated = isolated
system-restoring = restoring
system-restored = restored
rating-p = Performed without challenges
rating-s = Performed with some challenges
rating-m = Performed with major challenges
rating-u = Unable to be performed
rating-none = Not rated (no applicable check)
yes = yes
no = no
pick-exactly = pick { $n }
pick-range = pick { $min } to { $max }
objective-summary = { $rated }; { $suggested }
objective-pending = pending evaluator
objective-no-suggestion = no suggestion (no applicable check)
objective-suggested = suggested { $rating } ({ $met } of { $applicable } checks met)

## The engine's refusals and unavailable options (src/i18n/refusal.rs)
stage-not-started = the exercise has not started
stage-paused = the exercise is paused
stage-running = the exercise is running
stage-phase-break = the exercise is at a phase break
stage-ended = the exercise has ended
unavailable-requirement = its requirement is not met
unavailable-within = together they do not meet the decision's `within`
unavailable-option = `{ $option }`: { $why }
unavailable-option-after = `{ $option }` after `{ $after }`: { $why }
unavailable-not-open-to = not open to { $team }
unavailable-used-up = { $max ->
    [one] already taken
   *[other] already taken { $max } times
}
unavailable-again-in = again in { $duration }
refusal-stage = cannot { $command }: { $why }
refusal-no-ending-held = no ending is waiting for confirmation
refusal-ending-held = { $n ->
    [one] the exercise has reached its ending `{ $ending }`, but decision { $open } is still open: answer it, or confirm the ending
   *[other] the exercise has reached its ending `{ $ending }`, but decisions { $open } are still open: answer them, or confirm the ending
}
refusal-at-phase-break = the exercise is at a phase break: begin the next phase first
refusal-paused = the exercise is paused: resume it to move the clock
refusal-last-phase = this is the last phase
refusal-already-paused = already paused
refusal-not-paused = not paused
refusal-decision-not-open = decision `{ $decision }` is not open yet
refusal-decision-taken = decision `{ $decision }` was already taken
refusal-nothing-to-undo = there is nothing to undo
refusal-host-stopped = the host has stopped
refusal-no-ending = the exercise did not end within { $limit } commands
refusal-wrong-team = decision `{ $decision }` belongs to team `{ $owner }`, not `{ $team }`
refusal-no-reason = say why the room is overruled: the reason goes in the report
refusal-no-time-limit = decision `{ $decision }` has no time limit
refusal-already-fired = inject `{ $inject }` has already fired
refusal-not-finite = the value must be a finite number
refusal-no-rating = a rating is one of P, S, M or U
refusal-not-one-of = `{ $parameter }` must be one of: { $choices }
refusal-wrong-kind = `{ $parameter }` cannot take the value { $value }
refusal-named-twice = option `{ $option }` is named twice
refusal-count-exactly = { $n ->
    [one] decision `{ $decision }` takes one option, not { $given }
   *[other] decision `{ $decision }` takes { $n } options, not { $given }
}
refusal-count-range = decision `{ $decision }` takes { $min } to { $max } options, not { $given }
refusal-unavailable = option `{ $option }` is not available: { $why }
refusal-unavailable-together = options `{ $options }` cannot be taken together: { $why }
refusal-not-in-force = entry { $entry } is not a command still in force (it was undone, or is an undo, a rewind or not written yet)
refusal-before-start = cannot rewind before the start: rewind to a later entry
refusal-which-team = action `{ $action }` is open to several teams: say which ({ $teams })
refusal-action-unavailable = action `{ $action }` cannot be taken now: { $why }
refusal-unknown = unknown { $kind } `{ $id }`
refusal-follow = this view follows a journal and cannot change it
refusal-not-saved = not saved: cannot write the journal { $path }: { $error }; nothing changed, try again once this is fixed
refusal-too-long = not saved: { $why }

# Spreadsheets: the columns of `export msel` and `export timeline`, the first sheet's name, everyone.
sheet-seq = Seq
sheet-time = Time
sheet-day-time = Day/time
sheet-phase = Phase
sheet-id = Inject id
sheet-title = Title
sheet-channel = Channel
sheet-from = From
sheet-to = To
sheet-description = Description
sheet-expected = Expected action
sheet-objective = Objective
sheet-capability = Capability
sheet-notes = Facilitator notes
sheet-trigger = Trigger
sheet-all-events = All events
sheet-all-teams = All teams
sheet-real-time = Real time
sheet-scenario-time = Scenario time
sheet-planned = Planned
sheet-kind = Kind
sheet-what = What
sheet-team = Team
sheet-detail = Detail
sheet-decision-time = Decision time
sheet-timeline = Timeline
