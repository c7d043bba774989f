//! The room's time zone: wall-clock times (a session's start, the real time of each
//! command) as the people in the room read them, whatever machine shows them later.
//!
//! A journal header records the facilitator's zone (`time_zone`, an IANA name) and UTC
//! offset (`utc_offset`) when the session started. Times are computed with the embedded
//! time-zone database (`chrono-tz`), never with the zone of the machine that renders them,
//! so a report made later elsewhere gives the room's times, daylight saving included.

use chrono::{DateTime, FixedOffset, Offset, TimeZone, Utc};
use chrono_tz::{OffsetName, Tz};

/// The zone wall-clock times are shown in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoomZone {
    /// An IANA zone (`Europe/Paris`): offsets and abbreviations (`CET`/`CEST`) follow the
    /// database at each instant.
    Named(Tz),
    /// A fixed UTC offset only (`+01:00`), for journals that record no usable zone name.
    Fixed(FixedOffset),
}

impl RoomZone {
    /// The zone a journal header records: its `time_zone` when it is an IANA name, else its
    /// `utc_offset`, else `fallback` (the offset `started_at` was written in; UTC for `Z`).
    pub fn from_header(time_zone: &str, utc_offset: &str, fallback: FixedOffset) -> Self {
        match time_zone.trim().parse::<Tz>() {
            Ok(tz) => RoomZone::Named(tz),
            Err(_) => RoomZone::Fixed(parse_offset(utc_offset).unwrap_or(fallback)),
        }
    }

    /// The instant `t` at the room's offset then.
    pub fn local(&self, t: DateTime<Utc>) -> DateTime<FixedOffset> {
        match self {
            RoomZone::Named(tz) => {
                let off = tz.offset_from_utc_datetime(&t.naive_utc()).fix();
                t.with_timezone(&off)
            }
            RoomZone::Fixed(off) => t.with_timezone(off),
        }
    }

    /// The label of the room's clock at `t`: the zone's abbreviation (`CET`), or the offset
    /// (`(UTC+01:00)`, `UTC`) where there is none.
    pub fn label(&self, t: DateTime<Utc>) -> String {
        if let RoomZone::Named(tz) = self {
            let abbr = tz.offset_from_utc_datetime(&t.naive_utc());
            if let Some(a) = abbr
                .abbreviation()
                .filter(|a| a.starts_with(char::is_alphabetic))
            {
                return a.to_string();
            }
        }
        match self.local(t).offset().local_minus_utc() {
            0 => "UTC".to_string(),
            _ => format!("(UTC{})", self.local(t).format("%:z")),
        }
    }

    /// A wall-clock time as people read it: `14:05:10 CET`, `14:05:10 (UTC+01:00)`.
    pub fn clock(&self, t: DateTime<Utc>) -> String {
        format!("{} {}", self.local(t).format("%H:%M:%S"), self.label(t))
    }

    /// The zone's name for an overview: `Europe/Paris (UTC+01:00)`, `UTC+01:00`, `UTC`.
    pub fn describe(&self, t: DateTime<Utc>) -> String {
        let off = self.local(t).offset().local_minus_utc();
        let offset = if off == 0 {
            "UTC".to_string()
        } else {
            format!("UTC{}", self.local(t).format("%:z"))
        };
        match self {
            RoomZone::Named(tz) if tz.name() != offset => format!("{} ({offset})", tz.name()),
            _ => offset,
        }
    }
}

/// A UTC offset such as `+01:00`, `-05:30` or `Z`.
pub fn parse_offset(s: &str) -> Option<FixedOffset> {
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

/// The wall-clock time `ms` (since the Unix epoch) in the room's zone, e.g. `14:05:10 CET`;
/// a journal header's `time_zone` and `utc_offset` name the zone (see [`RoomZone`]).
pub fn wall_clock(ms: i64, time_zone: &str, utc_offset: &str) -> String {
    let utc = FixedOffset::east_opt(0).unwrap_or_else(|| Utc.fix());
    let zone = RoomZone::from_header(time_zone, utc_offset, utc);
    let t = DateTime::from_timestamp_millis(ms).unwrap_or_default();
    zone.clock(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn a_named_zone_follows_daylight_saving() {
        let z = RoomZone::from_header("Europe/Paris", "+02:00", Utc.fix());
        assert_eq!(z.clock(utc("2026-03-29T00:30:00Z")), "01:30:00 CET");
        assert_eq!(z.clock(utc("2026-03-29T01:30:00Z")), "03:30:00 CEST");
        assert_eq!(
            z.describe(utc("2026-07-01T12:00:00Z")),
            "Europe/Paris (UTC+02:00)"
        );
        let ny = RoomZone::from_header("America/New_York", "", Utc.fix());
        assert_eq!(ny.clock(utc("2026-11-29T19:05:00Z")), "14:05:00 EST");
    }

    #[test]
    fn without_a_zone_name_the_offset_is_the_label() {
        let z = RoomZone::from_header("CET-1CEST", "+01:00", Utc.fix());
        assert_eq!(z.clock(utc("2026-11-29T13:05:00Z")), "14:05:00 (UTC+01:00)");
        assert_eq!(z.describe(utc("2026-11-29T13:05:00Z")), "UTC+01:00");
        let none = RoomZone::from_header("", "", Utc.fix());
        assert_eq!(none.clock(utc("2026-11-29T13:05:00Z")), "13:05:00 UTC");
        assert_eq!(none.describe(utc("2026-11-29T13:05:00Z")), "UTC");
        // A zone without a letter abbreviation shows its offset.
        let dubai = RoomZone::from_header("Asia/Dubai", "", Utc.fix());
        assert_eq!(
            dubai.clock(utc("2026-11-29T10:05:00Z")),
            "14:05:00 (UTC+04:00)"
        );
        assert_eq!(
            wall_clock(1_764_421_500_000, "Asia/Tokyo", ""),
            "22:05:00 JST"
        );
    }

    #[test]
    fn offsets_parse() {
        assert_eq!(parse_offset("+14:00"), FixedOffset::east_opt(14 * 3600));
        assert_eq!(
            parse_offset("-03:30"),
            FixedOffset::east_opt(-(3 * 3600 + 1800))
        );
        assert_eq!(parse_offset("Z"), FixedOffset::east_opt(0));
        assert_eq!(parse_offset("+1:75"), None);
        assert_eq!(parse_offset(""), None);
    }
}
