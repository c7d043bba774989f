//! The wall clock, read only by front ends: fresh seeds and journal timestamps. The
//! engine never reads it (commands carry their real time).

/// A seed from the wall clock, for exercises given none; short enough to type.
pub fn fresh_seed() -> u64 {
    let n = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    (n ^ (u64::from(std::process::id()) << 20)) % 1_000_000
}

/// Wall-clock time in RFC 3339 (UTC, to the second), for journal headers.
pub fn now_rfc3339() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The start of a session for a journal header: now in UTC, with the local UTC offset and
/// time-zone name (from `TZ` when set, else the system's setting).
pub fn started_now() -> crate::journal::Started {
    let now = chrono::Local::now();
    crate::journal::Started {
        at: now
            .with_timezone(&chrono::Utc)
            .format("%Y-%m-%dT%H:%M:%SZ")
            .to_string(),
        utc_offset: now.format("%:z").to_string(),
        time_zone: zone_from_tz(std::env::var("TZ").ok().as_deref())
            .or_else(|| iana_time_zone::get_timezone().ok())
            .map(|z| clean_zone(&z))
            .unwrap_or_default(),
    }
}

/// The zone named by a `TZ` value: `Europe/Paris`, `:Europe/Paris`, or a path ending in
/// `zoneinfo/Europe/Paris`; other values (POSIX rules such as `CET-1CEST`) are kept as is.
fn zone_from_tz(tz: Option<&str>) -> Option<String> {
    let tz = tz?.trim().trim_start_matches(':');
    if tz.is_empty() {
        return None;
    }
    if tz.starts_with('/') {
        return tz.split_once("zoneinfo/").map(|(_, name)| name.to_string());
    }
    Some(tz.to_string())
}

/// A zone name fit for a header: printable, at most 64 characters.
fn clean_zone(z: &str) -> String {
    z.chars().filter(|c| !c.is_control()).take(64).collect()
}

/// Wall-clock time in milliseconds since the Unix epoch, for heartbeats.
pub fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// The local UTC offset now, in seconds (for showing the time of day).
pub fn local_offset_s() -> i32 {
    use chrono::Offset;
    chrono::Local::now().offset().fix().local_minus_utc()
}

/// Wall-clock time as a file-name stamp, e.g. `20261201-101530`.
pub fn file_stamp() -> String {
    chrono::Utc::now().format("%Y%m%d-%H%M%S").to_string()
}

/// The language of the environment's locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), for
/// commands without a scenario and as the last choice of those with one.
pub fn env_lang() -> crate::i18n::Lang {
    crate::i18n::Lang::from_env(|name| std::env::var(name).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zone_names_come_from_tz_values() {
        assert_eq!(
            zone_from_tz(Some("Europe/Paris")).as_deref(),
            Some("Europe/Paris")
        );
        assert_eq!(
            zone_from_tz(Some(":Europe/Paris")).as_deref(),
            Some("Europe/Paris")
        );
        assert_eq!(
            zone_from_tz(Some("/usr/share/zoneinfo/America/New_York")).as_deref(),
            Some("America/New_York")
        );
        assert_eq!(zone_from_tz(Some("/etc/localtime")), None);
        assert_eq!(zone_from_tz(Some("")), None);
        assert_eq!(zone_from_tz(None), None);
        assert_eq!(clean_zone("Europe/Paris\n"), "Europe/Paris");
    }
}
