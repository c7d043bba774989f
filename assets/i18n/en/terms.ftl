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
