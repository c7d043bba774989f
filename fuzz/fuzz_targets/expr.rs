//! The expression parser and compiler on arbitrary text, against a fixed symbol table.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(src) = std::str::from_utf8(data) {
        downtime_fuzz::expr(src);
    }
});
