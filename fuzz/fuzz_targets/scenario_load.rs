//! The scenario loader and validator on arbitrary bytes (`load_bytes` with no files).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    downtime_fuzz::scenario_bytes(data);
});
