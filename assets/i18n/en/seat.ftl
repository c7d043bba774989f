# The seats: the web seat page (assets/web) and the SSH seat screen (src/host).

## The SSH seat's screen (src/host/ssh_screen.rs, ssh.rs)
seat-enlarge = Downtime: enlarge the window
seat-waiting-host = Downtime: waiting for the exercise host…
seat-rotated = Downtime: this seat's code was changed; ask the facilitator for the new one.
seat-situation = Situation
seat-your-decision = Your decision
seat-open-decisions = Open decisions
seat-pinned = Shown by the facilitator
seat-inbox-title = Inbox ({ $n }), newest first
seat-keys-lead-actions = 1–9 vote · s submit · a next action · t take it · Tab next decision · ↑↓ scroll · q leave
seat-keys-lead = 1–9 vote · s submit the team's choice · Tab next decision · ↑↓ scroll · q leave
seat-keys-member = 1–9 vote · Tab next decision · ↑↓ scroll the inbox · q leave
seat-keys-presenter = Tab next decision · ↑↓ scroll the inbox · q leave
seat-confirm-take = y / n: take “{ $action }” for the team now?
seat-confirm-submit = y / n: submit “{ $choice }” as the team's decision? This closes the vote.
seat-presenter = Presenter
seat-stage-briefing = Briefing: the exercise has not started
seat-stage-paused = Paused
seat-stage-break = Phase break
seat-stage-ended = The exercise has ended
seat-clock = { $offset } · { $time } · phase { $phase }/{ $phases }: { $title }
seat-ended = The exercise has ended: { $title }
seat-next-phase = Next: { $title }
seat-no-decision-team = No decision is waiting for your team.
seat-no-decision = No decision is open.
seat-n-of = ({ $i } of { $n })
seat-time-left = Time left: { $left }
seat-several = Several answers: { $pick } (press a number to tick or untick it).
seat-not-available = (not available)
seat-votes = { $n ->
    [one] { $n } vote
   *[other] { $n } votes
}
seat-lead-hint = You lead the team: press s to submit “{ $choice }” as the team's choice (vote for another option first to submit that one).
seat-actions-lead = Actions your team can take at any time (a next · t take it)
seat-actions-member = Actions your team's lead can take at any time
seat-taken-times = { $n ->
    [one] taken { $n } time
   *[other] taken { $n } times
}
seat-at-most = (at most { $n })
seat-again-in = again in { $left }
seat-not-available-now = (not available now)
seat-deadlines = Deadlines
seat-deadline-left = { $label }: { $left } left
seat-decided = Decided
seat-timed-out = (time ran out)
seat-systems = Systems
seat-services = Services
seat-no-message = No message yet.
seat-attachment = Attachment: { $name }
seat-not-taken = Not taken.
seat-not-submitted = Not submitted.
seat-option-unavailable = Option { $n } is not available.
seat-no-such-option = There is no option { $n }.
seat-only-lead-submits = Only the team's lead submits the team's choice.
seat-only-lead-takes = Only the team's lead takes the team's actions.
seat-tick-first = Tick the options first (their numbers): your vote is what you submit.
seat-none-available = No option is available.
seat-no-action = Your team has no action to take.
seat-ticked = { $n } ticked: { $pick } to vote.
seat-cannot-take-now = “{ $action }” cannot be taken now.
seat-presenter-no-vote = The presenter's screen does not vote.
seat-busy = The host is busy: try again.
seat-vote-recorded = Vote recorded.
seat-choice-in = The team's choice is in.
seat-action-done = Done: the action is taken.
seat-action-not-open = That action is not open to your team.
seat-decision-closed = That decision is no longer open.
seat-refused = Not done: { $why }
seat-not-saved = Not saved: the host could not record it; try again.
