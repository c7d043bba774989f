//! Formatting shared by the renderers: times, durations and numbers. Nothing here reads
//! the wall clock: real times come from the journal's start plus each entry's offset.

use chrono::{DateTime, FixedOffset, Offset, SecondsFormat, Utc};

use crate::i18n::Lang;
use crate::i18n::format::NNBSP;
use crate::room::RoomZone;
use crate::scenario::compiled::{Clock, format_number};
use crate::scenario::time::{self, Secs};
use crate::tr;

use super::model::Moment;

/// The two clocks of an exercise: the scenario's and the room's.
#[derive(Clone, Debug)]
pub struct Clocks {
    /// The scenario's clock (its start and zone).
    pub scenario: Clock,
    /// The session's wall-clock start, if the journal records a valid one.
    pub started_at: Option<DateTime<Utc>>,
    /// The room's zone, in which wall-clock times are shown.
    pub room: RoomZone,
    /// Interruptions (the session's real ms at the resume, wall-clock ms lost), in order:
    /// the session's clock stops while nobody has the exercise open, the wall clock not.
    pub interruptions: Vec<(u64, u64)>,
    /// The language dates are written in.
    pub lang: Lang,
}

impl Clocks {
    /// Clocks from the scenario's clock, the journal's `started_at` (RFC 3339) and the
    /// room's zone as its header records it: `time_zone` (an IANA name), else `utc_offset`
    /// (`+01:00`), else the offset `started_at` is written in.
    pub fn new(scenario: Clock, started_at: &str, utc_offset: &str, time_zone: &str) -> Self {
        let start = DateTime::parse_from_rfc3339(started_at.trim()).ok();
        let written = start.map_or(FixedOffset::east_opt(0), |t| Some(*t.offset()));
        let fallback = written.unwrap_or_else(|| Utc.fix());
        Clocks {
            scenario,
            started_at: start.map(|t| t.with_timezone(&Utc)),
            room: RoomZone::from_header(time_zone, utc_offset, fallback),
            interruptions: Vec::new(),
            lang: Lang::En,
        }
    }

    /// The same clocks, with the interruptions a journal's heartbeats record.
    pub fn with_interruptions(mut self, gaps: Vec<(u64, u64)>) -> Self {
        self.interruptions = gaps;
        self
    }

    /// The same clocks, writing dates in `lang`.
    pub fn in_lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    /// The label of the room's time zone at the start: `Europe/Paris (UTC+01:00)`,
    /// `UTC+01:00`, `UTC`; empty without a valid start.
    pub fn zone(&self) -> String {
        self.started_at
            .map(|t| self.room.describe(t))
            .unwrap_or_default()
    }

    /// A moment at scenario time `at` and real time `real_ms`.
    pub fn moment(&self, at: Secs, real_ms: u64) -> Moment {
        let instant = self.instant(real_ms);
        Moment {
            at,
            offset: time::format_offset(at),
            clock: match self.lang {
                Lang::En => self.scenario.short(at),
                lang => self.scenario.short_in(lang, at),
            },
            real_ms,
            real: instant.map(|t| {
                self.room
                    .local(t)
                    .to_rfc3339_opts(SecondsFormat::Secs, true)
            }),
            real_clock: instant.map(|t| self.room.clock(t)),
        }
    }

    /// The wall-clock instant `real_ms` after the start, interruptions added.
    fn instant(&self, real_ms: u64) -> Option<DateTime<Utc>> {
        let start = self.started_at?;
        let lost: u64 = self
            .interruptions
            .iter()
            .filter(|(t, _)| *t <= real_ms)
            .fold(0u64, |sum, (_, ms)| sum.saturating_add(*ms));
        let ms = i64::try_from(real_ms.saturating_add(lost)).ok()?;
        start.checked_add_signed(chrono::Duration::milliseconds(ms))
    }

    /// The wall-clock time `real_ms` after the start, RFC 3339 at the room's offset then.
    pub fn wall(&self, real_ms: u64) -> Option<String> {
        self.moment(0, real_ms).real
    }

    /// The session's date for people in the room, e.g. `Fri 29 Nov 2026`.
    pub fn date(&self) -> String {
        self.started_at
            .map(|t| {
                let local = self.room.local(t);
                match self.lang {
                    Lang::En => local.format("%a %-d %b %Y").to_string(),
                    lang => crate::i18n::format::date(lang, local.date_naive()),
                }
            })
            .unwrap_or_default()
    }
}

/// The real time of a moment for people: the room's clock with its zone (`14:05:10 CET`,
/// `14:05:10 (UTC+01:00)`), or the time since the start (`+mm:ss`) when the journal has no
/// start time. Every renderer shows wall-clock times through this.
pub fn real_clock(m: &Moment) -> String {
    match &m.real_clock {
        Some(c) => c.clone(),
        None => format!("+{}", elapsed(m.real_ms)),
    }
}

/// When the session started, for the overview: the room's clock and, when it says more,
/// the zone: `09:45:00 CET · Europe/Paris (UTC+01:00)`, `13:30:00 UTC`.
pub fn started(from: &Moment, time_zone: &str) -> String {
    let clock = real_clock(from);
    let label = clock.split_once(' ').map_or("", |(_, l)| l);
    let bare = label.trim_start_matches('(').trim_end_matches(')');
    if time_zone.is_empty() || bare == time_zone {
        clock
    } else {
        format!("{clock} · {time_zone}")
    }
}

/// Elapsed real time as `mm:ss` or `h:mm:ss`.
pub fn elapsed(ms: u64) -> String {
    let s = ms / 1000;
    let (h, m, s) = (s / 3600, (s / 60) % 60, s % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m:02}:{s:02}")
    }
}

/// A real duration for people: `1h 02m 05s`, `42m 10s`, `12s`.
pub fn real_duration(ms: u64) -> String {
    let s = ms / 1000;
    let (h, m, s) = (s / 3600, (s / 60) % 60, s % 60);
    if h > 0 {
        format!("{h}h {m:02}m {s:02}s")
    } else if m > 0 {
        format!("{m}m {s:02}s")
    } else {
        format!("{s}s")
    }
}

/// A scenario duration for people: `1h30m`, `0m`.
pub fn span(secs: Secs) -> String {
    time::format_duration(secs)
}

/// A number without a trailing `.0`, one decimal otherwise.
pub fn num(v: f64) -> String {
    format_number((v * 10.0).round() / 10.0)
}

/// A value with its unit: `80%`, `10 k€`, `3 samples`, `12`.
pub fn with_unit(v: f64, unit: &str) -> String {
    match unit {
        "" => num(v),
        "%" => format!("{}%", num(v)),
        u => format!("{} {u}", num(v)),
    }
}

/// [`real_duration`] in a language: `1h 02m 05s`, `1 h 02 min 05 s`, `1 小时 02 分 05 秒`.
pub fn real_duration_in(lang: Lang, ms: u64) -> String {
    let s = ms / 1000;
    let (h, m, s) = (s / 3600, (s / 60) % 60, s % 60);
    let n = NNBSP;
    match lang {
        Lang::En => real_duration(ms),
        Lang::Fr if h > 0 => format!("{h}{n}h {m:02}{n}min {s:02}{n}s"),
        Lang::Fr if m > 0 => format!("{m}{n}min {s:02}{n}s"),
        Lang::Fr => format!("{s}{n}s"),
        Lang::Zh if h > 0 => format!("{h} 小时 {m:02} 分 {s:02} 秒"),
        Lang::Zh if m > 0 => format!("{m} 分 {s:02} 秒"),
        Lang::Zh => format!("{s} 秒"),
    }
}

/// [`span`] in a language: `1h30m`, `1 h 30`, `1 小时 30 分`.
pub fn span_in(lang: Lang, secs: Secs) -> String {
    match lang {
        Lang::En => span(secs),
        _ => crate::i18n::format::duration(lang, secs),
    }
}

/// [`num`] in a language: `12.5`, `12,5`.
pub fn num_in(lang: Lang, v: f64) -> String {
    crate::i18n::format::number(lang, (v * 10.0).round() / 10.0)
}

/// [`with_unit`] in a language: `80%` / `80 %`, `10 k€`.
pub fn with_unit_in(lang: Lang, v: f64, unit: &str) -> String {
    match lang {
        Lang::En => with_unit(v, unit),
        _ => crate::i18n::format::with_unit(lang, (v * 10.0).round() / 10.0, unit),
    }
}

/// A system state's id (`down`, as the report's model and JSON keep it) in words in a
/// language: `down`, `à l’arrêt`, `停机`; an unknown id as it is.
pub fn state_in(lang: Lang, id: &str) -> String {
    crate::scenario::model::SystemState::ALL
        .into_iter()
        .find(|s| s.name() == id)
        .map(|s| crate::i18n::terms::system_state(lang, s))
        .unwrap_or_else(|| id.to_string())
}

/// The colon between a label and what it introduces, as the language writes it: `: `,
/// ` : ` (French spaces it, as its catalogue does), `：` (Chinese, full width).
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ": ",
        Lang::Fr => " : ",
        Lang::Zh => "：",
    }
}

/// A parameter's value for people, in `lang`: a choice's label, `yes`/`oui`/`是`, a number
/// in the language's notation.
pub fn param_in(
    lang: Lang,
    p: &crate::scenario::compiled::Param,
    v: &crate::scenario::compiled::ParamValue,
) -> String {
    use crate::scenario::compiled::ParamValue;
    match (lang, v) {
        (Lang::En, _) => p.display(v),
        (_, ParamValue::Bool(b)) => crate::i18n::terms::yes_no(lang, *b),
        (_, ParamValue::Num(n)) => crate::i18n::format::number(lang, *n),
        _ => p.display(v),
    }
}

/// Words in brackets after what they qualify: ` (text)`, or the Chinese `（text）`, which
/// takes no space.
pub fn paren(lang: Lang, text: &str) -> String {
    match lang {
        Lang::Zh => format!("（{text}）"),
        _ => format!(" ({text})"),
    }
}

/// A label's colon where what follows is set apart (bold labels): `(":", " ")` in English,
/// `(" :", " ")` in French, `("：", "")` in Chinese.
pub fn colon_parts(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::En => (":", " "),
        Lang::Fr => (" :", " "),
        Lang::Zh => ("：", ""),
    }
}

/// The comma between two parts of a line: `, `, or the Chinese `，`.
pub fn comma(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "，",
        _ => ", ",
    }
}

/// The separator after a number that may have a decimal comma: `, ` (`85.2, in progress`),
/// ` ; ` in French (`85,2 ; en cours`, where a comma would read as more decimals), `，`.
pub fn after_number(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => " ; ",
        _ => comma(lang),
    }
}

/// The semicolon between the items of a list that have commas of their own: `; `, ` ; `,
/// `；`.
pub fn semicolon(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "; ",
        Lang::Fr => " ; ",
        Lang::Zh => "；",
    }
}

/// A count with its noun in the right number: `1 deadline`, `2 deadlines`, `0 deadlines`.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The rating the evidence suggests for an objective, marked as a suggestion (plain text:
/// the Markdown and Word reports; the HTML report escapes the rating and mutes it).
pub fn suggestion(l: Lang, o: &super::model::ObjectiveReport) -> String {
    if o.suggested == "not_rated" {
        tr!(l, "report-suggestion-none")
    } else {
        tr!(l, "report-suggestion", rating = o.suggested.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clock(start: &str) -> Clock {
        Clock {
            start: time::parse_datetime(start).unwrap(),
            zone: None,
            step: 900,
            end: 86_400,
        }
    }

    #[test]
    fn real_times_after_an_interruption_are_shifted_by_it() {
        let start = clock("2024-03-08T22:00");
        let c = Clocks::new(start, "2026-11-29T10:00:00Z", "", "")
            .with_interruptions(vec![(60_000, 240_000)]);
        assert_eq!(c.wall(30_000).as_deref(), Some("2026-11-29T10:00:30Z"));
        assert_eq!(c.wall(60_000).as_deref(), Some("2026-11-29T10:05:00Z"));
        assert_eq!(c.wall(120_000).as_deref(), Some("2026-11-29T10:06:00Z"));
    }

    #[test]
    fn real_times_come_from_the_journal_start() {
        let start = clock("2024-03-08T22:00");
        let c = Clocks::new(start, "2026-11-29T10:00:00Z", "", "");
        let m = c.moment(15 * 60, 3_723_400);
        assert_eq!(m.offset, "T+00:15");
        assert_eq!(m.clock, "Fri 8 Mar 22:15");
        assert_eq!(m.real.as_deref(), Some("2026-11-29T11:02:03Z"));
        assert_eq!(real_clock(&m), "11:02:03 UTC");
        assert_eq!(c.date(), "Sun 29 Nov 2026");
        assert_eq!(c.zone(), "UTC");
        let offset = Clocks::new(start, "2026-11-29T10:00:00+01:00", "", "");
        assert_eq!(
            offset.wall(1000).as_deref(),
            Some("2026-11-29T10:00:01+01:00")
        );
        let none = Clocks::new(start, "", "+01:00", "Europe/Paris");
        assert_eq!(none.zone(), "");
        let m = none.moment(0, 65_000);
        assert_eq!(m.real, None);
        assert_eq!(real_clock(&m), "+01:05");
    }

    #[test]
    fn real_times_are_in_the_rooms_time_zone() {
        let start = clock("2024-03-08T22:00");
        let paris = Clocks::new(start, "2026-03-12T08:45:00Z", "+01:00", "Europe/Paris");
        let m = paris.moment(0, 90_000);
        assert_eq!(m.real.as_deref(), Some("2026-03-12T09:46:30+01:00"));
        assert_eq!(real_clock(&m), "09:46:30 CET");
        assert_eq!(paris.zone(), "Europe/Paris (UTC+01:00)");
        let offset = Clocks::new(start, "2026-03-12T08:45:00Z", "+01:00", "");
        assert_eq!(offset.zone(), "UTC+01:00");
        assert_eq!(real_clock(&offset.moment(0, 0)), "09:45:00 (UTC+01:00)");
        let late = Clocks::new(start, "2026-03-12T23:30:00Z", "-05:30", "");
        assert_eq!(real_clock(&late.moment(0, 0)), "18:00:00 (UTC-05:30)");
        assert_eq!(late.date(), "Thu 12 Mar 2026");
        assert_eq!(
            Clocks::new(start, "2026-03-12T23:30:00Z", "+01:00", "").date(),
            "Fri 13 Mar 2026"
        );
        let bad = Clocks::new(start, "2026-03-12T08:45:00Z", "nonsense", "Nowhere/Else");
        assert_eq!(bad.zone(), "UTC");
    }

    #[test]
    fn a_report_made_later_elsewhere_gives_the_rooms_times_across_daylight_saving() {
        // The session started in Paris 30 minutes before the clocks went forward; whatever
        // the zone of the machine rendering it, the room's times follow the database.
        let c = Clocks::new(
            clock("2024-03-08T22:00"),
            "2026-03-29T00:30:00Z",
            "+01:00",
            "Europe/Paris",
        );
        assert_eq!(real_clock(&c.moment(0, 0)), "01:30:00 CET");
        let later = c.moment(0, 3_600_000);
        assert_eq!(real_clock(&later), "03:30:00 CEST");
        assert_eq!(later.real.as_deref(), Some("2026-03-29T03:30:00+02:00"));
    }

    #[test]
    fn durations_and_numbers_read_well() {
        assert_eq!(real_duration(3_725_000), "1h 02m 05s");
        assert_eq!(real_duration(2_530_000), "42m 10s");
        assert_eq!(real_duration(12_999), "12s");
        assert_eq!(elapsed(3_725_000), "1:02:05");
        assert_eq!(with_unit(80.0, "%"), "80%");
        assert_eq!(with_unit(12.25, "k€"), "12.3 k€");
        assert_eq!(with_unit(3.0, ""), "3");
    }
}
