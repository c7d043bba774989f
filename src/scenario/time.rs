//! Scenario time: durations such as `15m` or `1h30m`, and clock date-times.
//!
//! Scenario time is counted in whole seconds from the start of the exercise clock.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// A length of scenario time, or an offset from the clock's start, in seconds.
pub type Secs = i64;

/// One minute in seconds.
pub const MINUTE: Secs = 60;
/// One hour in seconds.
pub const HOUR: Secs = 3600;
/// One day in seconds.
pub const DAY: Secs = 86_400;

/// Longest duration accepted anywhere (about 27 years), so that arithmetic never overflows.
pub const MAX_DURATION: Secs = 10_000 * DAY;

/// Parses a duration such as `45m`, `2h`, `1h30m`, `3d`, `90s` or `0` (no unit only for zero).
///
/// Units: `s` seconds, `m` minutes, `h` hours, `d` days, `w` weeks. Parts may be chained
/// from the largest unit to the smallest, and surrounding spaces are ignored.
pub fn parse_duration(text: &str) -> Result<Secs, String> {
    let s = text.trim();
    if s.is_empty() {
        return Err("a duration cannot be empty; write for example `15m`, `2h` or `1h30m`".into());
    }
    if s == "0" {
        return Ok(0);
    }
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut total: Secs = 0;
    let mut last_unit = Secs::MAX;
    while i < bytes.len() {
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        if start == i {
            return Err(format!(
                "`{s}` is not a duration: expected a number at `{}`; write for example `15m`, `2h` or `1h30m`",
                &s[start..]
            ));
        }
        let number: Secs = s[start..i]
            .parse()
            .ok()
            .filter(|n| *n <= MAX_DURATION)
            .ok_or_else(|| format!("`{s}` is too long a duration"))?;
        let unit = match bytes.get(i) {
            Some(b's') => 1,
            Some(b'm') => MINUTE,
            Some(b'h') => HOUR,
            Some(b'd') => DAY,
            Some(b'w') => 7 * DAY,
            Some(_) => {
                let bad: String = s[i..].chars().take(1).collect();
                return Err(format!(
                    "`{s}` is not a duration: unknown unit `{bad}`; units are s, m, h, d and w"
                ));
            }
            None => {
                return Err(format!(
                    "`{s}` has no unit; write for example `{n}m` or `{n}h`",
                    n = &s[start..i]
                ));
            }
        };
        if unit >= last_unit {
            return Err(format!(
                "`{s}` repeats or reorders units; write the largest unit first, as in `1h30m`"
            ));
        }
        last_unit = unit;
        i += 1;
        total = total
            .checked_add(number.saturating_mul(unit))
            .filter(|t| *t <= MAX_DURATION)
            .ok_or_else(|| format!("`{s}` is too long a duration"))?;
    }
    Ok(total)
}

/// Formats a duration compactly, e.g. `1h30m`, `3d`, `45m`, `0m`.
pub fn format_duration(secs: Secs) -> String {
    let sign = if secs < 0 { "-" } else { "" };
    let mut rest = secs.unsigned_abs();
    if rest == 0 {
        return "0m".into();
    }
    let mut out = String::from(sign);
    for (unit, name) in [(86_400u64, 'd'), (3600, 'h'), (60, 'm'), (1, 's')] {
        if rest >= unit {
            out.push_str(&(rest / unit).to_string());
            out.push(name);
            rest %= unit;
        }
    }
    out
}

/// Formats an offset from the clock's start as `T+hh:mm` (hours may exceed 24).
pub fn format_offset(secs: Secs) -> String {
    let sign = if secs < 0 { '-' } else { '+' };
    let m = secs.unsigned_abs() / 60;
    format!("T{sign}{:02}:{:02}", m / 60, m % 60)
}

/// Formats a countdown as `hh:mm` or, past a day, `Nd hh:mm`.
pub fn format_countdown(secs: Secs) -> String {
    let m = secs.max(0) / 60;
    let (d, h, mm) = (m / 1440, (m / 60) % 24, m % 60);
    if d > 0 {
        format!("{d}d {h:02}:{mm:02}")
    } else {
        format!("{h:02}:{mm:02}")
    }
}

/// Parses a date-time `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS` (a space may replace `T`).
pub fn parse_datetime(text: &str) -> Result<NaiveDateTime, String> {
    let s = text.trim();
    let (date, time) = s.split_once(['T', ' ']).ok_or_else(|| {
        format!(
            "`{s}` is not a date-time; write it as `2022-12-03T21:00` (year-month-dayThour:minute)"
        )
    })?;
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .map_err(|_| format!("`{s}` has an invalid date `{date}`; write it as `2022-12-03`"))?;
    let time = NaiveTime::parse_from_str(time, "%H:%M:%S")
        .or_else(|_| NaiveTime::parse_from_str(time, "%H:%M"))
        .map_err(|_| {
            format!("`{s}` has an invalid time `{time}`; write it as `21:00` or `21:00:30`")
        })?;
    Ok(NaiveDateTime::new(date, time))
}

/// Formats a clock date-time for people, e.g. `Sat 3 Dec 2022 21:00`.
pub fn format_datetime(at: NaiveDateTime) -> String {
    at.format("%a %-d %b %Y %H:%M").to_string()
}

/// Formats a clock date-time without the year, e.g. `Sat 3 Dec 21:00`.
pub fn format_datetime_short(at: NaiveDateTime) -> String {
    at.format("%a %-d %b %H:%M").to_string()
}

/// Formats a clock time with its weekday, e.g. `Sun 08:00` (for lists, where the date is
/// plain from the neighbours).
pub fn format_day_time(at: NaiveDateTime) -> String {
    at.format("%a %H:%M").to_string()
}

/// The date-time reached `offset` seconds after `start`.
pub fn add_offset(start: NaiveDateTime, offset: Secs) -> NaiveDateTime {
    start + chrono::Duration::seconds(offset.clamp(-MAX_DURATION, MAX_DURATION))
}

/// A time relative to a phase's start, as written: `sunday`, `sunday+2h` or `sunday-30m`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PhaseRelative<'a> {
    /// The phase id.
    pub phase: &'a str,
    /// Whether the offset counts back from the phase's start (`-`).
    pub before: bool,
    /// The duration after the sign (`"0"` when there is none).
    pub offset: &'a str,
}

/// Splits a phase-relative time point. Offsets and date-times start with a digit, so a text
/// that starts with a letter or `_` is taken as a phase id, then `+` or `-` and a duration.
pub fn split_phase_relative(text: &str) -> Option<PhaseRelative<'_>> {
    let s = text.trim();
    if !s.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
        return None;
    }
    let (phase, before, offset) = match s.find(['+', '-']) {
        Some(k) => (&s[..k], &s[k..k + 1] == "-", &s[k + 1..]),
        None => (s, false, "0"),
    };
    Some(PhaseRelative {
        phase: phase.trim(),
        before,
        offset: offset.trim(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse_in_every_unit() {
        assert_eq!(parse_duration("15m"), Ok(15 * MINUTE));
        assert_eq!(parse_duration(" 1h30m "), Ok(HOUR + 30 * MINUTE));
        assert_eq!(parse_duration("3d"), Ok(3 * DAY));
        assert_eq!(parse_duration("1w2d"), Ok(9 * DAY));
        assert_eq!(parse_duration("90s"), Ok(90));
        assert_eq!(parse_duration("0"), Ok(0));
    }

    #[test]
    fn bad_durations_explain_themselves() {
        assert!(parse_duration("15").unwrap_err().contains("no unit"));
        assert!(
            parse_duration("15x")
                .unwrap_err()
                .contains("unknown unit `x`")
        );
        assert!(
            parse_duration("30m1h")
                .unwrap_err()
                .contains("largest unit first")
        );
        assert!(parse_duration("").unwrap_err().contains("empty"));
        assert!(
            parse_duration("h")
                .unwrap_err()
                .contains("expected a number")
        );
        assert!(
            parse_duration("99999999999999999999d")
                .unwrap_err()
                .contains("too long")
        );
    }

    #[test]
    fn formats_are_stable() {
        assert_eq!(format_duration(HOUR + 30 * MINUTE), "1h30m");
        assert_eq!(format_duration(0), "0m");
        assert_eq!(format_offset(49 * HOUR + 15 * MINUTE), "T+49:15");
        assert_eq!(format_countdown(26 * HOUR + 5 * MINUTE), "1d 02:05");
        let at = parse_datetime("2022-12-03T21:00").unwrap();
        assert_eq!(format_datetime(at), "Sat 3 Dec 2022 21:00");
        assert_eq!(
            format_datetime_short(add_offset(at, 3 * HOUR)),
            "Sun 4 Dec 00:00"
        );
        assert_eq!(format_day_time(add_offset(at, 11 * HOUR)), "Sun 08:00");
    }

    #[test]
    fn phase_relative_times_split_into_phase_sign_and_offset() {
        let p = split_phase_relative(" sunday+2h ").unwrap();
        assert_eq!((p.phase, p.before, p.offset), ("sunday", false, "2h"));
        let p = split_phase_relative("night_2 - 30m").unwrap();
        assert_eq!((p.phase, p.before, p.offset), ("night_2", true, "30m"));
        let p = split_phase_relative("sunday").unwrap();
        assert_eq!((p.phase, p.before, p.offset), ("sunday", false, "0"));
        assert_eq!(split_phase_relative("2h"), None);
        assert_eq!(split_phase_relative("2022-12-03T21:00"), None);
    }

    #[test]
    fn bad_datetimes_explain_themselves() {
        assert!(
            parse_datetime("2022-12-03")
                .unwrap_err()
                .contains("not a date-time")
        );
        assert!(
            parse_datetime("2022-13-03T21:00")
                .unwrap_err()
                .contains("invalid date")
        );
        assert!(
            parse_datetime("2022-12-03T25:00")
                .unwrap_err()
                .contains("invalid time")
        );
    }
}
