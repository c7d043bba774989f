//! The journal reader on arbitrary bytes, then replay against the tutorial and a report.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    downtime_fuzz::journal_bytes(data);
});
