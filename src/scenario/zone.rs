//! Time zones from the IANA database embedded by `chrono-tz`: the scenario clock's `zone`
//! and the room's zone a journal header records. Pure: nothing here reads the machine's
//! zone or the wall clock.
//!
//! A scenario time is its clock's start plus an offset of elapsed seconds. In a zone the
//! start is a local time, made an instant, the offset added to the instant, and the result
//! shown as the zone's local time again, so daylight-saving changes fall where they do in
//! the zone: 6 h after `2022-10-29T23:00` in `Europe/Paris` is 04:00 (the clocks went back
//! from 03:00 to 02:00 in between).
//!
//! A local time that does not exist (in a spring-forward gap) or exists twice (at a
//! fall-back) is made an instant by one rule, the one of RFC 5545 and JavaScript's
//! Temporal (`compatible`): a time in a gap is read with the offset in force before the
//! change, so it lands as far after the change (02:30 on 27 March 2022 in Paris is 03:30
//! CEST); a time that occurs twice is its first occurrence (the summer one).

use chrono::{DateTime, Duration, NaiveDateTime, Offset, TimeZone, Utc};
pub use chrono_tz::Tz;
use chrono_tz::{OffsetName, TZ_VARIANTS};

use super::expr::symbols::did_you_mean;
use super::time::{MAX_DURATION, Secs};

/// Reads an IANA zone name such as `Europe/Paris` (exact spelling; `UTC` too), with a
/// "did you mean" hint when it is not one.
pub fn parse_zone(name: &str) -> Result<Tz, String> {
    let name = name.trim();
    if let Ok(tz) = name.parse::<Tz>() {
        return Ok(tz);
    }
    let folded = TZ_VARIANTS
        .iter()
        .find(|z| z.name().eq_ignore_ascii_case(name));
    let best = folded
        .map(|z| z.name().to_string())
        .or_else(|| did_you_mean(name, TZ_VARIANTS.iter().map(|z| z.name())));
    Err(match best {
        Some(b) => format!("did you mean `{b}`? Zones are IANA names such as `Europe/Paris`"),
        None => "write an IANA zone name such as `Europe/Paris`, `America/New_York` or `UTC`"
            .to_string(),
    })
}

/// The instant of a local time in `zone`, by the rule of the module's documentation.
pub fn instant(local: NaiveDateTime, zone: Tz) -> DateTime<Utc> {
    if let Some(t) = zone.from_local_datetime(&local).earliest() {
        return t.with_timezone(&Utc);
    }
    // In a gap: the offset in force a day before (gaps are hours long, far apart).
    let before = local - Duration::days(1);
    let offset = zone.offset_from_utc_datetime(&before).fix();
    Utc.from_utc_datetime(&(local - Duration::seconds(i64::from(offset.local_minus_utc()))))
}

/// The local date-time `offset` elapsed seconds after `start`, in `zone` (naive
/// arithmetic without one).
pub fn local_at(start: NaiveDateTime, zone: Option<Tz>, offset: Secs) -> NaiveDateTime {
    let d = Duration::seconds(offset.clamp(-MAX_DURATION, MAX_DURATION));
    match zone {
        None => start + d,
        Some(z) => (instant(start, z) + d).with_timezone(&z).naive_local(),
    }
}

/// The zone's abbreviation `offset` seconds after `start` (`CET`, `CEST`, or `+0530` where
/// the database has none but the offset).
pub fn abbreviation(start: NaiveDateTime, zone: Tz, offset: Secs) -> String {
    let d = Duration::seconds(offset.clamp(-MAX_DURATION, MAX_DURATION));
    let t = (instant(start, zone) + d).with_timezone(&zone);
    match t.offset().abbreviation() {
        Some(a) if !a.is_empty() => a.to_string(),
        _ => t.format("%z").to_string(),
    }
}

/// The elapsed seconds from `start` to the local time `at`, both in `zone`.
pub fn seconds_between(start: NaiveDateTime, zone: Option<Tz>, at: NaiveDateTime) -> Secs {
    match zone {
        None => (at - start).num_seconds(),
        Some(z) => (instant(at, z) - instant(start, z)).num_seconds(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::time::{HOUR, parse_datetime};

    fn paris() -> Tz {
        parse_zone("Europe/Paris").unwrap()
    }

    fn at(s: &str) -> NaiveDateTime {
        parse_datetime(s).unwrap()
    }

    #[test]
    fn autumn_fall_back_repeats_an_hour() {
        let start = at("2022-10-29T23:00");
        assert_eq!(
            local_at(start, Some(paris()), 6 * HOUR),
            at("2022-10-30T04:00")
        );
        assert_eq!(local_at(start, None, 6 * HOUR), at("2022-10-30T05:00"));
        assert_eq!(abbreviation(start, paris(), 0), "CEST");
        assert_eq!(abbreviation(start, paris(), 6 * HOUR), "CET");
        // 02:30 comes twice: 3.5 h (CEST) and 4.5 h (CET) after the start.
        assert_eq!(
            local_at(start, Some(paris()), 3 * HOUR + 1800),
            at("2022-10-30T02:30")
        );
        assert_eq!(
            local_at(start, Some(paris()), 4 * HOUR + 1800),
            at("2022-10-30T02:30")
        );
        // Read back, an ambiguous time is the first one.
        assert_eq!(
            seconds_between(start, Some(paris()), at("2022-10-30T02:30")),
            3 * HOUR + 1800
        );
        assert_eq!(
            instant(at("2022-10-30T02:30"), paris()).to_rfc3339(),
            "2022-10-30T00:30:00+00:00"
        );
    }

    #[test]
    fn spring_forward_skips_an_hour() {
        let start = at("2022-03-26T23:00");
        assert_eq!(
            local_at(start, Some(paris()), 4 * HOUR),
            at("2022-03-27T04:00")
        );
        assert_eq!(abbreviation(start, paris(), 0), "CET");
        assert_eq!(abbreviation(start, paris(), 4 * HOUR), "CEST");
        // 02:30 does not exist: it is read as 03:30 CEST (the offset before the change).
        assert_eq!(
            instant(at("2022-03-27T02:30"), paris()).to_rfc3339(),
            "2022-03-27T01:30:00+00:00"
        );
        assert_eq!(
            local_at(at("2022-03-27T02:30"), Some(paris()), 0),
            at("2022-03-27T03:30")
        );
        assert_eq!(
            seconds_between(start, Some(paris()), at("2022-03-27T08:00")),
            8 * HOUR
        );
    }

    #[test]
    fn zone_names_are_checked_with_a_hint() {
        assert_eq!(parse_zone(" UTC ").unwrap(), Tz::UTC);
        assert!(
            parse_zone("europe/paris")
                .unwrap_err()
                .contains("`Europe/Paris`")
        );
        assert!(
            parse_zone("Europe/Pariss")
                .unwrap_err()
                .contains("`Europe/Paris`")
        );
        assert!(parse_zone("Nowhere").unwrap_err().contains("IANA"));
        let kolkata = parse_zone("Asia/Kolkata").unwrap();
        assert_eq!(abbreviation(at("2024-01-01T00:00"), kolkata, 0), "IST");
    }
}
