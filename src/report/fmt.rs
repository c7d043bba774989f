//! Formatting shared by the renderers: times, durations and numbers. Nothing here reads
//! the wall clock: real times come from the journal's start plus each entry's offset.

use chrono::{DateTime, FixedOffset, NaiveDateTime, SecondsFormat};

use crate::scenario::compiled::format_number;
use crate::scenario::time::{self, Secs};

use super::model::Moment;

/// The two clocks of an exercise: the scenario's and the room's.
#[derive(Clone, Debug)]
pub struct Clocks {
    /// The scenario's date-time at T+0.
    pub scenario_start: NaiveDateTime,
    /// The session's wall-clock start in the room's time zone, if the journal records a
    /// valid one.
    pub started_at: Option<DateTime<FixedOffset>>,
    /// Interruptions (the session's real ms at the resume, wall-clock ms lost), in order:
    /// the session's clock stops while nobody has the exercise open, the wall clock not.
    pub interruptions: Vec<(u64, u64)>,
}

impl Clocks {
    /// Clocks from the scenario's start, the journal's `started_at` (RFC 3339) and the
    /// room's UTC offset (`+01:00`; when empty, the offset `started_at` is written in).
    pub fn new(scenario_start: NaiveDateTime, started_at: &str, utc_offset: &str) -> Self {
        let start = DateTime::parse_from_rfc3339(started_at.trim()).ok();
        let offset = parse_offset(utc_offset);
        Clocks {
            scenario_start,
            started_at: start.map(|t| offset.map_or(t, |o| t.with_timezone(&o))),
            interruptions: Vec::new(),
        }
    }

    /// The same clocks, with the interruptions a journal's heartbeats record.
    pub fn with_interruptions(mut self, gaps: Vec<(u64, u64)>) -> Self {
        self.interruptions = gaps;
        self
    }

    /// The label of the room's time zone: `Europe/Paris (UTC+01:00)`, `UTC+01:00`, `UTC`;
    /// empty without a valid start.
    pub fn zone(&self, time_zone: &str) -> String {
        let Some(start) = self.started_at else {
            return String::new();
        };
        let secs = start.offset().local_minus_utc();
        let offset = if secs == 0 {
            "UTC".to_string()
        } else {
            format!("UTC{}", start.format("%:z"))
        };
        match time_zone.trim() {
            "" => offset,
            name if name == offset => offset,
            name => format!("{name} ({offset})"),
        }
    }

    /// A moment at scenario time `at` and real time `real_ms`.
    pub fn moment(&self, at: Secs, real_ms: u64) -> Moment {
        Moment {
            at,
            offset: time::format_offset(at),
            clock: time::format_datetime_short(time::add_offset(self.scenario_start, at)),
            real_ms,
            real: self.wall(real_ms),
        }
    }

    /// The wall-clock time `real_ms` after the start, RFC 3339.
    pub fn wall(&self, real_ms: u64) -> Option<String> {
        let start = self.started_at?;
        let lost: u64 = self
            .interruptions
            .iter()
            .filter(|(t, _)| *t <= real_ms)
            .fold(0u64, |sum, (_, ms)| sum.saturating_add(*ms));
        let ms = i64::try_from(real_ms.saturating_add(lost)).ok()?;
        let t = start.checked_add_signed(chrono::Duration::milliseconds(ms))?;
        Some(t.to_rfc3339_opts(SecondsFormat::Secs, true))
    }

    /// The session's date for people, e.g. `Fri 29 Nov 2026`.
    pub fn date(&self) -> String {
        self.started_at
            .map(|t| t.format("%a %-d %b %Y").to_string())
            .unwrap_or_default()
    }
}

/// A UTC offset such as `+01:00`, `-05:30` or `Z`.
fn parse_offset(s: &str) -> Option<FixedOffset> {
    let s = s.trim();
    if s == "Z" {
        return FixedOffset::east_opt(0);
    }
    let (sign, rest) = match s.as_bytes().first()? {
        b'+' => (1, &s[1..]),
        b'-' => (-1, &s[1..]),
        _ => return None,
    };
    let (h, m) = rest.split_once(':').unwrap_or((rest, "0"));
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    if !(0..60).contains(&m) {
        return None;
    }
    FixedOffset::east_opt(sign * (h * 3600 + m * 60))
}

/// The real time of a moment for people: `hh:mm:ss` of the wall clock, or the time since
/// the start (`+mm:ss`) when the journal has no start time.
pub fn real_clock(m: &Moment) -> String {
    match m.real.as_deref().and_then(|r| r.get(11..19)) {
        Some(hms) => hms.to_string(),
        None => format!("+{}", elapsed(m.real_ms)),
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

/// A count with its noun in the right number: `1 deadline`, `2 deadlines`, `0 deadlines`.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_times_after_an_interruption_are_shifted_by_it() {
        let start = time::parse_datetime("2024-03-08T22:00").unwrap();
        let c = Clocks::new(start, "2026-11-29T10:00:00Z", "")
            .with_interruptions(vec![(60_000, 240_000)]);
        assert_eq!(c.wall(30_000).as_deref(), Some("2026-11-29T10:00:30Z"));
        assert_eq!(c.wall(60_000).as_deref(), Some("2026-11-29T10:05:00Z"));
        assert_eq!(c.wall(120_000).as_deref(), Some("2026-11-29T10:06:00Z"));
    }

    #[test]
    fn real_times_come_from_the_journal_start() {
        let start = time::parse_datetime("2024-03-08T22:00").unwrap();
        let c = Clocks::new(start, "2026-11-29T10:00:00Z", "");
        let m = c.moment(15 * 60, 3_723_400);
        assert_eq!(m.offset, "T+00:15");
        assert_eq!(m.clock, "Fri 8 Mar 22:15");
        assert_eq!(m.real.as_deref(), Some("2026-11-29T11:02:03Z"));
        assert_eq!(real_clock(&m), "11:02:03");
        assert_eq!(c.date(), "Sun 29 Nov 2026");
        assert_eq!(c.zone(""), "UTC");
        let offset = Clocks::new(start, "2026-11-29T10:00:00+01:00", "");
        assert_eq!(
            offset.wall(1000).as_deref(),
            Some("2026-11-29T10:00:01+01:00")
        );
        let none = Clocks::new(start, "", "+01:00");
        assert_eq!(none.zone("Europe/Paris"), "");
        let m = none.moment(0, 65_000);
        assert_eq!(m.real, None);
        assert_eq!(real_clock(&m), "+01:05");
    }

    #[test]
    fn real_times_are_in_the_rooms_time_zone() {
        let start = time::parse_datetime("2024-03-08T22:00").unwrap();
        let paris = Clocks::new(start, "2026-03-12T08:45:00Z", "+01:00");
        let m = paris.moment(0, 90_000);
        assert_eq!(m.real.as_deref(), Some("2026-03-12T09:46:30+01:00"));
        assert_eq!(real_clock(&m), "09:46:30");
        assert_eq!(paris.zone("Europe/Paris"), "Europe/Paris (UTC+01:00)");
        assert_eq!(paris.zone(""), "UTC+01:00");
        let late = Clocks::new(start, "2026-03-12T23:30:00Z", "-05:30");
        assert_eq!(real_clock(&late.moment(0, 0)), "18:00:00");
        assert_eq!(late.date(), "Thu 12 Mar 2026");
        assert_eq!(
            Clocks::new(start, "2026-03-12T23:30:00Z", "+01:00").date(),
            "Fri 13 Mar 2026"
        );
        let bad = Clocks::new(start, "2026-03-12T08:45:00Z", "nonsense");
        assert_eq!(bad.zone(""), "UTC");
        assert_eq!(parse_offset("+14:00"), FixedOffset::east_opt(14 * 3600));
        assert_eq!(
            parse_offset("-03:30"),
            FixedOffset::east_opt(-(3 * 3600 + 1800))
        );
        assert_eq!(parse_offset("+1:75"), None);
        assert_eq!(parse_offset(""), None);
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
