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

/// Wall-clock time as a file-name stamp, e.g. `20261201-101530`.
pub fn file_stamp() -> String {
    chrono::Utc::now().format("%Y%m%d-%H%M%S").to_string()
}
