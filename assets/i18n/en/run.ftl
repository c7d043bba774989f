## Transcripts of `run` and `--interactive` (src/headless/transcript.rs)
run-header = Downtime: { $title } ({ $id } { $version }), seed { $seed }, policy { $policy }
run-parameters = parameters: { $list }
run-attachment = attachment { $name }:
run-discuss = discuss: { $question }
run-started = exercise started
run-phase-break = phase break: next is "{ $title }"
run-phase-began = == phase { $n }: { $title }
run-to-facilitator = the facilitator only
run-to-all = all teams
run-from = { $channel } from { $sender }
run-curveball-hidden = {" "}(curveball, hidden)
run-curveball = {" "}(curveball)
run-hidden = {" "}(hidden)
run-inject = { $symbol } INJECT { $id } "{ $title }" [{ $severity }; { $how }; to { $to }]{ $mark }
run-inject-skipped = inject { $id } did not happen (chance roll)
run-inject-prevented = prevented: { $id } "{ $title }" ({ $reason })
run-prevented-guard = its `unless` condition holds
run-prevented-lapsed = its condition no longer holds; it waits for it again
run-inject-cancelled = cancelled: { $id } "{ $title }"
run-decision = DECISION { $id } for { $team }: { $prompt }
run-pick = {" "}({ $words })
run-chose = CHOSE { $id }: { $n }. { $label }{ $mark }
run-chose-timeout = {" "}(time ran out: default option)
run-vote = vote on { $id } by { $who }: { $picked }
run-action = ACTION { $id }: { $label }
run-action-by = ACTION { $id } by { $team }: { $label }
run-outcome = outcome: { $label }
run-outcome-text = outcome: { $label }: { $text }
run-system = system { $name }: { $from } -> { $to }
run-service = service { $name }: { $from } -> { $to }
run-deadline-started = deadline started: { $label } (due { $due })
run-deadline-met = deadline met: { $label }
run-deadline-missed = DEADLINE MISSED: { $label }
run-random-event = random event: { $label }
run-check-met = check met: { $title }
run-check-missed = check missed: { $title }
run-paused = paused
run-resumed = resumed
run-rated = objective { $id } rated { $rating }
run-rated-note = objective { $id } rated { $rating }: { $note }
run-rated-unknown = objective rated
run-note = note: { $text }
run-note-unknown = note added
run-overridden = { $label } set by the facilitator: { $from } -> { $to }
run-undone = UNDONE { $id }: { $label }
run-rewound = REWOUND to just before entry { $entry } ({ $n } { $n ->
    [one] command
   *[other] commands
} taken back)
run-ending-held = ending { $id } reached, waiting for the open decisions (answer them, or confirm the ending)
run-ended = ENDING { $id }: { $title }
run-no-score = NO SCORE (a discussion exercise: checks and ratings only)
run-score = SCORE { $score }/100
run-score-grade = SCORE { $score }/100, grade { $grade }
run-score-grade-label = SCORE { $score }/100, grade { $grade } ({ $label })
run-score-part = { $label }: { $value } (weight { $weight }, { $points } points)
run-checks = CHECKS
run-check-met-at = met at { $at }
run-check-missed-at = missed at { $at }
run-check-open = open
run-check-na = not applicable
run-objectives = OBJECTIVES

## The plain-line protocol of `run --interactive` and `host` (src/headless/interactive.rs)
ask-host-help = Lines: start (at the briefing), next (to the next message), step, pause, resume, continue (at a phase break),
    N or choose N (take the open decision), curveball INJECT (fire it now), note TEXT, undo,
    end [REASON], confirm-ending, an empty line (show where things stand), q (stop the host).
ask-ended = The exercise has ended; the seats show the ending.
ask-ended-prompt = Type q to stop the host (or note TEXT):{" "}
ask-briefing = Briefing: the seats are open. Type seats to list them.
ask-briefing-prompt = Type start when the room has joined (or help, or q):{" "}
ask-break = Phase break. Next: { $title }.
ask-break-prompt = Type continue to begin it (or note TEXT, or q to stop):{" "}
ask-break-again = Type continue to begin "{ $title }".
ask-paused = (paused)
ask-running-prompt = Type next, step, pause, resume, note TEXT, help or q:{" "}
ask-several = (several answers: { $words }, numbers separated by spaces)
ask-votes = { $n } { $n ->
    [one] vote
   *[other] votes
}
ask-not-available = not available: { $why }
ask-host-choice = Choose 1-{ $n } for the team, or wait for its lead (next, step, pause, note TEXT, empty line to refresh, q):{" "}
ask-choice = Your choice (1-{ $n }, or note TEXT, or q to stop):{" "}
ask-option-unavailable = That option is not available: { $why }
ask-number = Please type a number from 1 to { $n }.
ask-number-or-help = Please type a number from 1 to { $n }, or help.
ask-retry = Press Enter to try again, or q to stop:{" "}
ask-not-done = Not done: { $why }
ask-stopped = Stopped at { $at }. Nothing is lost: resume with `downtime run --interactive --resume JOURNAL`.
ask-pick-count = This decision takes { $words } (numbers separated by spaces).
ask-not-together = Those options cannot be taken together: { $why }

## The summary of `simulate` (src/simulate/report.rs)
sim-header = Simulation of "{ $title }" ({ $id }): { $runs } runs, policy { $policy }, seed { $seed }
sim-param-set = {" "}(set)
sim-completed = completed { $completed } of { $runs } runs; on average { $decisions } decisions and { $duration } of scenario time per run
sim-no-option = decision { $id } had no available option in { $runs } { $runs ->
    [one] run
   *[other] runs
}
sim-failed = FAILED { $failed } runs; first: run { $run } (seed { $seed }): { $message }
sim-endings = Endings
sim-score = Score
sim-score-line = mean { $mean }   p5 { $p5 }   p50 { $p50 }   p95 { $p95 }   (min { $min }, max { $max })
sim-grades = Grades
sim-checks = Best-practice checks (hit rate: met / runs where the check applied)
sim-na = n/a
sim-check-counts = { $met } met, { $missed } missed
sim-check-na = { $n } not applicable
sim-coverage = Coverage
sim-none = none
sim-never-fired = injects never fired:
sim-never-chosen = options never chosen:
sim-never-reached = endings never reached:
sim-never-started = deadlines never started:
sim-never-seen = random events never seen:
sim-never-taken = actions never taken:
sim-never-opened = decision never opened
sim-opened-in = decision opened in { $n } runs
sim-decisions-scored = Which decisions matter (mean score when chosen, and its difference with the runs that decided otherwise)
sim-decisions = Decisions (how often each option was chosen; no score)
sim-opened-taken = opened in { $opened } runs, taken in { $taken }
sim-runs = { $runs } runs
sim-impact = mean { $mean }  impact { $impact }  (vs { $others } runs)
sim-by-timeout = { $n } by timeout
sim-points = { $n } points
sim-spread = largest spread between best and worst option: { $list }
sim-actions-scored = Actions (runs that took each, mean uses per run, mean score of those runs and its difference with the runs that never took it)
sim-actions = Actions (runs that took each, and mean uses per run; no score)
sim-uses = { $uses } uses/run

## simulate --balance (src/simulate/balance.rs)
balance-header = Balance of “{ $title }” ({ $id }): { $runs } runs per simulation, seed { $seed }
balance-means = mean score: best practice { $best }, random play { $random }
balance-best-spread = luck under best practice: { $figure } points between its 5th and 95th percentile scores (at most { $limit })
balance-best-same = best practice in its most frequent grade (or ending): { $figure } of runs (at least { $limit })
balance-best-over-random = best practice above random play: { $figure } points (at least { $limit })
balance-recommended-best = each recommended option, alone against best practice, the best at its decision: at most { $figure } points behind another option (at most { $limit })
balance-decisions-matter = every decision matters under random play: { $figure } points at least between its best and worst option (at least { $limit })
balance-params-matter = every parameter changes best play (its mean score by 1 point or an ending by 5 points): the weakest reaches { $figure } times that
balance-endings-reached = every ending reached under random play: the rarest in { $figure } of runs (at least { $limit })
balance-endings-spread = no ending dominates random play: the most frequent in { $figure } of runs (at most { $limit })
balance-first-is-not-best = the first options are not best practice: the `first` policy chooses as best practice does in { $figure } of runs (none)
balance-behind = { $decision }: { $option } scores { $figure } points more
balance-summary = { $held } of { $rules } rules hold
balance-impacts = Each option alone against best practice (★ recommended; mean score, and its difference with best practice)

## run's journal line (src/cli/run.rs)
run-journal = journal: { $path }
run-journal-resumed = journal: { $path } (resumed, { $n ->
    [one] { $n } entry
   *[other] { $n } entries
})

## Loading a scenario (src/output.rs)
load-no-translation = warning: { $path } has no `{ $asked }` translation; playing it in `{ $language }`
load-has-errors = { $path }: cannot be used until its errors are fixed
load-errors = the scenario has errors

## A journal's scenario found again (src/journal/source.rs)
warning-line = warning: { $text }
source-scenario-changed = the scenario { $origin } has changed since the journal was recorded (version { $then } then, { $now } now); the exercise was replayed against the current file and may differ from what the room saw
source-translation-changed = the `{ $language }` translation of { $origin } has changed since the journal was recorded (or cannot be found); the report shows the current texts, which may differ from what the room saw

## The manual page's section headings (src/cli/man.rs)
man-name = NAME
man-synopsis = SYNOPSIS
man-description = DESCRIPTION
man-options = OPTIONS
man-commands = COMMANDS
man-extra = EXTRA
man-version = VERSION
man-authors = AUTHORS

## check's summary
check-ok = ok: { $file }
check-summary = checked { $files ->
    [one] { $files } file
   *[other] { $files } files
}: { $clean } clean, { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}, { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
}

# host and start-up (issue 17)
host-listening = host: listening on { $addr }
host-ssh-listening = ssh: listening on { $addr }; host key { $key } ({ $path })
host-ssh-listening-created = ssh: listening on { $addr }; host key { $key } ({ $path }, created now)
host-ssh-users = ssh: the user name picks the seat (a team's id, or presenter); the password is its join code
host-tls-on = host: TLS on: the seats' traffic is encrypted
host-no-tls = warning: no TLS: traffic between the seats and this host is not encrypted; anyone on the network can read it. Use a closed network, or --tls-cert and --tls-key.
host-seats-file = seats file: { $path }
host-seats-file-unwritable = cannot write the seats file { $path }: { $error }
host-seats-file-not-updated = cannot update the seats file { $path }: { $error }
host-no-runtime = cannot start the host's runtime: { $error }
host-cannot-listen = cannot listen on { $addr }: { $error }
host-no-address = cannot read the listening address: { $error }
host-no-owner = cannot start the host's owner: { $error }
host-stopped-at-once = the host stopped at once
host-stopped = the host has stopped
host-journal = journal: { $path }
host-seat = seat:
host-joined = joined: { $names }
host-joined-lead = joined: { $names } (lead { $lead })
host-rotated = { $seat } has a new link and code; everyone who joined it before is out.
host-lead = { $voter } now leads { $team }.
host-no-team = no team `{ $team }`
host-no-member = no member `{ $voter }` has joined team `{ $team }`
host-no-seat = no seat `{ $who }`: name a team id or presenter
host-help = seats (links, codes, who joined), rotate TEAM|presenter (new link and code), lead TEAM VOTER.
present-following = downtime present: following { $path }
present-waiting-folder = downtime present: no console has an exercise open in { $dir } yet; waiting for one (Ctrl-C to stop)
present-no-journal = downtime present: { $path } does not exist (give a journal, a folder of journals, or --latest)
present-waiting-journal = downtime present: waiting for { $path } (the console creates it when the exercise starts; Ctrl-C to stop)
present-needs-terminal = downtime: the presenter view needs a terminal
play-journal-exists = downtime play: { $path } already exists; pass --resume { $path } to continue it, or another --journal
play-seats-need-scenario = downtime play: --seats needs a scenario file (or --resume JOURNAL): the seats are served for one exercise
console-needs-terminal = downtime: the console needs a terminal; use `downtime run --interactive SCENARIO` to play at a plain prompt, `downtime host SCENARIO --seats ADDR` to serve seats without one, or `downtime run` for a transcript
console-unusable-terminal = downtime: this terminal (TERM={ $term }) cannot draw the console; use `downtime run --interactive SCENARIO` to play at a plain prompt
console-no-signals = downtime: cannot handle signals: { $error }
console-no-terminal-setup = downtime: cannot set up the terminal: { $error }
console-terminal-error = downtime: terminal error: { $error }
exit-journal = Journal: { $path }
exit-report = Report:  downtime report { $path }
exit-resume = Resume:  downtime play --resume { $path }
host-ssh-key-unreadable = cannot read the SSH host key { $path }: { $error }
host-ssh-key-not-ed25519 = the SSH host key { $path } is not an ed25519 key
host-ssh-key-not-private = the SSH host key { $path } is readable by others and cannot be made private: { $error }
host-ssh-key-unencodable = cannot encode the SSH host key: { $error }
host-ssh-key-unwritable = cannot write the SSH host key { $path }: { $error }
host-no-random = no random source: { $error }
host-ssh-cannot-listen = cannot listen on { $addr } for SSH: { $error }
host-ssh-no-address = cannot read the SSH listening address: { $error }
host-said = host: { $text }
