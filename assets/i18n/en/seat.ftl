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
seat-more-rows = { $n ->
    [one] … { $n } more line
   *[other] … { $n } more lines
}
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

## The web seat page (assets/web/app.html, app.js, join.html; src/host/web.rs)
seat-web-page-title = Downtime seat
seat-web-skip = Skip to the decision
seat-web-connecting = Connecting…
seat-web-ending = Ending
seat-web-briefing = Briefing
seat-web-decision = Decision
seat-web-name-label = Your name (optional, shown with your vote)
seat-web-no-decision-you = No decision is waiting for you.
seat-web-actions = Actions your team can take
seat-web-actions-note = Your team's lead takes these: tell them which one.
seat-web-inbox = Inbox
seat-web-taken = Decisions taken
seat-web-join-page-title = Join the exercise — Downtime
seat-web-join = Join the exercise
seat-web-code-label = Join code (6 digits, from the facilitator)
seat-web-join-button = Join
seat-web-join-other = Or scan your team's QR code, or open the link the facilitator gave you.
seat-web-bad-link = This link is not valid (any more). Type your team's join code instead.
seat-web-too-many = Too many wrong codes from this device: wait a while, then try again.
seat-web-bad-code = That code is not right. Check it and try again.
seat-web-full = This seat is full: ask the facilitator, or wait until a member leaves.
seat-web-not-joined = This page is no longer joined: open the link again or type the join code.
seat-web-too-many-tries = Too many tries: wait a moment.
seat-web-not-done = Not done: the decision may have closed.
seat-web-offline = No connection to the host.
seat-web-team-decision = Your team's decision
seat-web-several = Several answers: { $pick }. Tap an option to tick or untick it.
seat-web-lead = You are the team's lead: submit the team's choice when the team has decided.
seat-web-submit = Submit “{ $choice }” as the team's choice
seat-web-confirm-submit = Submit “{ $choice }” as the team's decision? This closes the vote.
seat-web-tick-first = Tick the options first: your vote is what you submit.
seat-web-vote-other = Vote for another option first to submit that one instead.
seat-web-at-most = at most { $n }
seat-web-none-left = none left
seat-web-again-in = again in { $n } min
seat-web-not-available-now = not available now
seat-web-confirm-take = Take “{ $action }” for the team now?
seat-web-new = New:
seat-web-none-yet = None yet.
seat-web-deadline-left = { $label }: { $n } min left
seat-web-item = { $name }: { $value }
seat-web-capacity = { $name }: { $n }% capacity
seat-web-unread = { $n ->
    [one] ({ $n } unread)
   *[other] ({ $n } unread)
}
seat-web-lost = Connection lost: reconnecting…
seat-web-plain = This connection is not encrypted: anyone on this network can read what this page shows.

# host and start-up (issue 17)
ssh-screen-closed = the exercise screen was closed
seat-refused-pick = { $n ->
    [one] pick one option
   *[other] pick { $n } options
}
seat-refused-pick-range = pick { $min } to { $max } options
seat-refused-unavailable = that option is not available
seat-refused-not-together = those options cannot be taken together
seat-refused-action = that action cannot be taken now
seat-refused-action-why = that action cannot be taken now: { $why }
